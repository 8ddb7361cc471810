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

/** Runs one statement; every $IMPORT in it is the import id, bound as a parameter. */
async function exec(tx: Db, sql: string, importId: string) {
  const parts = sql.split("$IMPORT");
  return tx.$executeRaw(Prisma.sql(parts, ...parts.slice(1).map(() => importId)));
}

const rejectWith = (message: string, field: string, value: string) =>
  `jsonb_build_array(jsonb_build_object('field', '${field}', 'message', ${message}, 'value', ${value}))`;

/**
 * Decides for every valid staged row whether it creates a person, updates one, or changes
 * nothing; skips people on the suppression list (erased at their request); rejects rows whose work email belongs to someone else or that match a person another
 * row already matched; records conflicts with hand-edited fields. Re-run at commit time inside
 * the applying transaction, so the outcome reflects the pool as it is then.
 */
export async function classifyImportRows(
  tx: Db,
  importId: string,
  columns: { hrId: string; workEmail: string } = { hrId: "Employee ID", workEmail: "Work email" },
) {
  // People whose data was erased at their request are skipped first, before any matching (ADR 040).
  await suppressImportRows(tx, importId);
  // The same person twice in one file: the first row wins, later ones are rejected (set-based, so
  // the check keeps no per-file list of ids in memory). Column names are bound as parameters. A
  // rejected row keeps its employee ID as read from the file, so a repeat is reported even when
  // the first row was refused for another reason (then neither row is imported).
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
  // Back to pending: rows that matched someone (the pool may have changed since), and rows that
  // would create a person whose employee ID or work email has since appeared in the pool. A row
  // that still matches no one stays a create (rewriting 100,000 rows twice cost seconds).
  await exec(
    tx,
    `UPDATE "ImportRow" r SET "outcome" = 'pending', "alumnusId" = NULL, "conflicts" = NULL, "changes" = NULL
     WHERE r."importId" = $IMPORT AND (r."outcome" IN ('update', 'unchanged') OR (r."outcome" = 'create' AND (
       EXISTS (SELECT 1 FROM "Alumnus" a WHERE a."hrId" = r."hrId") OR EXISTS (SELECT 1 FROM "Alumnus" a WHERE a."workEmail" = r."workEmail"))))`,
    importId,
  );
  await exec(
    tx,
    `UPDATE "ImportRow" r SET "alumnusId" = a."id" FROM "Alumnus" a
     WHERE r."importId" = $IMPORT AND r."outcome" = 'pending' AND r."hrId" IS NOT NULL AND a."hrId" = r."hrId"`,
    importId,
  );
  await exec(
    tx,
    `UPDATE "ImportRow" r SET "alumnusId" = a."id" FROM "Alumnus" a
     WHERE r."importId" = $IMPORT AND r."outcome" = 'pending' AND r."alumnusId" IS NULL AND r."workEmail" IS NOT NULL
       AND a."workEmail" = r."workEmail" AND (a."hrId" IS NULL OR r."hrId" IS NULL)`,
    importId,
  );
  await exec(
    tx,
    `UPDATE "ImportRow" r SET "outcome" = 'rejected', "alumnusId" = NULL, "errors" = ${rejectWith(
      `'This work email already belongs to another person in the alumni pool' || COALESCE(' (employee ID ' || a."hrId" || ')', '') || '.'`,
      "workEmail",
      `r."workEmail"`,
    )}
     FROM "Alumnus" a
     WHERE r."importId" = $IMPORT AND r."outcome" = 'pending' AND r."workEmail" IS NOT NULL AND a."workEmail" = r."workEmail"
       AND a."id" IS DISTINCT FROM r."alumnusId"`,
    importId,
  );
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
  await exec(
    tx,
    `UPDATE "ImportRow" SET "outcome" = 'create', "alumnusId" = gen_random_uuid()::text
     WHERE "importId" = $IMPORT AND "outcome" = 'pending' AND "alumnusId" IS NULL`,
    importId,
  );
  const periodMissing = `(r."hireDate" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "EmploymentPeriod" p WHERE p."alumnusId" = a."id" AND p."startDate" = r."hireDate" AND p."endDate" IS NOT DISTINCT FROM COALESCE(r."exitDate", p."endDate")))`;
  await exec(
    tx,
    `UPDATE "ImportRow" r SET
       "outcome" = CASE WHEN ${APPLIED_FIELDS.map(differs).join(" OR ")} OR ${periodMissing} THEN 'update' ELSE 'unchanged' END,
       "conflicts" = NULLIF(jsonb_strip_nulls(jsonb_build_object(${APPLIED_FIELDS.map(conflict).join(", ")})), '{}'::jsonb),
       "changes" = NULLIF(${APPLIED_FIELDS.map(change).join(" || ")}, '{}'::jsonb)
     FROM "Alumnus" a
     WHERE r."importId" = $IMPORT AND r."outcome" = 'pending' AND a."id" = r."alumnusId"`,
    importId,
  );
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

/** Writes the classified rows into the alumni pool. Call inside one transaction after classifyImportRows. */
export async function applyImportRows(tx: Db, importId: string) {
  const cols = APPLIED_FIELDS.map(q).join(", ");
  const created = await exec(
    tx,
    `INSERT INTO "Alumnus" ("id", ${cols}, "searchText", "source", "lastImportId", "createdAt", "updatedAt")
     SELECT r."alumnusId", ${APPLIED_FIELDS.map((f) => `r.${q(f)}`).join(", ")}, COALESCE(r."searchText", ''), 'import', r."importId", now(), now()
     FROM "ImportRow" r WHERE r."importId" = $IMPORT AND r."outcome" = 'create'`,
    importId,
  );
  const updated = await exec(
    tx,
    `UPDATE "Alumnus" a SET ${APPLIED_FIELDS.map((f) => `${q(f)} = ${merged(f)}`).join(", ")},
       "lastImportId" = r."importId", "version" = a."version" + 1, "updatedAt" = now()
     FROM "ImportRow" r WHERE r."importId" = $IMPORT AND r."outcome" = 'update' AND a."id" = r."alumnusId"`,
    importId,
  );
  await exec(
    tx,
    `INSERT INTO "EmploymentPeriod" ("id", "alumnusId", "startDate", "endDate", "jobTitle", "department", "location", "exitReason")
     SELECT gen_random_uuid()::text, r."alumnusId", r."hireDate", r."exitDate", r."jobTitle", r."department", r."location", r."exitReason"
     FROM "ImportRow" r WHERE r."importId" = $IMPORT AND r."outcome" IN ('create', 'update') AND r."hireDate" IS NOT NULL
     ON CONFLICT ("alumnusId", "startDate") DO UPDATE SET
       "endDate" = COALESCE(EXCLUDED."endDate", "EmploymentPeriod"."endDate"),
       "jobTitle" = COALESCE(EXCLUDED."jobTitle", "EmploymentPeriod"."jobTitle"),
       "department" = COALESCE(EXCLUDED."department", "EmploymentPeriod"."department"),
       "location" = COALESCE(EXCLUDED."location", "EmploymentPeriod"."location"),
       "exitReason" = COALESCE(EXCLUDED."exitReason", "EmploymentPeriod"."exitReason")`,
    importId,
  );
  return { created, updated };
}
