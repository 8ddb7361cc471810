import type { Prisma } from "~/generated/prisma/client";
import { effectiveOutcome } from "~/modules/eligibility/effective";
import type { Outcome } from "~/modules/eligibility/policy";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { likeLiteral } from "~/platform/like";
import { can } from "~/platform/permissions";
import { ACTIVE_STATUSES, APPLICATION_STATUSES, type ApplicationStatus } from "./pipeline";
import { applicationsVisibleTo, programsVisibleTo } from "./pipeline-access.server";
import type { PipelineFilters } from "./schemas";

export const PIPELINE_PAGE_SIZE = 50;
/** Cards per column on the board; the column's count says how many more there are. */
export const BOARD_COLUMN_SIZE = 25;

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/** The filters as a Prisma condition, ANDed with what the actor may see. */
export function pipelineWhere(
  actor: StaffUser,
  filters: PipelineFilters,
  now = new Date(),
): Prisma.ApplicationWhereInput {
  const and: Prisma.ApplicationWhereInput[] = [applicationsVisibleTo(actor)];
  if (filters.program) and.push({ programId: filters.program });
  if (filters.status) and.push({ status: filters.status });
  if (filters.q) {
    const words = filters.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
    for (const word of words) and.push({ alumnus: { searchText: { contains: likeLiteral(word) } } });
  }
  if (filters.eligibility === "none") and.push({ alumnus: { eligibilityVerdict: { is: null } } });
  else if (filters.eligibility) {
    const outcome = filters.eligibility as Outcome;
    // An override in force wins over the computed outcome (ADR 018).
    and.push({
      alumnus: {
        eligibilityVerdict: {
          is: {
            OR: [
              { overrideOutcome: outcome, overrideExpiresAt: { gt: now } },
              {
                outcome,
                OR: [
                  { overrideOutcome: null },
                  { overrideExpiresAt: null },
                  { overrideExpiresAt: { lte: now } },
                ],
              },
            ],
          },
        },
      },
    });
  }
  return { AND: and };
}

const cardSelect = {
  id: true,
  status: true,
  version: true,
  submittedAt: true,
  statusChangedAt: true,
  availabilityHours: true,
  source: true,
  program: { select: { id: true, title: true } },
  alumnus: {
    select: {
      id: true,
      firstName: true,
      lastName: true,
      preferredName: true,
      jobTitle: true,
      location: true,
      availabilityHours: true,
      eligibilityVerdict: { select: { outcome: true, overrideOutcome: true, overrideExpiresAt: true } },
    },
  },
} satisfies Prisma.ApplicationSelect;

type CardRow = Prisma.ApplicationGetPayload<{ select: typeof cardSelect }>;

function toCard(row: CardRow, now: Date) {
  const a = row.alumnus;
  return {
    id: row.id,
    status: row.status as ApplicationStatus,
    version: row.version,
    name: `${a.preferredName || a.firstName} ${a.lastName}`,
    alumnusId: a.id,
    pastRole: a.jobTitle,
    location: a.location,
    hours: row.availabilityHours ?? a.availabilityHours,
    eligibility: a.eligibilityVerdict ? effectiveOutcome(a.eligibilityVerdict, now).outcome : null,
    program: row.program.title,
    programId: row.program.id,
    submittedOn: day(row.submittedAt),
    movedAt: row.statusChangedAt.toISOString(),
    source: row.source,
  };
}
export type PipelineCard = ReturnType<typeof toCard>;

/** The programs the actor may filter by (HR: all; a hiring manager: their own). */
async function programOptions(actor: StaffUser) {
  const programs = await db.returnProgram.findMany({
    where: programsVisibleTo(actor),
    orderBy: [{ status: "asc" }, { title: "asc" }],
    select: { id: true, title: true, status: true },
  });
  return programs;
}

/**
 * The pipeline as a list (one page, newest move first) or a board (a column per status with its
 * count and the most recently moved cards). Filters come from the URL.
 */
export async function getPipelinePage({
  actor,
  filters,
  now = new Date(),
}: {
  actor: StaffUser;
  filters: PipelineFilters;
  now?: Date;
}) {
  const where = pipelineWhere(actor, filters, now);
  const view = filters.view ?? "list";
  const mayMove = can(actor, "move:application:any") || can(actor, "move:application:own");
  if (view === "board") {
    const statuses = filters.status ? [filters.status] : APPLICATION_STATUSES;
    const [programs, counts, ...columns] = await Promise.all([
      programOptions(actor),
      db.application.groupBy({ by: ["status"], where, _count: { _all: true } }),
      ...statuses.map((status) =>
        db.application.findMany({
          where: { AND: [where, { status }] },
          orderBy: [{ statusChangedAt: "desc" }, { id: "asc" }],
          take: BOARD_COLUMN_SIZE,
          select: cardSelect,
        }),
      ),
    ]);
    const countOf = new Map(counts.map((c) => [c.status, c._count._all]));
    return {
      view: "board" as const,
      programs,
      mayMove,
      board: statuses.map((status, i) => ({
        status,
        count: countOf.get(status) ?? 0,
        cards: columns[i].map((row) => toCard(row, now)),
      })),
      active: ACTIVE_STATUSES,
    };
  }
  const page = filters.page ?? 1;
  const [programs, total, rows] = await Promise.all([
    programOptions(actor),
    db.application.count({ where }),
    db.application.findMany({
      where,
      orderBy: [{ statusChangedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PIPELINE_PAGE_SIZE,
      take: PIPELINE_PAGE_SIZE,
      select: cardSelect,
    }),
  ]);
  return {
    view: "list" as const,
    programs,
    mayMove,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PIPELINE_PAGE_SIZE)),
    rows: rows.map((row) => toCard(row, now)),
  };
}
