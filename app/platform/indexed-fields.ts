/**
 * Repeated groups of fields in a form that works without JavaScript (ADR 085): `tasks.0.title`,
 * `tasks.0.owner`, `tasks.1.title` (or `tasks[0].title`) become
 * `{ tasks: [{ title, owner }, { title }] }`. react-hook-form names its field-array inputs the
 * same way, and zod names an issue by the same path (`tasks.1.title`), so a message lands next to
 * the input it is about whichever side found it. Pure: the server parses posts with it and a page
 * rebuilds its rows from the values a failed post echoed.
 */

const INDEXED = /^([A-Za-z][A-Za-z0-9_]{0,39})(?:\.(\d{1,3})|\[(\d{1,3})\])\.([A-Za-z][A-Za-z0-9_]{0,39})$/;

/** Rows past this index are dropped (no form of ours repeats a group a hundred times). */
export const MAX_INDEXED_ROWS = 100;

/**
 * Flat form values -> nested rows. Rows come in index order with gaps closed, so a hostile
 * `tasks.99.title` makes one row, never a hundred; other keys pass through unchanged.
 */
export function nestIndexedFields(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const groups = new Map<string, Map<number, Record<string, unknown>>>();
  for (const [key, value] of Object.entries(flat)) {
    const match = INDEXED.exec(key);
    if (!match) {
      out[key] = value;
      continue;
    }
    const [, group, dotted, bracketed, field] = match;
    const index = Number(dotted ?? bracketed);
    if (index >= MAX_INDEXED_ROWS) continue;
    let rows = groups.get(group);
    if (!rows) groups.set(group, (rows = new Map()));
    let row = rows.get(index);
    if (!row) rows.set(index, (row = {}));
    if (!Object.hasOwn(row, field)) row[field] = value;
  }
  for (const [group, rows] of groups) {
    out[group] = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  }
  return out;
}
