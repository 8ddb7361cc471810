import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useActionResult } from "~/components/form";
import { Badge, Button, Card, Notice, SelectField, TextArea, TextField } from "~/components/ui";
import { EXIT_REASON_LABELS, EXIT_REASONS } from "~/modules/alumni/exit-reasons";
import type { AlumnusProfile } from "~/modules/alumni/get-alumnus-profile.server";

/**
 * The forms on a person's profile (tags, a private note, the record itself). Each posts its
 * own `intent` to the profile's action and shows that intent's answer: the success message or
 * the error, with the typed values kept and each field's message under it.
 */

type Alumnus = AlumnusProfile["alumnus"];
type HrRecord = NonNullable<AlumnusProfile["hr"]>;
type ProfileIntent = "edit" | "add-note" | "add-tag" | "remove-tag";

function useIntent(intent: ProfileIntent) {
  const mine = useActionResult(intent);
  const error = mine && !mine.ok ? mine.error : undefined;
  const values = mine && !mine.ok ? mine.values : undefined;
  const notice = mine?.ok ? (
    <Notice tone="success">{mine.message}</Notice>
  ) : error ? (
    <Notice tone="error">{error.message}</Notice>
  ) : null;
  const errorsFor = (field: string) => error?.fieldErrors?.[field];
  // Empties a form once its post succeeded (each answer is a new object, so every success counts).
  const formRef = useRef<HTMLFormElement>(null);
  const succeeded = mine?.ok ? mine : undefined;
  useEffect(() => {
    if (succeeded) formRef.current?.reset();
  }, [succeeded]);
  return { notice, values, errorsFor, error, formRef };
}

function Submit({
  intent,
  children,
  variant,
}: {
  intent: ProfileIntent;
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <Button type="submit" name="intent" value={intent} variant={variant} busy={busy}>
      {children}
    </Button>
  );
}

