import { Form } from "@remix-run/react";
import { ActionNotice, SubmitButton, useActionResult } from "~/components/form";
import { Badge, SelectField, TextArea } from "~/components/ui";

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
  const result = useActionResult(INTENT);
  const failed = result && !result.ok ? result : undefined;
  const values = failed?.values;
  const errors = failed?.error.fieldErrors;
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
        <details className="mt-3" open={!!result}>
          <summary className="cursor-pointer text-brand underline">
            {doNotRehire ? "Change or clear the do-not-rehire flag" : "Mark do not rehire"}
          </summary>
          <Form method="post" className="mt-3 space-y-3" noValidate>
            <ActionNotice intent={INTENT} />
            <input type="hidden" name="intent" value={INTENT} />
            <input type="hidden" name="version" value={version} />
            <SelectField
              id={`${INTENT}-doNotRehire`}
              label="Change the flag"
              name="doNotRehire"
              defaultValue={values?.doNotRehire ?? (doNotRehire ? "no" : "yes")}
              options={[
                { value: "yes", label: "Mark do not rehire" },
                { value: "no", label: "Clear the flag" },
              ]}
              errors={errors?.doNotRehire}
            />
            <TextArea
              id={`${INTENT}-reason`}
              label="Reason"
              name="reason"
              rows={3}
              required
              maxLength={1000}
              hint="At least 10 characters. Kept in the audit trail; shown only to people allowed to see this flag."
              defaultValue={values?.reason}
              errors={errors?.reason}
            />
            <SubmitButton variant="secondary">Save flag</SubmitButton>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
