import { addMonths } from "date-fns";
import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, notFound } from "~/platform/errors";
import { effectiveOutcome } from "./effective";
import { getPublishedPolicy } from "./policies.server";

export async function overrideVerdict(input: {
  actor: StaffUser;
  alumnusId: string;
  outcome: "eligible" | "not_eligible";
  justification: string;
  kind: "review" | "override";
  now?: Date;
}) {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { alumnusId: string }[]
    >`SELECT "alumnusId" FROM "EligibilityVerdict" WHERE "alumnusId" = ${input.alumnusId} FOR UPDATE`;
    if (locked.length === 0) {
      const exists = await tx.alumnus.findUnique({ where: { id: input.alumnusId }, select: { id: true } });
      if (!exists) throw notFound("That person");
      throw new AppError(
        "conflict",
        "This person has no computed verdict yet. Publish a policy, or wait for the re-evaluation to finish.",
      );
    }
    const verdict = await tx.eligibilityVerdict.findUniqueOrThrow({ where: { alumnusId: input.alumnusId } });
    const before = effectiveOutcome(verdict, now);
    if (input.kind === "review" && before.outcome !== "needs_review") {
      throw new AppError(
        "conflict",
        "This person is no longer waiting for review; someone may have decided already. Reload the page to see the current verdict.",
      );
    }
    const policy = await getPublishedPolicy(tx);
    const expiresAt = addMonths(now, policy?.rules.verdictExpiryMonths ?? 12);
    await tx.eligibilityVerdict.update({
      where: { alumnusId: input.alumnusId },
      data: {
        overrideOutcome: input.outcome,
        overrideJustification: input.justification,
        overrideById: input.actor.id,
        overrideByName: input.actor.name,
        overrideAt: now,
        overrideExpiresAt: expiresAt,
        overrideKind: input.kind,
      },
    });
    await tx.eligibilityVerdictChange.create({
      data: {
        alumnusId: input.alumnusId,
        kind: input.kind,
        fromOutcome: before.outcome,
        toOutcome: input.outcome,
        policyVersion: verdict.policyVersion,
        justification: input.justification,
        actorId: input.actor.id,
        actorName: input.actor.name,
        expiresAt,
        occurredAt: now,
      },
    });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: input.kind === "review" ? "verdict.review_decided" : "verdict.overridden",
      entityType: "alumnus",
      entityId: input.alumnusId,
      before: { computed: verdict.outcome, effective: before.outcome, policyVersion: verdict.policyVersion },
      after: { override: input.outcome, expiresAt: expiresAt.toISOString() },
      reason: input.justification,
    });
    return { outcome: input.outcome, expiresAt };
  });
}
