import { alumniVisibleTo } from "~/modules/alumni/alumni-scope.server";
import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";

/**
 * HR has followed up an answer (written back, called): it leaves the to-do list. A new answer
 * from the person puts it back (answerInvitation clears the mark). Idempotent; audited once, also
 * when two people mark it at the same moment. Only answers of people the actor may see.
 */
export async function markAnswerHandled(input: {
  actor: StaffUser;
  answerId: string;
  /** When given (the campaign's page), the answer must belong to it. */
  campaignId?: string;
}) {
  return db.$transaction(async (tx) => {
    const answer = await tx.invitationAnswer.findFirst({
      where: {
        id: input.answerId,
        alumnus: alumniVisibleTo(input.actor),
        ...(input.campaignId ? { campaignId: input.campaignId } : {}),
      },
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
    // Two marks at once: the second waits for the first's row lock, then finds it marked.
    const marked = await tx.invitationAnswer.updateMany({
      where: { id: answer.id, handledAt: null },
      data: { handledAt: new Date(), handledById: input.actor.id },
    });
    if (marked.count === 0) return { changed: false };
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
