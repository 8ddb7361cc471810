import { recomputeEligibilityFor } from "~/modules/eligibility/recompute.server";
import type { Prisma } from "~/generated/prisma/client";
import { actorOf, type StaffUser } from "~/platform/auth.server";
import { changedFields, recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, conflict, notFound } from "~/platform/errors";
import { EDITABLE_FIELDS, type EditAlumnusInput, type EditableField } from "./alumni-schemas";
import { alumniVisibleTo } from "./alumni-scope.server";
import { editableValues, readManualEdits, toColumnValues } from "./alumnus-record.server";
import { alumnusSearchText } from "./search-text";

export const STALE_EDIT_MESSAGE =
  "Someone else saved changes to this record after you opened it, so yours were not saved. Your edits are still in the form: compare them with the record as it is now, then save again.";

/**
 * HR edits a record's core fields by hand (edit:alumnus:any). Optimistic concurrency: the form
 * carries the version it was opened at, and a stale form is refused (409) with the edits kept.
 * Each changed field is recorded in Alumnus.manualEdits ({ field: { at, by } }) so a later import
 * reports a conflict instead of overwriting it; searchText follows the new values.
 */
export async function updateAlumnus({
  actor,
  alumnusId,
  input,
}: {
  actor: StaffUser;
  alumnusId: string;
  input: EditAlumnusInput;
}): Promise<{ changed: EditableField[]; version: number }> {
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.alumnus.findFirst({
        where: { AND: [alumniVisibleTo(actor), { id: alumnusId }] },
      });
      if (!current) throw notFound("That alumnus");
      if (current.version !== input.version) throw conflict(STALE_EDIT_MESSAGE);
      const submitted: Partial<Record<EditableField, unknown>> = {};
      for (const field of EDITABLE_FIELDS) submitted[field] = input[field];
      const diff = changedFields(editableValues(current), submitted);
      if (!diff.changed) return { changed: [], version: current.version };
      const changed = Object.keys(diff.after) as EditableField[];
      const at = new Date().toISOString();
      const manualEdits = readManualEdits(current.manualEdits);
      for (const field of changed) manualEdits[field] = { at, by: actor.id };
      const data = toColumnValues(diff.after) as Prisma.AlumnusUpdateManyMutationInput;
      const merged = { ...current, ...data } as typeof current;
      // The version check and the write are one statement: two saves of one version, one wins.
      const updated = await tx.alumnus.updateMany({
        where: { id: current.id, version: input.version },
        data: { ...data, manualEdits, searchText: alumnusSearchText(merged), version: { increment: 1 } },
      });
      if (updated.count !== 1) throw conflict(STALE_EDIT_MESSAGE);
      // exit data and flags feed the rehire verdict: re-evaluate this person in the same transaction
      await recomputeEligibilityFor(tx, [current.id]);
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: "alumnus.updated",
        entityType: "alumnus",
        entityId: current.id,
        before: { ...diff.before, version: current.version },
        after: { ...diff.after, version: current.version + 1 },
      });
      return { changed, version: current.version + 1 };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("conflict", "Another alumnus already has this email address. Nothing was saved.", {
        fieldErrors: { workEmail: ["Another alumnus already has this work email."] },
      });
    }
    throw error;
  }
}
