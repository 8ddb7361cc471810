import type { Db } from "~/platform/db.server";
import { verifyAnswerToken, type AnswerClaim } from "./answer-token.server";

/**
 * What a signed answer link leads to: the person, the campaign and their invitation (the
 * campaign's recipient row), read inside the caller's transaction when given.
 *
 *   invalid  malformed, tampered, or names someone who was never sent this campaign
 *   gone     the person or the campaign no longer exists (erased, deleted)
 *   expired  our signature, but past its date
 *   open     usable
 */
export type FoundInvitation =
  | { state: "invalid" }
  | { state: "gone" }
  | ({ state: "expired" | "open" } & AnswerClaim & {
        alumnus: {
          id: string;
          firstName: string;
          lastName: string;
          preferredName: string | null;
          consentReturn: "unknown" | "granted" | "withdrawn";
          consentNews: "unknown" | "granted" | "withdrawn";
        };
        campaign: {
          id: string;
          name: string;
          companyName: string;
          opportunity: string;
          respondBy: Date;
          senderName: string;
          senderRole: string;
          senderEmail: string;
          /** The return program the invitation points at, if any. */
          program: { id: string; title: string; status: string } | null;
        };
        address: string;
      });

export async function findInvitation(
  tx: Db,
  token: string | undefined,
  options: { lock?: boolean; now?: Date } = {},
): Promise<FoundInvitation> {
  const claim = verifyAnswerToken(token, options.now);
  if (!claim) return { state: "invalid" };
  // One writer per person at a time: answers, consent changes and unsubscribes queue up here.
  if (options.lock) await tx.$executeRaw`SELECT 1 FROM "Alumnus" WHERE "id" = ${claim.alumnusId} FOR UPDATE`;
  // One after the other: inside a transaction the queries share one connection.
  const alumnus = await tx.alumnus.findUnique({
    where: { id: claim.alumnusId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      preferredName: true,
      consentReturn: true,
      consentNews: true,
    },
  });
  const campaign = await tx.campaign.findUnique({
    where: { id: claim.campaignId },
    select: {
      id: true,
      name: true,
      companyName: true,
      opportunity: true,
      respondBy: true,
      senderName: true,
      senderRole: true,
      senderEmail: true,
      program: { select: { id: true, title: true, status: true } },
    },
  });
  const recipient = await tx.campaignRecipient.findUnique({
    where: { campaignId_alumnusId: { campaignId: claim.campaignId, alumnusId: claim.alumnusId } },
    select: { address: true },
  });
  if (!alumnus || !campaign) return { state: "gone" };
  if (!recipient) return { state: "invalid" };
  return {
    state: claim.status === "valid" ? "open" : "expired",
    alumnusId: claim.alumnusId,
    campaignId: claim.campaignId,
    expiresAt: claim.expiresAt,
    alumnus,
    campaign,
    address: recipient.address,
  };
}

/** "15 January 2027": calendar dates on the page, in UTC so they never shift with the server's zone. */
export function formatDay(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

export function firstNameOf(a: { firstName: string; preferredName: string | null }) {
  return a.preferredName?.trim() || a.firstName;
}