export function TagsCard({ tags, canEdit }: { tags: string[]; canEdit: boolean }) {
  const add = useIntent("add-tag");
  const remove = useIntent("remove-tag");
  return (
    <Card title="Tags">
      {add.notice}
      {remove.notice}
      {tags.length === 0 ? (
        <p className="text-sm text-muted">No tags yet. Tags group people for views and campaigns.</p>
      ) : null}
      <ul className="flex flex-wrap gap-2">
        {tags.map((t) => (
          <li key={t} className="flex items-center gap-1">
            <Badge tone="brand">{t}</Badge>
            {canEdit ? (
              <Form method="post">
                <input type="hidden" name="tag" value={t} />
                <button
                  type="submit"
                  name="intent"
                  value="remove-tag"
                  className="text-xs text-bad underline"
                  aria-label={`Remove tag ${t}`}
                >
                  remove
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <Form method="post" className="mt-3 flex items-end gap-2" ref={add.formRef}>
          <TextField
            label="Add a tag"
            name="tag"
            maxLength={60}
            required
            defaultValue={add.values?.tag}
            errors={add.errorsFor("tag")}
          />
          <Submit intent="add-tag" variant="secondary">
            Add
          </Submit>
        </Form>
      ) : null}
    </Card>
  );
}

export function NoteCard() {
  const { notice, values, errorsFor, formRef } = useIntent("add-note");
  return (
    <Card title="Private HR note">
      <Form method="post" className="space-y-3" ref={formRef}>
        {notice}
        <TextArea
          label="Note"
          name="body"
          rows={4}
          required
          maxLength={5000}
          hint="Seen by HR only, never by the person or by managers."
          defaultValue={values?.body}
          errors={errorsFor("body")}
        />
        <Submit intent="add-note" variant="secondary">
          Add note
        </Submit>
      </Form>
    </Card>
  );
}

export function EditCard({ alumnus: a, hr }: { alumnus: Alumnus; hr: HrRecord }) {
  const { notice, values, errorsFor, error } = useIntent("edit");
  const v = (field: string, current: string | number | null | undefined) =>
    values?.[field] ?? (current === null || current === undefined ? "" : String(current));
  const stale = error?.code === "conflict" && !error.fieldErrors;
  return (
    <Card title="Edit record">
      <details open={!!values}>
        <summary className="cursor-pointer text-sm text-brand underline">
          Edit identity, contact, employment and availability
        </summary>
        <Form method="post" className="mt-3 space-y-3">
          {notice}
          {stale ? (
            <p className="text-sm">The record above shows what is saved now (version {hr.version}).</p>
          ) : null}
          <input type="hidden" name="version" value={hr.version} />
          <TextField
            label="First name"
            name="firstName"
            required
            defaultValue={v("firstName", a.firstName)}
            errors={errorsFor("firstName")}
          />
          <TextField
            label="Last name"
            name="lastName"
            required
            defaultValue={v("lastName", a.lastName)}
            errors={errorsFor("lastName")}
          />
          <TextField
            label="Preferred name"
            name="preferredName"
            defaultValue={v("preferredName", a.preferredName)}
            errors={errorsFor("preferredName")}
          />
          <TextField
            label="Work email"
            name="workEmail"
            type="email"
            defaultValue={v("workEmail", hr.workEmail)}
            errors={errorsFor("workEmail")}
          />
          <TextField
            label="Personal email"
            name="personalEmail"
            type="email"
            defaultValue={v("personalEmail", hr.personalEmail)}
            errors={errorsFor("personalEmail")}
          />
          <TextField
            label="Job title"
            name="jobTitle"
            defaultValue={v("jobTitle", a.jobTitle)}
            errors={errorsFor("jobTitle")}
          />
          <TextField
            label="Department"
            name="department"
            defaultValue={v("department", a.department)}
            errors={errorsFor("department")}
          />
          <TextField
            label="Location"
            name="location"
            defaultValue={v("location", a.location)}
            errors={errorsFor("location")}
          />
          <TextField
            label="Country (two letters)"
            name="country"
            maxLength={2}
            defaultValue={v("country", a.country)}
            errors={errorsFor("country")}
          />
          <TextField
            label="Skills (comma-separated)"
            name="skills"
            defaultValue={v("skills", a.skills.join(", "))}
            errors={errorsFor("skills")}
          />
          <TextField
            label="Languages (comma-separated)"
            name="languages"
            defaultValue={v("languages", a.languages.join(", "))}
            errors={errorsFor("languages")}
          />
          <div className="grid grid-cols-2 gap-2">
            <TextField
              label="Hire date"
              name="hireDate"
              type="date"
              defaultValue={v("hireDate", hr.hireDate)}
              errors={errorsFor("hireDate")}
            />
            <TextField
              label="Exit date"
              name="exitDate"
              type="date"
              defaultValue={v("exitDate", hr.exitDate)}
              errors={errorsFor("exitDate")}
            />
          </div>
          <SelectField
            label="Exit reason"
            name="exitReason"
            defaultValue={v("exitReason", hr.exitReason)}
            options={[
              { value: "", label: "Not recorded" },
              ...EXIT_REASONS.map((r) => ({ value: r, label: EXIT_REASON_LABELS[r] })),
            ]}
            errors={errorsFor("exitReason")}
          />
          <SelectField
            label="Regrettable loss"
            name="regrettable"
            defaultValue={v("regrettable", hr.regrettable === null ? "" : hr.regrettable ? "yes" : "no")}
            options={[
              { value: "", label: "Not recorded" },
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
            errors={errorsFor("regrettable")}
          />
          <TextField
            label="Hours per week"
            name="availabilityHours"
            inputMode="numeric"
            defaultValue={v("availabilityHours", a.availabilityHours)}
            errors={errorsFor("availabilityHours")}
          />
          <TextField
            label="Earliest start"
            name="earliestStart"
            type="date"
            defaultValue={v("earliestStart", a.earliestStart)}
            errors={errorsFor("earliestStart")}
          />
          <SelectField
            label="Engagement preferred"
            name="engagementPreference"
            defaultValue={v("engagementPreference", a.engagementPreference)}
            options={[
              { value: "", label: "Not said" },
              { value: "gig", label: "Gig" },
              { value: "part_time", label: "Part-time" },
              { value: "full_time", label: "Full-time" },
            ]}
            errors={errorsFor("engagementPreference")}
          />
          <Submit intent="edit">Save changes</Submit>
        </Form>
      </details>
    </Card>
  );
}
