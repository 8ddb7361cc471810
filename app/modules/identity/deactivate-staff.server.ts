import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { conflict } from "~/platform/errors";
import { revokeSessionsOfUser } from "~/platform/session.server";
import { voidTokensOfUser } from "./auth-tokens.server";
import {
  assertAnotherActiveAdmin,
  findStaffMemberForChange,
  lockStaffChanges,
  refuseSelf,
} from "./staff-guards.server";

/**
 * Deactivates a staff account: every session ends at once and unused invitation or reset links
 * stop working. (A session that somehow survives is still refused: the viewer must be active.)
 */
export async function deactivateStaff(input: { actor: StaffUser; userId: string; reason?: string }) {
  refuseSelf(input.actor, input.userId, "deactivate");
  return db.$transaction(async (tx) => {
    await lockStaffChanges(tx);
    const user = await findStaffMemberForChange(tx, input.userId);
    if (user.status === "deactivated") throw conflict(`${user.name}'s account is already deactivated.`);
    await assertAnotherActiveAdmin(tx, user);
    await tx.user.update({ where: { id: user.id }, data: { status: "deactivated" } });
    const sessionsEnded = await revokeSessionsOfUser(user.id, "account deactivated", tx);
    const linksVoided = await voidTokensOfUser(tx, user.id);
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "staff.deactivated",
      entityType: "user",
      entityId: user.id,
      before: { status: user.status },
      after: { status: "deactivated", sessionsEnded, linksVoided },
      reason: input.reason,
    });
    return { sessionsEnded };
  });
}
