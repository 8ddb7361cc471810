import { suppressImportRows } from "~/modules/privacy/suppression.server";
import { Prisma, type Db } from "~/platform/db.server";

/**
 * Set-based SQL over the staged rows of one import (ADR 013). The SQL text is built from the
 * constant field list below only; the import id is always a bound parameter.
 */

/** Alumnus columns an import writes, with the staged column of the same name. */
export const APPLIED_FIELDS = [
  "hrId",
  "workEmail",
  "personalEmail",
  "firstName",
  "lastName",
  "preferredName",
  "jobTitle",
  "department",
  "location",
  "hireDate",
  "exitDate",
  "exitReason",
  "exitReasonRaw",
  "regrettable",
  "hrRehireFlag",
  "managerName",
  "decisionId",
] as const;
export type AppliedField = (typeof APPLIED_FIELDS)[number];

const q = (name: string) => `"${name}"`;

const manual = (f: string) => `jsonb_exists(a."manualEdits", '${f}')`;
const differs = (f: string) =>
  `(NOT ${manual(f)} AND r.${q(f)} IS NOT NULL AND r.${q(f)} IS DISTINCT FROM a.${q(f)})`;
/**
 * The preferred-name rule (ADR 063): when the import changes a person's legal first or last name
 * and the row gives no preferred name, a preferred name that came from an import (the person was
 * created by one, and HR never edited the field) is cleared rather than left beside the new name.
 * One HR typed, or one the row gives, is kept as usual.
 */
const legalNameChanges = `(${differs("firstName")} OR ${differs("lastName")})`;
const preferredNameFromImport = `(a."source" = 'import' AND NOT ${manual("preferredName")})`;

/**
 * A field HR changed by hand keeps its value; otherwise an empty cell keeps what we have, except
 * for the preferred-name rule.
 */
const merged = (f: string) =>
  f === "preferredName"
    ? `CASE WHEN ${manual(f)} THEN a.${q(f)} WHEN r.${q(f)} IS NOT NULL THEN r.${q(f)}
        WHEN ${legalNameChanges} AND ${preferredNameFromImport} THEN NULL ELSE a.${q(f)} END`
    : `CASE WHEN ${manual(f)} THEN a.${q(f)} ELSE COALESCE(r.${q(f)}, a.${q(f)}) END`;
/** For the dry run: { old, new } of a field the update overwrites (a cleared value is a JSON null). */
const change = (f: string) =>
  `CASE WHEN (${merged(f)}) IS DISTINCT FROM a.${q(f)} THEN jsonb_build_object('${f}', jsonb_build_object('old', a.${q(f)}, 'new', ${merged(f)})) ELSE '{}'::jsonb END`;
const conflict = (f: string) =>
  `'${f}', CASE WHEN jsonb_exists(a."manualEdits", '${f}') AND r.${q(f)} IS NOT NULL AND r.${q(f)} IS DISTINCT FROM a.${q(f)} THEN jsonb_build_object('current', a.${q(f)}, 'incoming', r.${q(f)}) END`;

/** A range of row numbers of one import: long work runs one range at a time (ADR 073). */
export type RowRange = { from: number; to: number };
/**
 * Rows per step of matching: each statement over 500 rows takes 50-150 ms on the embedded
 * database on a quiet machine (2,000-row steps took 0.5-2 s on a loaded one, and every request
 * waited behind them).
 */
export const STEP_ROWS = 500;
/**
 * Rows per step of writing (and of taking back): a step's transaction holds the embedded
 * database from its first statement to its commit, and inserting people costs most (their search
 * index), so these steps are smaller: 250 rows take about 100-300 ms.
 */
export const WRITE_ROWS = 250;

/** The import's row numbers in ranges of `size` rows (empty when nothing is staged). */
export async function rowRanges(q: Db, importId: string, size = STEP_ROWS): Promise<RowRange[]> {
  const [span] = await q.$queryRaw<{ min: number | null; max: number | null }[]>`
    SELECT min("rowNumber") AS min, max("rowNumber") AS max FROM "ImportRow" WHERE "importId" = ${importId}`;
  const ranges: RowRange[] = [];
  if (span?.min == null || span.max == null) return ranges;
  for (let from = span.min; from <= span.max; from += size)
    ranges.push({ from, to: Math.min(span.max, from + size - 1) });
  return ranges;
}

