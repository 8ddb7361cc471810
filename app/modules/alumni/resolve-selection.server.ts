import type { Prisma } from "~/generated/prisma/client";
import type { StaffUser } from "~/platform/auth.server";
import type { Db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { parseAlumniFilter, type AlumniFilter } from "./alumni-filter";
import type { Selection } from "./alumni-schemas";
import { alumniVisibleTo } from "./alumni-scope.server";
import { scopedAlumniWhere } from "./list-alumni.server";

/** A bulk change touches at most this many people at once (one transaction, one audit event). */
export const BULK_LIMIT = 10_000;

/** The filter a bulk form carried (the canonical query of the view it was posted from). */
export function selectionFilter(selection: Pick<Selection, "view">): AlumniFilter {
  return parseAlumniFilter(new URLSearchParams(selection.view ?? ""));
}

/** "The ticked people" or "everyone in this view", as this actor may see them. */
export function selectionWhere(actor: StaffUser, selection: Selection): Prisma.AlumnusWhereInput {
  if (selection.scope === "view") return scopedAlumniWhere(actor, selectionFilter(selection));
  return { AND: [alumniVisibleTo(actor), { id: { in: [...new Set(selection.alumnusId)] } }] };
}

/** The ids of the selected people, refused clearly when none or too many. */
export async function selectedAlumnusIds(tx: Db, actor: StaffUser, selection: Selection): Promise<string[]> {
  const rows = await tx.alumnus.findMany({
    where: selectionWhere(actor, selection),
    select: { id: true },
    orderBy: { id: "asc" },
    take: BULK_LIMIT + 1,
  });
  if (rows.length === 0) {
    throw new AppError(
      "validation",
      selection.scope === "view"
        ? "Nobody is in this view, so nothing was changed."
        : "None of the ticked people could be found. Reload the page and try again.",
    );
  }
  if (rows.length > BULK_LIMIT) {
    throw new AppError(
      "validation",
      `This view has more than ${BULK_LIMIT.toLocaleString("en")} people. Narrow it with a filter and try again; nothing was changed.`,
    );
  }
  return rows.map((r) => r.id);
}
