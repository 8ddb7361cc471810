import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { hitRateLimit, peekRateLimit, resetRateLimit } from "~/platform/rate-limit.server";
import { voidTokensOfUser } from "./auth-tokens.server";
import { hashPassword, verifyPassword } from "./password.server";

export const CHANGE_PASSWORD_LIMIT = { limit: 5, windowSeconds: 15 * 60 };

/**
 * A signed-in staff member changes their password: the current one is required (a session left
 * open is not enough), wrong guesses are limited, and every other session of theirs ends.
 */
export async function changePassword(input: { actor: StaffUser; currentPassword: string; password: string }) {
  const key = `change-password:user:${input.actor.id}`;
  if ((await peekRateLimit(key, CHANGE_PASSWORD_LIMIT.windowSeconds)) >= CHANGE_PASSWORD_LIMIT.limit) {
    throw new AppError(
      "rate_limited",
      "Too many wrong current passwords. Wait 15 minutes and try again, or sign out and reset your password.",
      {
        retryAfterSeconds: CHANGE_PASSWORD_LIMIT.windowSeconds,
      },
    );
  }
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.actor.id },
    select: { passwordHash: true },
  });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await hitRateLimit(key, CHANGE_PASSWORD_LIMIT);
    const message = "That is not your current password.";
    throw new AppError("validation", message, { fieldErrors: { currentPassword: [message] } });
  }
  if (await verifyPassword(user.passwordHash, input.password)) {
    const message = "Choose a password different from your current one.";
    throw new AppError("validation", message, { fieldErrors: { password: [message] } });
  }
  const passwordHash = await hashPassword(input.password);
  const result = await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: input.actor.id },
      data: { passwordHash, passwordChangedAt: new Date() },
    });
    const ended = await tx.session.updateMany({
      where: { userId: input.actor.id, revokedAt: null, id: { not: input.actor.sessionId } },
      data: { revokedAt: new Date(), revokedReason: "password changed" },
    });
    await voidTokensOfUser(tx, input.actor.id, ["password_reset"]);
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "auth.password_changed",
      entityType: "user",
      entityId: input.actor.id,
      after: { otherSessionsEnded: ended.count },
    });
    return { otherSessionsEnded: ended.count };
  });
  await resetRateLimit(key);
  return result;
}
