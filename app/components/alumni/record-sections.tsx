import { Link } from "@remix-run/react";
import { Time } from "~/components/time";
import { Badge, Card, EmptyState, Facts, Table } from "~/components/ui";
import { languageList, placeText } from "~/modules/alumni/alumnus-words";
import { dayList, fieldLabel, valueInWords } from "~/modules/audit/audit-words";
import { EXIT_REASON_LABELS, type ExitReason } from "~/modules/alumni/exit-reasons";
import type { AlumnusProfile } from "~/modules/alumni/get-alumnus-profile.server";

type Alumnus = AlumnusProfile["alumnus"];
type HrRecord = NonNullable<AlumnusProfile["hr"]>;

/** A stored code in sentence case ("part_time" → "Part time"); null stays null. */
export const codeLabel = (value: string | null | undefined) =>
  value ? value.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase()) : null;
const exitReasonLabel = (code: string | null | undefined) =>
  code ? (EXIT_REASON_LABELS[code as ExitReason] ?? codeLabel(code)) : null;
const yesNo = (value: boolean | null | undefined) =>
  value === null || value === undefined ? "Not recorded" : value ? "Yes" : "No";

/** Who the person is and how to reach them; the HR-only fields (ids, emails, phone) only with `hr`. */
export function IdentityCard({ alumnus: a, hr }: { alumnus: Alumnus; hr: HrRecord | null }) {
  return (
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
  );
}

/** When the person has said they can work. */
export function AvailabilityCard({ alumnus: a }: { alumnus: Alumnus }) {
  return (
    <Card title="Availability">
      <Facts
        items={[
          { label: "Engagement preferred", value: codeLabel(a.engagementPreference) },
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
  );
}

type Period = HrRecord["employmentPeriods"][number];

/** HR's view of how the person left, their consent, and their employment periods. */
export function ExitCard({ hr }: { hr: HrRecord }) {
  return (
    <Card title="Exit and employment">
      <Facts
        items={[
          { label: "Exit date", value: hr.exitDate },
          { label: "Exit reason", value: exitReasonLabel(hr.exitReason) },
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
            value: hr.hrRehireFlag === "review" ? "Upon review" : codeLabel(hr.hrRehireFlag),
          },
          { label: "Last manager", value: hr.managerName },
          {
            label: "Contact consent",
            value: `Return opportunities: ${valueInWords(hr.consentReturn).toLowerCase()}; news: ${valueInWords(hr.consentNews).toLowerCase()}${hr.doNotContact ? "; asked not to be contacted" : ""}`,
          },
        ]}
      />
      <h3 className="mt-5 text-sm font-semibold">Employment periods</h3>
      <div className="mt-2">
        <Table<Period>
          caption="Employment periods, newest first"
          rows={hr.employmentPeriods}
          rowKey={(p) => p.id}
          stackBelow="sm"
          empty={
            <p className="text-sm text-muted">
              No employment periods recorded. Imports from the HR system add them.
            </p>
          }
          columns={[
            {
              key: "from",
              label: "From",
              rowHeader: true,
              className: "sm:whitespace-nowrap",
              cell: (p) => p.startDate,
            },
            {
              key: "until",
              label: "Until",
              className: "sm:whitespace-nowrap",
              cell: (p) => p.endDate ?? "—",
            },
            {
              key: "role",
              label: "Role",
              cell: (p) => [p.jobTitle, p.department, p.location].filter(Boolean).join(" · ") || "—",
            },
            { key: "left", label: "Left because", cell: (p) => exitReasonLabel(p.exitReason) ?? "—" },
          ]}
        />
      </div>
    </Card>
  );
}

/** Fields someone changed by hand, which imports will not overwrite silently. */
export function ManualEditsCard({ edits }: { edits: HrRecord["manualEdits"] }) {
  if (edits.length === 0) return null;
  return (
    <Card title="Changed by hand">
      <p className="mb-2 text-sm text-muted">
        Imports report a conflict for these fields instead of overwriting them.
      </p>
      <ul className="space-y-1 text-sm">
        {edits.map((m) => (
          <li key={m.field}>
            <strong>{fieldLabel(m.field)}</strong> by {m.by}, <Time iso={m.at} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

const TIMELINE_KINDS: Record<string, string> = {
  change: "Change",
  note: "Note",
  email: "Email",
  request: "Request",
  answer: "Answer",
};

export type TimelineItem = {
  key: string;
  kind: string;
  at: string;
  title: string;
  by?: string | null;
  detail?: string | null;
  link?: string | null;
};

/** What has happened on the record, newest first: changes, notes, emails, requests and answers. */
export function Timeline({ items }: { items: TimelineItem[] }) {
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
