import { effectiveOutcome } from "~/modules/eligibility/effective";
import type { Outcome } from "~/modules/eligibility/policy";
import type { Prisma } from "~/generated/prisma/client";
import type { StaffUser } from "~/platform/auth.server";
import { db, type Db } from "~/platform/db.server";
import type { AlumniFilter } from "./alumni-filter";
import { alumniAccess, alumniVisibleTo, canSeeRestricted } from "./alumni-scope.server";
import { alumniOrderBy, alumniWhere } from "./alumni-where.server";

export const ALUMNI_PAGE_SIZE = 50;
/** Deeper pages than this are refused with a hint to narrow the view (offset cost grows). */
export const MAX_ALUMNI_PAGE = 400;

/** The list's columns; restricted ones are only selected for viewers who may see them. */
function listSelect(actor: StaffUser) {
  const hr = alumniAccess(actor) === "any";
  return {
    id: true,
    firstName: true,
    lastName: true,
    preferredName: true,
    jobTitle: true,
    department: true,
    location: true,
    tags: true,
    availabilityHours: true,
    ...(hr
      ? {
          workEmail: true,
          exitDate: true,
          exitReason: true,
          consentReturn: true,
          hrRehireFlag: true,
          regrettable: true,
          // the id only: the page names decisions from its filter options (one round trip fewer)
          decisionId: true,
        }
      : {}),
    ...(canSeeRestricted(actor) ? { doNotRehire: true } : {}),
    ...(actor.permissions.includes("read:eligibility")
      ? { eligibilityVerdict: { select: { outcome: true, overrideOutcome: true, overrideExpiresAt: true } } }
      : {}),
  } satisfies Prisma.AlumnusSelect;
}

export type AlumniListRow = {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  jobTitle: string | null;
  department: string | null;
  location: string | null;
  tags: string[];
  availabilityHours: number | null;
  workEmail?: string | null;
  exitDate?: Date | null;
  exitReason?: string | null;
  consentReturn?: string;
  hrRehireFlag?: string | null;
  regrettable?: boolean | null;
  decisionId?: string | null;
  doNotRehire?: boolean;
  /** the effective rehire verdict (override first), for viewers with read:eligibility; null = none yet */
  eligibility?: Outcome | null;
};

/**
 * The filter without the parts this viewer may not use: the do-not-rehire filter needs
 * read:alumnus:restricted (its counts would reveal the flag), and managers filter only on what
 * they can see; the eligibility filter needs read:eligibility.
 */
export function viewableFilter(actor: StaffUser, filter: AlumniFilter): AlumniFilter {
  const out: AlumniFilter = { ...filter };
  if (!canSeeRestricted(actor)) delete out.doNotRehire;
  if (!actor.permissions.includes("read:eligibility")) delete out.eligibility;
  if (alumniAccess(actor) !== "any") {
    for (const key of [
      "exitReason",
      "decisionId",
      "exitFrom",
      "exitTo",
      "rehire",
      "consent",
      "regrettable",
      "tag",
    ] as const)
      delete out[key];
    if (out.sort === "exitDate" || out.sort === "-exitDate") delete out.sort;
  }
  return out;
}

/** The condition for "this filter, as this actor may see it". */
export function scopedAlumniWhere(actor: StaffUser, filter: AlumniFilter): Prisma.AlumnusWhereInput {
  const visible = alumniVisibleTo(actor);
  const where = alumniWhere(viewableFilter(actor, filter));
  const parts = [visible, where].filter((w) => Object.keys(w).length > 0);
  return parts.length === 0 ? {} : parts.length === 1 ? parts[0] : { AND: parts };
}

/**
 * One page of the alumni list and the exact number of matches: the query behind
 * /staff/alumni, exports and bulk actions share the same condition (alumniWhere).
 */
