import { addHours, addMinutes } from "date-fns";
import { randomToken, sha256 } from "./crypto.server";
import { db, type Db } from "./db.server";
import { env } from "./env.server";

/**
 * Sessions are database rows (revocable at once). The cookie carries a random 256-bit token;
 * the row's id is its SHA-256, so a database leak does not hand out live sessions. Idle and
 * absolute expiry are checked on every request; a new session is created at every sign-in.
 */

export function sessionCookieName() {
  return secureCookies() ? "__Host-comeback_session" : "comeback_session";
}

/** Secure (and __Host- prefixed) whenever the app is served over https, as in production. */
export function secureCookies() {
  return env().appUrl.startsWith("https://");
}

function serializeCookie(name: string, value: string, options: { maxAge?: number }) {
  const parts = [`${name}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (secureCookies()) parts.push("Secure");
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  return parts.join("; ");
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("Cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

export function sessionTokenFrom(request: Request): string | undefined {
  const token = readCookie(request, sessionCookieName());
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

export type SessionSubject = { userId: string } | { alumnusId: string };

export async function createSession(
  subject: SessionSubject,
  meta: { ip?: string; userAgent?: string },
  tx: Db = db,
): Promise<{ id: string; setCookie: string }> {
  const token = randomToken(32);
  const now = new Date();
  const id = sha256(token);
  await tx.session.create({
    data: {
      id,
      ...subject,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: addHours(now, env().SESSION_ABSOLUTE_HOURS),
      ip: meta.ip?.slice(0, 64),
      userAgent: meta.userAgent?.slice(0, 300),
    },
  });
  return {
    id,
    setCookie: serializeCookie(sessionCookieName(), token, { maxAge: env().SESSION_ABSOLUTE_HOURS * 3600 }),
  };
}

export function clearSessionCookie() {
  return serializeCookie(sessionCookieName(), "", { maxAge: 0 });
}

export type ActiveSession = { id: string; userId: string | null; alumnusId: string | null; createdAt: Date };

/** The live session behind the request's cookie, or null (missing, revoked, idle or expired). */
export async function findActiveSession(request: Request): Promise<ActiveSession | null> {
  const token = sessionTokenFrom(request);
  if (!token) return null;
  const id = sha256(token);
  const row = await db.session.findUnique({ where: { id } });
  if (!row || row.revokedAt) return null;
  const now = new Date();
  if (row.expiresAt <= now) return null;
  if (addMinutes(row.lastSeenAt, env().SESSION_IDLE_MINUTES) <= now) return null;
  // Sliding idle window; written at most once a minute per session.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.session.update({ where: { id }, data: { lastSeenAt: now } });
  }
  return { id: row.id, userId: row.userId, alumnusId: row.alumnusId, createdAt: row.createdAt };
}

export async function revokeSession(id: string, reason: string, tx: Db = db) {
  await tx.session.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
}

export async function revokeSessionsOfUser(userId: string, reason: string, tx: Db = db): Promise<number> {
  const result = await tx.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return result.count;
}

export async function revokeSessionsOfAlumnus(
  alumnusId: string,
  reason: string,
  tx: Db = db,
): Promise<number> {
  const result = await tx.session.updateMany({
    where: { alumnusId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return result.count;
}
