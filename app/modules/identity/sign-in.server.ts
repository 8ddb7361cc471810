import { recordAudit, type AuditActor } from "~/platform/audit.server";
import { sha256 } from "~/platform/crypto.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { knownDeviceCookie, type KnownDevice } from "~/platform/known-device.server";
import {
  backoffSeconds,
  hitRateLimit,
  peekRateLimit,
  rateLimitState,
  resetRateLimit,
} from "~/platform/rate-limit.server";
import {
  clearSessionCookie,
  createSession,
  revokeSession,
  revokeSessionsOfUser,
} from "~/platform/session.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";

export const SIGN_IN_LIMITS = {
  /**
   * Failed attempts per email address (known or not): the first `limit` are free, then each
   * further attempt waits 30 s, doubling with every failure up to 15 minutes. Only failures
   * count; the count clears an hour after the first one, or at a successful sign-in.
   */
  perAccount: { limit: 5, windowSeconds: 60 * 60, baseSeconds: 30, maxSeconds: 15 * 60 },
  /**
   * Failed attempts per client address, whatever the account, the same way. Correct sign-ins
   * never count, so an office behind one address is not slowed by its own staff signing in.
   */
  perIp: { limit: 30, windowSeconds: 15 * 60, baseSeconds: 30, maxSeconds: 15 * 60 },
  /** Wrong passwords sent with one known-device note before it is no longer honoured. */
  perDevice: { limit: 10, windowSeconds: 24 * 60 * 60 },
};

/** The rate-limit key counting failed sign-ins for an address (a password reset clears it). */
export function signInAccountKey(email: string) {
  return `sign-in:account:${sha256(email.trim().toLowerCase())}`;
}

export function signInIpKey(ip: string | undefined) {
  return `sign-in:ip:${ip ?? "unknown"}`;
}

function deviceKey(device: KnownDevice) {
  return `sign-in:device:${sha256(device.nonce)}`;
}

const SAME_ANSWER = "That email and password do not match an active account.";

function waitText(seconds: number) {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "a minute" : `${minutes} minutes`;
}

function tooMany(retryAfterSeconds: number) {
  return new AppError(
    "rate_limited",
    `Too many sign-in attempts. For your security, wait ${waitText(retryAfterSeconds)} and try again. A browser you have signed in with before is not held up; or reset your password, the emailed link always works.`,
    { retryAfterSeconds },
  );
}

export type SignInInput = {
  email: string;
  password: string;
  ip?: string;
  userAgent?: string;
  /** The session the browser already had, ended so a fixed session id cannot be reused. */
  previousSessionId?: string;
  /** The known-device note the browser presented (signature already checked), if any. */
  device?: KnownDevice | null;
};

/**
 * Staff sign-in. Unknown emails, wrong passwords and inactive accounts get the same answer in
 * about the same time. Failed attempts slow down (backoff) per email address and per client
 * address; successes never count. A browser that signed in as this person before (a known
 * device) is not slowed by anyone else's failures, so guessing cannot keep the owner out, and
 * the emailed reset link is always a way in too (ADR 070).
 */
export async function signInStaff(
  input: SignInInput,
): Promise<{ userId: string; setCookie: string; deviceCookie: string }> {
  const email = input.email.trim().toLowerCase();
  const accountKey = signInAccountKey(email);
  const ipKey = signInIpKey(input.ip);

  const user = await db.user.findUnique({ where: { email }, include: { role: true } });
  const device = input.device && user && input.device.subjectId === user.id ? input.device : null;
  const trusted =
    !!device &&
    (await peekRateLimit(deviceKey(device), SIGN_IN_LIMITS.perDevice.windowSeconds)) <
      SIGN_IN_LIMITS.perDevice.limit;

  if (!trusted) {
    const wait = Math.max(
      backoffSeconds(await rateLimitState(ipKey, SIGN_IN_LIMITS.perIp.windowSeconds), SIGN_IN_LIMITS.perIp),
      backoffSeconds(
        await rateLimitState(accountKey, SIGN_IN_LIMITS.perAccount.windowSeconds),
        SIGN_IN_LIMITS.perAccount,
      ),
    );
    if (wait > 0) throw tooMany(wait);
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);

  if (!user || !passwordOk || user.status !== "active") {
    let attempt: number;
    if (trusted && device) {
      attempt = (await hitRateLimit(deviceKey(device), SIGN_IN_LIMITS.perDevice)).count;
    } else {
      await hitRateLimit(ipKey, SIGN_IN_LIMITS.perIp);
      attempt = (await hitRateLimit(accountKey, SIGN_IN_LIMITS.perAccount)).count;
    }
    await db.$transaction(async (tx) => {
      if (user) await tx.user.update({ where: { id: user.id }, data: { failedSignIns: { increment: 1 } } });
      await recordAudit(tx, {
        actor: { type: "anonymous" },
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        after: { emailHash: sha256(email).slice(0, 16), attempt, knownDevice: trusted },
      });
    });
    throw new AppError("unauthenticated", SAME_ANSWER, { fieldErrors: { password: [SAME_ANSWER] } });
  }

  const actor: AuditActor = { type: "staff", id: user.id, name: user.name, role: user.roleId };
  const session = await db.$transaction(async (tx) => {
    if (input.previousSessionId) await revokeSession(input.previousSessionId, "replaced at sign-in", tx);
    await tx.user.update({
      where: { id: user.id },
      data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: new Date() },
    });
    const created = await createSession(
      { userId: user.id },
      { ip: input.ip, userAgent: input.userAgent },
      tx,
    );
    await recordAudit(tx, {
      actor,
      action: "auth.sign_in",
      entityType: "session",
      entityId: created.id.slice(0, 16),
      ...(trusted ? { after: { knownDevice: true } } : {}),
    });
    return created;
  });
  // A success through the throttles ends them for the account; one from a known device does
  // not, so a stranger still guessing is not handed a fresh set of free attempts.
  if (!trusted) await resetRateLimit(accountKey);
  return { userId: user.id, setCookie: session.setCookie, deviceCookie: knownDeviceCookie("staff", user.id) };
}

export async function signOut(input: {
  sessionId: string;
  actor: AuditActor;
  everywhere?: boolean;
  userId?: string;
}) {
  await db.$transaction(async (tx) => {
    if (input.everywhere && input.userId) {
      const count = await revokeSessionsOfUser(input.userId, "signed out everywhere", tx);
      await recordAudit(tx, {
        actor: input.actor,
        action: "auth.sign_out_everywhere",
        entityType: "user",
        entityId: input.userId,
        after: { sessionsEnded: count },
      });
    } else {
      await revokeSession(input.sessionId, "signed out", tx);
      await recordAudit(tx, {
        actor: input.actor,
        action: "auth.sign_out",
        entityType: "session",
        entityId: input.sessionId.slice(0, 16),
      });
    }
  });
  return { setCookie: clearSessionCookie(input.actor.type === "alumnus" ? "alumnus" : "staff") };
}
