import { createHmac } from "node:crypto";
import { safeEqual } from "../crypto.server";
import { env } from "../env.server";

/**
 * Signed unsubscribe tokens (ADR 022). A token names an alumnus and a purpose, nothing else:
 * `<alumnus id>.<purpose code>.<signature>`, where the signature is an HMAC-SHA256 (truncated
 * to 128 bits) under a key derived from SESSION_SECRET for this one use. No name or address
 * travels in the link; the alumnus id is an opaque random identifier. Tokens do not expire:
 * an unsubscribe link must keep working for as long as the email sits in someone's inbox.
 */

export const UNSUBSCRIBE_PURPOSES = ["return_opportunities", "news"] as const;
export type UnsubscribePurpose = (typeof UNSUBSCRIBE_PURPOSES)[number];

const CODE: Record<UnsubscribePurpose, string> = { return_opportunities: "r", news: "n" };
const PURPOSE_OF_CODE: Record<string, UnsubscribePurpose> = { r: "return_opportunities", n: "news" };

export function isUnsubscribePurpose(value: string): value is UnsubscribePurpose {
  return (UNSUBSCRIBE_PURPOSES as readonly string[]).includes(value);
}

let derived: { secret: string; key: Buffer } | undefined;
function tokenKey(): Buffer {
  const secret = env().sessionSecret;
  if (derived?.secret !== secret) {
    derived = { secret, key: createHmac("sha256", secret).update("comeback/unsubscribe-token/v1").digest() };
  }
  return derived.key;
}

function sign(body: string) {
  return createHmac("sha256", tokenKey()).update(body).digest("base64url").slice(0, 22);
}

const ID = /^[a-z0-9]{8,40}$/i;

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

/**
 * What every non-transactional message carries: the one-click unsubscribe URL, the preferences
 * URL for the template's footer, and the RFC 2369 / RFC 8058 headers. No mailto: address: nothing
 * reads replies to the sender, and a link that does nothing would be a broken promise.
 */
export function unsubscribeLinks(input: { alumnusId: string; purpose: UnsubscribePurpose }) {
  const token = signUnsubscribeToken(input);
  const base = env().appUrl;
  const unsubscribeUrl = `${base}/unsubscribe/${token}`;
  const preferencesUrl = `${base}/preferences/${token}`;
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