/**
 * Runs one statement; every $IMPORT in it is the import id, bound as a parameter, and $ROWS limits
 * it to a range of rows of the staged row `r` (nothing when no range is given).
 */
async function exec(tx: Db, sql: string, importId: string, rows?: RowRange) {
  const parts = sql.split(/\$(?:IMPORT|ROWS)/);
  const values = [...sql.matchAll(/\$(IMPORT|ROWS)/g)].map((m) =>
    m[1] === "IMPORT"
      ? importId
      : rows
        ? Prisma.sql`AND r."rowNumber" BETWEEN ${rows.from} AND ${rows.to}`
        : Prisma.empty,
  );
  return tx.$executeRaw(Prisma.sql(parts, ...values));
}

const rejectWith = (message: string, field: string, value: string) =>
  `jsonb_build_array(jsonb_build_object('field', '${field}', 'message', ${message}, 'value', ${value}))`;

/**
 * Decides for every valid staged row whether it creates a person, updates one, or changes
 * nothing; skips people on the suppression list (erased at their request); rejects rows whose work email belongs to someone else or that match a person another
 * row already matched; records conflicts with hand-edited fields. Re-run at commit time, so the
 * outcome reflects the pool as it is then.
 *
 * Given the database client, every statement is its own short transaction and the statements that
 * read the pool run over ranges of rows, so other requests are answered in between (on the
 * embedded database one long transaction holds every other request, ADR 073). Given a
 * transaction, all of it runs inside it. Either way it can be run again from the start.
 */
