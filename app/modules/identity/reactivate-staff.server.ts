import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { conflict } from "~/platform/errors";
import { findStaffMemberForChange, lockStaffChanges } from "./staff-guards.server";

/**
 * Reactivates a deactivated account. Someone who never accepted their invitation goes back to
 * "invited" (send them a new invitation); everyone else can sign in again with their password.
 */
export async function reactivateStaff(input: { actor: StaffUser; userId: string; reason?: string }) {
  return db.$transaction(async (tx) => {
    await lockStaffChanges(tx);
    const user = await findStaffMemberForChange(tx, input.userId);
    if (user.status !== "deactivated") throw conflict(`${user.name}'s account is not deactivated.`);
    const status = user.passwordHash ? "active" : "invited";
    await tx.user.update({ where: { id: user.id }, data: { status, failedSignIns: 0, lockedUntil: null } });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "staff.reactivated",
      entityType: "user",
      entityId: user.id,
      before: { status: user.status },
      after: { status },
      reason: input.reason,
    });
    return { status };
  });
}
