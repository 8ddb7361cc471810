import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, notFound } from "~/platform/errors";

/**
 * HR answers a person's request to look at their verdict again: the answer is what the person
 * reads in the portal, so it is written for them (HR's justification for a decision stays
 * internal). Answering closes the request. The request must belong to the person on the page.
 */
export async function answerReviewRequest(options: {
  actor: StaffUser;
  alumnusId: string;
  requestId: string;
  answer: string;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string; alumnusId: string; status: string }[]
    >`SELECT "id", "alumnusId", "status" FROM "EligibilityReviewRequest" WHERE "id" = ${options.requestId} FOR UPDATE`;
    const request = locked[0];
    if (!request || request.alumnusId !== options.alumnusId) throw notFound("That request");
    if (request.status !== "open")
      throw new AppError(
        "conflict",
        "This request has already been answered; reload the page to see the answer.",
      );
    await tx.eligibilityReviewRequest.update({
      where: { id: request.id },
      data: { status: "answered", answer: options.answer, answeredAt: now, answeredById: options.actor.id },
    });
    await recordAudit(tx, {
      actor: actorOf(options.actor),
      action: "eligibility.review_answered",
      entityType: "alumnus",
      entityId: options.alumnusId,
      before: { requestId: request.id, status: "open" },
      after: { requestId: request.id, status: "answered" },
    });
  });
}