export async function classifyImportRows(
  tx: Db,
  importId: string,
  columns: { hrId: string; workEmail: string } = { hrId: "Employee ID", workEmail: "Work email" },
  options: { rows?: number; progress?: (done: number, total: number) => Promise<void> } = {},
) {
  // The staged rows were just written: without fresh statistics the planner takes a 100,000-row
  // import for a handful of rows and joins the file's groups row by row (minutes). ANALYZE samples
  // a fixed number of rows, so this costs the same for any size.
  await tx.$executeRaw`ANALYZE "ImportRow"`;
  const ranges = await rowRanges(tx, importId, options.rows);
  const total = ranges.length * 2;
  let done = 0;
  const step = async () => {
    done += 1;
    await options.progress?.(done, total);
  };
  // People whose data was erased at their request are skipped first, before any matching (ADR 040).
  for (const rows of ranges) await suppressImportRows(tx, importId, rows);
  // The same person twice in one file: the first row wins, later ones are rejected (set-based, so
  // the check keeps no per-file list of ids in memory). Column names are bound as parameters. A
  // rejected row keeps its employee ID as read from the file, so a repeat is reported even when
  // the first row was refused for another reason (then neither row is imported). These two read
  // only the staged rows, grouped over the whole file.
  await tx.$executeRaw`
    UPDATE "ImportRow" r SET "outcome" = 'rejected', "errors" = jsonb_build_array(jsonb_build_object('field', 'hrId', 'column', ${columns.hrId}::text,
      'message', 'Employee ID ' || r."hrId" || ' is also on row ' || d."first" || CASE WHEN d."firstRejected"
        THEN ', which was rejected; an employee ID can be in a file only once. Fix row ' || d."first" || ' or remove one of the two rows, and import again.'
        ELSE '; only row ' || d."first" || ' is imported.' END, 'value', r."hrId"))
    FROM (SELECT "hrId", min("rowNumber") AS "first", (array_agg("outcome" ORDER BY "rowNumber"))[1] = 'rejected' AS "firstRejected"
          FROM "ImportRow" WHERE "importId" = ${importId} AND "outcome" IN ('pending', 'rejected') AND "hrId" IS NOT NULL
          GROUP BY "hrId" HAVING count(*) > 1) d
    WHERE r."importId" = ${importId} AND r."outcome" = 'pending' AND r."hrId" = d."hrId" AND r."rowNumber" > d."first"`;
  await tx.$executeRaw`
    UPDATE "ImportRow" r SET "outcome" = 'rejected', "errors" = jsonb_build_array(jsonb_build_object('field', 'workEmail', 'column', ${columns.workEmail}::text,
      'message', 'This work email is also on row ' || d."first" || '; only row ' || d."first" || ' is imported.', 'value', r."workEmail"))
    FROM (SELECT "workEmail", min("rowNumber") AS "first" FROM "ImportRow" WHERE "importId" = ${importId} AND "outcome" = 'pending' AND "workEmail" IS NOT NULL
          GROUP BY "workEmail" HAVING count(*) > 1) d
    WHERE r."importId" = ${importId} AND r."outcome" = 'pending' AND r."workEmail" = d."workEmail" AND r."rowNumber" > d."first"`;
  for (const rows of ranges) {
    // Back to pending: rows that matched someone (the pool may have changed since), and rows that
    // would create a person whose employee ID or work email has since appeared in the pool. A row
    // that still matches no one stays a create (rewriting 100,000 rows twice cost seconds).
    await exec(
      tx,
      `UPDATE "ImportRow" r SET "outcome" = 'pending', "alumnusId" = NULL, "conflicts" = NULL, "changes" = NULL
       WHERE r."importId" = $IMPORT $ROWS AND (r."outcome" IN ('update', 'unchanged') OR (r."outcome" = 'create' AND (
         EXISTS (SELECT 1 FROM "Alumnus" a WHERE a."hrId" = r."hrId") OR EXISTS (SELECT 1 FROM "Alumnus" a WHERE a."workEmail" = r."workEmail"))))`,
      importId,
      rows,
    );
    await exec(
      tx,
      `UPDATE "ImportRow" r SET "alumnusId" = a."id" FROM "Alumnus" a
       WHERE r."importId" = $IMPORT $ROWS AND r."outcome" = 'pending' AND r."hrId" IS NOT NULL AND a."hrId" = r."hrId"`,
      importId,
      rows,
    );
    await exec(
      tx,
      `UPDATE "ImportRow" r SET "alumnusId" = a."id" FROM "Alumnus" a
       WHERE r."importId" = $IMPORT $ROWS AND r."outcome" = 'pending' AND r."alumnusId" IS NULL AND r."workEmail" IS NOT NULL
         AND a."workEmail" = r."workEmail" AND (a."hrId" IS NULL OR r."hrId" IS NULL)`,
      importId,
      rows,
    );
    await exec(
      tx,
      `UPDATE "ImportRow" r SET "outcome" = 'rejected', "alumnusId" = NULL, "errors" = ${rejectWith(
        `'This work email already belongs to another person in the alumni pool' || COALESCE(' (employee ID ' || a."hrId" || ')', '') || '.'`,
        "workEmail",
        `r."workEmail"`,
      )}
       FROM "Alumnus" a
       WHERE r."importId" = $IMPORT $ROWS AND r."outcome" = 'pending' AND r."workEmail" IS NOT NULL AND a."workEmail" = r."workEmail"
         AND a."id" IS DISTINCT FROM r."alumnusId"`,
      importId,
      rows,
    );
    await step();
  }
  // Two rows matching the one person: a group over the whole file, on the staged rows only.
  await exec(
    tx,
    `UPDATE "ImportRow" r SET "outcome" = 'rejected', "errors" = ${rejectWith(
      `'The same person as row ' || d."first" || ' (matched by employee ID or work email); only row ' || d."first" || ' is imported.'`,
      "hrId",
      `COALESCE(r."hrId", r."workEmail")`,
    )}
     FROM (SELECT "alumnusId", min("rowNumber") AS "first" FROM "ImportRow" WHERE "importId" = $IMPORT AND "outcome" = 'pending' AND "alumnusId" IS NOT NULL
           GROUP BY "alumnusId" HAVING count(*) > 1) d
     WHERE r."importId" = $IMPORT AND r."outcome" = 'pending' AND r."alumnusId" = d."alumnusId" AND r."rowNumber" > d."first"`,
    importId,
  );
  for (const rows of ranges) {
    await exec(
      tx,
      `UPDATE "ImportRow" r SET "outcome" = 'create', "alumnusId" = gen_random_uuid()::text
       WHERE r."importId" = $IMPORT $ROWS AND r."outcome" = 'pending' AND r."alumnusId" IS NULL`,
      importId,
      rows,
    );
    const periodMissing = `(r."hireDate" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "EmploymentPeriod" p WHERE p."alumnusId" = a."id" AND p."startDate" = r."hireDate" AND p."endDate" IS NOT DISTINCT FROM COALESCE(r."exitDate", p."endDate")))`;
    await exec(
      tx,
      `UPDATE "ImportRow" r SET
         "outcome" = CASE WHEN ${APPLIED_FIELDS.map(differs).join(" OR ")} OR ${periodMissing} THEN 'update' ELSE 'unchanged' END,
         "conflicts" = NULLIF(jsonb_strip_nulls(jsonb_build_object(${APPLIED_FIELDS.map(conflict).join(", ")})), '{}'::jsonb),
         "changes" = NULLIF(${APPLIED_FIELDS.map(change).join(" || ")}, '{}'::jsonb)
       FROM "Alumnus" a
       WHERE r."importId" = $IMPORT $ROWS AND r."outcome" = 'pending' AND a."id" = r."alumnusId"`,
      importId,
      rows,
    );
    await step();
  }
}

