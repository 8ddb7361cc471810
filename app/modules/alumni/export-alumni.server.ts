import type { Prisma } from "~/generated/prisma/client";
import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { csvStream, type CsvColumn } from "~/platform/csv";
import { db } from "~/platform/db.server";
import { forbidden } from "~/platform/errors";
import { can } from "~/platform/permissions";
import { alumniFilterToSearchParams, type AlumniFilter } from "./alumni-filter";
import type { Selection } from "./alumni-schemas";
import { canSeeRestricted } from "./alumni-scope.server";
import { dayOf } from "./alumnus-record.server";
import { scopedAlumniWhere } from "./list-alumni.server";
import { selectionFilter, selectionWhere } from "./resolve-selection.server";

const exportSelect = {
  id: true,
  hrId: true,
  firstName: true,
  lastName: true,
  preferredName: true,
  workEmail: true,
  personalEmail: true,
  jobTitle: true,
  department: true,
  location: true,
  country: true,
  skills: true,
  languages: true,
  tags: true,
  hireDate: true,
  exitDate: true,
  exitReason: true,
  regrettable: true,
  hrRehireFlag: true,
  consentReturn: true,
  consentNews: true,
  engagementPreference: true,
  availabilityHours: true,
  earliestStart: true,
  doNotRehire: true,
  doNotRehireReason: true,
  decision: { select: { title: true } },
} satisfies Prisma.AlumnusSelect;

type Row = Prisma.AlumnusGetPayload<{ select: typeof exportSelect }>;

const yesNo = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");

export const ALUMNI_CSV_COLUMNS: readonly CsvColumn<Row>[] = [
  { header: "Alumnus id", value: (r) => r.id },
  { header: "HR id", value: (r) => r.hrId },
  { header: "First name", value: (r) => r.firstName },
  { header: "Last name", value: (r) => r.lastName },
  { header: "Preferred name", value: (r) => r.preferredName },
  { header: "Work email", value: (r) => r.workEmail },
  { header: "Personal email", value: (r) => r.personalEmail },
  { header: "Job title", value: (r) => r.jobTitle },
  { header: "Department", value: (r) => r.department },
  { header: "Location", value: (r) => r.location },
  { header: "Country", value: (r) => r.country },
  { header: "Skills", value: (r) => r.skills },
  { header: "Languages", value: (r) => r.languages },
  { header: "Tags", value: (r) => r.tags },
  { header: "Hire date", value: (r) => dayOf(r.hireDate) },
  { header: "Exit date", value: (r) => dayOf(r.exitDate) },
  { header: "Exit reason", value: (r) => r.exitReason },
  { header: "Workforce decision", value: (r) => r.decision?.title },
  { header: "Regrettable", value: (r) => yesNo(r.regrettable) },
  { header: "HR rehire flag", value: (r) => r.hrRehireFlag },
  { header: "Consent: return opportunities", value: (r) => r.consentReturn },
  { header: "Consent: news", value: (r) => r.consentNews },
  { header: "Engagement preference", value: (r) => r.engagementPreference },
  { header: "Hours per week", value: (r) => r.availabilityHours },
  { header: "Earliest start", value: (r) => dayOf(r.earliestStart) },
];

/** Only with read:alumnus:restricted. */
export const RESTRICTED_CSV_COLUMNS: readonly CsvColumn<Row>[] = [
  { header: "Do not rehire", value: (r) => yesNo(r.doNotRehire) },
  { header: "Do-not-rehire reason", value: (r) => r.doNotRehireReason },
];

export function alumniCsvColumns(actor: StaffUser): readonly CsvColumn<Row>[] {
  return canSeeRestricted(actor) ? [...ALUMNI_CSV_COLUMNS, ...RESTRICTED_CSV_COLUMNS] : ALUMNI_CSV_COLUMNS;
}

const EXPORT_PAGE = 1000;

/**
 * The current view (a filter) or a bulk selection as CSV: formula-injection safe
 * (app/platform/csv.ts), streamed in pages of 1,000 by id, columns limited by the viewer's
 * permissions. The export is audited (alumni.exported) with its view, row count and columns
 * before the first byte is sent.
 */
export async function exportAlumniCsv(
  input: { actor: StaffUser } & (
    { filter: AlumniFilter; selection?: undefined } | { selection: Selection; filter?: undefined }
  ),
) {
  const { actor } = input;
  if (!can(actor, "export:alumni") || !can(actor, "read:alumnus:any"))
    throw forbidden("You do not have permission to export alumni.");
  const where = input.selection
    ? selectionWhere(actor, input.selection)
    : scopedAlumniWhere(actor, input.filter);
  const view = alumniFilterToSearchParams(
    input.selection ? selectionFilter(input.selection) : input.filter,
  ).toString();
  const columns = alumniCsvColumns(actor);
  const rows = await db.alumnus.count({ where });
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(actor),
      action: "alumni.exported",
      entityType: "alumni",
      after: {
        scope: input.selection?.scope ?? "view",
        view,
        ...(input.selection?.scope === "selected"
          ? { alumnusIds: [...new Set(input.selection.alumnusId)].sort() }
          : {}),
        rows,
        columns: columns.map((c) => c.header),
      },
    }),
  );
  async function* pages() {
    let cursor = "";
    for (;;) {
      const page = await db.alumnus.findMany({
        where: { AND: [where, { id: { gt: cursor } }] },
        orderBy: { id: "asc" },
        take: EXPORT_PAGE,
        select: exportSelect,
      });
      if (page.length === 0) return;
      yield page;
      cursor = page[page.length - 1].id;
    }
  }
  return { stream: csvStream(pages(), columns), rows };
}
