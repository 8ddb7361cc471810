import { renderTemplate } from "~/modules/outreach/render-template.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { hitRateLimit } from "~/platform/rate-limit.server";
import { alumniSender, emailBrand, getBranding } from "~/modules/portal/get-branding.server";
import { t } from "~/modules/portal/strings";
import { answerUrl, FRESH_ANSWER_LINK_DAYS } from "./answer-token.server";
import { findInvitation, firstNameOf } from "./find-invitation.server";

const DAY_MS = 86_400_000;
/** One new link per person and campaign in this window: enough for a person, useless for a flood. */
const FRESH_LINK_WINDOW_SECONDS = 600;

/**
 * From an expired answer link (our signature, past its date): a new link, by email, to the
 * address the invitation went to, never to an address the requester gives. Rate limited per
 * person and campaign; audited. The email goes through the outbox like every other.
 */
export async function sendFreshAnswerLink(input: { token: string | undefined; now?: Date }) {
  const peek = await findInvitation(db, input.token, { now: input.now });
  if (peek.state === "invalid") throw new AppError("not_found", t("answer.invalid.body"));
  if (peek.state === "gone") throw new AppError("not_found", t("answer.gone.body"));
  const limit = await hitRateLimit(`answer-link:${peek.alumnusId}:${peek.campaignId}`, {
    limit: 1,
    windowSeconds: FRESH_LINK_WINDOW_SECONDS,
  });
  if (!limit.allowed)
    throw new AppError("rate_limited", t("answer.expired.tooSoon"), {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  const { alumnus, campaign } = peek;
  const now = new Date();
  const expiresAt = new Date(Math.floor(now.getTime() / DAY_MS + FRESH_ANSWER_LINK_DAYS + 1) * DAY_MS - 1000);
  // Rendered before the transaction (no work but the writes inside it); alumni email speaks as
  // the employer and comes from its sender (ADR 036).
  const [branding, from] = await Promise.all([getBranding(), alumniSender()]);
  const email = await renderTemplate(
    "answer-link",
    {
      firstName: firstNameOf(alumnus),
      companyName: branding.companyName,
      opportunity: campaign.opportunity,
      answerUrl: answerUrl({ alumnusId: alumnus.id, campaignId: campaign.id, expiresAt }),
      usableUntil: expiresAt.toISOString().slice(0, 10),
      days: FRESH_ANSWER_LINK_DAYS,
      contact: { name: campaign.senderName, role: campaign.senderRole, email: campaign.senderEmail },
    },
    { brand: emailBrand(branding) },
  );
  await db.$transaction(async (tx) => {
    const found = await findInvitation(tx, input.token, { lock: true, now: input.now });
    if (found.state === "invalid" || found.state === "gone")
      throw new AppError("not_found", t(found.state === "gone" ? "answer.gone.body" : "answer.invalid.body"));
    const message = await queueEmail(tx, {
      template: email.template,
      purpose: "transactional",
      to: { address: found.address, name: `${firstNameOf(found.alumnus)} ${found.alumnus.lastName}` },
      email,
      from,
      alumnusId: found.alumnus.id,
    });
    await recordAudit(tx, {
      actor: { type: "anonymous" },
      action: "invitation.answer_link_sent",
      entityType: "alumnus",
      entityId: found.alumnus.id,
      after: {
        campaignId: found.campaign.id,
        outboxMessageId: message.id,
        usableUntil: expiresAt.toISOString(),
      },
    });
  });
  return { days: FRESH_ANSWER_LINK_DAYS };
}
