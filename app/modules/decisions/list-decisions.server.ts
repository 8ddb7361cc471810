import { db } from "~/platform/db.server";

/** Every workforce decision with how many alumni left under it (read:decision). */
export async function listDecisions() {
  const rows = await db.workforceDecision.findMany({
    orderBy: [{ effectiveOn: { sort: "desc", nulls: "last" } }, { title: "asc" }],
    include: { _count: { select: { alumni: true, phases: true } } },
  });
  return rows.map((d) => ({
    id: d.id,
    title: d.title,
    kind: d.kind,
    function: d.function,
    status: d.status,
    announcedOn: d.announcedOn?.toISOString().slice(0, 10) ?? null,
    effectiveOn: d.effectiveOn?.toISOString().slice(0, 10) ?? null,
    rolesAffected: d.rolesAffected,
    alumni: d._count.alumni,
    phases: d._count.phases,
  }));
}
