import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/** One decision, its phases and a summary of the alumni who left under it. */
export async function getDecision({
  decisionId,
  includeAlumni,
}: {
  decisionId: string;
  includeAlumni: boolean;
}) {
  const d = await db.workforceDecision.findUnique({
    where: { id: decisionId },
    include: { phases: { orderBy: { position: "asc" } } },
  });
  if (!d) throw notFound("That workforce decision");
  const alumni = includeAlumni
    ? await Promise.all([
        db.alumnus.count({ where: { decisionId: d.id } }),
        db.alumnus.count({ where: { decisionId: d.id, consentReturn: "granted" } }),
        db.alumnus.findMany({
          where: { decisionId: d.id },
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
          take: 10,
          select: { id: true, firstName: true, lastName: true, preferredName: true, jobTitle: true },
        }),
      ]).then(([total, consenting, sample]) => ({ total, consenting, sample }))
    : null;
  return {
    decision: {
      id: d.id,
      title: d.title,
      kind: d.kind,
      function: d.function,
      rationale: d.rationale,
      announcedOn: day(d.announcedOn),
      effectiveOn: day(d.effectiveOn),
      rolesAffected: d.rolesAffected,
      status: d.status,
      version: d.version,
      updatedAt: d.updatedAt.toISOString(),
      phases: d.phases.map((p) => ({
        id: p.id,
        position: p.position,
        name: p.name,
        startsOn: day(p.startsOn),
        endsOn: day(p.endsOn),
        targetHeadcount: p.targetHeadcount,
        notes: p.notes,
      })),
    },
    alumni,
  };
}
