import { db } from "~/platform/db.server";
import type { RoleId } from "~/platform/permissions";

/**
 * The staff administration list, and what the invite form offers. Only callers holding
 * manage:staff reach this (the route checks); staff lists are small, so no paging.
 */
export async function listStaff() {
  const [users, roles, teams, pending] = await Promise.all([
    db.user.findMany({
      orderBy: [{ status: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        email: true,
        roleId: true,
        status: true,
        lastSignInAt: true,
        createdAt: true,
        role: { select: { label: true } },
        team: { select: { id: true, name: true } },
      },
    }),
    db.role.findMany({ orderBy: { id: "asc" }, select: { id: true, label: true, description: true } }),
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.authToken.findMany({
      where: { purpose: "staff_invite", usedAt: null, voidedAt: null },
      select: { userId: true, expiresAt: true },
    }),
  ]);
  const invitationExpiry = new Map(pending.map((t) => [t.userId, t.expiresAt]));
  return {
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      roleId: u.roleId as RoleId,
      roleLabel: u.role.label,
      team: u.team,
      status: u.status,
      lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
      invitationExpiresAt:
        u.status === "invited" ? (invitationExpiry.get(u.id)?.toISOString() ?? null) : null,
    })),
    roles,
    teams,
  };
}
