import { SubmitButton, useActionResult, useValidatedForm, ValidatedForm } from "~/components/form";
import { Button, Notice, SelectField, TextArea, type Option } from "~/components/ui";
import { ClearOverrideSchema, DecideAndNextSchema, RequestInputSchema } from "~/modules/eligibility/schemas";

/**
 * Decide a review (the person is waiting) or override the verdict (they are not). While the
 * person is waiting, "Record and open the next" decides and goes on to the next person in the
 * same view of the queue; the other button stays on this page.
 */
export function DecideVerdictForm({ waiting, offerNext }: { waiting: boolean; offerNext: boolean }) {
  const intent = waiting ? "decide" : "override";
  const form = useValidatedForm(DecideAndNextSchema, { intent, resetOnSuccess: true });
  // After a review is decided the person is no longer waiting and this becomes the override
  // form: the review's answer still belongs here.
  const previous = useActionResult(waiting ? "override" : "decide");
  return (
    <ValidatedForm form={form} aria-label={waiting ? "Decide this review" : "Override the verdict"}>
      {previous?.ok && previous.message ? <Notice tone="success">{previous.message}</Notice> : null}
      <SelectField
        label="Decision"
        {...form.field("outcome")}
        options={[
          { value: "", label: "Choose…" },
          { value: "eligible", label: "Eligible" },
          { value: "not_eligible", label: "Not eligible" },
        ]}
      />
      <TextArea
        label="Justification"
        rows={4}
        hint="Kept beside the computed verdict and in the audit trail; the decision lapses when the verdict is due for review."
        {...form.field("justification")}
      />
      {waiting && offerNext ? (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="then" value="next" busy={form.busy}>
            Record and open the next person
          </Button>
          <Button type="submit" name="then" value="stay" variant="secondary" busy={form.busy}>
            Record and stay here
          </Button>
        </div>
      ) : (
        <SubmitButton>{waiting ? "Record decision" : "Override verdict"}</SubmitButton>
      )}
    </ValidatedForm>
  );
}

/** Removes an HR decision, so the computed verdict counts again. */
export function ClearOverrideForm() {
  const form = useValidatedForm(ClearOverrideSchema, { intent: "clear-override", resetOnSuccess: true });
  return (
    <ValidatedForm form={form} aria-label="Remove the HR decision">
      <TextArea label="Why remove it" rows={2} {...form.field("justification")} />
      <SubmitButton variant="secondary">Remove decision</SubmitButton>
    </ValidatedForm>
  );
}

/** Asks a manager a question about the person; the manager sees only name, role and department. */
export function AskManagerForm({ managers }: { managers: Option[] }) {
  const form = useValidatedForm(RequestInputSchema, { intent: "request-input", resetOnSuccess: true });
  if (managers.length === 0)
    return <p className="text-sm text-muted">There are no active managers to ask yet.</p>;
  return (
    <ValidatedForm form={form} aria-label="Ask a manager">
      <SelectField
        label="Manager"
        {...form.field("managerId")}
        options={[{ value: "", label: "Choose a manager" }, ...managers]}
      />
      <TextArea
        label="Question"
        rows={3}
        hint="The manager sees the person's name, role and department and your question, nothing else."
        {...form.field("question")}
      />
      <SubmitButton variant="secondary">Ask for input</SubmitButton>
    </ValidatedForm>
  );
}
