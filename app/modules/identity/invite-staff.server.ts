import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db, isUniqueViolation } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import type { RoleId } from "~/platform/permissions";
import { newLink, storeAuthToken } from "./auth-tokens.server";
import { renderInvitationEmail } from "./staff-emails.server";
import { assertTeamExists, lockStaffChanges } from "./staff-guards.server";

export type InviteStaffInput = {
  actor: StaffUser;
  name: string;
  email: string;
  roleId: RoleId;
  /** Managers belong to a team; other roles have none. */
  teamId?: string;
};

/**
 * Creates an invited account and queues the invitation email, in one transaction with its audit
 * event. The account cannot sign in until the invitation is accepted.
 */
export async function inviteStaff(input: InviteStaffInput): Promise<{ userId: string }> {
  const email = input.email.trim().toLowerCase();
  const role = await db.role.findUnique({ where: { id: input.roleId } });
  if (!role)
    throw new AppError("validation", "Choose a role.", { fieldErrors: { roleId: ["Choose a role."] } });
  const link = newLink("staff_invite");
  const message = await renderInvitationEmail({
    name: input.name,
    invitedBy: input.actor.name,
    roleLabel: role.label,
    acceptUrl: link.url,
  });
  try {
    return await db.$transaction(async (tx) => {
      await lockStaffChanges(tx);
      const existing = await tx.user.findUnique({ where: { email }, select: { status: true } });
      if (existing) throw alreadyExists(existing.status);
      const teamId =
        input.roleId === "manager" && input.teamId ? (await assertTeamExists(tx, input.teamId)).id : null;
      const user = await tx.user.create({
        data: { email, name: input.name, roleId: input.roleId, teamId, status: "invited" },
        select: { id: true },
      });
      const token = await storeAuthToken(tx, {
        purpose: "staff_invite",
        token: link.token,
        email,
        userId: user.id,
        createdById: input.actor.id,
      });
      await queueEmail(tx, {
        template: "staff-invitation",
        purpose: "transactional",
        to: { address: email, name: input.name },
        email: message,
        userId: user.id,
      });
      await recordAudit(tx, {
        actor: actorOf(input.actor),
        action: "staff.invited",
        entityType: "user",
        entityId: user.id,
        after: {
          name: input.name,
          email,
          roleId: input.roleId,
          teamId,
          status: "invited",
          invitationExpiresAt: token.expiresAt,
        },
      });
      return { userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyExists("invited");
    throw error;
  }
}

function alreadyExists(status: string) {
  const hint =
    status === "invited"
      ? "They have been invited already: open their page to send the invitation again."
      : status === "deactivated"
        ? "Their account is deactivated: open their page to reactivate it."
        : "They can already sign in.";
  const message = `Someone with this email address already has an account. ${hint}`;
  return new AppError("conflict", message, { fieldErrors: { email: [message] } });
}
