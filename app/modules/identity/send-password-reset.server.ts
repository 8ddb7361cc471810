import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { conflict } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { newLink, storeAuthToken } from "./auth-tokens.server";
import { renderPasswordResetEmail } from "./staff-emails.server";
import { findStaffMemberForChange, lockStaffChanges } from "./staff-guards.server";

/** An administrator sends a staff member a password-reset link (30 minutes, single use). */
export async function sendPasswordReset(input: { actor: StaffUser; userId: string }) {
  const link = newLink("password_reset");
  const preview = await db.user.findUnique({ where: { id: input.userId }, select: { name: true } });
  const rendered = preview
    ? await renderPasswordResetEmail({ name: preview.name, resetUrl: link.url })
    : null;
  return db.$transaction(async (tx) => {
    await lockStaffChanges(tx);
    const user = await findStaffMemberForChange(tx, input.userId);
    if (user.status !== "active") {
      throw conflict(
        user.status === "invited"
          ? `${user.name} has not accepted their invitation yet. Send the invitation again instead.`
          : `${user.name}'s account is deactivated. Reactivate it first.`,
      );
    }
    const email =
      rendered && preview?.name === user.name
        ? rendered
        : await renderPasswordResetEmail({ name: user.name, resetUrl: link.url });
    const token = await storeAuthToken(tx, {
      purpose: "password_reset",
      token: link.token,
      email: user.email,
      userId: user.id,
      createdById: input.actor.id,
    });
    await queueEmail(tx, {
      template: "password-reset",
      purpose: "transactional",
      to: { address: user.email, name: user.name },
      email,
      userId: user.id,
    });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "staff.password_reset_sent",
      entityType: "user",
      entityId: user.id,
      after: { linkExpiresAt: token.expiresAt, olderLinksVoided: token.voidedOlder },
    });
    return { expiresAt: token.expiresAt };
  });
}
