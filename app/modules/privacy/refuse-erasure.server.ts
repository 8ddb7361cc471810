import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, notFound } from "~/platform/errors";

/**
 * HR refuses an erasure request with a reason the person will read (for example a legal hold or
 * a contract still running). Nothing is erased; the person may ask again later. Audited.
 */
export async function refuseErasure(options: { actor: StaffUser; requestId: string; note: string }) {
  const { actor, requestId } = options;
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "ErasureRequest" WHERE "id" = ${requestId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("That erasure request");
    const request = await tx.erasureRequest.findUniqueOrThrow({ where: { id: requestId } });
    if (request.status !== "requested")
      throw new AppError(
        "conflict",
        "This request has already been decided; reload the page to see what happened.",
      );
    const now = new Date();
    await tx.erasureRequest.update({
      where: { id: requestId },
      data: {
        status: "refused",
        decidedAt: now,
        decidedById: actor.id,
        decidedByName: actor.name,
        decisionNote: options.note.trim(),
      },
    });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "erasure.refused",
      entityType: "erasure_request",
      entityId: requestId,
      before: { status: "requested" },
      after: { status: "refused", reference: request.reference },
      reason: options.note.trim(),
    });
    return { reference: request.reference };
  });
}
