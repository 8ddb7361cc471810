import type {
  ButtonHTMLAttributes,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import { forwardRef, useId } from "react";

/** Shared presentational pieces. No data access, no permissions: pages decide what to show. */

export function cx(...classes: (string | number | false | null | undefined)[]) {
  return classes.filter(Boolean).join(" ");
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger" | "ghost";
  busy?: boolean;
};

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "primary", busy, className, children, disabled, ...rest },
  ref,
) {
  const styles = {
    primary: "bg-brand text-white hover:bg-brand-strong",
    secondary: "bg-white text-ink ring-1 ring-line hover:bg-paper",
    danger: "bg-bad text-white hover:opacity-90",
    ghost: "text-brand hover:bg-brand-soft",
  }[variant];
  return (
    <button
      ref={ref}
      className={cx(
        "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60",
        styles,
        className,
      )}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {children}
    </button>
  );
});

export function FieldError({ id, errors }: { id: string; errors?: string[] | string }) {
  const list = typeof errors === "string" ? [errors] : errors;
  if (!list?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-bad" role="alert">
      {list.join(" ")}
    </p>
  );
}

type FieldProps = { label: string; hint?: ReactNode; errors?: string[] | string };

export const TextField = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & FieldProps>(
  function TextField({ label, hint, errors, className, id, ...input }, ref) {
    const generated = useId();
    const inputId = id ?? generated;
    const hasError = !!(typeof errors === "string" ? errors : errors?.length);
    return (
      <div className={className}>
        <label htmlFor={inputId} className="block text-sm font-medium">
          {label}
        </label>
        {hint ? (
          <p className="text-sm text-muted" id={`${inputId}-hint`}>
            {hint}
          </p>
        ) : null}
        <input
          ref={ref}
          id={inputId}
          aria-invalid={hasError || undefined}
          aria-describedby={cx(hasError && `${inputId}-error`, hint && `${inputId}-hint`) || undefined}
          className={cx(
            "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm",
            hasError ? "border-bad" : "border-line",
          )}
          {...input}
        />
        <FieldError id={`${inputId}-error`} errors={errors} />
      </div>
    );
  },
);

export const TextArea = forwardRef<
  HTMLTextAreaElement,
  TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps
>(function TextArea({ label, hint, errors, className, id, ...input }, ref) {
  const generated = useId();
  const inputId = id ?? generated;
  const hasError = !!(typeof errors === "string" ? errors : errors?.length);
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p className="text-sm text-muted" id={`${inputId}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        ref={ref}
        id={inputId}
        aria-invalid={hasError || undefined}
        aria-describedby={cx(hasError && `${inputId}-error`, hint && `${inputId}-hint`) || undefined}
        className={cx(
          "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm",
          hasError ? "border-bad" : "border-line",
        )}
        {...input}
      />
      <FieldError id={`${inputId}-error`} errors={errors} />
    </div>
  );
});

export const SelectField = forwardRef<
  HTMLSelectElement,
  SelectHTMLAttributes<HTMLSelectElement> & FieldProps & { options: { value: string; label: string }[] }
>(function SelectField({ label, hint, errors, className, id, options, ...input }, ref) {
  const generated = useId();
  const inputId = id ?? generated;
  const hasError = !!(typeof errors === "string" ? errors : errors?.length);
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? <p className="text-sm text-muted">{hint}</p> : null}
      <select
        ref={ref}
        id={inputId}
        aria-invalid={hasError || undefined}
        aria-describedby={hasError ? `${inputId}-error` : undefined}
        className={cx(
          "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm",
          hasError ? "border-bad" : "border-line",
        )}
        {...input}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${inputId}-error`} errors={errors} />
    </div>
  );
});

export function Alert({
  tone = "info",
  title,
  children,
}: {
  tone?: "info" | "success" | "warning" | "error";
  title?: string;
  children?: ReactNode;
}) {
  const styles = {
    info: "border-brand/30 bg-brand-soft",
    success: "border-good/30 bg-green-50",
    warning: "border-warn/30 bg-amber-50",
    error: "border-bad/30 bg-red-50",
  }[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cx("rounded-md border px-4 py-3 text-sm", styles)}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {description ? <p className="mt-1 max-w-3xl text-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}

export function Card({
  title,
  children,
  className,
  actions,
}: {
  title?: string;
  children: ReactNode;
  className?: string;
  actions?: ReactNode;
}) {
  return (
    <section className={cx("rounded-lg border border-line bg-white p-5", className)}>
      {title || actions ? (
        <div className="mb-3 flex items-center justify-between gap-2">
          {title ? <h2 className="text-lg font-semibold">{title}</h2> : <span />}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-line bg-white px-6 py-10 text-center">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-2 text-sm text-muted">{children}</div> : null}
    </div>
  );
}

export function Badge({
  tone = "neutral",
  children,
}: {
  tone?: "neutral" | "good" | "warn" | "bad" | "brand";
  children: ReactNode;
}) {
  const styles = {
    neutral: "bg-paper text-ink ring-line",
    good: "bg-green-50 text-good ring-good/30",
    warn: "bg-amber-50 text-warn ring-warn/30",
    bad: "bg-red-50 text-bad ring-bad/30",
    brand: "bg-brand-soft text-brand ring-brand/30",
  }[tone];
  return (
    <span className={cx("inline-flex items-center rounded px-2 py-0.5 text-xs font-medium ring-1", styles)}>
      {children}
    </span>
  );
}

/** A definition list for record pages. */
export function Facts({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
      {items.map((item) => (
        <div key={item.label}>
          <dt className="text-xs font-medium uppercase tracking-wide text-muted">{item.label}</dt>
          <dd className="mt-0.5 text-sm">{item.value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
