import { recordAudit, type AuditActor } from "~/platform/audit.server";
import { sha256 } from "~/platform/crypto.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { hitRateLimit, peekRateLimit, resetRateLimit } from "~/platform/rate-limit.server";
import {
  clearSessionCookie,
  createSession,
  revokeSession,
  revokeSessionsOfUser,
} from "~/platform/session.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";

export const SIGN_IN_LIMITS = {
  /** Failed attempts per email address (known or not) before a pause. */
  perAccount: { limit: 5, windowSeconds: 15 * 60 },
  /** Attempts per client address, whatever the account. */
  perIp: { limit: 30, windowSeconds: 15 * 60 },
};

/** The rate-limit key counting failed sign-ins for an address (a password reset clears it). */
export function signInAccountKey(email: string) {
  return `sign-in:account:${sha256(email.trim().toLowerCase())}`;
}

const SAME_ANSWER = "That email and password do not match an active account.";

function tooMany(retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    "rate_limited",
    `Too many sign-in attempts. For your security, wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again, or reset your password.`,
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
};

/**
 * Staff sign-in. Unknown emails, wrong passwords and inactive accounts get the same answer in
 * about the same time. Failures are limited per email address and per client address.
 */
export async function signInStaff(input: SignInInput): Promise<{ userId: string; setCookie: string }> {
  const email = input.email.trim().toLowerCase();
  const accountKey = signInAccountKey(email);
  const ipKey = `sign-in:ip:${input.ip ?? "unknown"}`;

  const ipHit = await hitRateLimit(ipKey, SIGN_IN_LIMITS.perIp);
  if (!ipHit.allowed) throw tooMany(ipHit.retryAfterSeconds);
  const failures = await peekRateLimit(accountKey, SIGN_IN_LIMITS.perAccount.windowSeconds);
  if (failures >= SIGN_IN_LIMITS.perAccount.limit) throw tooMany(SIGN_IN_LIMITS.perAccount.windowSeconds);

  const user = await db.user.findUnique({ where: { email }, include: { role: true } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const locked = !!user?.lockedUntil && user.lockedUntil > new Date();

  if (!user || !passwordOk || user.status !== "active" || locked) {
    const hit = await hitRateLimit(accountKey, SIGN_IN_LIMITS.perAccount);
    await db.$transaction(async (tx) => {
      const reachedLimit = hit.count >= SIGN_IN_LIMITS.perAccount.limit;
      if (user) {
        await tx.user.update({
          where: { id: user.id },
          data: {
            failedSignIns: { increment: 1 },
            ...(reachedLimit
              ? { lockedUntil: new Date(Date.now() + SIGN_IN_LIMITS.perAccount.windowSeconds * 1000) }
              : {}),
          },
        });
      }
      await recordAudit(tx, {
        actor: { type: "anonymous" },
        action: reachedLimit ? "auth.locked_out" : "auth.sign_in_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        after: { emailHash: sha256(email).slice(0, 16), attempt: hit.count },
      });
    });
    if (hit.count > SIGN_IN_LIMITS.perAccount.limit) throw tooMany(hit.retryAfterSeconds);
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
    });
    return created;
  });
  await resetRateLimit(accountKey);
  return { userId: user.id, setCookie: session.setCookie };
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
