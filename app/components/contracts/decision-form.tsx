import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { FieldError, TextArea } from "~/components/ui";
import { DecisionSchema } from "~/modules/contracts/schemas";

const CHOICES = [
  { value: "approve", label: "Approve", hint: "The terms are right. A comment is optional." },
  { value: "request_changes", label: "Ask for changes", hint: "HR changes the terms and sends them again." },
  { value: "reject", label: "Reject", hint: "The contract will not go ahead." },
] as const;

/**
 * An approver's decision on one contract: approve, ask for changes or reject, with a comment
 * (required unless approving). `intent` is unique per contract, so an inbox can hold many.
 */
export function DecisionForm({
  intent,
  version,
  asCapacity,
}: {
  intent: string;
  version: number;
  asCapacity?: string;
}) {
  // The version travels in a hidden input; the browser-side check needs it among the values too.
  const form = useValidatedForm(DecisionSchema, { intent, defaultValues: { version } });
  const decisionErrors = form.errorsFor("decision");
  const { ref, ...decision } = form.register("decision");
  return (
    <ValidatedForm form={form}>
      <input type="hidden" name="version" value={version} />
      <fieldset aria-describedby={decisionErrors ? form.idFor("decision-error") : undefined}>
        <legend className="text-sm font-medium">
          Your decision{asCapacity ? ` (as ${asCapacity})` : ""}
          <span aria-hidden="true" className="text-muted">
            {" "}
            (required)
          </span>
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {CHOICES.map((choice, i) => (
            <label
              key={choice.value}
              className="flex cursor-pointer gap-2 rounded-md border border-line p-3 text-sm has-[:checked]:border-brand has-[:checked]:bg-brand-soft"
            >
              <input
                type="radio"
                value={choice.value}
                id={i === 0 ? form.idFor("decision") : undefined}
                className="mt-0.5"
                ref={ref}
                {...decision}
              />
              <span>
                <span className="font-medium">{choice.label}</span>
                <span className="block text-xs text-muted">{choice.hint}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={form.idFor("decision-error")} errors={decisionErrors} />
      </fieldset>
      <TextArea
        label="Comment"
        rows={3}
        hint="HR reads it. Needed when you ask for changes or reject: say what should change, or why."
        {...form.field("comment")}
        required={false}
      />
      <SubmitButton>Send my decision</SubmitButton>
    </ValidatedForm>
  );
}
