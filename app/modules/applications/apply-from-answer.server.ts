import { alumniVisibleTo } from "~/modules/alumni/alumni-scope.server";
import { describeAvailability } from "~/modules/invitation-answers/labels";
import { markAnswerHandled } from "~/modules/invitation-answers/mark-answer-handled.server";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { conflict, notFound } from "~/platform/errors";
import { submitApplication } from "./submit-application.server";

/**
 * HR turns a "yes, I'm interested" answer to a campaign invitation into an application to the
 * program the campaign points at: source "invitation", the campaign recorded, the person's
 * message (or a line saying they said yes) as what they told us, their availability band kept in
 * words. The usual checks of submitApplication apply (program open, person eligible, one
 * application per person and program), then the answer is marked followed up.
 */
export async function applyFromAnswer(input: { actor: StaffUser; campaignId: string; answerId: string }) {
  const answer = await db.invitationAnswer.findFirst({
    where: { id: input.answerId, campaignId: input.campaignId, alumnus: alumniVisibleTo(input.actor) },
    select: {
      id: true,
      alumnusId: true,
      answer: true,
      message: true,
      hoursPerWeek: true,
      earliestStart: true,
      campaign: { select: { id: true, name: true, programId: true } },
    },
  });
  if (!answer) throw notFound("That answer");
  if (answer.answer !== "interested")
    throw conflict(
      "Only a “yes, I'm interested” answer can become an application. Their latest answer is not.",
    );
  if (!answer.campaign.programId)
    throw conflict(
      "This campaign points at no return program. Add the person from the program's page instead.",
    );
  const availability = describeAvailability(answer);
  const motivation = [
    answer.message?.trim() || `Said yes to the invitation “${answer.campaign.name}”.`,
    availability ? `From their answer: ${availability}.` : null,
  ]
    .filter(Boolean)
    .join("\n\n")
    .slice(0, 4000);
  const created = await submitApplication({
    actor: input.actor,
    programId: answer.campaign.programId,
    alumnusId: answer.alumnusId,
    campaignId: answer.campaign.id,
    input: { motivation, availabilityHours: null, availabilityDays: [], earliestStart: null },
  });
  await markAnswerHandled({ actor: input.actor, campaignId: input.campaignId, answerId: answer.id });
  return created;
}
