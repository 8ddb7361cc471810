import { db } from "~/platform/db.server";
import { findInvitation, firstNameOf, formatDay } from "./find-invitation.server";
import type { AnswerChoice, HoursBand, StartBand } from "./labels";

export type AnswerPage =
  | { state: "invalid" }
  | { state: "gone" }
  | { state: "expired"; expiredOn: string }
  | {
      state: "open";
      firstName: string;
      opportunity: string;
      respondBy: string;
      expiresOn: string;
      sender: { name: string; email: string };
      previous: {
        answer: AnswerChoice;
        answeredOn: string;
        hoursPerWeek: HoursBand | null;
        earliestStart: StartBand | null;
        message: string | null;
      } | null;
    };

/**
 * What the answer page shows for a signed link (read only: a GET never records anything, mail
 * scanners fetch every link). Only what the person needs: their first name, the campaign's
 * offer and sender, and their own last answer. The employer's name comes from the branding
 * (the portal frame), not from here.
 */
export async function getAnswerPage(input: { token: string | undefined; now?: Date }): Promise<AnswerPage> {
  const found = await findInvitation(db, input.token, { now: input.now });
  if (found.state === "invalid" || found.state === "gone") return { state: found.state };
  const { campaign, alumnus } = found;
  if (found.state === "expired") {
    return { state: "expired", expiredOn: formatDay(found.expiresAt) };
  }
  const previous = await db.invitationAnswer.findUnique({
    where: { campaignId_alumnusId: { campaignId: campaign.id, alumnusId: alumnus.id } },
    select: { answer: true, answeredAt: true, hoursPerWeek: true, earliestStart: true, message: true },
  });
  return {
    state: "open",
    firstName: firstNameOf(alumnus),
    opportunity: campaign.opportunity,
    respondBy: formatDay(campaign.respondBy),
    expiresOn: formatDay(found.expiresAt),
    sender: { name: campaign.senderName, email: campaign.senderEmail },
    previous: previous
      ? {
          answer: previous.answer,
          answeredOn: formatDay(previous.answeredAt),
          hoursPerWeek: previous.hoursPerWeek as HoursBand | null,
          earliestStart: previous.earliestStart as StartBand | null,
          message: previous.message,
        }
      : null,
  };
}
