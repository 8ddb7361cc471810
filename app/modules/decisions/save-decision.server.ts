import { actorOf, type StaffUser } from "~/platform/auth.server";
import { changedFields, recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, conflict, notFound } from "~/platform/errors";
import type { DecisionInput } from "./decision-schemas";

const toDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

export const STALE_DECISION_MESSAGE =
  "Someone else saved this decision after you opened it, so your changes were not saved. They are still in the form: check them against the decision as it is now, then save again.";

function fields(input: DecisionInput) {
  return {
    title: input.title,
    kind: input.kind,
    function: input.function,
    rationale: input.rationale,
    announcedOn: input.announcedOn,
    effectiveOn: input.effectiveOn,
    rolesAffected: input.rolesAffected,
    status: input.status,
    phases: input.phases.map((p, i) => ({
      position: i + 1,
      name: p.name,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      targetHeadcount: p.targetHeadcount ?? 0,
      notes: p.notes,
    })),
  };
}

/**
 * Creates a workforce decision, or updates one (optimistic concurrency on its version; phases
 * are replaced as a whole). manage:decision; audited as decision.created / decision.updated.
 */
export async function saveDecision({
  actor,
  decisionId,
  input,
}: {
  actor: StaffUser;
  decisionId?: string;
  input: DecisionInput;
}) {
  const next = fields(input);
  const columns = {
    title: next.title,
    kind: next.kind,
    function: next.function,
    rationale: next.rationale,
    announcedOn: toDate(next.announcedOn),
    effectiveOn: toDate(next.effectiveOn),
    rolesAffected: next.rolesAffected,
    status: next.status,
  };
  const phaseRows = next.phases.map((p) => ({
    position: p.position,
    name: p.name,
    startsOn: toDate(p.startsOn) as Date,
    endsOn: toDate(p.endsOn),
    targetHeadcount: p.targetHeadcount ?? 0,
    notes: p.notes,
  }));
  try {
    return await db.$transaction(async (tx) => {
      if (!decisionId) {
        const created = await tx.workforceDecision.create({
          data: { ...columns, phases: { create: phaseRows } },
        });
        await recordAudit(tx, {
          actor: actorOf(actor),
          action: "decision.created",
          entityType: "decision",
          entityId: created.id,
          after: next,
        });
        return { id: created.id, changed: true };
      }
      const current = await tx.workforceDecision.findUnique({
        where: { id: decisionId },
        include: { phases: { orderBy: { position: "asc" } } },
      });
      if (!current) throw notFound("That workforce decision");
      if (current.version !== input.version) throw conflict(STALE_DECISION_MESSAGE);
      const before = {
        title: current.title,
        kind: current.kind,
        function: current.function,
        rationale: current.rationale,
        announcedOn: day(current.announcedOn),
        effectiveOn: day(current.effectiveOn),
        rolesAffected: current.rolesAffected,
        status: current.status,
        phases: current.phases.map((p) => ({
          position: p.position,
          name: p.name,
          startsOn: day(p.startsOn),
          endsOn: day(p.endsOn),
          targetHeadcount: p.targetHeadcount,
          notes: p.notes,
        })),
      };
      const diff = changedFields(before, next);
      if (!diff.changed) return { id: current.id, changed: false };
      const updated = await tx.workforceDecision.updateMany({
        where: { id: current.id, version: input.version },
        data: { ...columns, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw conflict(STALE_DECISION_MESSAGE);
      if (diff.after.phases !== undefined) {
        // Phases keep their ids by position, so return programs tied to a phase stay tied to it.
        const removed = current.phases.filter((p) => p.position > phaseRows.length);
        if (removed.length) {
          const tied = await tx.returnProgram.findFirst({
            where: { phaseId: { in: removed.map((p) => p.id) } },
            select: { title: true, phase: { select: { name: true } } },
          });
          if (tied) {
            throw new AppError(
              "conflict",
              `The phase “${tied.phase.name}” has a return program (“${tied.title}”), so it cannot be removed. Move the program to another phase first, or keep the phase.`,
            );
          }
          await tx.decisionPhase.deleteMany({ where: { id: { in: removed.map((p) => p.id) } } });
        }
        for (const row of phaseRows) {
          const existing = current.phases.find((p) => p.position === row.position);
          if (existing) await tx.decisionPhase.update({ where: { id: existing.id }, data: row });
          else await tx.decisionPhase.create({ data: { ...row, decisionId: current.id } });
        }
      }
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: "decision.updated",
        entityType: "decision",
        entityId: current.id,
        before: { ...diff.before, version: current.version },
        after: { ...diff.after, version: current.version + 1 },
      });
      return { id: current.id, changed: true };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("conflict", "Another decision already has this title. Choose a different title.", {
        fieldErrors: { title: ["Another decision already has this title."] },
      });
    }
    throw error;
  }
}