export async function countOutcomes(tx: Db, importId: string) {
  const rows = await tx.$queryRaw<{ outcome: string; n: bigint; conflicts: bigint; warnings: bigint }[]>`
    SELECT "outcome", count(*) AS n, count("conflicts") AS conflicts, count("warnings") AS warnings
    FROM "ImportRow" WHERE "importId" = ${importId} GROUP BY "outcome"`;
  const by = (o: string) => Number(rows.find((r) => r.outcome === o)?.n ?? 0);
  return {
    rowCount: rows.reduce((sum, r) => sum + Number(r.n), 0),
    createCount: by("create"),
    updateCount: by("update"),
    unchangedCount: by("unchanged"),
    rejectCount: by("rejected"),
    suppressedCount: by("suppressed"),
    conflictCount: rows.reduce((sum, r) => sum + Number(r.conflicts), 0),
    /** Rows imported with a problem in an optional field (rejected rows' warnings do not count). */
    warningCount: rows
      .filter((r) => r.outcome === "create" || r.outcome === "update" || r.outcome === "unchanged")
      .reduce((sum, r) => sum + Number(r.warnings), 0),
  };
}

/**
 * Writes the classified rows (all, or one range) into the alumni pool, after classifyImportRows.
 * Call inside one transaction. An updated person as they were (with the employment period the row
 * may change) is kept on the row first, so a commit that fails later can be undone (ADR 073).
 */
export async function applyImportRows(tx: Db, importId: string, rows?: RowRange) {
  await exec(
    tx,
    `UPDATE "ImportRow" r SET "before" = to_jsonb(a) || jsonb_build_object('period',
       (SELECT to_jsonb(p) FROM "EmploymentPeriod" p WHERE p."alumnusId" = a."id" AND p."startDate" = r."hireDate"))
     FROM "Alumnus" a WHERE r."importId" = $IMPORT $ROWS AND r."outcome" = 'update' AND a."id" = r."alumnusId"`,
    importId,
    rows,
  );
  const cols = APPLIED_FIELDS.map(q).join(", ");
  const created = await exec(
    tx,
    `INSERT INTO "Alumnus" ("id", ${cols}, "searchText", "source", "lastImportId", "createdAt", "updatedAt")
     SELECT r."alumnusId", ${APPLIED_FIELDS.map((f) => `r.${q(f)}`).join(", ")}, COALESCE(r."searchText", ''), 'import', r."importId", now(), now()
     FROM "ImportRow" r WHERE r."importId" = $IMPORT $ROWS AND r."outcome" = 'create'`,
    importId,
    rows,
  );
  const updated = await exec(
    tx,
    `UPDATE "Alumnus" a SET ${APPLIED_FIELDS.map((f) => `${q(f)} = ${merged(f)}`).join(", ")},
       "lastImportId" = r."importId", "version" = a."version" + 1, "updatedAt" = now()
     FROM "ImportRow" r WHERE r."importId" = $IMPORT $ROWS AND r."outcome" = 'update' AND a."id" = r."alumnusId"`,
    importId,
    rows,
  );
  await exec(
    tx,
    `INSERT INTO "EmploymentPeriod" ("id", "alumnusId", "startDate", "endDate", "jobTitle", "department", "location", "exitReason")
     SELECT gen_random_uuid()::text, r."alumnusId", r."hireDate", r."exitDate", r."jobTitle", r."department", r."location", r."exitReason"
     FROM "ImportRow" r WHERE r."importId" = $IMPORT $ROWS AND r."outcome" IN ('create', 'update') AND r."hireDate" IS NOT NULL
     ON CONFLICT ("alumnusId", "startDate") DO UPDATE SET
       "endDate" = COALESCE(EXCLUDED."endDate", "EmploymentPeriod"."endDate"),
       "jobTitle" = COALESCE(EXCLUDED."jobTitle", "EmploymentPeriod"."jobTitle"),
       "department" = COALESCE(EXCLUDED."department", "EmploymentPeriod"."department"),
       "location" = COALESCE(EXCLUDED."location", "EmploymentPeriod"."location"),
       "exitReason" = COALESCE(EXCLUDED."exitReason", "EmploymentPeriod"."exitReason")`,
    importId,
    rows,
  );
  return { created, updated };
}

