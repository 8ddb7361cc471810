import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";

/**
 * HR has followed up an answer (written back, called): it leaves the to-do list. A new answer
 * from the person puts it back (answerInvitation clears the mark). Idempotent; audited once.
 */
export async function markAnswerHandled(input: {
  actor: StaffUser;
  answerId: string;
  /** When given (the campaign's page), the answer must belong to it. */
  campaignId?: string;
}) {
  return db.$transaction(async (tx) => {
    const answer = await tx.invitationAnswer.findFirst({
      where: { id: input.answerId, ...(input.campaignId ? { campaignId: input.campaignId } : {}) },
      select: {
        id: true,
        alumnusId: true,
        campaignId: true,
        answer: true,
        handledAt: true,
        campaign: { select: { name: true } },
      },
    });
    if (!answer) throw notFound("That answer");
    if (answer.handledAt) return { changed: false };
    await tx.invitationAnswer.update({
      where: { id: answer.id },
      data: { handledAt: new Date(), handledById: input.actor.id },
    });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "invitation.answer_handled",
      entityType: "alumnus",
      entityId: answer.alumnusId,
      after: {
        answerId: answer.id,
        campaignId: answer.campaignId,
        campaignName: answer.campaign.name,
        answer: answer.answer,
      },
    });
    return { changed: true };
  });
}
