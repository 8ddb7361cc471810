import { addMonths } from "date-fns";
import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { effectiveOutcome } from "./effective";
import { getPublishedPolicy } from "./policies.server";
import { BULK_DECISION_LIMIT } from "./review-filter";

/**
 * HR decides several people waiting for review at once, with one written justification: each
 * person gets the same decision, their own verdict-change row and their own audit event, as if
 * decided one by one. All or nothing: if anyone ticked is no longer waiting (decided meanwhile,
 * or no verdict), nothing is recorded and the answer says how many.
 */
export async function decideReviews(input: {
  actor: StaffUser;
  alumnusIds: string[];
  outcome: "eligible" | "not_eligible";
  justification: string;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const ids = [...new Set(input.alumnusIds)];
  if (ids.length === 0) {
    const message = "Tick the people this decision is for.";
    throw new AppError("validation", message, { fieldErrors: { alumnusId: [message] } });
  }
  if (ids.length > BULK_DECISION_LIMIT) {
    const message = `Decide at most ${BULK_DECISION_LIMIT} people at once: untick some, or narrow the filters.`;
    throw new AppError("validation", message, { fieldErrors: { alumnusId: [message] } });
  }
  return db.$transaction(
    async (tx) => {
      // Lock in a fixed order, so two bulk decisions over overlapping people cannot deadlock.
      await tx.$queryRaw`SELECT "alumnusId" FROM "EligibilityVerdict" WHERE "alumnusId" = ANY(${ids}::text[]) ORDER BY "alumnusId" FOR UPDATE`;
      const verdicts = await tx.eligibilityVerdict.findMany({
        where: { alumnusId: { in: ids } },
        select: {
          alumnusId: true,
          outcome: true,
          overrideOutcome: true,
          overrideExpiresAt: true,
          policyVersion: true,
        },
      });
      const waiting = verdicts.filter((v) => effectiveOutcome(v, now).outcome === "needs_review");
      const gone = ids.length - waiting.length;
      if (gone > 0) {
        throw new AppError(
          "conflict",
          `${gone === 1 ? "One person" : `${gone} people`} you ticked ${gone === 1 ? "is" : "are"} no longer waiting for review (someone may have decided already). Nothing was recorded: reload the queue and tick again.`,
        );
      }
      const policy = await getPublishedPolicy(tx);
      const expiresAt = addMonths(now, policy?.rules.verdictExpiryMonths ?? 12);
      await tx.eligibilityVerdict.updateMany({
        where: { alumnusId: { in: ids } },
        data: {
          overrideOutcome: input.outcome,
          overrideJustification: input.justification,
          overrideById: input.actor.id,
          overrideByName: input.actor.name,
          overrideAt: now,
          overrideExpiresAt: expiresAt,
          overrideKind: "review",
        },
      });
      await tx.eligibilityVerdictChange.createMany({
        data: waiting.map((v) => ({
          alumnusId: v.alumnusId,
          kind: "review",
          fromOutcome: "needs_review" as const,
          toOutcome: input.outcome,
          policyVersion: v.policyVersion,
          justification: input.justification,
          actorId: input.actor.id,
          actorName: input.actor.name,
          expiresAt,
          occurredAt: now,
        })),
      });
      const actor = actorOf(input.actor);
      for (const v of [...waiting].sort((a, b) => a.alumnusId.localeCompare(b.alumnusId))) {
        await recordAudit(tx, {
          actor,
          action: "verdict.review_decided",
          entityType: "alumnus",
          entityId: v.alumnusId,
          before: { computed: v.outcome, effective: "needs_review", policyVersion: v.policyVersion },
          after: { override: input.outcome, expiresAt: expiresAt.toISOString(), decidedTogether: ids.length },
          reason: input.justification,
        });
      }
      return { decided: ids.length, outcome: input.outcome, expiresAt };
    },
    { timeout: 60_000 },
  );
}
