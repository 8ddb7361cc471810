import { DoNotRehireControl } from "~/components/alumni/do-not-rehire";
import { ProfileSummary, type NextStep } from "~/components/alumni/profile-summary";
import { VerdictPanel } from "~/components/eligibility/verdict-panel";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { Time } from "~/components/time";
import {
  Notice,
  Badge,
  Button,
  Card,
  EmptyState,
  Facts,
  PageHeader,
  SelectField,
  TextArea,
  TextField,
} from "~/components/ui";
import { addAlumnusNote } from "~/modules/alumni/add-alumnus-note.server";
import { EXIT_REASONS } from "~/modules/alumni/alumni-filter";
import { DoNotRehireSchema, EditAlumnusSchema, NoteSchema, TagSchema } from "~/modules/alumni/alumni-schemas";
import { languageList, placeText } from "~/modules/alumni/alumnus-words";
import { dayList, fieldLabel, valueInWords } from "~/modules/audit/audit-words";
import { getAlumnusProfile } from "~/modules/alumni/get-alumnus-profile.server";
import { getReturnJourney } from "~/modules/applications/return-journey.server";
import { ReturnJourneyCard } from "~/components/pipeline/journey";
import { InviteToProgramCard } from "~/components/pipeline/invite";
import { getInviteOptions, inviteToProgram } from "~/modules/campaigns/invite-to-program.server";
import { InviteToProgramSchema } from "~/modules/campaigns/schemas";
import { setDoNotRehire } from "~/modules/alumni/set-do-not-rehire.server";
import { tagAlumni } from "~/modules/alumni/tag-alumni.server";
import { updateAlumnus } from "~/modules/alumni/update-alumnus.server";
import { requireAnyPermission, requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm, parseIntent, parseParams } from "~/platform/http.server";
import { recordId } from "~/platform/input";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data && "alumnus" in data ? `${data.alumnus.preferredName || data.alumnus.firstName} ${data.alumnus.lastName}` : "Alumnus"} · Comeback`,
  },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, ["read:alumnus:any", "read:alumnus:team"]);
  const { alumnusId } = parseParams(params, { alumnusId: recordId }, "That person");
  const [profile, journey, invite] = await Promise.all([
    getAlumnusProfile({ actor, alumnusId }),
    getReturnJourney({ actor, alumnusId }),
    getInviteOptions({ actor, alumnusId }),
  ]);
  return { ...profile, journey, invite };
});

const INTENTS = ["edit", "do-not-rehire", "add-note", "add-tag", "remove-tag", "invite"] as const;
type Intent = (typeof INTENTS)[number];

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  await requirePermission(request, "read:alumnus:any");
  const { alumnusId } = parseParams(params, { alumnusId: recordId }, "That person");
  const intent = await parseIntent(request, INTENTS);
  const done = (message: string) => ({ ok: true as const, intent, message });
  switch (intent) {
    case "edit": {
      const actor = await requirePermission(request, "edit:alumnus:any");
      const input = await parseForm(request, EditAlumnusSchema);
      const result = await updateAlumnus({ actor, alumnusId, input });
      return done(
        result.changed.length
          ? `Saved. Changed by hand: ${result.changed.map((f) => fieldLabel(f).toLowerCase()).join(", ")}. Imports will not overwrite these fields without showing you.`
          : "Nothing to save: the record already has these values.",
      );
    }
    case "do-not-rehire": {
      const actor = await requirePermission(request, "edit:alumnus:restricted");
      const input = await parseForm(request, DoNotRehireSchema);
      const result = await setDoNotRehire({
        actor,
        alumnusId,
        version: input.version,
        doNotRehire: input.doNotRehire === "yes",
        reason: input.reason,
      });
      return done(
        result.changed
          ? input.doNotRehire === "yes"
            ? "Marked do not rehire. The reason is in the audit trail."
            : "Do-not-rehire flag cleared. The reason is in the audit trail."
          : "Nothing changed: the flag and reason are already like this.",
      );
    }
    case "add-note": {
      const actor = await requirePermission(request, "edit:alumnus:any");
      const input = await parseForm(request, NoteSchema);
      await addAlumnusNote({ actor, alumnusId, body: input.body });
      return done("Note added to the timeline.");
    }
    case "invite": {
      const actor = await requirePermission(request, "manage:campaign");
      const values = await parseForm(request, InviteToProgramSchema);
      const sent = await inviteToProgram({ actor, alumnusId, values });
      return done(
        `Invitation to “${sent.program.title}” on its way: it goes out with the campaign made for it, and their answer appears with the campaign's answers.`,
      );
    }
    case "add-tag":
    case "remove-tag": {
      const actor = await requirePermission(request, "edit:alumnus:any");
      const input = await parseForm(request, TagSchema);
      const result = await tagAlumni({
        actor,
        selection: { scope: "selected", alumnusId: [alumnusId], view: "" },
        tag: input.tag,
        mode: intent === "add-tag" ? "add" : "remove",
      });
      return done(
        result.changed
          ? intent === "add-tag"
            ? `Tagged “${input.tag}”.`
            : `Tag “${input.tag}” removed.`
          : intent === "add-tag"
            ? `Already tagged “${input.tag}”.`
            : `Not tagged “${input.tag}”.`,
      );
    }
  }
});

