import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import type { Selection } from "./alumni-schemas";
import { selectedAlumnusIds, selectionFilter } from "./resolve-selection.server";
import { alumniFilterToSearchParams } from "./alumni-filter";

/**
 * Adds or removes one tag on the selected alumni (the ticked rows, everyone in a view, or one
 * profile). People who already have (or lack) the tag are left alone. One audit event names
 * everyone changed, so each person's timeline shows it.
 */
export async function tagAlumni({
  actor,
  selection,
  tag,
  mode = "add",
}: {
  actor: StaffUser;
  selection: Selection;
  tag: string;
  mode?: "add" | "remove";
}): Promise<{ changed: number; selected: number }> {
  return db.$transaction(async (tx) => {
    const ids = await selectedAlumnusIds(tx, actor, selection);
    const changed =
      mode === "add"
        ? await tx.$queryRaw<{ id: string }[]>`
            UPDATE "Alumnus" SET "tags" = array_append("tags", ${tag}), "version" = "version" + 1, "updatedAt" = now()
            WHERE "id" = ANY(${ids}::text[]) AND NOT (${tag} = ANY("tags")) RETURNING "id"`
        : await tx.$queryRaw<{ id: string }[]>`
            UPDATE "Alumnus" SET "tags" = array_remove("tags", ${tag}), "version" = "version" + 1, "updatedAt" = now()
            WHERE "id" = ANY(${ids}::text[]) AND ${tag} = ANY("tags") RETURNING "id"`;
    if (changed.length > 0) {
      const alumnusIds = changed.map((r) => r.id).sort();
      const single = alumnusIds.length === 1 && selection.scope === "selected" && ids.length === 1;
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: "alumnus.tagged",
        entityType: single ? "alumnus" : "alumni",
        entityId: single ? alumnusIds[0] : null,
        after: {
          tag,
          mode,
          count: alumnusIds.length,
          alumnusIds,
          ...(selection.scope === "view"
            ? { view: alumniFilterToSearchParams(selectionFilter(selection)).toString() }
            : {}),
        },
      });
    }
    return { changed: changed.length, selected: ids.length };
  });
}
