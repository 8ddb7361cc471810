import { actionLabel } from "~/modules/audit/audit-words";
import { db } from "~/platform/db.server";
import type { RoleId } from "~/platform/permissions";

/** One staff member's page: their account, sessions and the latest audit events about them. */
export async function getStaffMember(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      roleId: true,
      status: true,
      lastSignInAt: true,
      createdAt: true,
      passwordChangedAt: true,
      role: { select: { label: true } },
      team: { select: { id: true, name: true } },
    },
  });
  if (!user) return null;
  const now = new Date();
  const [roles, teams, activeSessions, invitation, events] = await Promise.all([
    db.role.findMany({ orderBy: { id: "asc" }, select: { id: true, label: true } }),
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.session.count({ where: { userId, revokedAt: null, expiresAt: { gt: now } } }),
    db.authToken.findFirst({
      where: { userId, purpose: "staff_invite", usedAt: null, voidedAt: null },
      orderBy: { createdAt: "desc" },
      select: { expiresAt: true, createdAt: true },
    }),
    db.auditEvent.findMany({
      where: { entityType: "user", entityId: userId },
      orderBy: { id: "desc" },
      take: 10,
      select: { id: true, occurredAt: true, action: true, actorName: true, reason: true },
    }),
  ]);
  return {
    user: {
      ...user,
      roleId: user.roleId as RoleId,
      lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
      passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
    },
    roles,
    teams,
    activeSessions,
    invitation: invitation
      ? {
          expiresAt: invitation.expiresAt.toISOString(),
          sentAt: invitation.createdAt.toISOString(),
          expired: invitation.expiresAt <= now,
        }
      : null,
    events: events.map((e) => ({
      ...e,
      id: e.id.toString(),
      occurredAt: e.occurredAt.toISOString(),
      /** What happened, in words ("Role changed"), not the audit code. */
      what: actionLabel(e.action),
    })),
  };
}
