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

/** Rows per statement when counting outcomes (a count reads little per row). */
export const COUNT_ROWS = 5000;

/**
 * Fresh statistics on the staged rows, for the columns the check's statements filter and join
 * on: without them the planner takes a freshly staged 100,000-row import for a handful of rows.
 * ANALYZE samples a fixed number of rows, so this costs the same for any size; the sample is
 * kept small (and the wide columns left out) so it holds the embedded database only briefly.
 */
async function analyzeStagedRows(tx: Db) {
  await tx.$executeRaw`ANALYZE "ImportRow" ("importId", "rowNumber", "outcome", "alumnusId", "hrId", "workEmail")`;
}

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
  options: {
    rows?: number;
    progress?: (done: number, total: number) => Promise<void>;
    /**
     * Look for rows repeated within the file (default). The commit leaves this to the check: the
     * file's rows have not changed since, so the check's result stands, and looking again cost
     * two lookups per row for nothing (ADR 089).
     */
    repeats?: boolean;
  } = {},
) {
  await analyzeStagedRows(tx);
  const ranges = await rowRanges(tx, importId, options.rows);
  const total = ranges.length * 2;
  let done = 0;
  const step = async () => {
    done += 1;
    await options.progress?.(done, total);
  };
  // People whose data was erased at their request are skipped first, before any matching (ADR 040).
  for (const rows of ranges) await suppressImportRows(tx, importId, rows);
  // The same person twice in one file: the first row wins, later ones are rejected. Range by
  // range, each row looks up the file's first row with its employee ID (then its work email)
  // through the staged rows' index, so a repeat is found whichever ranges the two rows are in,
  // and no statement reads the whole file (ADR 086). Column names are bound as parameters. A
  // rejected row keeps its employee ID as read from the file, so a repeat is reported even when
  // the first row was refused for another reason (then neither row is imported). All ranges are
  // checked for employee IDs before any for work emails: the employee-ID message says whether
  // the first row was rejected, before the work-email check rejects more.
  const repeats = options.repeats === false ? [] : ranges;
  for (const rows of repeats)
    await tx.$executeRaw`
      UPDATE "ImportRow" t SET "outcome" = 'rejected', "alumnusId" = NULL, "errors" = jsonb_build_array(jsonb_build_object('field', 'hrId', 'column', ${columns.hrId}::text,
        'message', 'Employee ID ' || t."hrId" || ' is also on row ' || d."first" || CASE WHEN d."firstRejected"
          THEN ', which was rejected; an employee ID can be in a file only once. Fix row ' || d."first" || ' or remove one of the two rows, and import again.'
          ELSE '; only row ' || d."first" || ' is imported.' END, 'value', t."hrId"))
      FROM (SELECT r."rowNumber", f."rowNumber" AS "first", f."outcome" = 'rejected' AS "firstRejected"
            FROM "ImportRow" r CROSS JOIN LATERAL (
              SELECT e."rowNumber", e."outcome" FROM "ImportRow" e
              WHERE e."importId" = r."importId" AND e."hrId" = r."hrId" AND e."outcome" IN ('pending', 'create', 'rejected')
              ORDER BY e."rowNumber" LIMIT 1) f
            WHERE r."importId" = ${importId} AND r."rowNumber" BETWEEN ${rows.from} AND ${rows.to}
              AND r."outcome" IN ('pending', 'create') AND r."hrId" IS NOT NULL AND f."rowNumber" < r."rowNumber") d
      WHERE t."importId" = ${importId} AND t."rowNumber" = d."rowNumber"`;
  for (const rows of repeats)
    await tx.$executeRaw`
      UPDATE "ImportRow" t SET "outcome" = 'rejected', "alumnusId" = NULL, "errors" = jsonb_build_array(jsonb_build_object('field', 'workEmail', 'column', ${columns.workEmail}::text,
        'message', 'This work email is also on row ' || d."first" || '; only row ' || d."first" || ' is imported.', 'value', t."workEmail"))
      FROM (SELECT r."rowNumber", f."rowNumber" AS "first"
            FROM "ImportRow" r CROSS JOIN LATERAL (
              SELECT e."rowNumber" FROM "ImportRow" e
              WHERE e."importId" = r."importId" AND e."workEmail" = r."workEmail" AND e."outcome" IN ('pending', 'create')
              ORDER BY e."rowNumber" LIMIT 1) f
            WHERE r."importId" = ${importId} AND r."rowNumber" BETWEEN ${rows.from} AND ${rows.to}
              AND r."outcome" IN ('pending', 'create') AND r."workEmail" IS NOT NULL AND f."rowNumber" < r."rowNumber") d
      WHERE t."importId" = ${importId} AND t."rowNumber" = d."rowNumber"`;
  for (const rows of ranges) {
    // Back to pending: rows that matched someone (the pool may have changed since), and rows that
    // would create a person whose employee ID or work email is in the pool. A row that matches no
    // one stays a create and is not written at all: the check stages valid rows as creates with
    // a new id (ADR 089; rewriting 100,000 staged rows cost seconds and index entries).
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
  // Two rows matching the one person: range by range, each row against the file's first row
  // matched to that person (the index on the staged rows' person), after every range is matched.
  for (const rows of ranges)
    await exec(
      tx,
      `UPDATE "ImportRow" t SET "outcome" = 'rejected', "errors" = ${rejectWith(
        `'The same person as row ' || d."first" || ' (matched by employee ID or work email); only row ' || d."first" || ' is imported.'`,
        "hrId",
        `COALESCE(t."hrId", t."workEmail")`,
      )}
       FROM (SELECT r."rowNumber", f."rowNumber" AS "first"
             FROM "ImportRow" r CROSS JOIN LATERAL (
               SELECT e."rowNumber" FROM "ImportRow" e
               WHERE e."importId" = r."importId" AND e."alumnusId" = r."alumnusId" AND e."outcome" = 'pending'
               ORDER BY e."rowNumber" LIMIT 1) f
             WHERE r."importId" = $IMPORT $ROWS AND r."outcome" = 'pending' AND r."alumnusId" IS NOT NULL
               AND f."rowNumber" < r."rowNumber") d
       WHERE t."importId" = $IMPORT AND t."rowNumber" = d."rowNumber"`,
      importId,
      rows,
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

/**
 * The import's counts by outcome, added up range by range (COUNT_ROWS rows per statement), so
 * counting a big file never holds the embedded database for long (ADR 086).
 */
export async function countOutcomes(tx: Db, importId: string, size = COUNT_ROWS) {
  const rows: { outcome: string; n: bigint; conflicts: bigint; warnings: bigint }[] = [];
  for (const range of await rowRanges(tx, importId, size)) {
    const part = await tx.$queryRaw<typeof rows>`
      SELECT "outcome", count(*) AS n, count("conflicts") AS conflicts, count("warnings") AS warnings
      FROM "ImportRow" WHERE "importId" = ${importId} AND "rowNumber" BETWEEN ${range.from} AND ${range.to}
      GROUP BY "outcome"`;
    rows.push(...part);
  }
  const by = (o: string) => rows.reduce((sum, r) => sum + (r.outcome === o ? Number(r.n) : 0), 0);
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
