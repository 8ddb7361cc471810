import { addHours, addMinutes } from "date-fns";
import { randomToken, sha256 } from "./crypto.server";
import { db, type Db } from "./db.server";
import { env } from "./env.server";

/**
 * Sessions are database rows (revocable at once). The cookie carries a random 256-bit token;
 * the row's id is its SHA-256, so a database leak does not hand out live sessions. Idle and
 * absolute expiry are checked on every request; a new session is created at every sign-in.
 *
 * Two kinds, two cookies (ADR 037): staff sessions (a user) and alumni sessions (an alumnus,
 * from the portal's email link). Each cookie is only ever read for its own kind, so a staff
 * cookie can never act as an alumnus and an alumni cookie never reaches staff pages.
 */

export type SessionKind = "staff" | "alumnus";

export function sessionCookieName(kind: SessionKind = "staff") {
  const name = kind === "staff" ? "comeback_session" : "portal_session";
  return secureCookies() ? `__Host-${name}` : name;
}

/** Secure (and __Host- prefixed) whenever the app is served over https, as in production. */
export function secureCookies() {
  return env().appUrl.startsWith("https://");
}

export function serializeCookie(name: string, value: string, options: { maxAge?: number }) {
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
    if (part.slice(0, index).trim() !== name) continue;
    // A value that is not valid percent-encoding is no cookie of ours: the request is anonymous
    // (the person can still reach the sign-in page), never an error.
    try {
      return decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function sessionTokenFrom(request: Request, kind: SessionKind = "staff"): string | undefined {
  const token = readCookie(request, sessionCookieName(kind));
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

export type SessionSubject = { userId: string } | { alumnusId: string };

export function kindOf(subject: SessionSubject): SessionKind {
  return "userId" in subject ? "staff" : "alumnus";
}

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
    setCookie: serializeCookie(sessionCookieName(kindOf(subject)), token, {
      maxAge: env().SESSION_ABSOLUTE_HOURS * 3600,
    }),
  };
}

export function clearSessionCookie(kind: SessionKind = "staff") {
  return serializeCookie(sessionCookieName(kind), "", { maxAge: 0 });
}

export type ActiveSession = { id: string; userId: string | null; alumnusId: string | null; createdAt: Date };

type SessionTimes = {
  id: string;
  userId: string | null;
  alumnusId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
};

/**
 * Whether a session row read for a request is live for that kind (not revoked, not expired, not
 * idle, of the right kind); when it is, slides the idle window (written at most once a minute).
 */
async function liveSession(row: SessionTimes, kind: SessionKind): Promise<boolean> {
  if (row.revokedAt) return false;
  if (kind === "staff" ? !row.userId : !row.alumnusId) return false;
  const now = new Date();
  if (row.expiresAt <= now) return false;
  if (addMinutes(row.lastSeenAt, env().SESSION_IDLE_MINUTES) <= now) return false;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  return true;
}

/**
 * The live session of that kind behind the request's cookie for it, or null (missing, revoked,
 * idle, expired, or a session of the other kind presented in this kind's cookie).
 */
export async function findActiveSession(
  request: Request,
  kind: SessionKind = "staff",
): Promise<ActiveSession | null> {
  const token = sessionTokenFrom(request, kind);
  if (!token) return null;
  const row = await db.session.findUnique({ where: { id: sha256(token) } });
  if (!row || !(await liveSession(row, kind))) return null;
  return { id: row.id, userId: row.userId, alumnusId: row.alumnusId, createdAt: row.createdAt };
}

export type StaffSessionUser = {
  id: string;
  email: string;
  name: string;
  roleId: string;
  roleLabel: string;
  teamId: string | null;
  status: string;
  timeZone: string | null;
  permissionKeys: string[];
};

/**
 * The live staff session behind the request's cookie with its user, the user's role and the
 * role's permissions, read in one statement (every staff request asks this first), or null. The
 * checks are those of `findActiveSession`.
 */
export async function findActiveStaffSession(
  request: Request,
): Promise<{ session: ActiveSession; user: StaffSessionUser } | null> {
  const token = sessionTokenFrom(request, "staff");
  if (!token) return null;
  const rows = await db.$queryRaw<(SessionTimes & { user: StaffSessionUser | null })[]>`
    SELECT s."id", s."userId", s."alumnusId", s."createdAt", s."lastSeenAt", s."expiresAt", s."revokedAt",
      CASE WHEN u."id" IS NULL THEN NULL ELSE json_build_object(
        'id', u."id", 'email', u."email", 'name', u."name", 'roleId', u."roleId", 'roleLabel', r."label",
        'teamId', u."teamId", 'status', u."status"::text, 'timeZone', u."timeZone",
        'permissionKeys', ARRAY(
          SELECT p."permissionKey" FROM "RolePermission" p WHERE p."roleId" = u."roleId" ORDER BY p."permissionKey"
        )
      ) END AS "user"
    FROM "Session" s
    LEFT JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Role" r ON r."id" = u."roleId"
    WHERE s."id" = ${sha256(token)}`;
  const row = rows[0];
  if (!row?.user || !(await liveSession(row, "staff"))) return null;
  return {
    session: { id: row.id, userId: row.userId, alumnusId: row.alumnusId, createdAt: row.createdAt },
    user: row.user,
  };
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
