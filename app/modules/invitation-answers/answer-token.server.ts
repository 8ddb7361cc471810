import { createHmac } from "node:crypto";
import { safeEqual } from "~/platform/crypto.server";
import { env } from "~/platform/env.server";

/**
 * Signed links to answer a campaign invitation (ADR 038), made like the unsubscribe tokens of
 * ADR 022: `<alumnus id>.<campaign id>.<expiry>.<signature>`, where the expiry is Unix seconds
 * in base 36 and the signature an HMAC-SHA256 (truncated to 128 bits) under a key derived from
 * SESSION_SECRET for this one use. The link names a person and a campaign by their opaque ids
 * and nothing else; it needs no database row. Unlike an unsubscribe link it expires: it lets
 * its holder say something on the person's behalf.
 */

const DAY_MS = 86_400_000;
/** A link stays usable this long after the reply-by date, and at least this long after it was written. */
export const ANSWER_LINK_GRACE_DAYS = 30;
/** A fresh link asked for from an expired one. */
export const FRESH_ANSWER_LINK_DAYS = 14;

let derived: { secret: string; key: Buffer } | undefined;
function tokenKey(): Buffer {
  const secret = env().sessionSecret;
  if (derived?.secret !== secret) {
    derived = {
      secret,
      key: createHmac("sha256", secret).update("comeback/invitation-answer-token/v1").digest(),
    };
  }
  return derived.key;
}

function sign(body: string) {
  return createHmac("sha256", tokenKey()).update(body).digest("base64url").slice(0, 22);
}

/** Ids as Comeback makes them (cuid) or an import does (UUID, with hyphens). */
const ID = /^[a-z0-9][a-z0-9-]{7,63}$/i;
const EXPIRY = /^[0-9a-z]{1,10}$/;

/** The end of the UTC day `days` after `from`: links expire at a whole day, the same for everyone in a batch. */
function endOfDayAfter(from: Date, days: number) {
  const day = Math.floor(from.getTime() / DAY_MS) + days + 1;
  return new Date(day * DAY_MS - 1000);
}

/**
 * When a campaign's answer link expires: 30 days after the reply-by date, and never sooner than
 * 30 days after the email is written (a campaign launched late still gives people a month).
 */
export function answerLinkExpiry(input: { respondBy: Date; now?: Date }): Date {
  const now = input.now ?? new Date();
  const byDate = endOfDayAfter(input.respondBy, ANSWER_LINK_GRACE_DAYS);
  const byNow = endOfDayAfter(now, ANSWER_LINK_GRACE_DAYS);
  return byDate > byNow ? byDate : byNow;
}

export function signAnswerToken(input: { alumnusId: string; campaignId: string; expiresAt: Date }): string {
  if (!ID.test(input.alumnusId) || !ID.test(input.campaignId))
    throw new Error("An answer link needs an alumnus id and a campaign id.");
  const body = `${input.alumnusId}.${input.campaignId}.${Math.floor(input.expiresAt.getTime() / 1000).toString(36)}`;
  return `${body}.${sign(body)}`;
}

export type AnswerClaim = { alumnusId: string; campaignId: string; expiresAt: Date };

/**
 * What a link names: `valid`, `expired` (the signature is ours, the date has passed), or null
 * when it is malformed or its signature is wrong (one answer for every kind of tampering).
 */
export function verifyAnswerToken(
  token: string | undefined | null,
  now: Date = new Date(),
): ({ status: "valid" | "expired" } & AnswerClaim) | null {
  if (!token || token.length > 120) return null;
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [alumnusId, campaignId, expiry, signature] = parts;
  if (!ID.test(alumnusId) || !ID.test(campaignId) || !EXPIRY.test(expiry)) return null;
  if (!safeEqual(signature, sign(`${alumnusId}.${campaignId}.${expiry}`))) return null;
  const expiresAt = new Date(parseInt(expiry, 36) * 1000);
  if (Number.isNaN(expiresAt.getTime())) return null;
  return {
    status: expiresAt.getTime() > now.getTime() ? "valid" : "expired",
    alumnusId,
    campaignId,
    expiresAt,
  };
}

/** The page a campaign email's main button opens. */
export function answerUrl(input: { alumnusId: string; campaignId: string; expiresAt: Date }): string {
  return `${env().appUrl}/portal/answer/${signAnswerToken(input)}`;
}
