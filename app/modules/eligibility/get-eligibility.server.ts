import { db, type Db } from "~/platform/db.server";
import { effectiveOutcome } from "./effective";
import type { RuleResult } from "./evaluate";
import { readStoredReasons } from "./stored-reasons";
import type { Outcome } from "./policy";

/**
 * A person's eligibility as the profile shows it: the computed verdict with every rule's
 * sentence and the policy version, any override beside it (active or lapsed), the effective
 * outcome, the history of changes, and manager input on their review. Null when no verdict has
 * been computed yet (no policy published, or the person was added since).
 */
export type EligibilityDetails = {
  alumnusId: string;
  effective: { outcome: Outcome; source: "override" | "computed" };
  computed: {
    outcome: Outcome;
    reasons: RuleResult[];
    policyVersion: number;
    computedAt: string;
    decidedAt: string;
    expiresAt: string;
    expired: boolean;
    reevaluateOn: string | null;
  };
  override: {
    outcome: Outcome;
    justification: string;
    byName: string | null;
    at: string;
    expiresAt: string;
    active: boolean;
    kind: "review" | "override";
  } | null;
  history: {
    id: string;
    kind: string;
    fromOutcome: Outcome | null;
    toOutcome: Outcome;
    policyVersion: number | null;
    justification: string | null;
    actorName: string | null;
    expiresAt: string | null;
    occurredAt: string;
  }[];
  inputRequests: {
    id: string;
    managerName: string;
    question: string;
    answer: string | null;
    requestedAt: string;
    answeredAt: string | null;
  }[];
};

export async function getEligibilityForAlumnus(
  alumnusId: string,
  options: { db?: Db; now?: Date } = {},
): Promise<EligibilityDetails | null> {
  const tx = options.db ?? db;
  const now = options.now ?? new Date();
  const verdict = await tx.eligibilityVerdict.findUnique({ where: { alumnusId } });
  if (!verdict) return null;
  const [history, requests] = await Promise.all([
    tx.eligibilityVerdictChange.findMany({ where: { alumnusId }, orderBy: { id: "desc" }, take: 50 }),
    tx.reviewInputRequest.findMany({
      where: { alumnusId },
      orderBy: { requestedAt: "desc" },
      take: 20,
      include: { manager: { select: { name: true } } },
    }),
  ]);
  const override =
    verdict.overrideOutcome && verdict.overrideAt && verdict.overrideExpiresAt
      ? {
          outcome: verdict.overrideOutcome,
          justification: verdict.overrideJustification ?? "",
          byName: verdict.overrideByName,
          at: verdict.overrideAt.toISOString(),
          expiresAt: verdict.overrideExpiresAt.toISOString(),
          active: verdict.overrideExpiresAt.getTime() > now.getTime(),
          kind: (verdict.overrideKind === "review" ? "review" : "override") as "review" | "override",
        }
      : null;
  return {
    alumnusId,
    effective: effectiveOutcome(verdict, now),
    computed: {
      outcome: verdict.outcome,
      reasons: readStoredReasons(verdict.reasons),
      policyVersion: verdict.policyVersion,
      computedAt: verdict.computedAt.toISOString(),
      decidedAt: verdict.decidedAt.toISOString(),
      expiresAt: verdict.expiresAt.toISOString(),
      expired: verdict.expiresAt.getTime() <= now.getTime(),
      reevaluateOn: verdict.reevaluateOn ? verdict.reevaluateOn.toISOString().slice(0, 10) : null,
    },
    override,
    history: history.map((h) => ({
      id: h.id.toString(),
      kind: h.kind,
      fromOutcome: h.fromOutcome,
      toOutcome: h.toOutcome,
      policyVersion: h.policyVersion,
      justification: h.justification,
      actorName: h.actorName,
      expiresAt: h.expiresAt?.toISOString() ?? null,
      occurredAt: h.occurredAt.toISOString(),
    })),
    inputRequests: requests.map((r) => ({
      id: r.id,
      managerName: r.manager.name,
      question: r.question,
      answer: r.answer,
      requestedAt: r.requestedAt.toISOString(),
      answeredAt: r.answeredAt?.toISOString() ?? null,
    })),
  };
}
