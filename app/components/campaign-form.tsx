import { SubmitButton, useValidatedForm, ValidatedForm } from "./form";
import {
  CampaignFormSchema,
  CAMPAIGN_TEMPLATES,
  DEFAULT_QUIET_DAYS,
  DEFAULT_THROTTLE_PER_HOUR,
  MAX_THROTTLE_PER_HOUR,
} from "~/modules/campaigns/schemas";
import { NOTE_MAX_CHARS } from "~/modules/outreach/schemas";
import { Card, Checkbox, SelectField, TextArea, TextField } from "./ui";

/**
 * The campaign's content and settings, for the new and edit pages: CampaignFormSchema checks the
 * fields in the browser and again in the action (`parseForm`); without JavaScript it posts
 * natively and the server's messages land under the same fields.
 */

export type CampaignFormValues = Partial<Record<string, string>>;

export function CampaignForm({
  segments,
  programs = [],
  values,
  submitLabel,
}: {
  segments: { id: string; name: string }[];
  /** Return programs the invitation may point at. */
  programs?: { id: string; title: string; status: string }[];
  /** The saved campaign, or a new one's defaults. */
  values: CampaignFormValues;
  submitLabel: string;
}) {
  const form = useValidatedForm(CampaignFormSchema, {
    intent: "save",
    defaultValues: {
      ...values,
      template: (values.template ?? "return-invitation") as "return-invitation",
      segmentId: values.segmentId ?? "",
      programId: values.programId ?? "",
      throttlePerHour: values.throttlePerHour ?? String(DEFAULT_THROTTLE_PER_HOUR),
      quietDays: values.quietDays ?? String(DEFAULT_QUIET_DAYS),
    },
  });
  // A tick box left empty is not posted: after a refused post the echo decides, not the default.
  const onlyEligible = (form.values ? form.values.onlyEligible : values.onlyEligible) === "on";
  return (
    <ValidatedForm form={form} className="space-y-6">
      <Card title="Audience and template">
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField
            label="Campaign name"
            maxLength={120}
            hint="Only staff see it."
            {...form.field("name")}
          />
          <SelectField
            label="Segment"
            options={[
              { value: "", label: "Choose a saved segment" },
              ...segments.map((s) => ({ value: s.id, label: s.name })),
            ]}
            hint="A saved alumni view. People who must not be written to are left out; the campaign page shows who and why."
            {...form.field("segmentId")}
          />
          <SelectField
            label="Return program (optional)"
            options={[
              { value: "", label: "None: a general invitation" },
              ...programs.map((p) => ({
                value: p.id,
                label: p.status === "open" ? p.title : `${p.title} (${p.status}: open it before launching)`,
              })),
            ]}
            hint="People who say yes are shown this program and can apply to it."
            {...form.field("programId")}
          />
          <SelectField
            label="Email"
            options={Object.entries(CAMPAIGN_TEMPLATES).map(([value, label]) => ({ value, label }))}
            {...form.field("template")}
          />
          <TextField
            label="Subject (optional)"
            maxLength={150}
            hint="Leave empty to use the template's own subject."
            {...form.field("subject")}
          />
        </div>
      </Card>
      <Card title="What the email says">
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField label="Company name" maxLength={120} {...form.field("companyName")} />
          <TextField
            label="Team or work"
            maxLength={120}
            hint="For example “customer support”."
            {...form.field("teamName")}
          />
          <TextArea
            className="md:col-span-2"
            label="What changed, and why we are writing now (invitation)"
            rows={4}
            maxLength={2000}
            {...form.field("whatChanged")}
          />
          <TextArea
            className="md:col-span-2"
            label="What we can offer"
            rows={3}
            maxLength={1000}
            {...form.field("opportunity")}
          />
          <TextField label="Reply by" type="date" {...form.field("respondBy")} />
          <TextField
            label="Date of the first invitation (reminders only)"
            type="date"
            {...form.field("invitedOn")}
          />
          <TextArea
            className="md:col-span-2"
            label="Personal note"
            rows={5}
            maxLength={NOTE_MAX_CHARS}
            hint="Plain text, in your own words. The campaign page checks its tone as you type."
            {...form.field("note")}
          />
        </div>
      </Card>
      <Card title="Who it comes from">
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField label="Sender's name" maxLength={120} {...form.field("senderName")} />
          <TextField label="Sender's role" maxLength={120} {...form.field("senderRole")} />
          <TextField
            label="Sender's email"
            type="email"
            maxLength={254}
            hint="Replies and questions go to this person."
            {...form.field("senderEmail")}
          />
          <TextField label="Sender's phone (optional)" maxLength={40} {...form.field("senderPhone")} />
        </div>
      </Card>
      <Card title="Schedule and pace">
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField
            label="Send at (UTC, optional)"
            type="datetime-local"
            hint="In UTC, on a 24-hour clock. Leave empty to start as soon as it is launched."
            {...form.field("sendAt")}
          />
          <TextField
            label="Emails per hour"
            type="number"
            min={1}
            max={MAX_THROTTLE_PER_HOUR}
            hint="Emails leave evenly spaced, this many an hour at most, so replies reach people who can answer them."
            {...form.field("throttlePerHour")}
          />
          <TextField
            label="Quiet period after exit (days)"
            type="number"
            min={0}
            max={3650}
            hint="People who left more recently than this are not written to."
            {...form.field("quietDays")}
          />
          <Checkbox
            label="Only people whose rehire verdict is eligible"
            {...form.checkbox("onlyEligible")}
            defaultChecked={onlyEligible}
          />
        </div>
      </Card>
      <SubmitButton>{submitLabel}</SubmitButton>
    </ValidatedForm>
  );
}
