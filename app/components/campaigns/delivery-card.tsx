import { SubmitButton, useValidatedForm, ValidatedForm, type ValidatedFormApi } from "~/components/form";
import { Card, Notice, TextArea } from "~/components/ui";
import type { CampaignPage } from "~/modules/campaigns/get-campaign-page.server";
import { CancelCampaignSchema, PauseCampaignSchema, ResumeCampaignSchema } from "~/modules/campaigns/schemas";

/** The campaign states in which emails are being queued or sent (the page reloads its counts). */
export const LIVE_CAMPAIGN_STATUSES = new Set(["scheduled", "sending"]);

/**
 * Where the campaign's emails are (queued, held, sent, set aside...), and the controls: pause
 * and resume, and cancel with an optional reason. Each control is its own form with its own
 * schema and intent; a refusal shows in that form.
 */
export function DeliveryCard({ status, progress }: { status: string; progress: CampaignPage["progress"] }) {
  const rows = [
    {
      label: "Not yet queued",
      value: progress.pending,
      hint: "Recipients whose email is still being prepared.",
    },
    { label: "Queued", value: progress.queued, hint: "Waiting for their turn under the hourly pace." },
    {
      label: "Held",
      value: progress.held,
      hint: "Kept back while the campaign is paused; resuming spaces them out again.",
    },
    { label: "Being delivered", value: progress.sending, hint: "Handed to the mail server just now." },
    { label: "Sent", value: progress.sent, hint: "Accepted by the mail server." },
    {
      label: "Failed, will retry",
      value: progress.failed,
      hint: "A temporary problem; tried again automatically.",
    },
    { label: "Set aside", value: progress.set_aside, hint: "Refused permanently; see the outbox to retry." },
    {
      label: "Cancelled",
      value: progress.cancelled,
      hint: "Not sent because the campaign was cancelled or the person unsubscribed.",
    },
    { label: "Left out", value: progress.excluded, hint: "Not in the audience (see the reasons above)." },
  ];
  return (
    <Card
      title="Delivery"
      actions={
        LIVE_CAMPAIGN_STATUSES.has(status) ? (
          <span className="text-xs text-muted">Updates every few seconds</span>
        ) : null
      }
    >
      <table className="w-full text-left text-sm" aria-live="polite">
        <caption className="sr-only">Emails of this campaign by state</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="border-t border-line align-top">
              <th scope="row" className="py-1 pr-3 font-normal">
                {row.label}
                <span className="block text-xs text-muted">{row.hint}</span>
              </th>
              <td className="py-1 text-right tabular-nums" data-testid={`count-${row.label}`}>
                {row.value.toLocaleString("en")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {progress.job?.status === "failed" ? (
        <div className="mt-3">
          <Notice tone="error">
            Preparing the emails stopped with an error: {progress.job.lastError ?? "unknown"}. Everyone queued
            so far keeps their email; cancel and start a new campaign for the rest.
          </Notice>
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap items-start gap-3">
        {status === "sending" || status === "scheduled" ? <PauseForm /> : null}
        {status === "paused" ? <ResumeForm /> : null}
        {status !== "completed" && status !== "cancelled" ? <CancelForm /> : null}
      </div>
    </Card>
  );
}

/** The page says each control's success above everything (the controls change with the state). */
const quiet = <F extends Pick<ValidatedFormApi, "onSubmit" | "summary" | "success" | "intent" | "busy">>(
  form: F,
) => ({ ...form, success: undefined });

function PauseForm() {
  const form = useValidatedForm(PauseCampaignSchema, { intent: "pause" });
  return (
    <ValidatedForm form={quiet(form)} className="space-y-2">
      <SubmitButton variant="secondary">Pause</SubmitButton>
    </ValidatedForm>
  );
}

function ResumeForm() {
  const form = useValidatedForm(ResumeCampaignSchema, { intent: "resume" });
  return (
    <ValidatedForm form={quiet(form)} className="space-y-2">
      <SubmitButton>Resume</SubmitButton>
    </ValidatedForm>
  );
}

function CancelForm() {
  const form = useValidatedForm(CancelCampaignSchema, { intent: "cancel" });
  return (
    <ValidatedForm form={quiet(form)} className="min-w-[14rem] flex-1 space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <TextArea
          className="min-w-[14rem] flex-1"
          label="Reason to cancel (optional)"
          rows={1}
          maxLength={500}
          {...form.field("reason")}
        />
        <SubmitButton variant="danger">Cancel campaign</SubmitButton>
      </div>
    </ValidatedForm>
  );
}
