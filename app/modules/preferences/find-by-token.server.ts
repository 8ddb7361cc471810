import { t } from "~/modules/portal/strings";
import type { Db } from "~/platform/db.server";
import {
  verifyPreferencesToken,
  verifyUnsubscribeToken,
  type PreferencesClaim,
  type UnsubscribePurpose,
} from "~/platform/mailer/unsubscribe.server";

/** What a malformed or tampered preferences or unsubscribe link shows (the portal's words). */
export const INVALID_PREFERENCES_LINK = t("preferences.invalid");

const SELECT = {
  id: true,
  firstName: true,
  lastName: true,
  preferredName: true,
  consentReturn: true,
  consentNews: true,
  consentUpdatedAt: true,
  doNotContact: true,
} as const;

async function readAlumnus(tx: Db, alumnusId: string, lock: boolean | undefined) {
  if (lock) await tx.$executeRaw`SELECT 1 FROM "Alumnus" WHERE "id" = ${alumnusId} FOR UPDATE`;
  return tx.alumnus.findUnique({ where: { id: alumnusId }, select: SELECT });
}

/** The alumnus a signed unsubscribe link names (read inside the caller's transaction when given), or null. */
export async function findByToken(tx: Db, token: string | undefined, options: { lock?: boolean } = {}) {
  const claim = verifyUnsubscribeToken(token);
  if (!claim) return null;
  const alumnus = await readAlumnus(tx, claim.alumnusId, options.lock);
  return { purpose: claim.purpose as UnsubscribePurpose, alumnusId: claim.alumnusId, alumnus };
}

/**
 * What a preferences link leads to (ADR 081): `invalid` (malformed or tampered), `expired`
 * (ours, but too old: nothing about the person is read), or `open` with the person (null when
 * the record was erased since).
 */
export async function findByPreferencesToken(
  tx: Db,
  token: string | undefined,
  options: { lock?: boolean; now?: Date } = {},
): Promise<
  | { state: "invalid" }
  | { state: "expired"; claim: PreferencesClaim }
  | { state: "open"; claim: PreferencesClaim; alumnus: Awaited<ReturnType<typeof readAlumnus>> }
> {
  const claim = verifyPreferencesToken(token, options.now);
  if (!claim) return { state: "invalid" };
  if (claim.status === "expired") return { state: "expired", claim };
  return { state: "open", claim, alumnus: await readAlumnus(tx, claim.alumnusId, options.lock) };
}

/**
 * The purposes a preferences link may no longer say yes to: those the person said no to
 * after the link was written (by one click, on this page, in the portal, or through HR). A
 * link that came before the "no" cannot undo it; a fresh link or signing in can.
 */
export function purposesLockedFor(
  alumnus: { consentReturn: string; consentNews: string; consentUpdatedAt: Date | null },
  issuedAt: Date,
): UnsubscribePurpose[] {
  if (!alumnus.consentUpdatedAt || alumnus.consentUpdatedAt.getTime() < issuedAt.getTime()) return [];
  const locked: UnsubscribePurpose[] = [];
  if (alumnus.consentReturn === "withdrawn") locked.push("return_opportunities");
  if (alumnus.consentNews === "withdrawn") locked.push("news");
  return locked;
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