const label = (value: string | null | undefined) =>
  value ? value.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase()) : null;
const yesNo = (value: boolean | null | undefined) =>
  value === null || value === undefined ? "Not recorded" : value ? "Yes" : "No";

function useIntent(intent: Intent) {
  const data = useActionData<typeof action>();
  const mine = data && "intent" in data && data.intent === intent ? data : undefined;
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
  intent: Intent;
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

/** This person's rehire verdict, its reasons and any override, for viewers with read:eligibility. */
function EligibilityPanelSlot({
  alumnusId,
  eligibility,
}: {
  alumnusId: string;
  eligibility: AlumnusProfileData["eligibility"];
}) {
  if (eligibility === undefined) return null;
  return (
    <div className="space-y-2">
      <VerdictPanel eligibility={eligibility} />
      <p className="text-sm">
        <Link to={`/staff/eligibility/people/${alumnusId}`} className="text-brand underline">
          Review, override or ask a manager about this verdict
        </Link>
      </p>
    </div>
  );
}

type AlumnusProfileData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function AlumnusProfilePage() {
  const profile = useLoaderData<typeof loader>();
  const { alumnus: a, hr, restricted, timeline, canEdit, canEditRestricted, journey, invite } = profile;
  const name = `${a.preferredName || a.firstName} ${a.lastName}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/alumni" className="text-brand underline">
          ← All alumni
        </Link>
      </p>
      <PageHeader
        title={name}
        description={
          [a.jobTitle, a.department, placeText(a.location, a.country)].filter(Boolean).join(" · ") ||
          undefined
        }
      />
      <ProfileSummary
        role={roleLine(a.jobTitle, a.department, hr?.hireDate ?? null, hr?.exitDate ?? null)}
        left={
          hr
            ? [hr.exitDate ? `on ${longDate(hr.exitDate)}` : null, valueOrNull(hr.exitReason)]
                .filter(Boolean)
                .join(": ") || null
            : null
        }
        verdict={
          profile.eligibility === undefined
            ? undefined
            : {
                outcome: profile.eligibility?.effective.outcome ?? null,
                note: profile.eligibility
                  ? profile.eligibility.effective.source === "override"
                    ? "an HR decision"
                    : "under the policy"
                  : null,
                href: `/staff/eligibility/people/${a.id}`,
              }
        }
        openToReturn={
          hr
            ? hr.doNotContact
              ? "Asked not to be contacted"
              : hr.consentReturn === "granted"
                ? "Open to return opportunities"
                : hr.consentReturn === "withdrawn"
                  ? "Does not want return opportunities"
                  : "Not asked yet"
            : null
        }
        availability={
          [
            a.availabilityHours ? `${a.availabilityHours} hours a week` : null,
            dayList(a.availabilityDays),
            a.earliestStart ? `from ${longDate(a.earliestStart)}` : null,
          ]
            .filter(Boolean)
            .join(" · ") || null
        }
        flags={[
          ...(restricted?.doNotRehire ? [{ label: "Do not rehire", tone: "bad" as const }] : []),
          ...(hr?.regrettable ? [{ label: "Regrettable loss", tone: "warn" as const }] : []),
        ]}
        nextSteps={nextSteps(profile)}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {journey ? <ReturnJourneyCard journey={journey} /> : null}
          {invite && hr ? <InviteToProgramCard options={invite} name={name} /> : null}
          <Card title="Identity and contact">
            <Facts
              items={[
                { label: "Name", value: `${a.firstName} ${a.lastName}` },
                { label: "Preferred name", value: a.preferredName },
                ...(hr
                  ? [
                      { label: "HR id", value: hr.hrId },
                      { label: "Work email", value: hr.workEmail },
                      { label: "Personal email", value: hr.personalEmail },
                      { label: "Phone", value: hr.phone },
                    ]
                  : []),
                { label: "Location", value: placeText(a.location, a.country) },
                { label: "Time zone", value: a.timeZone },
                { label: "Languages", value: languageList(a.languages) },
                { label: "Skills", value: a.skills.join(", ") || null },
              ]}
            />
          </Card>

          <Card title="Availability">
            <Facts
              items={[
                { label: "Engagement preferred", value: label(a.engagementPreference) },
                { label: "Hours per week", value: a.availabilityHours ?? null },
                { label: "Days", value: dayList(a.availabilityDays) },
                {
                  label: "Time of day",
                  value:
                    a.availabilityFrom && a.availabilityTo
                      ? `${a.availabilityFrom}–${a.availabilityTo} (${a.timeZone ?? "local time"})`
                      : null,
                },
                { label: "Earliest start", value: a.earliestStart },
              ]}
            />
          </Card>

          {hr ? (
            <Card title="Exit and employment">
              <Facts
                items={[
                  { label: "Exit date", value: hr.exitDate },
                  { label: "Exit reason", value: label(hr.exitReason) },
                  { label: "As the HR system put it", value: hr.exitReasonRaw },
                  {
                    label: "Workforce decision",
                    value: hr.decision ? (
                      <Link to={`/staff/decisions/${hr.decision.id}`} className="text-brand underline">
                        {hr.decision.title}
                      </Link>
                    ) : null,
                  },
                  { label: "Regrettable loss", value: yesNo(hr.regrettable) },
                  {
                    label: "HR system rehire flag",
                    value: hr.hrRehireFlag === "review" ? "Upon review" : label(hr.hrRehireFlag),
                  },
                  { label: "Last manager", value: hr.managerName },
                  {
                    label: "Contact consent",
                    value: `Return opportunities: ${valueInWords(hr.consentReturn).toLowerCase()}; news: ${valueInWords(hr.consentNews).toLowerCase()}${hr.doNotContact ? "; asked not to be contacted" : ""}`,
                  },
                ]}
              />
              <h3 className="mt-5 text-sm font-semibold">Employment periods</h3>
              {hr.employmentPeriods.length === 0 ? (
                <p className="text-sm text-muted">
                  No employment periods recorded. Imports from the HR system add them.
                </p>
              ) : (
                <table className="mt-2 w-full text-left text-sm">
                  <caption className="sr-only">Employment periods, newest first</caption>
                  <thead className="text-muted">
                    <tr>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        From
                      </th>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        Until
                      </th>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        Role
                      </th>
                      <th scope="col" className="py-1 font-medium">
                        Left because
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {hr.employmentPeriods.map((p) => (
                      <tr key={p.id} className="border-t border-line">
                        <td className="py-1 pr-3">{p.startDate}</td>
                        <td className="py-1 pr-3">{p.endDate ?? "—"}</td>
                        <td className="py-1 pr-3">
                          {[p.jobTitle, p.department, p.location].filter(Boolean).join(" · ") || "—"}
                        </td>
                        <td className="py-1">{label(p.exitReason) ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Card>
          ) : (
            <Notice tone="info">
              You see the details a manager needs. Exit details, HR notes and flags are kept to HR.
            </Notice>
          )}

          <EligibilityPanelSlot alumnusId={a.id} eligibility={profile.eligibility} />

          {hr ? (
            <div id="timeline">
              <Timeline items={timeline} />
            </div>
          ) : null}
        </div>

        <div className="space-y-6">
          {hr ? <TagsCard tags={hr.tags} canEdit={canEdit} /> : null}
          {hr && canEdit ? (
            <div id="note">
              <NoteCard />
            </div>
          ) : null}
          {hr && canEdit ? (
            <div id="edit">
              <EditCard profile={profile} />
            </div>
          ) : null}
          {hr && hr.manualEdits.length ? (
            <Card title="Changed by hand">
              <p className="mb-2 text-sm text-muted">
                Imports report a conflict for these fields instead of overwriting them.
              </p>
              <ul className="space-y-1 text-sm">
                {hr.manualEdits.map((m) => (
                  <li key={m.field}>
                    <strong>{fieldLabel(m.field)}</strong> by {m.by}, <Time iso={m.at} />
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {restricted ? (
            <DoNotRehireControl
              doNotRehire={restricted.doNotRehire}
              reason={restricted.doNotRehireReason}
              version={hr?.version ?? 1}
              canEdit={canEditRestricted}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}

const longDate = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });

const valueOrNull = (code: string | null) => (code ? valueInWords(code) : null);

function roleLine(
  jobTitle: string | null,
  department: string | null,
  hired: string | null,
  left: string | null,
) {
  const what = [jobTitle, department].filter(Boolean).join(", ");
  if (!what) return null;
  if (!hired || !left) return what;
  const years = (Date.parse(left) - Date.parse(hired)) / (365.25 * 24 * 3600 * 1000);
  const span = years >= 1 ? `${Math.floor(years)} year${years >= 2 ? "s" : ""}` : "under a year";
  return `${what}, for ${span}`;
}

/** What the viewer can do next with this person, the most pressing first. */
function nextSteps(profile: AlumnusProfileData): NextStep[] {
  const id = profile.alumnus.id;
  const steps: NextStep[] = [];
  const outcome = profile.eligibility?.effective.outcome;
  if (profile.eligibility !== undefined) {
    steps.push(
      outcome === "needs_review"
        ? { label: "Decide the review", href: `/staff/eligibility/people/${id}`, primary: true }
        : { label: "See why, or override the verdict", href: `/staff/eligibility/people/${id}` },
    );
  }
  if (profile.canEdit) {
    steps.push({ label: "Add a private note", href: "#note" });
    steps.push({ label: "Edit the record", href: "#edit" });
  }
  if (profile.hr) steps.push({ label: "Read the timeline", href: "#timeline" });
  return steps;
}

const TIMELINE_KINDS: Record<string, string> = {
  change: "Change",
  note: "Note",
  email: "Email",
  request: "Request",
  answer: "Answer",
};

function Timeline({
  items,
}: {
  items: {
    key: string;
    kind: string;
    at: string;
    title: string;
    by?: string | null;
    detail?: string | null;
    link?: string | null;
  }[];
}) {
  return (
    <Card title="Timeline">
      {items.length === 0 ? (
        <EmptyState title="Nothing has happened on this record yet">
          Changes, HR notes and emails to this person appear here as they happen.
        </EmptyState>
      ) : (
        <ol className="space-y-3">
          {items.map((item) => (
            <li key={item.key} className="border-l-2 border-line pl-3">
              <p className="text-sm">
                <Badge
                  tone={
                    item.kind === "note"
                      ? "brand"
                      : item.kind === "email"
                        ? "good"
                        : item.kind === "request"
                          ? "warn"
                          : "neutral"
                  }
                >
                  {TIMELINE_KINDS[item.kind] ?? "Other"}
                </Badge>{" "}
                <strong>{item.title}</strong>
              </p>
              <p className="text-xs text-muted">
                <Time iso={item.at} />
                {item.by ? ` · ${item.by}` : ""}
              </p>
              {item.detail ? <p className="mt-1 whitespace-pre-wrap text-sm">{item.detail}</p> : null}
              {item.link ? (
                <p className="mt-1 text-sm">
                  <Link to={item.link} className="text-brand underline">
                    Open the request
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function TagsCard({ tags, canEdit }: { tags: string[]; canEdit: boolean }) {
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

function NoteCard() {
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

function EditCard({
  profile,
}: {
  profile: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { access: "any" }>;
}) {
  const { notice, values, errorsFor, error } = useIntent("edit");
  const a = profile.alumnus;
  const hr = profile.hr;
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
              ...EXIT_REASONS.map((r) => ({ value: r, label: label(r) as string })),
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
