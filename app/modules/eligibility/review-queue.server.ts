import { db, Prisma } from "~/platform/db.server";
import { EXIT_REASON_LABELS } from "~/modules/alumni/exit-reasons";
import { effectiveOutcome } from "./effective";
import { NO_DECISION, type ReviewFilter } from "./review-filter";
import { readStoredReasons } from "./stored-reasons";
import type { Outcome } from "./policy";
import { verdictCounts } from "./verdict-counts.server";

export const QUEUE_PAGE_SIZE = 25;

const DAY_MS = 86_400_000;

/**
 * Who is in the review queue: people whose effective verdict is "needs review" (computed
 * needs-review with no valid override, including overrides that have lapsed), narrowed by the
 * queue's filters (review-filter.ts).
 */
export function reviewQueueWhere(now: Date, filter: ReviewFilter = {}): Prisma.EligibilityVerdictWhereInput {
  const and: Prisma.EligibilityVerdictWhereInput[] = [
    { outcome: "needs_review" },
    { OR: [{ overrideOutcome: null }, { overrideExpiresAt: null }, { overrideExpiresAt: { lte: now } }] },
  ];
  if (filter.reason?.length) {
    // A rule "sent" the person when it answered needs-review. Reasons are stored as
    // [rule, outcome, sentence] triples (older verdicts as objects): JSON containment finds both.
    and.push({
      OR: filter.reason.flatMap((rule) => [
        { reasons: { array_contains: [[rule, "needs_review"]] } },
        { reasons: { array_contains: [{ rule, outcome: "needs_review" }] } },
      ]),
    });
  }
  if (filter.waited) and.push({ decidedAt: { lte: new Date(now.getTime() - filter.waited * DAY_MS) } });
  const person: Prisma.AlumnusWhereInput[] = [];
  if (filter.exitReason?.length) person.push({ exitReason: { in: filter.exitReason } });
  if (filter.department) person.push({ department: filter.department });
  if (filter.decisionId)
    person.push({ decisionId: filter.decisionId === NO_DECISION ? null : filter.decisionId });
  if (filter.input === "answered")
    person.push({ reviewInputRequests: { some: { answeredAt: { not: null } } } });
  if (filter.input === "asked")
    person.push(
      { reviewInputRequests: { some: { answeredAt: null } } },
      { reviewInputRequests: { none: { answeredAt: { not: null } } } },
    );
  if (filter.input === "none") person.push({ reviewInputRequests: { none: {} } });
  if (person.length) and.push({ alumnus: { AND: person } });
  return { AND: and };
}

/**
 * People in the unfiltered queue who have a manager's answer to HR's question, counted from the
 * answers (few) to their verdicts by one semi-join; the condition is `reviewQueueWhere(now)`'s.
 */
