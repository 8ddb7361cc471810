import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { conflict } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { newLink, storeAuthToken } from "./auth-tokens.server";
import { renderInvitationEmail } from "./staff-emails.server";
import { findStaffMemberForChange, lockStaffChanges } from "./staff-guards.server";

/** Sends a new invitation link; the older links for that address stop working. */
export async function resendInvitation(input: { actor: StaffUser; userId: string }) {
  const link = newLink("staff_invite");
  const preview = await db.user.findUnique({ where: { id: input.userId }, include: { role: true } });
  const message = preview
    ? await renderInvitationEmail({
        name: preview.name,
        invitedBy: input.actor.name,
        roleLabel: preview.role.label,
        acceptUrl: link.url,
      })
    : null;
  return db.$transaction(async (tx) => {
    await lockStaffChanges(tx);
    const user = await findStaffMemberForChange(tx, input.userId);
    if (user.status !== "invited") {
      throw conflict(
        user.status === "active"
          ? `${user.name} has already accepted their invitation. Send a password-reset link if they cannot sign in.`
          : `${user.name}'s account is deactivated. Reactivate it first.`,
      );
    }
    // Re-render if the name or role changed between the preview read and the lock.
    const email =
      message && preview && preview.name === user.name && preview.roleId === user.roleId
        ? message
        : await renderInvitationEmail({
            name: user.name,
            invitedBy: input.actor.name,
            roleLabel: user.role.label,
            acceptUrl: link.url,
          });
    const token = await storeAuthToken(tx, {
      purpose: "staff_invite",
      token: link.token,
      email: user.email,
      userId: user.id,
      createdById: input.actor.id,
    });
    await queueEmail(tx, {
      template: "staff-invitation",
      purpose: "transactional",
      to: { address: user.email, name: user.name },
      email,
      userId: user.id,
    });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "staff.invitation_resent",
      entityType: "user",
      entityId: user.id,
      after: { invitationExpiresAt: token.expiresAt, olderLinksVoided: token.voidedOlder },
    });
    return { expiresAt: token.expiresAt };
  });
}
