import { actorOf, type StaffUser } from "~/platform/auth.server";
import { changedFields, recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import type { RoleId } from "~/platform/permissions";
import { revokeSessionsOfUser } from "~/platform/session.server";
import {
  assertAnotherActiveAdmin,
  assertTeamExists,
  findStaffMemberForChange,
  lockStaffChanges,
  refuseSelf,
} from "./staff-guards.server";

export type ChangeStaffRoleInput = {
  actor: StaffUser;
  userId: string;
  roleId: RoleId;
  teamId?: string;
  reason?: string;
};

/**
 * Changes a staff member's role (and team: managers have one, other roles none). Their sessions
 * end, so their next request starts from the sign-in page with the new role's permissions.
 */
export async function changeStaffRole(
  input: ChangeStaffRoleInput,
): Promise<{ changed: boolean; sessionsEnded: number }> {
  refuseSelf(input.actor, input.userId, "change the role of");
  return db.$transaction(async (tx) => {
    await lockStaffChanges(tx);
    const user = await findStaffMemberForChange(tx, input.userId);
    const teamId =
      input.roleId === "manager" && input.teamId ? (await assertTeamExists(tx, input.teamId)).id : null;
    const diff = changedFields(
      { roleId: user.roleId, teamId: user.teamId },
      { roleId: input.roleId, teamId },
    );
    if (!diff.changed) return { changed: false, sessionsEnded: 0 };
    if (input.roleId !== "admin") await assertAnotherActiveAdmin(tx, user);
    await tx.user.update({ where: { id: user.id }, data: { roleId: input.roleId, teamId } });
    const sessionsEnded =
      diff.before.roleId !== undefined ? await revokeSessionsOfUser(user.id, "role changed", tx) : 0;
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: diff.before.roleId !== undefined ? "staff.role_changed" : "staff.team_changed",
      entityType: "user",
      entityId: user.id,
      before: diff.before,
      after: diff.after,
      reason: input.reason,
    });
    return { changed: true, sessionsEnded };
  });
}
