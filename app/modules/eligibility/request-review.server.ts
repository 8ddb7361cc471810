import { t } from "~/modules/portal/strings";
import type { AlumnusUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { effectiveOutcome } from "./effective";

/**
 * The person asks HR to look at their verdict again, with a message (portal). It lands in HR's
 * review queue marked as asked by the person, whatever the verdict. One open request at a time.
 * The audit event records that they asked, not what they wrote (the request row holds that).
 */
export async function requestReview({
  actor,
  message,
  now = new Date(),
}: {
  actor: AlumnusUser;
  message: string;
  now?: Date;
}) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Alumnus" WHERE "id" = ${actor.id} FOR UPDATE`;
    const open = await tx.eligibilityReviewRequest.findFirst({
      where: { alumnusId: actor.id, status: "open" },
      select: { id: true },
    });
    if (open) throw new AppError("conflict", t("eligibility.ask.alreadyOpen"));
    const verdict = await tx.eligibilityVerdict.findUnique({
      where: { alumnusId: actor.id },
      select: { outcome: true, overrideOutcome: true, overrideExpiresAt: true },
    });
    const outcome = verdict ? effectiveOutcome(verdict, now).outcome : "needs_review";
    const request = await tx.eligibilityReviewRequest.create({
      data: { alumnusId: actor.id, message, outcomeAtRequest: outcome, requestedAt: now },
    });
    await recordAudit(tx, {
      actor: { type: "alumnus", id: actor.id, name: actor.name },
      action: "eligibility.review_requested",
      entityType: "alumnus",
      entityId: actor.id,
      after: { requestId: request.id, outcomeAtRequest: outcome },
    });
    return { id: request.id };
  });
}
