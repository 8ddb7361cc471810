import { hmac, safeEqual } from "~/platform/crypto.server";
import { env } from "~/platform/env.server";
import type { EmailPurpose } from "~/platform/mailer/mailer.server";

/**
 * The List-Unsubscribe headers (RFC 2369, one-click per RFC 8058) and the preferences link
 * every campaign email carries. ONE place: at merge this points at the signed-token
 * implementation of the unsubscribe/preferences work. Until then the token is
 * base64url("<alumnusId>.<purpose>") + "." + HMAC-SHA256 of it with SESSION_SECRET, and the URLs
 * are /unsubscribe/<token> (one-click POST) and /preferences/<token>.
 */

const DOMAIN = "comeback.unsubscribe.v1";

export function unsubscribeToken(alumnusId: string, purpose: EmailPurpose): string {
  const body = Buffer.from(`${alumnusId}.${purpose}`).toString("base64url");
  return `${body}.${hmac(env().sessionSecret, `${DOMAIN}:${body}`)}`;
}

/** The alumnus and purpose a token was made for, or null when it was not made by us. */
export function verifyUnsubscribeToken(token: string): { alumnusId: string; purpose: string } | null {
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length > 0 || token.length > 400) return null;
  if (!safeEqual(signature, hmac(env().sessionSecret, `${DOMAIN}:${body}`))) return null;
  const decoded = Buffer.from(body, "base64url").toString("utf8");
  const dot = decoded.lastIndexOf(".");
  if (dot <= 0) return null;
  return { alumnusId: decoded.slice(0, dot), purpose: decoded.slice(dot + 1) };
}

export function preferencesUrlFor(alumnusId: string, purpose: EmailPurpose): string {
  return `${env().appUrl}/preferences/${unsubscribeToken(alumnusId, purpose)}`;
}

export function unsubscribeHeadersFor(alumnusId: string, purpose: EmailPurpose): Record<string, string> {
  const url = `${env().appUrl}/unsubscribe/${unsubscribeToken(alumnusId, purpose)}`;
  return {
    "List-Unsubscribe": `<${url}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
