import { Form } from "@remix-run/react";
import type { FieldErrors } from "~/platform/errors";
import {
  CAMPAIGN_TEMPLATES,
  DEFAULT_QUIET_DAYS,
  DEFAULT_THROTTLE_PER_HOUR,
  MAX_THROTTLE_PER_HOUR,
} from "~/modules/campaigns/schemas";
import { NOTE_MAX_CHARS } from "~/modules/outreach/schemas";
import { Notice, Button, Card, SelectField, TextArea, TextField } from "./ui";

/**
 * The campaign's content and settings, for the new and edit pages. Plain form: works without
 * JavaScript; the server validates with CampaignFormSchema and the errors show next to fields.
 */

export type CampaignFormValues = Partial<Record<string, string>>;

export function CampaignForm({
  segments,
  programs = [],
  values,
  errors,
  formError,
  submitLabel,
  busy,
}: {
  segments: { id: string; name: string }[];
  /** Return programs the invitation may point at. */
  programs?: { id: string; title: string; status: string }[];
  values: CampaignFormValues;
  errors?: FieldErrors;
  formError?: string;
  submitLabel: string;
  busy?: boolean;
}) {
  const e = (name: string) => errors?.[name];
  return (
    <Form method="post" noValidate className="space-y-6">
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <Card title="Audience and template">
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField
            label="Campaign name"
            name="name"
            required
            maxLength={120}
            defaultValue={values.name}
            errors={e("name")}
            hint="Only staff see it."
          />
          <SelectField
            label="Segment"
            name="segmentId"
            defaultValue={values.segmentId ?? ""}
            options={[
              { value: "", label: "Choose a saved segment" },
              ...segments.map((s) => ({ value: s.id, label: s.name })),
            ]}
            errors={e("segmentId")}
            hint="A saved alumni view. People who must not be written to are left out; the campaign page shows who and why."
          />
          <SelectField
            label="Return program (optional)"
            name="programId"
            defaultValue={values.programId ?? ""}
            options={[
              { value: "", label: "None: a general invitation" },
              ...programs.map((p) => ({
                value: p.id,
                label: p.status === "open" ? p.title : `${p.title} (${p.status}: open it before launching)`,
              })),
            ]}
            errors={e("programId")}
            hint="People who say yes are shown this program and can apply to it."
          />
          <SelectField
            label="Email"
            name="template"
            defaultValue={values.template ?? "return-invitation"}
            options={Object.entries(CAMPAIGN_TEMPLATES).map(([value, label]) => ({ value, label }))}
            errors={e("template")}
          />
          <TextField
            label="Subject (optional)"
            name="subject"
            maxLength={150}
            defaultValue={values.subject}
            errors={e("subject")}
            hint="Leave empty to use the template's own subject."
          />
        </div>
      </Card>
      <Card title="What the email says">
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField
            label="Company name"
            name="companyName"
            required
            maxLength={120}
            defaultValue={values.companyName}
            errors={e("companyName")}
          />
          <TextField
            label="Team or work"
            name="teamName"
            required
            maxLength={120}
            defaultValue={values.teamName}
            errors={e("teamName")}
            hint="For example “customer support”."
          />
          <TextArea
            className="md:col-span-2"
            label="What changed, and why we are writing now (invitation)"
            name="whatChanged"
            rows={4}
            maxLength={2000}
            defaultValue={values.whatChanged}
            errors={e("whatChanged")}
          />
          <TextArea
            className="md:col-span-2"
            label="What we can offer"
            name="opportunity"
            rows={3}
            maxLength={1000}
            required
            defaultValue={values.opportunity}
            errors={e("opportunity")}
          />
          <TextField
            label="Reply by"
            name="respondBy"
            type="date"
            required
            defaultValue={values.respondBy}
            errors={e("respondBy")}
          />
          <TextField
            label="Date of the first invitation (reminders only)"
            name="invitedOn"
            type="date"
            defaultValue={values.invitedOn}
            errors={e("invitedOn")}
          />
          <TextArea
            className="md:col-span-2"
            label="Personal note"
            name="note"
            rows={5}
            maxLength={NOTE_MAX_CHARS}
            defaultValue={values.note}
            errors={e("note")}
            hint="Plain text, in your own words. The campaign page checks its tone as you type."
          />
        </div>
      </Card>
      <Card title="Who it comes from">
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField
            label="Sender's name"
            name="senderName"
            required
            maxLength={120}
            defaultValue={values.senderName}
            errors={e("senderName")}
          />
          <TextField
            label="Sender's role"
            name="senderRole"
            required
            maxLength={120}
            defaultValue={values.senderRole}
            errors={e("senderRole")}
          />
          <TextField
            label="Sender's email"
            name="senderEmail"
            type="email"
            required
            maxLength={254}
            defaultValue={values.senderEmail}
            errors={e("senderEmail")}
            hint="Replies and questions go to this person."
          />
          <TextField
            label="Sender's phone (optional)"
            name="senderPhone"
            maxLength={40}
            defaultValue={values.senderPhone}
            errors={e("senderPhone")}
          />
        </div>
      </Card>
      <Card title="Schedule and pace">
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField
            label="Send at (UTC, optional)"
            name="sendAt"
            type="datetime-local"
            defaultValue={values.sendAt}
            errors={e("sendAt")}
            hint="In UTC, on a 24-hour clock. Leave empty to start as soon as it is launched."
          />
          <TextField
            label="Emails per hour"
            name="throttlePerHour"
            type="number"
            min={1}
            max={MAX_THROTTLE_PER_HOUR}
            defaultValue={values.throttlePerHour ?? String(DEFAULT_THROTTLE_PER_HOUR)}
            errors={e("throttlePerHour")}
            hint="Emails leave evenly spaced, this many an hour at most, so replies reach people who can answer them."
          />
          <TextField
            label="Quiet period after exit (days)"
            name="quietDays"
            type="number"
            min={0}
            max={3650}
            defaultValue={values.quietDays ?? String(DEFAULT_QUIET_DAYS)}
            errors={e("quietDays")}
            hint="People who left more recently than this are not written to."
          />
          <div>
            <label className="flex items-center gap-2 text-sm font-medium">
              <input type="checkbox" name="onlyEligible" defaultChecked={values.onlyEligible === "on"} /> Only
              people whose rehire verdict is eligible
            </label>
            {e("onlyEligible") ? (
              <p className="mt-1 text-sm text-bad">{e("onlyEligible")?.join(" ")}</p>
            ) : null}
          </div>
        </div>
      </Card>
      <Button type="submit" name="intent" value="save" busy={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
