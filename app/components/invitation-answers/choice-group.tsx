import type { InputHTMLAttributes, ReactNode } from "react";
import { cx, FieldError, firstError, useUiWords } from "~/components/ui";

/**
 * One choice from a few, as radio buttons with a label and a line of explanation each: every
 * option visible at once, large enough to tap on a phone. `register` is react-hook-form's
 * registration (or a plain `name`); the first option gets `id`, where the error summary links.
 */
export function ChoiceGroup({
  legend,
  id,
  options,
  defaultValue,
  errors,
  required,
  register,
}: {
  legend: ReactNode;
  id: string;
  options: { value: string; label: ReactNode; hint?: ReactNode }[];
  defaultValue?: string | null;
  errors?: string[] | string;
  required?: boolean;
  register: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "id">;
}) {
  const error = firstError(errors);
  const words = useUiWords();
  return (
    // A radio group (not a bare fieldset) so it may say it is required.
    <fieldset
      role="radiogroup"
      aria-describedby={error ? `${id}-error` : undefined}
      aria-required={required || undefined}
      className="space-y-2"
    >
      <legend className="mb-2 text-base font-semibold">
        {legend}
        {required ? (
          <span aria-hidden="true" className="text-sm font-normal text-muted">
            {" "}
            {words.required}
          </span>
        ) : null}
      </legend>
      {options.map((option, i) => {
        const optionId = i === 0 ? id : `${id}-${option.value}`;
        return (
          <label
            key={option.value}
            htmlFor={optionId}
            className={cx(
              "flex cursor-pointer items-start gap-3 rounded-lg border bg-white p-4 has-[:checked]:border-brand has-[:checked]:bg-brand-soft",
              error ? "border-bad" : "border-line",
            )}
          >
            <input
              type="radio"
              id={optionId}
              value={option.value}
              defaultChecked={defaultValue === option.value}
              aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              aria-invalid={error ? true : undefined}
              className="mt-1 h-5 w-5 shrink-0 accent-brand"
              {...register}
            />
            <span>
              <span className="block font-medium">{option.label}</span>
              {option.hint ? (
                <span id={`${optionId}-hint`} className="mt-0.5 block text-sm text-muted">
                  {option.hint}
                </span>
              ) : null}
            </span>
          </label>
        );
      })}
      <FieldError id={`${id}-error`} errors={error} />
    </fieldset>
  );
}
