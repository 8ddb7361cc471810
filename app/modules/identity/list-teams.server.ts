import { db } from "~/platform/db.server";

/** Teams with their managers, and the managers one could assign. */
export async function listTeams() {
  const [teams, managers] = await Promise.all([
    db.team.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        createdAt: true,
        members: { orderBy: { name: "asc" }, select: { id: true, name: true, status: true, roleId: true } },
      },
    }),
    db.user.findMany({
      where: { roleId: "manager", status: { not: "deactivated" } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, team: { select: { name: true } } },
    }),
  ]);
  return {
    teams: teams.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() })),
    managers: managers.map((m) => ({ id: m.id, name: m.name, teamName: m.team?.name ?? null })),
  };
}
