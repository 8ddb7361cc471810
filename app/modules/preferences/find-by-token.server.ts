import type { Db } from "~/platform/db.server";
import { verifyUnsubscribeToken, type UnsubscribePurpose } from "~/platform/mailer/unsubscribe.server";

export const INVALID_PREFERENCES_LINK =
  "This link is not complete or was changed on the way. Use the link in the latest email we sent you, or write to the person named in it.";

/** The alumnus a signed link names (read inside the caller's transaction when given), or null. */
export async function findByToken(tx: Db, token: string | undefined, options: { lock?: boolean } = {}) {
  const claim = verifyUnsubscribeToken(token);
  if (!claim) return null;
  if (options.lock) await tx.$executeRaw`SELECT 1 FROM "Alumnus" WHERE "id" = ${claim.alumnusId} FOR UPDATE`;
  const alumnus = await tx.alumnus.findUnique({
    where: { id: claim.alumnusId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      preferredName: true,
      consentReturn: true,
      consentNews: true,
      doNotContact: true,
    },
  });
  return { purpose: claim.purpose as UnsubscribePurpose, alumnusId: claim.alumnusId, alumnus };
}

export function displayName(a: { firstName: string; lastName: string; preferredName: string | null }) {
  return `${a.preferredName || a.firstName} ${a.lastName}`;
}

/** Cancels mail still waiting for the purposes the person just said no to (same transaction). */
export async function cancelQueuedFor(
  tx: Db,
  alumnusId: string,
  purposes: UnsubscribePurpose[],
  reason: string,
) {
  if (purposes.length === 0) return 0;
  const { count } = await tx.outboxMessage.updateMany({
    where: { alumnusId, purpose: { in: purposes }, status: { in: ["queued", "failed"] } },
    data: { status: "cancelled", lastError: reason, leaseUntil: null },
  });
  return count;
}
