import { db, Prisma } from "~/platform/db.server";
import { readStoredReasons } from "./stored-reasons";
import type { Outcome } from "./policy";

export const QUEUE_PAGE_SIZE = 25;

/**
 * Who is in the review queue: people whose effective verdict is "needs review" (computed
 * needs-review with no valid override, including overrides that have lapsed).
 */
export function reviewQueueWhere(now: Date): Prisma.EligibilityVerdictWhereInput {
  return {
    outcome: "needs_review",
    OR: [{ overrideOutcome: null }, { overrideExpiresAt: null }, { overrideExpiresAt: { lte: now } }],
  };
}

/** The review queue, oldest first; `input: "answered"` keeps people whose manager has answered. */
export async function listReviewQueue(input: { page: number; inputAnswered?: boolean; now?: Date }) {
  const now = input.now ?? new Date();
  const where: Prisma.EligibilityVerdictWhereInput = {
    ...reviewQueueWhere(now),
    ...(input.inputAnswered
      ? { alumnus: { reviewInputRequests: { some: { answeredAt: { not: null } } } } }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.eligibilityVerdict.count({ where }),
    db.eligibilityVerdict.findMany({
      where,
      orderBy: [{ decidedAt: "asc" }, { alumnusId: "asc" }],
      skip: (input.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        alumnusId: true,
        reasons: true,
        policyVersion: true,
        decidedAt: true,
        overrideOutcome: true,
        overrideExpiresAt: true,
        alumnus: {
          select: {
            firstName: true,
            lastName: true,
            preferredName: true,
            jobTitle: true,
            department: true,
            location: true,
            reviewInputRequests: { select: { answeredAt: true } },
          },
        },
      },
    }),
  ]);
  return {
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    items: rows.map((r) => ({
      alumnusId: r.alumnusId,
      name: `${r.alumnus.preferredName || r.alumnus.firstName} ${r.alumnus.lastName}`,
      jobTitle: r.alumnus.jobTitle,
      department: r.alumnus.department,
      location: r.alumnus.location,
      policyVersion: r.policyVersion,
      waitingSince: r.decidedAt.toISOString(),
      lapsedOverride: r.overrideOutcome
        ? { outcome: r.overrideOutcome as Outcome, expiredAt: r.overrideExpiresAt?.toISOString() ?? null }
        : null,
      why: readStoredReasons(r.reasons)
        .filter((x) => x.outcome === "needs_review")
        .map((x) => x.sentence),
      inputs: {
        asked: r.alumnus.reviewInputRequests.length,
        answered: r.alumnus.reviewInputRequests.filter((q) => q.answeredAt).length,
      },
    })),
  };
}

/** Who a person is, for the eligibility page header (no restricted fields). */
export async function getEligibilityPerson(alumnusId: string) {
  return db.alumnus.findUnique({
    where: { id: alumnusId },
    select: {
      id: true,
      hrId: true,
      firstName: true,
      lastName: true,
      preferredName: true,
      jobTitle: true,
      department: true,
      location: true,
      exitDate: true,
      decision: { select: { title: true } },
    },
  });
}

/** Active managers HR can ask for input. */
export async function listManagers() {
  return db.user.findMany({
    where: { roleId: "manager", status: "active" },
    orderBy: { name: "asc" },
    select: { id: true, name: true, team: { select: { name: true } } },
  });
}
