import { recordAudit, type AuditActor } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { resetRateLimit } from "~/platform/rate-limit.server";
import { createSession, revokeSession, revokeSessionsOfUser } from "~/platform/session.server";
import { invalidLink } from "./accept-invitation.server";
import { consumeAuthToken, findUsableToken, voidTokensOfUser } from "./auth-tokens.server";
import { hashPassword } from "./password.server";
import { signInAccountKey } from "./sign-in.server";

/** What the reset page shows. Null for any link that cannot be used. */
export async function findPasswordReset(token: string | undefined) {
  const row = await findUsableToken("password_reset", token);
  if (!row?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: row.userId },
    select: { name: true, email: true, status: true },
  });
  if (!user || user.status !== "active") return null;
  return { name: user.name, email: user.email, expiresAt: row.expiresAt.toISOString() };
}

/**
 * Sets a new password from a reset link: the link is used up, every session of the account
 * ends (whoever else may be signed in), any sign-in pause is lifted, and the person is signed
 * in with a new session.
 */
export async function resetPassword(input: {
  token: string;
  password: string;
  ip?: string;
  userAgent?: string;
  previousSessionId?: string;
}) {
  if (!(await findUsableToken("password_reset", input.token))) throw invalidLink();
  const passwordHash = await hashPassword(input.password);
  const result = await db.$transaction(async (tx) => {
    const claimed = await consumeAuthToken(tx, "password_reset", input.token);
    if (!claimed?.userId) throw invalidLink();
    const user = await tx.user.findUnique({ where: { id: claimed.userId } });
    if (!user || user.status !== "active") throw invalidLink();
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: new Date(), failedSignIns: 0, lockedUntil: null },
    });
    const sessionsEnded = await revokeSessionsOfUser(user.id, "password reset", tx);
    await voidTokensOfUser(tx, user.id, ["password_reset"]);
    if (input.previousSessionId) await revokeSession(input.previousSessionId, "replaced at sign-in", tx);
    const session = await createSession(
      { userId: user.id },
      { ip: input.ip, userAgent: input.userAgent },
      tx,
    );
    const actor: AuditActor = { type: "staff", id: user.id, name: user.name, role: user.roleId };
    await recordAudit(tx, {
      actor,
      action: "auth.password_reset",
      entityType: "user",
      entityId: user.id,
      after: { sessionsEnded },
    });
    return { userId: user.id, email: user.email, setCookie: session.setCookie };
  });
  await resetRateLimit(signInAccountKey(result.email));
  return { userId: result.userId, setCookie: result.setCookie };
}
