import { createHmac } from "node:crypto";
import { safeEqual } from "../crypto.server";
import { env } from "../env.server";

/**
 * Signed links in outreach email (ADR 022, ADR 081). Both name an alumnus by their opaque id
 * (a cuid, or a UUID for people created by an import) and a purpose, nothing else; the
 * signature is an HMAC-SHA256 (truncated to 128 bits) under a key derived from SESSION_SECRET
 * for each use.
 *
 *   unsubscribe  `<alumnus id>.<purpose code>.<signature>`: never expires. It can only
 *                withdraw consent, and must keep working for as long as the email sits in
 *                someone's inbox (RFC 8058 one-click).
 *   preferences  `<alumnus id>.<purpose code>.<issued>.<signature>` (issued: Unix seconds in
 *                base 36): can grant consent, so it expires PREFERENCES_LINK_DAYS after it was
 *                written, and cannot grant a purpose the person said no to after that.
 */

export const UNSUBSCRIBE_PURPOSES = ["return_opportunities", "news"] as const;
export type UnsubscribePurpose = (typeof UNSUBSCRIBE_PURPOSES)[number];

const CODE: Record<UnsubscribePurpose, string> = { return_opportunities: "r", news: "n" };
const PURPOSE_OF_CODE: Record<string, UnsubscribePurpose> = { r: "return_opportunities", n: "news" };

export function isUnsubscribePurpose(value: string): value is UnsubscribePurpose {
  return (UNSUBSCRIBE_PURPOSES as readonly string[]).includes(value);
}

/** How long a preferences link works after the email is written. */
export const PREFERENCES_LINK_DAYS = 30;
const DAY_MS = 86_400_000;

type KeyUse = "unsubscribe" | "preferences";
const derived = new Map<KeyUse, { secret: string; key: Buffer }>();
function tokenKey(use: KeyUse): Buffer {
  const secret = env().sessionSecret;
  let entry = derived.get(use);
  if (entry?.secret !== secret) {
    entry = { secret, key: createHmac("sha256", secret).update(`comeback/${use}-token/v1`).digest() };
    derived.set(use, entry);
  }
  return entry.key;
}

function sign(body: string, use: KeyUse = "unsubscribe") {
  return createHmac("sha256", tokenKey(use)).update(body).digest("base64url").slice(0, 22);
}

/** An alumnus id as Comeback makes them (cuid) or an import does (UUID, with hyphens). */
const ID = /^[a-z0-9][a-z0-9-]{7,63}$/i;
const ISSUED = /^[0-9a-z]{1,10}$/;

export function signUnsubscribeToken(input: { alumnusId: string; purpose: UnsubscribePurpose }): string {
  if (!ID.test(input.alumnusId)) throw new Error("An unsubscribe token needs an alumnus id.");
  const body = `${input.alumnusId}.${CODE[input.purpose]}`;
  return `${body}.${sign(body)}`;
}

/** The alumnus and purpose a token names, or null when it is malformed or its signature is wrong. */
export function verifyUnsubscribeToken(
  token: string | undefined | null,
): { alumnusId: string; purpose: UnsubscribePurpose } | null {
  if (!token || token.length > 100) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [alumnusId, code, signature] = parts;
  const purpose = PURPOSE_OF_CODE[code];
  if (!purpose || !ID.test(alumnusId)) return null;
  if (!safeEqual(signature, sign(`${alumnusId}.${code}`))) return null;
  return { alumnusId, purpose };
}

export function signPreferencesToken(input: {
  alumnusId: string;
  purpose: UnsubscribePurpose;
  issuedAt?: Date;
}): string {
  if (!ID.test(input.alumnusId)) throw new Error("A preferences link needs an alumnus id.");
  const issued = Math.floor((input.issuedAt ?? new Date()).getTime() / 1000).toString(36);
  const body = `${input.alumnusId}.${CODE[input.purpose]}.${issued}`;
  return `${body}.${sign(body, "preferences")}`;
}

export type PreferencesClaim = {
  status: "valid" | "expired";
  alumnusId: string;
  purpose: UnsubscribePurpose;
  issuedAt: Date;
  expiresAt: Date;
};

/**
 * What a preferences link names: `valid`, `expired` (our signature, written more than
 * PREFERENCES_LINK_DAYS ago, or an unsubscribe token from before preferences links had their
 * own: those never expired and may no longer grant anything), or null when it is malformed or
 * its signature is wrong.
 */
export function verifyPreferencesToken(
  token: string | undefined | null,
  now: Date = new Date(),
): PreferencesClaim | null {
  if (!token || token.length > 120) return null;
  const parts = token.split(".");
  if (parts.length === 3) {
    const old = verifyUnsubscribeToken(token);
    if (!old) return null;
    return { status: "expired", ...old, issuedAt: new Date(0), expiresAt: new Date(0) };
  }
  if (parts.length !== 4) return null;
  const [alumnusId, code, issued, signature] = parts;
  const purpose = PURPOSE_OF_CODE[code];
  if (!purpose || !ID.test(alumnusId) || !ISSUED.test(issued)) return null;
  if (!safeEqual(signature, sign(`${alumnusId}.${code}.${issued}`, "preferences"))) return null;
  const issuedAt = new Date(parseInt(issued, 36) * 1000);
  if (Number.isNaN(issuedAt.getTime())) return null;
  const expiresAt = new Date(issuedAt.getTime() + PREFERENCES_LINK_DAYS * DAY_MS);
  // A link from the future was not made by this server's clock: treat it as broken.
  if (issuedAt.getTime() > now.getTime() + 5 * 60_000) return null;
  return {
    status: expiresAt.getTime() > now.getTime() ? "valid" : "expired",
    alumnusId,
    purpose,
    issuedAt,
    expiresAt,
  };
}

/**
 * What every non-transactional message carries: the one-click unsubscribe URL, the preferences
 * URL for the template's footer, and the RFC 2369 / RFC 8058 headers. No mailto: address: nothing
 * reads replies to the sender, and a link that does nothing would be a broken promise.
 */
export function unsubscribeLinks(input: { alumnusId: string; purpose: UnsubscribePurpose; now?: Date }) {
  const token = signUnsubscribeToken(input);
  const base = env().appUrl;
  const unsubscribeUrl = `${base}/unsubscribe/${token}`;
  const preferencesUrl = `${base}/preferences/${signPreferencesToken({ ...input, issuedAt: input.now })}`;
  return {
    token,
    unsubscribeUrl,
    preferencesUrl,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    } as Record<string, string>,
  };
}
