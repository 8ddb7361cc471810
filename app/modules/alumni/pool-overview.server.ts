import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";

export type PoolOverview = {
  alumni: { total: number; consentReturn: number; regrettable: number; doNotContact: number } | null;
  decisions:
    | {
        id: string;
        title: string;
        kind: string;
        status: string;
        alumni: number;
        rolesAffected: number | null;
      }[]
    | null;
};

/** The staff start page: what the viewer may see of the pool and the decisions behind it. */
export async function getPoolOverview({ actor }: { actor: StaffUser }): Promise<PoolOverview> {
  const canReadAlumni = actor.permissions.includes("read:alumnus:any");
  const canReadDecisions = actor.permissions.includes("read:decision");
  const [alumni, decisions] = await Promise.all([
    canReadAlumni
      ? Promise.all([
          db.alumnus.count(),
          db.alumnus.count({ where: { consentReturn: "granted", doNotContact: false } }),
          db.alumnus.count({ where: { regrettable: true } }),
          db.alumnus.count({ where: { doNotContact: true } }),
        ]).then(([total, consentReturn, regrettable, doNotContact]) => ({
          total,
          consentReturn,
          regrettable,
          doNotContact,
        }))
      : null,
    canReadDecisions
      ? db.workforceDecision
          .findMany({ orderBy: { effectiveOn: "desc" }, include: { _count: { select: { alumni: true } } } })
          .then((rows) =>
            rows.map((d) => ({
              id: d.id,
              title: d.title,
              kind: d.kind,
              status: d.status,
              alumni: d._count.alumni,
              rolesAffected: d.rolesAffected,
            })),
          )
      : null,
  ]);
  return { alumni, decisions };
}
