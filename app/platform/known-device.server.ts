import { hmac, randomToken, safeEqual } from "./crypto.server";
import { env } from "./env.server";
import { readCookie, secureCookies, serializeCookie, type SessionKind } from "./session.server";

/**
 * A known device (OWASP's "device cookie"): after a successful sign-in the browser keeps a
 * signed note of whom it signed in as. Presented again with that same person's sign-in, it lets
 * them past the throttles strangers' guesses have raised on their account and address, so
 * nobody can keep the owner out by guessing. The note holds no secret of the account: only its
 * id, a random nonce and our signature; a wrong password sent with it is counted against that
 * nonce, and a note that has seen too many is no longer honoured.
 */

const DEVICE_DAYS = 180;

export function deviceCookieName(kind: SessionKind) {
  const name = kind === "staff" ? "comeback_device" : "portal_device";
  return secureCookies() ? `__Host-${name}` : name;
}

function signature(kind: SessionKind, subjectId: string, nonce: string) {
  return hmac(env().sessionSecret, `known-device:${kind}:${subjectId}:${nonce}`);
}

/** The Set-Cookie header remembering this browser for `subjectId`. */
export function knownDeviceCookie(kind: SessionKind, subjectId: string) {
  const nonce = randomToken(16);
  const value = `${subjectId}.${nonce}.${signature(kind, subjectId, nonce)}`;
  return serializeCookie(deviceCookieName(kind), value, { maxAge: DEVICE_DAYS * 24 * 3600 });
}

export type KnownDevice = { subjectId: string; nonce: string };

/** The device note a request carries, when its signature is ours; otherwise null. */
export function knownDeviceFrom(request: Request, kind: SessionKind): KnownDevice | null {
  const value = readCookie(request, deviceCookieName(kind));
  if (!value || value.length > 300) return null;
  const [subjectId, nonce, mac, extra] = value.split(".");
  if (!subjectId || !nonce || !mac || extra !== undefined) return null;
  return safeEqual(mac, signature(kind, subjectId, nonce)) ? { subjectId, nonce } : null;
}
