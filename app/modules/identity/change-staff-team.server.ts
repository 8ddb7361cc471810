import { actorOf, type StaffUser } from "~/platform/auth.server";
import { changedFields, recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { assertTeamExists, findStaffMemberForChange, lockStaffChanges } from "./staff-guards.server";

/**
 * Moves a manager to a team (teams belong to managers; contracts and approvals use them). The
 * team is read on every request, so the change applies to the manager's next request.
 */
export async function changeStaffTeam(input: {
  actor: StaffUser;
  userId: string;
  teamId: string;
}): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    await lockStaffChanges(tx);
    const user = await findStaffMemberForChange(tx, input.userId);
    if (user.roleId !== "manager") {
      const message = `Only managers belong to teams; ${user.name} is ${user.role.label}. Change their role to manager to give them a team.`;
      throw new AppError("validation", message, { fieldErrors: { teamId: [message], userId: [message] } });
    }
    const team = await assertTeamExists(tx, input.teamId);
    const diff = changedFields({ teamId: user.teamId }, { teamId: team.id });
    if (!diff.changed) return { changed: false };
    await tx.user.update({ where: { id: user.id }, data: { teamId: team.id } });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "staff.team_changed",
      entityType: "user",
      entityId: user.id,
      before: { ...diff.before, teamName: user.team?.name ?? null },
      after: { ...diff.after, teamName: team.name },
    });
    return { changed: true };
  });
}
