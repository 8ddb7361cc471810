import type { ButtonHTMLAttributes, ReactNode } from "react";
import { forwardRef } from "react";
import { cx } from "./cx";

/**
 * Shared presentational pieces. No data access, no permissions: pages decide what to show.
 * docs/STYLE.md says which to use when.
 */

export { cx } from "./cx";
export { ErrorSummary, type ErrorSummaryItem } from "./error-summary";
export {
  Checkbox,
  CheckboxList,
  FieldError,
  FileField,
  SelectField,
  TextArea,
  TextField,
  firstError,
  type FieldProps,
  type Option,
} from "./fields";
export { FilterPanel } from "./filter-panel";
export { IgnoredNotice, Notice, type NoticeTone } from "./notice";
export { Pager, pageHref } from "./pager";
export { Stat } from "./stat";
export { Table, type Column, type StackBelow } from "./table";
export { DEFAULT_UI_WORDS, UiWordsContext, useUiWords, type UiWords } from "./words";

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
  // min-w-0: in a grid or flex row a card may shrink below its widest content (a long select
  // option, an email address), so it never pushes the page wider than a phone.
  return (
    <section className={cx("min-w-0 rounded-lg border border-line bg-white p-5", className)}>
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
          <dd className="mt-0.5 text-sm [overflow-wrap:anywhere]">{item.value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