/**
 * Takes back what applyImportRows wrote for a range of rows (ADR 073): people the import created
 * are deleted (their periods with them), updated people get back each field as it was unless HR
 * changed that field by hand since, and the employment period an update added or changed is
 * removed or restored. Call inside one transaction; the caller then refreshes the search text.
 */
export async function undoImportRows(tx: Db, importId: string, rows: RowRange) {
  await exec(
    tx,
    `DELETE FROM "Alumnus" a USING "ImportRow" r
     WHERE r."importId" = $IMPORT $ROWS AND r."outcome" = 'create' AND a."id" = r."alumnusId" AND a."lastImportId" = $IMPORT`,
    importId,
    rows,
  );
  await exec(
    tx,
    `DELETE FROM "EmploymentPeriod" p USING "ImportRow" r
     WHERE r."importId" = $IMPORT $ROWS AND r."outcome" = 'update' AND r."hireDate" IS NOT NULL
       AND jsonb_typeof(r."before"->'period') = 'null' AND p."alumnusId" = r."alumnusId" AND p."startDate" = r."hireDate"`,
    importId,
    rows,
  );
  await exec(
    tx,
    `UPDATE "EmploymentPeriod" p SET "endDate" = b."endDate", "jobTitle" = b."jobTitle", "department" = b."department",
       "location" = b."location", "exitReason" = b."exitReason"
     FROM "ImportRow" r CROSS JOIN LATERAL jsonb_populate_record(NULL::"EmploymentPeriod", r."before"->'period') b
     WHERE r."importId" = $IMPORT $ROWS AND r."outcome" = 'update' AND jsonb_typeof(r."before"->'period') = 'object' AND p."id" = b."id"`,
    importId,
    rows,
  );
  const restored = (f: string) =>
    `${q(f)} = CASE WHEN (a."manualEdits"->'${f}') IS DISTINCT FROM (r."before"->'manualEdits'->'${f}') THEN a.${q(f)} ELSE b.${q(f)} END`;
  await exec(
    tx,
    `UPDATE "Alumnus" a SET ${APPLIED_FIELDS.map(restored).join(", ")},
       "lastImportId" = b."lastImportId", "version" = a."version" + 1, "updatedAt" = now()
     FROM "ImportRow" r CROSS JOIN LATERAL jsonb_populate_record(NULL::"Alumnus", r."before") b
     WHERE r."importId" = $IMPORT $ROWS AND r."outcome" = 'update' AND r."before" IS NOT NULL
       AND a."id" = r."alumnusId" AND a."lastImportId" = $IMPORT`,
    importId,
    rows,
  );
}

/** Clears the before-images once a commit has ended either way (they hold people's data). */
export async function clearBefore(tx: Db, importId: string, rows: RowRange) {
  await exec(
    tx,
    `UPDATE "ImportRow" r SET "before" = NULL WHERE r."importId" = $IMPORT $ROWS AND r."before" IS NOT NULL`,
    importId,
    rows,
  );
}
