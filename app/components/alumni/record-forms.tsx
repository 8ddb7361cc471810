import { Form } from "@remix-run/react";
import {
  ActionNotice,
  SubmitButton,
  useActionResult,
  useValidatedForm,
  ValidatedForm,
} from "~/components/form";
import { Badge, Card, SelectField, TextArea, TextField } from "~/components/ui";
import { EditAlumnusSchema, NoteSchema, TagSchema } from "~/modules/alumni/alumni-schemas";
import { EXIT_REASON_LABELS, EXIT_REASONS } from "~/modules/alumni/exit-reasons";
import type { AlumnusProfile } from "~/modules/alumni/get-alumnus-profile.server";

/**
 * The forms on a person's profile (tags, a private note, the record itself). Each posts its
 * own `intent` to the profile's action with the schema the action parses (ADR 010): checked in
 * the browser first, and the server's answer (the success message, or the error with the typed
 * values kept and each field's message under it) shown in the same places.
 */

type Alumnus = AlumnusProfile["alumnus"];
type HrRecord = NonNullable<AlumnusProfile["hr"]>;

/** One tag's remove button: its own small form, posting the tag it removes. */
function RemoveTagButton({ tag }: { tag: string }) {
  const form = useValidatedForm(TagSchema, { intent: "remove-tag", defaultValues: { tag } });
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value="remove-tag" />
      <input type="hidden" name="tag" value={tag} />
      <button type="submit" className="text-xs text-bad underline" aria-label={`Remove tag ${tag}`}>
        remove
      </button>
    </Form>
  );
}

export function TagsCard({ tags, canEdit }: { tags: string[]; canEdit: boolean }) {
  const add = useValidatedForm(TagSchema, { intent: "add-tag", resetOnSuccess: true });
  return (
    <Card title="Tags">
      <ActionNotice intent="remove-tag" />
      {tags.length === 0 ? (
        <p className="text-sm text-muted">No tags yet. Tags group people for views and campaigns.</p>
      ) : null}
      <ul className="flex flex-wrap gap-2">
        {tags.map((t) => (
          <li key={t} className="flex items-center gap-1">
            <Badge tone="brand">{t}</Badge>
            {canEdit ? <RemoveTagButton tag={t} /> : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <ValidatedForm form={add} className="mt-3 space-y-2">
          <div className="flex flex-wrap items-end gap-2">
            <TextField label="Add a tag" maxLength={60} {...add.field("tag")} />
            <SubmitButton variant="secondary">Add</SubmitButton>
          </div>
        </ValidatedForm>
      ) : null}
    </Card>
  );
}

export function NoteCard() {
  const form = useValidatedForm(NoteSchema, { intent: "add-note", resetOnSuccess: true });
  return (
    <Card title="Private HR note">
      <ValidatedForm form={form} className="space-y-3">
        <TextArea
          label="Note"
          rows={4}
          maxLength={5000}
          hint="Seen by HR only, never by the person or by managers."
          {...form.field("body")}
        />
        <SubmitButton variant="secondary">Add note</SubmitButton>
      </ValidatedForm>
    </Card>
  );
}

export function EditCard({ alumnus: a, hr }: { alumnus: Alumnus; hr: HrRecord }) {
  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined ? "" : String(value);
  const form = useValidatedForm(EditAlumnusSchema, {
    intent: "edit",
    defaultValues: {
      version: String(hr.version),
      firstName: a.firstName,
      lastName: a.lastName,
      preferredName: text(a.preferredName),
      workEmail: text(hr.workEmail),
      personalEmail: text(hr.personalEmail),
      jobTitle: text(a.jobTitle),
      department: text(a.department),
      location: text(a.location),
      country: text(a.country),
      skills: a.skills.join(", "),
      languages: a.languages.join(", "),
      hireDate: text(hr.hireDate),
      exitDate: text(hr.exitDate),
      exitReason: (hr.exitReason ?? "") as never,
      regrettable: hr.regrettable === null ? "" : hr.regrettable ? "yes" : "no",
      availabilityHours: text(a.availabilityHours),
      earliestStart: text(a.earliestStart),
      engagementPreference: (a.engagementPreference ?? "") as never,
    },
  });
  const answer = useActionResult("edit");
  const error = answer && !answer.ok ? answer.error : undefined;
  const stale = error?.code === "conflict" && !error.fieldErrors;
  return (
    <Card title="Edit record">
      <details open={!!error}>
        <summary className="cursor-pointer text-sm text-brand underline">
          Edit identity, contact, employment and availability
        </summary>
        <ValidatedForm form={form} className="mt-3 space-y-3">
          {stale ? (
            <p className="text-sm">The record above shows what is saved now (version {hr.version}).</p>
          ) : null}
          <input type="hidden" name="version" value={hr.version} />
          <TextField label="First name" {...form.field("firstName")} />
          <TextField label="Last name" {...form.field("lastName")} />
          <TextField label="Preferred name" {...form.field("preferredName")} />
          <TextField label="Work email" type="email" {...form.field("workEmail")} />
          <TextField label="Personal email" type="email" {...form.field("personalEmail")} />
          <TextField label="Job title" {...form.field("jobTitle")} />
          <TextField label="Department" {...form.field("department")} />
          <TextField label="Location" {...form.field("location")} />
          <TextField label="Country (two letters)" maxLength={2} {...form.field("country")} />
          <TextField label="Skills (comma-separated)" {...form.field("skills")} />
          <TextField label="Languages (comma-separated)" {...form.field("languages")} />
          <div className="grid grid-cols-2 gap-2">
            <TextField label="Hire date" type="date" {...form.field("hireDate")} />
            <TextField label="Exit date" type="date" {...form.field("exitDate")} />
          </div>
          <SelectField
            label="Exit reason"
            options={[
              { value: "", label: "Not recorded" },
              ...EXIT_REASONS.map((r) => ({ value: r, label: EXIT_REASON_LABELS[r] })),
            ]}
            {...form.field("exitReason")}
          />
          <SelectField
            label="Regrettable loss"
            options={[
              { value: "", label: "Not recorded" },
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
            {...form.field("regrettable")}
          />
          <TextField label="Hours per week" inputMode="numeric" {...form.field("availabilityHours")} />
          <TextField label="Earliest start" type="date" {...form.field("earliestStart")} />
          <SelectField
            label="Engagement preferred"
            options={[
              { value: "", label: "Not said" },
              { value: "gig", label: "Gig" },
              { value: "part_time", label: "Part-time" },
              { value: "full_time", label: "Full-time" },
            ]}
            {...form.field("engagementPreference")}
          />
          <SubmitButton>Save changes</SubmitButton>
        </ValidatedForm>
      </details>
    </Card>
  );
}
