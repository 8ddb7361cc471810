import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, notFound } from "~/platform/errors";

/** Removes an override; the computed verdict counts again. */
export async function clearOverride(input: {
  actor: StaffUser;
  alumnusId: string;
  justification: string;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { alumnusId: string }[]
    >`SELECT "alumnusId" FROM "EligibilityVerdict" WHERE "alumnusId" = ${input.alumnusId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("That person's verdict");
    const verdict = await tx.eligibilityVerdict.findUniqueOrThrow({ where: { alumnusId: input.alumnusId } });
    if (!verdict.overrideOutcome) throw new AppError("conflict", "There is no override to remove.");
    await tx.eligibilityVerdict.update({
      where: { alumnusId: input.alumnusId },
      data: {
        overrideOutcome: null,
        overrideJustification: null,
        overrideById: null,
        overrideByName: null,
        overrideAt: null,
        overrideExpiresAt: null,
        overrideKind: null,
      },
    });
    await tx.eligibilityVerdictChange.create({
      data: {
        alumnusId: input.alumnusId,
        kind: "override_cleared",
        fromOutcome: verdict.overrideOutcome,
        toOutcome: verdict.outcome,
        policyVersion: verdict.policyVersion,
        justification: input.justification,
        actorId: input.actor.id,
        actorName: input.actor.name,
        occurredAt: now,
      },
    });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "verdict.override_cleared",
      entityType: "alumnus",
      entityId: input.alumnusId,
      before: {
        override: verdict.overrideOutcome,
        overrideExpiresAt: verdict.overrideExpiresAt?.toISOString() ?? null,
      },
      after: { effective: verdict.outcome },
      reason: input.justification,
    });
    return { outcome: verdict.outcome };
  });
}
