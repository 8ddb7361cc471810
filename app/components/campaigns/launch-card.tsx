import { Form, useNavigation } from "@remix-run/react";
import { Time } from "~/components/time";
import { Button, Card, Facts, Notice, TextArea } from "~/components/ui";

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
  launchError,
}: {
  campaign: ScheduledCampaign;
  /** How many people the email would go to now. */
  recipients: number;
  toneOk: boolean;
  canOverride: boolean;
  launchError?: { message: string; fieldErrors?: Record<string, string[] | undefined> };
}) {
  const navigation = useNavigation();
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
        <Form method="post" className="mt-4 space-y-3" noValidate>
          {blocked ? (
            canOverride ? (
              <TextArea
                label="Reason to launch despite the tone errors"
                name="overrideReason"
                rows={2}
                maxLength={500}
                hint="Fixing the note is better. If you launch anyway, your reason is kept in the audit trail."
                errors={launchError?.fieldErrors?.overrideReason}
              />
            ) : (
              <Notice tone="warning">
                The email has tone errors. Fix the note to launch; only someone allowed to override the tone
                check can launch it as it is.
              </Notice>
            )
          ) : null}
          {launchError && !launchError.fieldErrors ? (
            <Notice tone="error">{launchError.message}</Notice>
          ) : null}
          {/* Launching asks once more, with the number of people, before anything is sent (works
              without JavaScript: the confirmation is a native disclosure). */}
          <details className="rounded-md border border-line p-3" open={!!launchError}>
            <summary className="cursor-pointer font-medium text-brand">Launch campaign…</summary>
            <p className="mt-2 text-sm">
              This sends the email to{" "}
              <strong data-testid="launch-recipients">
                {recipients.toLocaleString("en")} {recipients === 1 ? "person" : "people"}
              </strong>
              , at most {campaign.throttlePerHour.toLocaleString("en")} per hour. You can pause or cancel at
              any time; emails already sent cannot be called back.
            </p>
            <Button
              type="submit"
              name="intent"
              value="launch"
              className="mt-3"
              busy={navigation.state === "submitting" && navigation.formData?.get("intent") === "launch"}
            >
              Yes, send to {recipients.toLocaleString("en")} {recipients === 1 ? "person" : "people"}
            </Button>
          </details>
        </Form>
      ) : null}
    </Card>
  );
}
