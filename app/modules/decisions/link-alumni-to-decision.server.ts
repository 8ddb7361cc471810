import { selectedAlumnusIds, selectionFilter } from "~/modules/alumni/resolve-selection.server";
import type { Selection } from "~/modules/alumni/alumni-schemas";
import { alumniFilterToSearchParams } from "~/modules/alumni/alumni-filter";
import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";

/**
 * Links the selected alumni to the workforce decision they left under (manage:decision). People
 * already linked to it are left alone; people linked to another decision move, and the audit
 * event keeps which decision each came from.
 */
export async function linkAlumniToDecision({
  actor,
  selection,
  decisionId,
}: {
  actor: StaffUser;
  selection: Selection;
  decisionId: string;
}): Promise<{ changed: number; selected: number; decision: { id: string; title: string } }> {
  return db.$transaction(async (tx) => {
    const decision = await tx.workforceDecision.findUnique({
      where: { id: decisionId },
      select: { id: true, title: true },
    });
    if (!decision)
      throw new AppError("validation", "That workforce decision no longer exists. Choose another one.", {
        fieldErrors: { decisionId: ["Choose a workforce decision from the list."] },
      });
    const ids = await selectedAlumnusIds(tx, actor, selection);
    const moving = await tx.alumnus.findMany({
      where: { id: { in: ids }, OR: [{ decisionId: null }, { decisionId: { not: decision.id } }] },
      select: { id: true, decisionId: true },
      orderBy: { id: "asc" },
    });
    if (moving.length === 0) return { changed: 0, selected: ids.length, decision };
    await tx.$executeRaw`
      UPDATE "Alumnus" SET "decisionId" = ${decision.id}, "version" = "version" + 1, "updatedAt" = now()
      WHERE "id" = ANY(${moving.map((m) => m.id)}::text[])`;
    const previous: Record<string, string[]> = {};
    for (const m of moving) if (m.decisionId) (previous[m.decisionId] ??= []).push(m.id);
    const alumnusIds = moving.map((m) => m.id);
    const single = alumnusIds.length === 1 && selection.scope === "selected" && ids.length === 1;
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "alumnus.linked_to_decision",
      entityType: single ? "alumnus" : "alumni",
      entityId: single ? alumnusIds[0] : null,
      before: Object.keys(previous).length ? { previousDecisions: previous } : null,
      after: {
        decisionId: decision.id,
        decisionTitle: decision.title,
        count: alumnusIds.length,
        alumnusIds,
        ...(selection.scope === "view"
          ? { view: alumniFilterToSearchParams(selectionFilter(selection)).toString() }
          : {}),
      },
    });
    return { changed: alumnusIds.length, selected: ids.length, decision };
  });
}
