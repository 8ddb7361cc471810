import type { Alumnus } from "~/generated/prisma/client";
import { EDITABLE_FIELDS, type EditableField } from "./alumni-schemas";

/** A calendar date (db.Date column) as YYYY-MM-DD, or null. */
export const dayOf = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
export const dayToDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

const DATE_FIELDS = new Set<EditableField>(["hireDate", "exitDate", "earliestStart"]);

/** The editable fields of a record in the shape the edit form submits (dates as YYYY-MM-DD). */
export function editableValues(a: Alumnus): Record<EditableField, unknown> {
  const out = {} as Record<EditableField, unknown>;
  for (const field of EDITABLE_FIELDS) {
    const value = a[field];
    out[field] = DATE_FIELDS.has(field) ? dayOf(value as Date | null) : value;
  }
  return out;
}

/** Form values -> Prisma data for the changed fields. */
export function toColumnValues(values: Partial<Record<EditableField, unknown>>) {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    out[field] = DATE_FIELDS.has(field as EditableField) ? dayToDate(value as string | null) : value;
  }
  return out;
}

/** What Alumnus.manualEdits holds: the fields HR changed by hand, when and by whom. */
export type ManualEdits = Record<string, { at: string; by: string }>;

export function readManualEdits(value: unknown): ManualEdits {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: ManualEdits = {};
  for (const [field, entry] of Object.entries(value as Record<string, unknown>)) {
    if (entry && typeof entry === "object" && "at" in entry && "by" in entry) {
      const e = entry as { at: unknown; by: unknown };
      if (typeof e.at === "string" && typeof e.by === "string") out[field] = { at: e.at, by: e.by };
    }
  }
  return out;
}
