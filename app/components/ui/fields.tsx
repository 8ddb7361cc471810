import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { forwardRef, useEffect, useId, useState } from "react";
import { cx } from "./cx";
import { useUiWords } from "./words";

/**
 * Form fields. Every field has a visible label, an optional hint, a "(required)" mark before
 * anything is submitted, and at most one error message, tied to the control with
 * aria-describedby. `useValidatedForm(...).field(name)` fills `id`, `required`, `errors` and
 * the registration props in one spread.
 */

/** One message per field: the first one, whatever the source gave. */
export function firstError(errors: string[] | string | undefined): string | undefined {
  return typeof errors === "string" ? errors || undefined : errors?.find(Boolean);
}

export function FieldError({ id, errors }: { id: string; errors?: string[] | string }) {
  const words = useUiWords();
  const message = firstError(errors);
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-bad">
      <span className="sr-only">{words.errorPrefix}</span>
      {message}
    </p>
  );
}

export type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | string;
  /** Marks the field "(required)" and sets aria-required; the schema still decides. */
  required?: boolean;
};

/**
 * The visible "(required)" mark, beside the label rather than inside it: the field's name stays
 * its label ("Note", not "Note (required)") and assistive technology hears aria-required instead.
 */
function RequiredMark({ required }: { required?: boolean }) {
  const words = useUiWords();
  return required ? (
    <span aria-hidden="true" className="text-sm text-muted" data-required-mark="">
      {" "}
      {words.required}
    </span>
  ) : null;
}

/** The label, hint and error wiring shared by every single-control field. */
function useFieldWiring({ id, hint, errors, required }: Omit<FieldProps, "label"> & { id?: string }) {
  const generated = useId();
  const inputId = id ?? generated;
  const error = firstError(errors);
  const describedBy = cx(error && `${inputId}-error`, hint && `${inputId}-hint`) || undefined;
  return {
    inputId,
    error,
    control: {
      id: inputId,
      "aria-invalid": error ? true : undefined,
      "aria-required": required || undefined,
      "aria-describedby": describedBy,
    },
    controlClass: cx(
      "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm",
      error ? "border-bad" : "border-line",
    ),
  };
}

