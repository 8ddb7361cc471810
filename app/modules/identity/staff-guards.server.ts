import type { StaffUser } from "~/platform/auth.server";
import type { Db } from "~/platform/db.server";
import { AppError, conflict, notFound } from "~/platform/errors";

/**
 * Rules every staff-lifecycle change shares. Changes to staff accounts take one transaction-scoped
 * advisory lock, so two administrators acting at once cannot both remove "the other" last
 * administrator, and each change sees the state the previous one left.
 */
const STAFF_CHANGES_LOCK = 727_114_002;

export async function lockStaffChanges(tx: Db) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STAFF_CHANGES_LOCK})`;
}

export async function findStaffMemberForChange(tx: Db, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, include: { role: true, team: true } });
  if (!user) throw notFound("That staff member");
  return user;
}

/** Administrators cannot lock themselves out: another administrator has to do it. */
export function refuseSelf(actor: StaffUser, userId: string, what: string) {
  if (actor.id === userId) throw conflict(`You cannot ${what} yourself. Ask another administrator to do it.`);
}

/** Comeback always keeps at least one active administrator. */
export async function assertAnotherActiveAdmin(
  tx: Db,
  user: { id: string; name: string; roleId: string; status: string },
) {
  if (user.roleId !== "admin" || user.status !== "active") return;
  const others = await tx.user.count({ where: { roleId: "admin", status: "active", id: { not: user.id } } });
  if (others === 0) {
    throw conflict(
      `${user.name} is the last active administrator. Make someone else an administrator first, so Comeback is never left without one.`,
    );
  }
}

export async function assertTeamExists(tx: Db, teamId: string) {
  const team = await tx.team.findUnique({ where: { id: teamId } });
  if (!team) {
    const message = "That team does not exist any more. Choose another one.";
    throw new AppError("validation", message, { fieldErrors: { teamId: [message] } });
  }
  return team;
}