export async function countQueueWithAnswers(now: Date) {
  const [row] = await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS "total" FROM "EligibilityVerdict" v
    WHERE v."alumnusId" IN (SELECT r."alumnusId" FROM "ReviewInputRequest" r WHERE r."answeredAt" IS NOT NULL)
      AND v."outcome" = 'needs_review'
      AND (v."overrideOutcome" IS NULL OR v."overrideExpiresAt" IS NULL OR v."overrideExpiresAt" <= ${now})`;
  return row?.total ?? 0;
}

const QUEUE_ORDER: Prisma.EligibilityVerdictOrderByWithRelationInput[] = [
  { decidedAt: "asc" },
  { alumnusId: "asc" },
];

/** The review queue, oldest first, filtered and paged. */
export async function listReviewQueue(input: {
  filter?: ReviewFilter;
  page: number;
  size?: number;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const size = input.size ?? QUEUE_PAGE_SIZE;
  const where = reviewQueueWhere(now, input.filter);
  const unfiltered = Object.values(input.filter ?? {}).every((v) => v === undefined);
  const [total, rows] = await Promise.all([
    // The whole queue's size is a running count (ADR 090); a filtered one is counted.
    unfiltered ? verdictCounts(now).then((c) => c.reviewQueue) : db.eligibilityVerdict.count({ where }),
    db.eligibilityVerdict.findMany({
      where,
      orderBy: QUEUE_ORDER,
      skip: (input.page - 1) * size,
      take: size,
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
            exitReason: true,
            reviewInputRequests: { select: { answeredAt: true } },
          },
        },
      },
    }),
  ]);
  return {
    total,
    page: input.page,
    size,
    pageCount: Math.max(1, Math.ceil(total / size)),
    items: rows.map((r) => ({
      alumnusId: r.alumnusId,
      name: `${r.alumnus.preferredName || r.alumnus.firstName} ${r.alumnus.lastName}`,
      jobTitle: r.alumnus.jobTitle,
      department: r.alumnus.department,
      location: r.alumnus.location,
      exitReason: r.alumnus.exitReason ? EXIT_REASON_LABELS[r.alumnus.exitReason] : null,
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

/** The choices the queue's filters offer: departments of people waiting, with counts, and decisions. */
export async function getReviewFilterOptions(input: { now?: Date } = {}) {
  const now = input.now ?? new Date();
  const [departments, decisions] = await Promise.all([
    db.alumnus.groupBy({
      by: ["department"],
      where: { eligibilityVerdict: { is: reviewQueueWhere(now) }, department: { not: null } },
      _count: { _all: true },
      orderBy: { department: "asc" },
      take: 200,
    }),
    db.workforceDecision.findMany({ orderBy: { effectiveOn: "desc" }, select: { id: true, title: true } }),
  ]);
  return {
    departments: departments.map((d) => ({ name: d.department as string, count: d._count._all })),
    decisions,
  };
}

/**
 * The person to open after deciding one: the oldest still waiting in the same filtered view,
 * other than the one just decided (who may still show as waiting if the decision failed).
 */
export async function findNextInQueue(input: { filter?: ReviewFilter; after: string; now?: Date }) {
  const now = input.now ?? new Date();
  const next = await db.eligibilityVerdict.findFirst({
    where: { AND: [reviewQueueWhere(now, input.filter), { alumnusId: { not: input.after } }] },
    orderBy: QUEUE_ORDER,
    select: { alumnusId: true },
  });
  return next?.alumnusId ?? null;
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

/**
 * Requests from people to look at their verdict again (from the portal), oldest first: shown
 * at the top of the review queue, whatever the verdict, until HR answers them.
 */
export async function listAskedReviews(input: { now?: Date; take?: number } = {}) {
  const now = input.now ?? new Date();
  const rows = await db.eligibilityReviewRequest.findMany({
    where: { status: "open" },
    orderBy: { requestedAt: "asc" },
    take: input.take ?? 100,
    select: {
      id: true,
      message: true,
      requestedAt: true,
      outcomeAtRequest: true,
      alumnus: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          preferredName: true,
          jobTitle: true,
          eligibilityVerdict: { select: { outcome: true, overrideOutcome: true, overrideExpiresAt: true } },
        },
      },
    },
  });
  const total = await db.eligibilityReviewRequest.count({ where: { status: "open" } });
  return {
    total,
    items: rows.map((r) => {
      const v = r.alumnus.eligibilityVerdict;
      const effective: Outcome | null = v ? effectiveOutcome(v, now).outcome : null;
      return {
        requestId: r.id,
        alumnusId: r.alumnus.id,
        name: `${r.alumnus.preferredName || r.alumnus.firstName} ${r.alumnus.lastName}`,
        jobTitle: r.alumnus.jobTitle,
        message: r.message,
        askedAt: r.requestedAt.toISOString(),
        outcomeAtRequest: r.outcomeAtRequest as Outcome,
        outcomeNow: effective,
      };
    }),
  };
}

/** One person's requests to look again (newest first), for their eligibility page. */
export async function listPersonReviewRequests(alumnusId: string) {
  const rows = await db.eligibilityReviewRequest.findMany({
    where: { alumnusId },
    orderBy: { requestedAt: "desc" },
    take: 20,
  });
  const answerers = await db.user.findMany({
    where: { id: { in: rows.flatMap((r) => (r.answeredById ? [r.answeredById] : [])) } },
    select: { id: true, name: true },
  });
  const name = new Map(answerers.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    message: r.message,
    status: r.status as "open" | "answered",
    askedAt: r.requestedAt.toISOString(),
    outcomeAtRequest: r.outcomeAtRequest as Outcome,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    answeredBy: r.answeredById ? (name.get(r.answeredById) ?? "a former staff member") : null,
  }));
}
