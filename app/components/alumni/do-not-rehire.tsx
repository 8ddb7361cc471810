import { SubmitButton, useActionResult, useValidatedForm, ValidatedForm } from "~/components/form";
import { Badge, SelectField, TextArea } from "~/components/ui";
import { DoNotRehireSchema } from "~/modules/alumni/alumni-schemas";

const INTENT = "do-not-rehire";

/**
 * The do-not-rehire flag as a restricted action: its state in one line and, for those allowed to
 * change it, a folded form at the end of the page (not the first thing HR sees). The reason is
 * restricted: it is only rendered for viewers with read:alumnus:restricted.
 */
export function DoNotRehireControl({
  doNotRehire,
  reason,
  version,
  canEdit,
}: {
  doNotRehire: boolean;
  reason: string | null;
  version: number;
  canEdit: boolean;
}) {
  const form = useValidatedForm(DoNotRehireSchema, {
    intent: INTENT,
    defaultValues: { version, doNotRehire: doNotRehire ? "no" : "yes" },
  });
  // Unfolded while the action's answer to it (done, or refused) is on screen.
  const answered = !!useActionResult(INTENT);
  return (
    <section
      aria-labelledby="restricted-heading"
      className="rounded-lg border border-line bg-white p-4 text-sm"
    >
      <h2 id="restricted-heading" className="font-semibold">
        Restricted
      </h2>
      <div className="mt-1">
        {doNotRehire ? (
          <>
            <Badge tone="bad">Marked do not rehire</Badge>
            {reason ? <span className="mt-2 block whitespace-pre-wrap">{reason}</span> : null}
          </>
        ) : (
          <p className="text-muted">Not marked do not rehire.</p>
        )}
      </div>
      {canEdit ? (
        <details className="mt-3" open={answered}>
          <summary className="cursor-pointer text-brand underline">
            {doNotRehire ? "Change or clear the do-not-rehire flag" : "Mark do not rehire"}
          </summary>
          <ValidatedForm form={form} className="mt-3 space-y-3">
            <input type="hidden" name="version" value={version} />
            <SelectField
              label="Change the flag"
              options={[
                { value: "yes", label: "Mark do not rehire" },
                { value: "no", label: "Clear the flag" },
              ]}
              {...form.field("doNotRehire")}
            />
            <TextArea
              label="Reason"
              rows={3}
              maxLength={1000}
              hint="At least 10 characters. Kept in the audit trail; shown only to people allowed to see this flag."
              {...form.field("reason")}
            />
            <SubmitButton variant="secondary">Save flag</SubmitButton>
          </ValidatedForm>
        </details>
      ) : null}
    </section>
  );
}
