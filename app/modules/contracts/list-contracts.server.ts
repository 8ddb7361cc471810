import { EXIT_REASON_LABELS } from "~/modules/alumni/exit-reasons";
import type { StaffUser } from "~/platform/auth.server";
import { db, type Prisma } from "~/platform/db.server";
import { can } from "~/platform/permissions";
import {
  approvalLines,
  CAPACITY_LABELS,
  describeNeeds,
  openCapacitiesFor,
  requiredApprovals,
  type ApprovalLine,
  type Capacity,
} from "./approval-rules";
import { contractSettings, contractsVisibleTo, personName, termsOf } from "./contract-record.server";
import { dateInWords, hoursInWords, moneyInWords } from "./contract-text";
import { CONTRACT_STATUS_LABELS } from "./labels";
import { CONTRACT_VIEWS, type ApplicantHistory, type ContractView } from "./views";

export { CONTRACT_VIEWS, type ApplicantHistory, type ContractView };

/**
 * The contracts list and the approval inbox (/staff/contracts). The inbox holds the contracts
 * waiting for a place this person can fill (the hiring manager's; an HR lead's when a rule asks
 * for one), oldest first, each with its terms and the applicant's history. Exit reasons appear
 * only for people who may read the alumni pool (HR), never in a manager's payload.
 */

const WAITING_SELECT = {
  id: true,
  status: true,
  version: true,
  termsVersion: true,
  createdById: true,
  submittedAt: true,
  role: true,
  hourlyRate: true,
  currency: true,
  minHoursPerWeek: true,
  maxHoursPerWeek: true,
  startsOn: true,
  endsOn: true,
  noticeDays: true,
  remote: true,
  place: true,
  equipmentStipend: true,
  approvals: {
    select: { capacity: true, approverId: true, approverName: true, createdAt: true, termsVersion: true },
  },
  program: {
    select: {
      id: true,
      title: true,
      rateMin: true,
      rateMax: true,
      currency: true,
      hiringManagerId: true,
      hiringManager: { select: { name: true } },
    },
  },
  alumnus: { select: { id: true, firstName: true, lastName: true, preferredName: true } },
} satisfies Prisma.GigContractSelect;

type WaitingRow = Prisma.GigContractGetPayload<{ select: typeof WAITING_SELECT }>;

function linesOf(row: WaitingRow, settings: { hoursLimitPerWeek: number }): ApprovalLine[] {
  return approvalLines(
    requiredApprovals(
      termsOf(row),
      {
        rateMin: row.program.rateMin.toFixed(2),
        rateMax: row.program.rateMax.toFixed(2),
        currency: row.program.currency,
      },
      settings,
    ),
    row.approvals.filter((a) => a.termsVersion === row.termsVersion),
  );
}

function factsFor(actor: StaffUser, row: WaitingRow) {
  return {
    actorId: actor.id,
    approvesTeam: can(actor, "approve:contract:team"),
    approvesSecond: can(actor, "approve:contract:second"),
    hiringManagerId: row.program.hiringManagerId,
    createdById: row.createdById,
  };
}

function approverWhere(actor: StaffUser): Prisma.GigContractWhereInput | null {
  const team = can(actor, "approve:contract:team");
  const second = can(actor, "approve:contract:second");
  if (!team && !second) return null;
  return {
    status: "pending_approval",
    NOT: { createdById: actor.id },
    ...(second ? {} : { program: { hiringManagerId: actor.id } }),
  };
}

/** Pending contracts with a place this person can fill, oldest first, with that place. */
export async function contractsWaitingFor(actor: StaffUser, options: { now?: Date } = {}) {
  const where = approverWhere(actor);
  if (!where) return [];
  const [rows, settings] = await Promise.all([
    db.gigContract.findMany({
      where,
      select: WAITING_SELECT,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    }),
    contractSettings(),
  ]);
  const now = options.now ?? new Date();
  const out: { row: WaitingRow; lines: ApprovalLine[]; capacity: Capacity; waitingDays: number }[] = [];
  for (const row of rows) {
    const lines = linesOf(row, settings);
    const capacity = openCapacitiesFor(factsFor(actor, row), lines)[0];
    if (!capacity) continue;
    const since = row.submittedAt ?? now;
    out.push({
      row,
      lines,
      capacity,
      waitingDays: Math.floor((now.getTime() - since.getTime()) / 86_400_000),
    });
  }
  return out;
}

