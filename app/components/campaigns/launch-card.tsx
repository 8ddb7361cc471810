import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Time } from "~/components/time";
import { Card, Facts, Notice, TextArea } from "~/components/ui";
import { LaunchCampaignSchema } from "~/modules/campaigns/schemas";

export type ScheduledCampaign = {
  status: string;
  sendAt: string | null;
  throttlePerHour: number;
  quietDays: number;
  onlyEligible: boolean;
  senderName: string;
  senderRole: string;
  senderEmail: string;
  launchedAt: string | null;
  toneOverrideReason: string | null;
};

/**
 * When and how the campaign sends, and, while it is a draft, the launch: a native disclosure
 * that asks once more with the number of people before anything is sent. Tone errors block the
 * launch unless the viewer may override them with a reason.
 */
export function ScheduleCard({
  campaign,
  recipients,
  toneOk,
  canOverride,
}: {
  campaign: ScheduledCampaign;
  /** How many people the email would go to now. */
  recipients: number;
  toneOk: boolean;
  canOverride: boolean;
}) {
  // LaunchCampaignSchema here and in the action: the reason is checked before anything is sent.
  const form = useValidatedForm(LaunchCampaignSchema, { intent: "launch" });
  const blocked = !toneOk;
  return (
    <Card title="Schedule and launch">
      <Facts
        items={[
          {
            label: "Send at",
            value: campaign.sendAt ? <Time iso={campaign.sendAt} /> : "As soon as it is launched",
          },
          {
            label: "Pace",
            value: `At most ${campaign.throttlePerHour.toLocaleString("en")} emails per hour`,
          },
          { label: "Quiet period", value: `${campaign.quietDays} days after someone's exit` },
          { label: "Only eligible people", value: campaign.onlyEligible ? "Yes" : "No" },
          {
            label: "From",
            value: `${campaign.senderName} (${campaign.senderRole}), ${campaign.senderEmail}`,
          },
          {
            label: "Launched",
            value: campaign.launchedAt ? <Time iso={campaign.launchedAt} /> : "Not yet",
          },
          ...(campaign.toneOverrideReason
            ? [{ label: "Tone check overridden because", value: campaign.toneOverrideReason }]
            : []),
        ]}
      />
      {campaign.status === "draft" ? (
        // Its success is said above the page (the campaign page's notice): the form goes once launched.
        <ValidatedForm form={{ ...form, success: undefined }} className="mt-4 space-y-3">
          {blocked ? (
            canOverride ? (
              <TextArea
                label="Reason to launch despite the tone errors"
                rows={2}
                maxLength={500}
                hint="Fixing the note is better. If you launch anyway, your reason is kept in the audit trail."
                {...form.field("overrideReason")}
              />
            ) : (
              <Notice tone="warning">
                The email has tone errors. Fix the note to launch; only someone allowed to override the tone
                check can launch it as it is.
              </Notice>
            )
          ) : null}
          {/* Launching asks once more, with the number of people, before anything is sent (works
              without JavaScript: the confirmation is a native disclosure). */}
          <details className="rounded-md border border-line p-3" open={!!form.summary}>
            <summary className="cursor-pointer font-medium text-brand">Launch campaign…</summary>
            <p className="mt-2 text-sm">
              This sends the email to{" "}
              <strong data-testid="launch-recipients">
                {recipients.toLocaleString("en")} {recipients === 1 ? "person" : "people"}
              </strong>
              , at most {campaign.throttlePerHour.toLocaleString("en")} per hour. You can pause or cancel at
              any time; emails already sent cannot be called back.
            </p>
            <SubmitButton className="mt-3">
              Yes, send to {recipients.toLocaleString("en")} {recipients === 1 ? "person" : "people"}
            </SubmitButton>
          </details>
        </ValidatedForm>
      ) : null}
    </Card>
  );
}