function FieldFrame({
  inputId,
  label,
  hint,
  error,
  required,
  className,
  children,
}: {
  inputId: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <div>
        <label htmlFor={inputId} className="text-sm font-medium">
          {label}
        </label>
        <RequiredMark required={required} />
      </div>
      {hint ? (
        <p className="text-sm text-muted" id={`${inputId}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={`${inputId}-error`} errors={error} />
    </div>
  );
}

export const TextField = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & FieldProps>(
  function TextField({ label, hint, errors, required, className, id, ...input }, ref) {
    const w = useFieldWiring({ id, hint, errors, required });
    return (
      <FieldFrame {...{ inputId: w.inputId, label, hint, error: w.error, required, className }}>
        <input ref={ref} {...w.control} className={w.controlClass} {...input} />
      </FieldFrame>
    );
  },
);

export const TextArea = forwardRef<
  HTMLTextAreaElement,
  TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps
>(function TextArea({ label, hint, errors, required, className, id, ...input }, ref) {
  const w = useFieldWiring({ id, hint, errors, required });
  return (
    <FieldFrame {...{ inputId: w.inputId, label, hint, error: w.error, required, className }}>
      <textarea ref={ref} {...w.control} className={w.controlClass} {...input} />
    </FieldFrame>
  );
});

/**
 * A file to upload (a logo, a document), on a multipart form. The schema checks it in the browser
 * (`chosenFile`); say `required` here, since the schema lets the server-side absence through.
 */
export const FileField = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & FieldProps>(
  function FileField({ label, hint, errors, required, className, id, ...input }, ref) {
    const w = useFieldWiring({ id, hint, errors, required });
    return (
      <FieldFrame {...{ inputId: w.inputId, label, hint, error: w.error, required, className }}>
        <input ref={ref} type="file" {...w.control} className="mt-2 block w-full text-sm" {...input} />
      </FieldFrame>
    );
  },
);

/** `group` puts options under an <optgroup> (options of one group must be next to each other). */
export type Option = { value: string; label: string; group?: string };

function optionElements(options: Option[]) {
  const out: ReactNode[] = [];
  for (let i = 0; i < options.length;) {
    const group = options[i].group;
    if (!group) {
      out.push(
        <option key={options[i].value} value={options[i].value}>
          {options[i].label}
        </option>,
      );
      i++;
      continue;
    }
    const members: Option[] = [];
    while (i < options.length && options[i].group === group) members.push(options[i++]);
    out.push(
      <optgroup key={`group:${group}`} label={group}>
        {members.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </optgroup>,
    );
  }
  return out;
}

export const SelectField = forwardRef<
  HTMLSelectElement,
  SelectHTMLAttributes<HTMLSelectElement> & FieldProps & { options: Option[] }
>(function SelectField({ label, hint, errors, required, className, id, options, ...input }, ref) {
  const w = useFieldWiring({ id, hint, errors, required });
  return (
    <FieldFrame {...{ inputId: w.inputId, label, hint, error: w.error, required, className }}>
      <select ref={ref} {...w.control} className={w.controlClass} {...input}>
        {optionElements(options)}
      </select>
    </FieldFrame>
  );
});

/** A single tick box with its label to the right (consent, "only eligible people", ...). */
export const Checkbox = forwardRef<
  HTMLInputElement,
  Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & FieldProps
>(function Checkbox({ label, hint, errors, required, className, id, ...input }, ref) {
  const w = useFieldWiring({ id, hint, errors, required });
  return (
    <div className={className}>
      <div className="flex items-start gap-2">
        <input ref={ref} type="checkbox" {...w.control} className="mt-1 h-4 w-4 shrink-0" {...input} />
        <span>
          <label htmlFor={w.inputId} className="text-sm">
            {label}
          </label>
          <RequiredMark required={required} />
        </span>
      </div>
      {hint ? (
        <p className="ml-6 text-sm text-muted" id={`${w.inputId}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${w.inputId}-error`} errors={w.error} />
    </div>
  );
});

/**
 * Several choices from a list, as tick boxes in a fieldset: no "hold Ctrl" multi-selects.
 * Posts one `name=value` pair per ticked box, as a multiple select would, so an address built
 * from a multi-select means the same here.
 *
 * A long list (`searchLabel` set and more than `searchFrom` options) scrolls inside a box, puts
 * the ticked choices first and, once the page runs, gets a search box above it that narrows the
 * boxes shown (ticked boxes hidden by a search still count). Without JavaScript the whole list
 * is there to scroll.
 */
export function CheckboxList({
  legend,
  name,
  options,
  selected,
  hint,
  errors,
  id,
  columns = 1,
  className,
  searchLabel,
  searchFrom = 8,
}: {
  legend: ReactNode;
  name: string;
  options: Option[];
  selected?: readonly string[];
  hint?: ReactNode;
  errors?: string[] | string;
  /** The id the error summary links to (the first box gets it). */
  id?: string;
  columns?: 1 | 2 | 3;
  className?: string;
  /** The search box's label, e.g. "Find a department"; a long list gets the box. */
  searchLabel?: string;
  /** How many options make a list long. */
  searchFrom?: number;
}) {
  const generated = useId();
  const baseId = id ?? generated;
  const words = useUiWords();
  const error = firstError(errors);
  const long = searchLabel !== undefined && options.length > searchFrom;
  const [running, setRunning] = useState(false);
  const [search, setSearch] = useState("");
  useEffect(() => setRunning(true), []);
  const ordered = long
    ? [
        ...options.filter((o) => selected?.includes(o.value)),
        ...options.filter((o) => !selected?.includes(o.value)),
      ]
    : options;
  const needle = search.trim().toLocaleLowerCase();
  const shows = (o: Option) => !needle || o.label.toLocaleLowerCase().includes(needle);
  const shown = needle ? ordered.filter(shows).length : ordered.length;
  return (
    <fieldset
      className={className}
      aria-describedby={cx(error && `${baseId}-error`, hint && `${baseId}-hint`) || undefined}
    >
      <legend className="text-sm font-medium">{legend}</legend>
      {hint ? (
        <p className="text-sm text-muted" id={`${baseId}-hint`}>
          {hint}
        </p>
      ) : null}
      {long && running ? (
        <div className="mt-1">
          <label htmlFor={`${baseId}-search`} className="sr-only">
            {searchLabel}
          </label>
          <input
            id={`${baseId}-search`}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            // Enter in the search box narrows the list; it does not send the filter form.
            onKeyDown={(e) => {
              if (e.key === "Enter") e.preventDefault();
            }}
            placeholder={searchLabel}
            aria-controls={`${baseId}-options`}
            autoComplete="off"
            className="block w-full rounded-md border border-line bg-white px-2 py-1 text-sm"
          />
          <p className="sr-only" aria-live="polite">
            {needle ? words.shownOf(shown, options.length) : ""}
          </p>
        </div>
      ) : null}
      <div
        id={`${baseId}-options`}
        className={cx(
          "mt-1 grid gap-x-4 gap-y-1",
          columns === 2 && "sm:grid-cols-2",
          columns === 3 && "sm:grid-cols-3",
          long && "max-h-48 overflow-y-auto rounded-md border border-line p-2",
        )}
      >
        {ordered.map((o, i) => (
          <label key={o.value} className="flex items-start gap-2 text-sm" hidden={!shows(o)}>
            <input
              type="checkbox"
              name={name}
              value={o.value}
              id={i === 0 ? baseId : undefined}
              defaultChecked={selected?.includes(o.value)}
              className="mt-0.5 h-4 w-4 shrink-0"
            />
            <span className="min-w-0 [overflow-wrap:anywhere]">{o.label}</span>
          </label>
        ))}
        {needle && shown === 0 ? <p className="text-sm text-muted">{words.noMatch(search.trim())}</p> : null}
      </div>
      <FieldError id={`${baseId}-error`} errors={error} />
    </fieldset>
  );
}