/** How many contracts wait for this person's approval (the home page and the navigation). */
export async function countContractsWaitingFor(actor: StaffUser) {
  // The hiring manager's place is always required: a count in the database is enough for managers.
  if (!can(actor, "approve:contract:second")) {
    if (!can(actor, "approve:contract:team")) return 0;
    const rows = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "GigContract" c JOIN "ReturnProgram" p ON p."id" = c."programId"
      WHERE c."status" = 'pending_approval' AND p."hiringManagerId" = ${actor.id}
        AND c."createdById" IS DISTINCT FROM ${actor.id}
        AND NOT EXISTS (SELECT 1 FROM "ContractApproval" a
          WHERE a."contractId" = c."id" AND a."termsVersion" = c."termsVersion" AND a."capacity" = 'manager')`;
    return Number(rows[0]?.n ?? 0);
  }
  return (await contractsWaitingFor(actor)).length;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function termsSummary(row: {
  hourlyRate: { toFixed(n: number): string };
  currency: string;
  minHoursPerWeek: number | null;
  maxHoursPerWeek: number | null;
  startsOn: Date | null;
  endsOn: Date | null;
  noticeDays: number | null;
  remote: boolean;
  place: string | null;
  equipmentStipend: { toFixed(n: number): string } | null;
  role: string;
}) {
  return {
    role: row.role,
    rate: `${moneyInWords(row.hourlyRate.toFixed(2), row.currency)} an hour`,
    hours: hoursInWords(row.minHoursPerWeek, row.maxHoursPerWeek),
    start: row.startsOn ? dateInWords(day(row.startsOn)) : "Not set yet",
    end: row.endsOn ? dateInWords(day(row.endsOn)) : "No end date",
    notice: row.noticeDays === null ? "Not set yet" : `${row.noticeDays} days`,
    place: row.remote ? "Remote" : (row.place ?? "Not set yet"),
    stipend:
      row.equipmentStipend && Number(row.equipmentStipend.toFixed(2)) > 0
        ? moneyInWords(row.equipmentStipend.toFixed(2), row.currency)
        : "None",
  };
}

/** The applicant's story for an approver: past stints, the application, and (HR only) why they left. */
export async function applicantHistories(actor: StaffUser, alumnusIds: string[]) {
  if (alumnusIds.length === 0) return new Map<string, ApplicantHistory>();
  const mayReadExit = can(actor, "read:alumnus:any");
  const people = await db.alumnus.findMany({
    where: { id: { in: alumnusIds } },
    select: {
      id: true,
      exitDate: true,
      exitReason: mayReadExit,
      employmentPeriods: {
        select: { startDate: true, endDate: true, jobTitle: true, department: true },
        orderBy: { startDate: "desc" },
        take: 5,
      },
      applications: {
        select: { id: true, submittedAt: true, motivation: true, program: { select: { title: true } } },
        orderBy: { submittedAt: "desc" },
        take: 3,
      },
    },
  });
  return new Map<string, ApplicantHistory>(
    people.map((p) => [
      p.id,
      {
        stints: p.employmentPeriods.map((s) => ({
          jobTitle: s.jobTitle ?? "Role not recorded",
          department: s.department,
          from: day(s.startDate)!,
          to: day(s.endDate),
        })),
        leftOn: day(p.exitDate),
        exitReason:
          mayReadExit && "exitReason" in p && p.exitReason
            ? EXIT_REASON_LABELS[p.exitReason as keyof typeof EXIT_REASON_LABELS]
            : null,
        applications: p.applications.map((a) => ({
          id: a.id,
          program: a.program.title,
          submittedAt: a.submittedAt.toISOString(),
          motivation: a.motivation.length > 400 ? `${a.motivation.slice(0, 400)}…` : a.motivation,
        })),
      },
    ]),
  );
}

/** The approval inbox: each waiting contract with its terms, who else is needed, and the applicant. */
export async function getApprovalInbox({ actor, now = new Date() }: { actor: StaffUser; now?: Date }) {
  const waiting = await contractsWaitingFor(actor, { now });
  const histories = await applicantHistories(
    actor,
    waiting.map((w) => w.row.alumnus.id),
  );
  return waiting.map(({ row, lines, capacity, waitingDays }) => ({
    id: row.id,
    version: row.version,
    person: personName(row.alumnus),
    program: { id: row.program.id, title: row.program.title },
    rateRange: `${moneyInWords(row.program.rateMin.toFixed(2), row.program.currency)} to ${moneyInWords(row.program.rateMax.toFixed(2), row.program.currency)}`,
    terms: termsSummary(row),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    waitingDays,
    asCapacity: CAPACITY_LABELS[capacity],
    reasons: lines.find((l) => l.capacity === capacity)?.reasons ?? [],
    needs: describeNeeds(lines, row.program.hiringManager.name),
    history: histories.get(row.alumnus.id) ?? null,
  }));
}

/** The list for one view (HR sees every contract; a manager those of their programs). */
export async function listContracts({
  actor,
  view,
  page = 1,
  pageSize = 50,
}: {
  actor: StaffUser;
  view: Exclude<ContractView, "approvals">;
  page?: number;
  pageSize?: number;
}) {
  const where: Prisma.GigContractWhereInput = {
    ...contractsVisibleTo(actor),
    status: { in: [...CONTRACT_VIEWS[view].statuses] },
  };
  const [rows, total] = await Promise.all([
    db.gigContract.findMany({
      where,
      orderBy: [{ statusChangedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        status: true,
        role: true,
        hourlyRate: true,
        currency: true,
        minHoursPerWeek: true,
        maxHoursPerWeek: true,
        startsOn: true,
        endsOn: true,
        noticeDays: true,
        remote: true,
        place: true,
        equipmentStipend: true,
        statusChangedAt: true,
        program: { select: { id: true, title: true } },
        alumnus: { select: { firstName: true, lastName: true, preferredName: true } },
      },
    }),
    db.gigContract.count({ where }),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    rows: rows.map((r) => ({
      id: r.id,
      person: personName(r.alumnus),
      program: r.program.title,
      status: r.status,
      statusLabel: CONTRACT_STATUS_LABELS[r.status],
      terms: termsSummary(r),
      since: r.statusChangedAt.toISOString(),
    })),
  };
}

/** Counts per view, for the tabs. */
export async function contractViewCounts(actor: StaffUser) {
  const groups = await db.gigContract.groupBy({
    by: ["status"],
    where: contractsVisibleTo(actor),
    _count: { _all: true },
  });
  const byStatus = new Map(groups.map((g) => [g.status, g._count._all]));
  const counts = {} as Record<ContractView, number>;
  for (const [view, def] of Object.entries(CONTRACT_VIEWS))
    counts[view as ContractView] = def.statuses.reduce((n, s) => n + (byStatus.get(s) ?? 0), 0);
  counts.approvals = await countContractsWaitingFor(actor);
  return counts;
}