export async function listAlumni({
  actor,
  filter,
  page = 1,
  pageSize = ALUMNI_PAGE_SIZE,
  client = db,
}: {
  actor: StaffUser;
  filter: AlumniFilter;
  page?: number;
  pageSize?: number;
  client?: Db;
}): Promise<{ rows: AlumniListRow[]; total: number; page: number; pageCount: number; pageSize: number }> {
  const where = scopedAlumniWhere(actor, filter);
  const safePage = Math.min(Math.max(1, Math.floor(page) || 1), MAX_ALUMNI_PAGE);
  const skip = (safePage - 1) * pageSize;
  const select = listSelect(actor);
  const [total, rows] = await Promise.all([
    client.alumnus.count({ where }),
    filter.sort === "-exitDate"
      ? newestExitsFirst(client, where, skip, pageSize, select)
      : client.alumnus.findMany({ where, orderBy: alumniOrderBy(filter.sort), skip, take: pageSize, select }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const now = new Date();
  const shaped = rows.map((row) => {
    if (!("eligibilityVerdict" in row)) return row as AlumniListRow;
    const { eligibilityVerdict, ...rest } = row as typeof row & {
      eligibilityVerdict: Parameters<typeof effectiveOutcome>[0] | null;
    };
    return {
      ...rest,
      eligibility: eligibilityVerdict ? effectiveOutcome(eligibilityVerdict, now).outcome : null,
    } as AlumniListRow;
  });
  return { rows: shaped, total, page: safePage, pageCount, pageSize };
}

/**
 * "Exit date, newest first" with people without an exit date last. Prisma cannot declare a
 * `DESC NULLS LAST` index, so the page is read in two parts that each follow the exitDate
 * index: dated people newest first (a backward index scan), then undated ones by id.
 */
async function newestExitsFirst(
  client: Db,
  where: Prisma.AlumnusWhereInput,
  skip: number,
  take: number,
  select: ReturnType<typeof listSelect>,
) {
  const dated = await client.alumnus.findMany({
    where: { AND: [where, { exitDate: { not: null } }] },
    orderBy: [{ exitDate: "desc" }, { id: "asc" }],
    skip,
    take,
    select,
  });
  if (dated.length === take) return dated;
  const datedCount =
    dated.length > 0
      ? skip + dated.length
      : await client.alumnus.count({ where: { AND: [where, { exitDate: { not: null } }] } });
  const undated = await client.alumnus.findMany({
    where: { AND: [where, { exitDate: null }] },
    orderBy: { id: "asc" },
    skip: Math.max(0, skip - datedCount),
    take: take - dated.length,
    select,
  });
  return [...dated, ...undated];
}

/**
 * Values offered in the filter form: decisions, departments and locations in the pool. The
 * distinct values are read by walking their btree indexes (one probe per value), not by scanning
 * the table: a few milliseconds at 100,000 alumni instead of a full scan on every list load.
 */
export async function alumniFilterOptions({ actor }: { actor: StaffUser }) {
  if (alumniAccess(actor) !== "any") return { decisions: [], departments: [], locations: [] };
  const [decisions, departments, locations] = await Promise.all([
    db.workforceDecision.findMany({
      orderBy: [{ effectiveOn: "desc" }, { title: "asc" }],
      select: { id: true, title: true },
    }),
    db.$queryRaw<{ value: string }[]>`
      WITH RECURSIVE v AS (
        (SELECT "department" AS value FROM "Alumnus" WHERE "department" IS NOT NULL ORDER BY 1 LIMIT 1)
        UNION ALL
        SELECT (SELECT "department" FROM "Alumnus" WHERE "department" > v.value ORDER BY 1 LIMIT 1) FROM v WHERE v.value IS NOT NULL
      ) SELECT value FROM v WHERE value IS NOT NULL LIMIT 500`,
    db.$queryRaw<{ value: string }[]>`
      WITH RECURSIVE v AS (
        (SELECT "location" AS value FROM "Alumnus" WHERE "location" IS NOT NULL ORDER BY 1 LIMIT 1)
        UNION ALL
        SELECT (SELECT "location" FROM "Alumnus" WHERE "location" > v.value ORDER BY 1 LIMIT 1) FROM v WHERE v.value IS NOT NULL
      ) SELECT value FROM v WHERE value IS NOT NULL LIMIT 500`,
  ]);
  return {
    decisions,
    departments: departments.map((d) => d.value),
    locations: locations.map((l) => l.value),
  };
}
