import { displayName } from "~/modules/preferences/find-by-token.server";
import { withdrawConsent } from "~/modules/preferences/withdraw-consent.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { unsubscribeLinks, UNSUBSCRIBE_PURPOSES } from "~/platform/mailer/unsubscribe.server";
import { t } from "~/modules/portal/strings";
import { findInvitation, firstNameOf, formatDay } from "./find-invitation.server";
import type { AnswerChoice, HoursBand, StartBand } from "./labels";

export type AnswerResult = {
  answer: AnswerChoice;
  firstName: string;
  sender: string;
  hoursPerWeek: HoursBand | null;
  earliestStart: StartBand | null;
  message: string | null;
  expiresOn: string;
  /** "Please don't contact me": emails still waiting that were stopped. */
  cancelled: number;
  /** "Please don't contact me": where they can change their mind (the signed preferences page). */
  preferencesPath: string | null;
  /** A yes to an invitation that points at an open program: where they apply (after signing in). */
  apply: { title: string; path: string } | null;
};

/**
 * Records a person's answer to a campaign invitation from the signed link in its email (ADR 038).
 * One row per person and campaign: the last answer wins, and each answer is an audit event on
 * the person (`invitation.answered`), which their timeline shows. A new answer reopens HR's
 * to-do. "Please don't contact me" withdraws consent for outreach (return opportunities and
 * news) in the same transaction, through the preferences module. The link does not sign
 * anyone in.
 */
export async function answerInvitation(input: {
  token: string | undefined;
  answer: AnswerChoice;
  hoursPerWeek: HoursBand | null;
  earliestStart: StartBand | null;
  message: string | null;
  now?: Date;
}): Promise<AnswerResult> {
  return db.$transaction(async (tx) => {
    const found = await findInvitation(tx, input.token, { lock: true, now: input.now });
    if (found.state === "invalid") throw new AppError("not_found", t("answer.invalid.body"));
    if (found.state === "gone") throw new AppError("not_found", t("answer.gone.body"));
    if (found.state === "expired")
      throw new AppError("conflict", t("answer.expired.body", { date: formatDay(found.expiresAt) }));
    const { alumnus, campaign } = found;
    const now = new Date();
    // Availability belongs to a yes; a "not now" or a "stop" keeps only the message.
    const interested = input.answer === "interested";
    const values = {
      answer: input.answer,
      hoursPerWeek: interested ? input.hoursPerWeek : null,
      earliestStart: interested ? input.earliestStart : null,
      message: input.message,
    };
    const where = { campaignId_alumnusId: { campaignId: campaign.id, alumnusId: alumnus.id } };
    const before = await tx.invitationAnswer.findUnique({
      where,
      select: { answer: true, hoursPerWeek: true, earliestStart: true, message: true, answerCount: true },
    });
    const row = before
      ? await tx.invitationAnswer.update({
          where,
          data: {
            ...values,
            answeredAt: now,
            answerCount: { increment: 1 },
            handledAt: null,
            handledById: null,
          },
          select: { id: true, answerCount: true },
        })
      : await tx.invitationAnswer.create({
          data: { ...values, campaignId: campaign.id, alumnusId: alumnus.id, answeredAt: now },
          select: { id: true, answerCount: true },
        });
    const actor = { type: "alumnus" as const, id: alumnus.id, name: displayName(alumnus) };
    let cancelled = 0;
    if (input.answer === "stop") {
      ({ cancelled } = await withdrawConsent({
        tx,
        actor,
        alumnus,
        purposes: UNSUBSCRIBE_PURPOSES,
        via: "invitation answer",
      }));
    }
    await recordAudit(tx, {
      actor,
      action: "invitation.answered",
      entityType: "alumnus",
      entityId: alumnus.id,
      before: before
        ? {
            answer: before.answer,
            hoursPerWeek: before.hoursPerWeek,
            earliestStart: before.earliestStart,
            message: before.message,
          }
        : null,
      after: {
        ...values,
        answerId: row.id,
        campaignId: campaign.id,
        campaignName: campaign.name,
        answerCount: row.answerCount,
        via: "answer link",
      },
    });
    return {
      ...values,
      firstName: firstNameOf(alumnus),
      sender: campaign.senderName,
      expiresOn: formatDay(found.expiresAt),
      cancelled,
      apply:
        interested && campaign.program?.status === "open"
          ? {
              title: campaign.program.title,
              path: `/portal/programs/${campaign.program.id}?campaign=${campaign.id}`,
            }
          : null,
      preferencesPath:
        input.answer === "stop"
          ? new URL(
              unsubscribeLinks({ alumnusId: alumnus.id, purpose: "return_opportunities" }).preferencesUrl,
            ).pathname
          : null,
    };
  });
}
