import { db, type Db } from "~/platform/db.server";

/**
 * Running counts kept by the database (ADR 090). Triggers append a row (+n/-n per key) for every
 * statement that changes a counted table; a count is the sum of a subject's rows, a few dozen
 * instead of every row of the table. Once a subject has more than FOLD_AT rows, the reader folds
 * them into one row per key in a single statement (rows appended meanwhile are not touched), so
 * the sum stays cheap and stays right with any number of readers and writers at once.
 */
export type TallySubject = "verdict" | "alumnus";

export const FOLD_AT = 500;

/** The counts of a subject by key (keys whose count is zero may be missing). */
export async function readTally(subject: TallySubject, client: Db = db): Promise<Map<string, number>> {
  const rows = await client.$queryRaw<{ key: string; total: number; rows: number }[]>`
    SELECT "key", sum("delta")::int AS "total", count(*)::int AS "rows"
    FROM "RowTally" WHERE "subject" = ${subject} GROUP BY "key"`;
  const counts = new Map<string, number>();
  let stored = 0;
  for (const row of rows) {
    if (row.total !== 0) counts.set(row.key, row.total);
    stored += row.rows;
  }
  if (stored > FOLD_AT) await foldTally(subject, client);
  return counts;
}

/** One row per key: the rows this statement sees are deleted and written back as their sums. */
export async function foldTally(subject: TallySubject, client: Db = db) {
  await client.$executeRaw`
    WITH gone AS (DELETE FROM "RowTally" WHERE "subject" = ${subject} RETURNING "key", "delta")
    INSERT INTO "RowTally" ("subject", "key", "delta")
    SELECT ${subject}, "key", sum("delta") FROM gone GROUP BY "key" HAVING sum("delta") <> 0`;
}
