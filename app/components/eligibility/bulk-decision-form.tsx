import { Form } from "@remix-run/react";
import { useEffect, useState, type FormEvent } from "react";
import { useActionResult, useValidatedForm } from "~/components/form";
import { Button, ErrorSummary, FieldError, TextArea } from "~/components/ui";
import { BULK_DECISION_LIMIT } from "~/modules/eligibility/review-filter";
import { BulkDecisionSchema } from "~/modules/eligibility/schemas";

export const BULK_INTENT = "decide-selected";

/**
 * One decision for everyone ticked in the table below it (the tick boxes belong to this form
 * through their `form` attribute). With JavaScript the button counts the people it will decide
 * and a box ticks the whole page; without it the button says "the ticked people" and the server
 * says how many it decided. `BulkDecisionSchema` checks it in the browser (the ticked boxes are
 * read from the form's data, which includes them) and in the action; the server's messages land
 * under the same fields. The page shows the action's answer above the list (ActionNotice with
 * BULK_INTENT): it stays on screen when the decided people leave the list.
 */
export function BulkDecisionForm({
  formId,
  onPage,
  busy,
}: {
  formId: string;
  /** People on this page (the "tick everyone" box and the count reset when it changes). */
  onPage: string[];
  busy: boolean;
}) {
  const [ticked, setTicked] = useState<number | null>(null);
  const result = useActionResult(BULK_INTENT);
  const failed = result && !result.ok ? result : undefined;
  const form = useValidatedForm(BulkDecisionSchema, { intent: BULK_INTENT });
  const id = form.idFor;
  // The browser's own check gets its summary here; the server's answer is shown above the list.
  const clientSummary = Object.keys(form.formState.errors).length ? form.summary : null;
  const bulk = {
    /** The ticked boxes sit in the table, outside the form element: FormData still has them. */
    onSubmit(event: FormEvent<HTMLFormElement>) {
      form.setValue("alumnusId", new FormData(event.currentTarget).getAll("alumnusId") as never);
      form.onSubmit(event);
    },
  };
  const pageKey = onPage.join(",");

  useEffect(() => {
    const boxes = () =>
      Array.from(document.querySelectorAll<HTMLInputElement>(`input[data-queue-tick][form="${formId}"]`));
    const recount = () => setTicked(boxes().filter((b) => b.checked).length);
    recount();
    document.addEventListener("change", recount);
    return () => document.removeEventListener("change", recount);
  }, [formId, pageKey]);

  const tickAll = (on: boolean) => {
    for (const box of document.querySelectorAll<HTMLInputElement>(
      `input[data-queue-tick][form="${formId}"]`,
    )) {
      box.checked = on;
    }
    setTicked(on ? onPage.length : 0);
  };

  const label =
    ticked === null
      ? "Record for the ticked people"
      : ticked === 0
        ? "Tick people to decide"
        : `Record for ${ticked} ${ticked === 1 ? "person" : "people"}`;

  return (
    <Form
      method="post"
      id={formId}
      noValidate
      onSubmit={bulk.onSubmit}
      className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(14rem,1fr)_2fr] lg:items-start"
      aria-label="Decide the ticked people"
    >
      <input type="hidden" name="intent" value={BULK_INTENT} />
      {clientSummary ? (
        <div className="lg:col-span-2">
          <ErrorSummary {...clientSummary} />
        </div>
      ) : null}
      <div className="space-y-4">
        {ticked !== null ? (
          <label className="flex items-center gap-2 text-sm font-medium" id={id("alumnusId")}>
            <input
              type="checkbox"
              className="h-5 w-5"
              checked={ticked > 0 && ticked === onPage.length}
              onChange={(e) => tickAll(e.currentTarget.checked)}
            />
            Tick everyone on this page ({onPage.length})
          </label>
        ) : (
          <p className="text-sm" id={id("alumnusId")} tabIndex={-1}>
            Tick the people below this decision is for (at most {BULK_DECISION_LIMIT}).
          </p>
        )}
        <FieldError id={`${id("alumnusId")}-error`} errors={form.errorsFor("alumnusId")} />
        <fieldset aria-describedby={form.errorsFor("outcome") ? `${id("outcome")}-error` : undefined}>
          <legend className="text-sm font-medium">
            Decision <span className="text-muted">(required)</span>
          </legend>
          <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
            {(
              [
                ["eligible", "Eligible"],
                ["not_eligible", "Not eligible"],
              ] as const
            ).map(([value, text], i) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  {...form.register("outcome")}
                  value={value}
                  id={i === 0 ? id("outcome") : undefined}
                  defaultChecked={failed?.values?.outcome === value}
                  aria-invalid={form.errorsFor("outcome") ? true : undefined}
                  className="h-4 w-4"
                />
                {text}
              </label>
            ))}
          </div>
          <FieldError id={`${id("outcome")}-error`} errors={form.errorsFor("outcome")} />
        </fieldset>
      </div>
      <div className="space-y-4">
        <TextArea
          label="Justification"
          rows={2}
          hint="One justification for everyone ticked. Each person's record and the audit trail keep it, as if you had decided them one by one."
          {...form.field("justification")}
        />
        <Button type="submit" busy={busy || form.busy} disabled={ticked === 0}>
          {label}
        </Button>
      </div>
    </Form>
  );
}
