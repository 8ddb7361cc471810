import { fileURLToPath } from "node:url";
import { addMonths } from "date-fns";
import { recordAudit } from "~/platform/audit.server";
import { backgroundQuery, db, embeddedDatabaseInThisProcess, type Db } from "~/platform/db.server";
import { enqueueJob, type JobContext } from "~/platform/jobs.server";
import { log } from "~/platform/logging.server";
import { startWorkerThread } from "~/platform/worker-thread.server";
import type { EvaluationRequest } from "./evaluation-thread.server";
import { getPublishedPolicy } from "./policies.server";
import {
  evaluatePage,
  evaluateRows,
  toPayload,
  unpackPage,
  type EvaluatedPage,
  type EvaluatedPerson,
  type Policy,
} from "./verdict-page";

export { toInput, evaluateRows, toPayload, type InputRow, type Policy } from "./verdict-page";

/**
 * Storing verdicts (ADR 018). Both paths, a few people after an edit and everyone after a
 * publish, read people in pages, evaluate them with the pure function, and write each page with
 * ONE statement that stores the verdicts and appends a history row for every person whose
 * computed outcome changed (a first verdict is not a change: the verdict row itself says when
 * and under which version it was reached). Overrides live in their own columns of the same row
 * and are never touched here.
 */
export const RECOMPUTE_JOB = "eligibility.recompute";
// Measured (ADR 018): pages of 500 to 4,000 people take the same time; much larger ones cost
// more on the embedded database, whose socket layer re-copies a message per 64 KB received.
export const PAGE_SIZE = 1000;
const PAGES_IN_FLIGHT = 4;
/**
 * Smaller runs are evaluated here: on the embedded database 20,000 people take about 0.7 s, of
 * which the evaluation thread's start (~0.4 s, its modules loading) would leave it little.
 */
const THREAD_FROM_PEOPLE = 20 * PAGE_SIZE;

/**
 * Runs one statement with $1..$n parameters: through Prisma inside a caller's transaction, or on
 * the background pool directly for the bulk recompute (no transaction; see `backgroundQuery`). Both paths run
 * the same SQL text.
 */
type Run = <Row>(text: string, params: unknown[]) => Promise<Row[]>;
const inTransaction =
  (tx: Db): Run =>
  (text, params) =>
    // The text is one of this module's constant statements; every value is a $n parameter.
    // eslint-disable-next-line no-restricted-syntax
    tx.$queryRawUnsafe(text, ...params);
const onPool: Run = backgroundQuery;

/**
 * One keyset page of people, as the evaluation needs them. The page comes back as ONE json value
 * (an array per person, periods included): a single value crosses the wire and the driver far
 * faster than a page of rows of nine typed columns. Employment periods are read for the page's
 * id range in one index range scan, not looked up person by person.
 */
async function readPage(
  run: Run,
  options: { after?: string; limit: number; ids?: string[]; staleBefore?: Date; version?: number },
) {
  const params: unknown[] = [options.after ?? "", options.limit];
  const conditions = [`a."id" > $1`];
  let periodsOf = `p."alumnusId" > $1 AND p."alumnusId" <= (SELECT max("id") FROM page)`;
  if (options.ids) {
    params.push(options.ids);
    conditions.push(`a."id" = ANY($${params.length}::text[])`);
    periodsOf = `p."alumnusId" = ANY($${params.length}::text[])`;
  }
  if (options.staleBefore && options.version !== undefined) {
    // Resuming: skip people this run already wrote.
    params.push(options.version, options.staleBefore);
    conditions.push(`NOT EXISTS (SELECT 1 FROM "EligibilityVerdict" v WHERE v."alumnusId" = a."id"
      AND v."policyVersion" = $${params.length - 1} AND v."computedAt" >= $${params.length}::timestamptz)`);
  }
  const columns = `a."id", a."exitDate", a."hireDate", a."exitReason", a."hrRehireFlag", a."doNotRehire", a."legalHold", a."consentReturn"`;
  const [result] = await run<{ page: string | null; last: string | null }>(
    `WITH page AS (SELECT ${columns} FROM "Alumnus" a WHERE ${conditions.join(" AND ")} ORDER BY a."id" LIMIT $2),
     periods AS (
       SELECT p."alumnusId", json_agg(json_build_array(p."startDate", p."endDate") ORDER BY p."startDate") AS "periods"
       FROM "EmploymentPeriod" p WHERE ${periodsOf} GROUP BY p."alumnusId"
     )
     SELECT json_agg(json_build_array(${columns}, pr."periods") ORDER BY a."id")::text AS "page", max(a."id") AS "last"
     FROM page a LEFT JOIN periods pr ON pr."alumnusId" = a."id"`,
    params,
  );
  // `last` is where the next keyset page starts (null: nothing left).
  return { page: result?.page ?? null, last: result?.last ?? null };
}

/** One keyset page of people inside the caller's transaction (or on the shared client). */
export async function readInputs(
  tx: Db,
  options: { after?: string; limit: number; ids?: string[]; staleBefore?: Date; version?: number },
) {
  return unpackPage((await readPage(inTransaction(tx), options)).page);
}

/**
 * Writes evaluated verdicts in one statement (the same SQL in a caller's transaction and for the
 * bulk pages' fallback). A verdict never replaces one computed under a newer policy version;
 * `decidedAt`/`expiresAt` move only when the outcome changes or the old verdict had expired.
 * Returns how many rows were written and how many outcomes changed.
 */
export async function writeVerdicts(tx: Db, policy: Policy, items: EvaluatedPerson[], now: Date) {
  if (items.length === 0) return { written: 0, changed: 0 };
  return writePage(inTransaction(tx), UPSERT_PAGE, policy, toPayload(items), now);
}

// Every write statement takes the page as $1 (json), then the policy id, version, `now` and the
// verdicts' expiry.
const INPUT = `input AS (
      SELECT x.a AS "alumnusId", x.o::"EligibilityOutcome" AS "outcome", x.r AS "reasons", x.d::date AS "reevaluateOn"
      FROM jsonb_to_recordset($1::jsonb) AS x(a text, o text, r jsonb, d text)
    )`;
const COUNTS = `SELECT (SELECT count(*) FROM written)::int AS "written", (SELECT count(*) FROM changes)::int AS "changed"`;
/** A history row for every written verdict whose computed outcome changed (`written` has alumnusId, outcome, previous). */
const CHANGES = `changes AS (
      INSERT INTO "EligibilityVerdictChange" ("alumnusId", "kind", "fromOutcome", "toOutcome", "policyVersion", "occurredAt")
      SELECT w."alumnusId", 'computed', w."previous", w."outcome", $3::int, $4::timestamptz
      FROM written w
      WHERE w."previous" IS NOT NULL AND w."previous" <> w."outcome"
      RETURNING 1
    )`;
/** The decision date and expiry stay when the outcome is the same and the old verdict is still current. */
const KEEPS_DECISION = (outcome: string) => `v."outcome" = ${outcome} AND v."expiresAt" > $4::timestamptz`;

/** Safe whatever else is writing: people deleted meanwhile are skipped, verdicts written meanwhile are updated. */
const UPSERT_PAGE = `
    WITH ${INPUT},
    written AS (
      INSERT INTO "EligibilityVerdict" AS v ("alumnusId", "outcome", "reasons", "policyId", "policyVersion", "computedAt", "decidedAt", "expiresAt", "reevaluateOn")
      SELECT i."alumnusId", i."outcome", i."reasons", $2, $3::int, $4::timestamptz, $4::timestamptz, $5::timestamptz, i."reevaluateOn"
      FROM input i WHERE EXISTS (SELECT 1 FROM "Alumnus" a WHERE a."id" = i."alumnusId")
      ON CONFLICT ("alumnusId") DO UPDATE SET
        "outcome" = EXCLUDED."outcome",
        "reasons" = EXCLUDED."reasons",
        "policyId" = EXCLUDED."policyId",
        "policyVersion" = EXCLUDED."policyVersion",
        "computedAt" = EXCLUDED."computedAt",
        "decidedAt" = CASE WHEN ${KEEPS_DECISION(`EXCLUDED."outcome"`)} THEN v."decidedAt" ELSE EXCLUDED."decidedAt" END,
        "expiresAt" = CASE WHEN ${KEEPS_DECISION(`EXCLUDED."outcome"`)} THEN v."expiresAt" ELSE EXCLUDED."expiresAt" END,
        "reevaluateOn" = EXCLUDED."reevaluateOn"
      WHERE v."policyVersion" <= EXCLUDED."policyVersion"
      -- The subquery reads the statement's snapshot: the verdict as it was before this write
      -- (null for a first verdict), one primary-key lookup per person written.
      RETURNING v."alumnusId", v."outcome",
        (SELECT old."outcome" FROM "EligibilityVerdict" old WHERE old."alumnusId" = v."alumnusId") AS "previous"
    ),
    ${CHANGES}
    ${COUNTS}`;

/**
 * The bulk pages' statement: the page's current verdicts are looked up once, then new people are
 * inserted and the others updated, without the upsert's speculative insertion or the check that
 * each person still exists (the foreign key refuses a person deleted meanwhile). It fails, and
 * writes nothing, only when another writer deleted a person or wrote a first verdict for one
 * since the statement's snapshot; the page is then written again with UPSERT_PAGE.
 */
const INSERT_OR_UPDATE_PAGE = `
    WITH ${INPUT},
    known AS MATERIALIZED (
      SELECT i.*, v."outcome" AS "previous" FROM input i LEFT JOIN "EligibilityVerdict" v ON v."alumnusId" = i."alumnusId"
    ),
    inserted AS (
      INSERT INTO "EligibilityVerdict" ("alumnusId", "outcome", "reasons", "policyId", "policyVersion", "computedAt", "decidedAt", "expiresAt", "reevaluateOn")
      SELECT c."alumnusId", c."outcome", c."reasons", $2, $3::int, $4::timestamptz, $4::timestamptz, $5::timestamptz, c."reevaluateOn"
      FROM known c WHERE c."previous" IS NULL
      RETURNING "alumnusId", "outcome", NULL::"EligibilityOutcome" AS "previous"
    ),
    updated AS (
      UPDATE "EligibilityVerdict" v SET
        "outcome" = c."outcome",
        "reasons" = c."reasons",
        "policyId" = $2,
        "policyVersion" = $3::int,
        "computedAt" = $4::timestamptz,
        "decidedAt" = CASE WHEN ${KEEPS_DECISION(`c."outcome"`)} THEN v."decidedAt" ELSE $4::timestamptz END,
        "expiresAt" = CASE WHEN ${KEEPS_DECISION(`c."outcome"`)} THEN v."expiresAt" ELSE $5::timestamptz END,
        "reevaluateOn" = c."reevaluateOn"
      FROM known c
      WHERE c."previous" IS NOT NULL AND v."alumnusId" = c."alumnusId" AND v."policyVersion" <= $3::int
      RETURNING v."alumnusId", v."outcome", c."previous"
    ),
    written AS (SELECT * FROM inserted UNION ALL SELECT * FROM updated),
    ${CHANGES}
    ${COUNTS}`;

/** Writes one evaluated page (`toPayload`) with `statement`. */
async function writePage(run: Run, statement: string, policy: Policy, payload: string, now: Date) {
  const expiresAt = addMonths(now, policy.rules.verdictExpiryMonths);
  const [result] = await run<{ written: number; changed: number }>(statement, [
    payload,
    policy.id,
    policy.version,
    now,
    expiresAt,
  ]);
  return result;
}

/** 23505 unique violation, 23503 foreign-key violation: another writer got there since the snapshot. */
const RACED = new Set(["23505", "23503"]);

/** One bulk page on the pool (its own statement, no transaction): the fast statement, or the upsert after a race. */
export async function writeBulkPage(policy: Policy, payload: string, now: Date) {
  try {
    return await writePage(onPool, INSERT_OR_UPDATE_PAGE, policy, payload, now);
  } catch (error) {
    if (!RACED.has((error as { code?: string }).code ?? "")) throw error;
    return writePage(onPool, UPSERT_PAGE, policy, payload, now);
  }
}

/**
 * Re-evaluates the given people under the published policy, inside the caller's transaction
 * when given one. Call it after changing anything the rules read (exit data, flags, consent,
 * employment periods). Does nothing before a policy is published.
 */
export async function recomputeEligibilityFor(tx: Db, alumnusIds: string[], options: { now?: Date } = {}) {
  const ids = [...new Set(alumnusIds)];
  if (ids.length === 0) return { written: 0, changed: 0 };
  const policy = await getPublishedPolicy(tx);
  if (!policy) return { written: 0, changed: 0 };
  const now = options.now ?? new Date();
  let written = 0;
  let changed = 0;
  for (let i = 0; i < ids.length; i += PAGE_SIZE) {
    const rows = await readInputs(tx, { ids: ids.slice(i, i + PAGE_SIZE), limit: PAGE_SIZE });
    const result = await writeVerdicts(tx, policy, evaluateRows(rows, policy, now), now);
    written += result.written;
    changed += result.changed;
  }
  return { written, changed };
}

/** People per statement when counting everyone: an index-only range of ids, a few ms each. */
const COUNT_STEP = 20_000;

/**
 * How many people are in the pool, counted range by range of ids (ADR 089): one count(*) over
 * 100,000 people was one of the statements that held the embedded database longest.
 */
export async function countPeople(run: Run = onPool) {
  let after = "";
  let total = 0;
  for (;;) {
    const [step] = await run<{ n: number; last: string | null }>(
      `SELECT count(*)::int AS n, max(s."id") AS last FROM (SELECT "id" FROM "Alumnus" WHERE "id" > $1 ORDER BY "id" LIMIT $2) s`,
      [after, COUNT_STEP],
    );
    total += step.n;
    if (step.last === null || step.n < COUNT_STEP) return total;
    after = step.last;
  }
}

/** Queues the bulk recompute (after a publish, or "re-evaluate everyone now"). */
export async function enqueueRecompute(
  tx: Db,
  input: { policyId: string; createdById?: string | null; reason: "publish" | "refresh" | "seed" },
) {
  // The planner's estimate, for the progress bar until the job counts (ADR 089): an exact count
  // of everyone here held the caller's transaction, and with it the embedded database, for a
  // whole-table scan. 0 (no bar) until the table was first analysed.
  const [estimate] = await tx.$queryRaw<{ n: number }[]>`
    SELECT GREATEST(reltuples, 0)::int AS n FROM pg_class WHERE oid = '"Alumnus"'::regclass`;
  const total = estimate?.n ?? 0;
  return enqueueJob(tx, {
    kind: RECOMPUTE_JOB,
    payload: { policyId: input.policyId, reason: input.reason, requestedAt: new Date().toISOString() },
    createdById: input.createdById,
    total,
  });
}

// Resolved beside this module's source (a helper, so the app's bundler leaves the URL alone): the
// bulk recompute runs in the job runner, which loads the modules from source.
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const EVALUATION_THREAD = here("./evaluation-thread.server.ts");

/**
 * Everyone, page by page, each page its own statement (no long transaction holding locks).
 * Resumable: a retried job skips people already written under this policy since it was queued.
 *
 * Reading, evaluating and writing overlap: the next page is read while earlier pages are
 * evaluated and written, at most PAGES_IN_FLIGHT pages at a time (disjoint people, separate
 * connections). When the embedded database runs in this process, PostgreSQL is on this thread,
 * so pages are evaluated in a worker thread beside it (ADR 018); with a server this thread
 * mostly waits for the database and evaluates the pages itself, which measured faster there.
 */
export async function recomputeAll(options: {
  policy: Policy;
  startedAt: Date;
  /** A retried run: skip people the earlier attempt already wrote. */
  resume?: boolean;
  now?: Date;
  pageSize?: number;
  onProgress?: (done: number, total: number) => Promise<void>;
  signal?: AbortSignal;
  /**
   * Where pages are evaluated. "auto" (the default): in a worker thread when the embedded
   * database runs in this process and the run is large enough to outlast the thread's start.
   * "always" waits for the thread and evaluates every page there; "never" evaluates here.
   */
  evaluationThread?: "auto" | "always" | "never";
  /** Filled with milliseconds spent waiting for reads, evaluating (here or in the worker thread) and waiting for writes. */
  timings?: { read: number; evaluate: number; write: number };
}) {
  const timings = options.timings ?? { read: 0, evaluate: 0, write: 0 };
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const now = options.now ?? new Date();
  // Only what the evaluation reads: this is sent to the evaluation thread with every page.
  const policy: Policy = {
    id: options.policy.id,
    version: options.policy.version,
    rules: options.policy.rules,
  };
  const total = await countPeople(onPool);
  let done = options.resume
    ? await db.eligibilityVerdict.count({
        where: { policyVersion: policy.version, computedAt: { gte: options.startedAt } },
      })
    : 0;
  let after = "";
  let written = 0;
  let changed = 0;
  const where = options.evaluationThread ?? "auto";
  const evaluation =
    where === "always" ||
    (where === "auto" && embeddedDatabaseInThisProcess() && total - done >= THREAD_FROM_PEOPLE)
      ? startWorkerThread<EvaluationRequest, EvaluatedPage>(EVALUATION_THREAD, {
          name: "eligibility evaluation",
        })
      : null;
  let finished = false;
  if (where === "auto") {
    // Not fatal: pages go on being evaluated here.
    evaluation?.started.catch((error: unknown) => {
      if (!finished)
        log.warn("the eligibility evaluation thread did not start; evaluating pages in the main thread", {
          error,
        });
    });
  }
  const pending: Promise<{ written: number; changed: number; count: number }>[] = [];
  const settle = async () => {
    const started = performance.now();
    const result = await pending.shift()!;
    timings.write += performance.now() - started;
    written += result.written;
    changed += result.changed;
    done += result.count;
    await options.onProgress?.(Math.min(done, total), total);
  };
  try {
    if (where === "always") await evaluation!.started;
    for (;;) {
      if (options.signal?.aborted) throw new Error("The recompute was stopped.");
      const started = performance.now();
      const { page, last } = await readPage(onPool, {
        after,
        limit: pageSize,
        ...(options.resume ? { staleBefore: options.startedAt, version: policy.version } : {}),
      });
      timings.read += performance.now() - started;
      if (last === null) break;
      after = last;
      // Until the worker thread has started (its modules load in a few hundred ms), pages are evaluated here.
      const evaluated = evaluation?.ready
        ? evaluation.call({ page, policy, now: now.getTime() })
        : Promise.resolve(evaluatePage(page, policy, now));
      const write = evaluated.then(async (evaluated) => {
        timings.evaluate += evaluated.ms;
        return { ...(await writeBulkPage(policy, evaluated.payload, now)), count: evaluated.count };
      });
      write.catch(() => undefined); // awaited below; never an unhandled rejection
      pending.push(write);
      while (pending.length > PAGES_IN_FLIGHT) await settle();
    }
    while (pending.length) await settle();
  } finally {
    await Promise.allSettled(pending);
    finished = true;
    await evaluation?.stop();
  }
  return { total, written, changed };
}

/** The job handler. A job for a policy that has since been superseded ends at once. */
export async function runRecomputeJob(context: JobContext) {
  const payload = context.job.payload as { policyId?: string; reason?: string; requestedAt?: string };
  const policy = await getPublishedPolicy(db);
  if (!policy || policy.id !== payload.policyId)
    return "A newer policy version was published; its own job re-evaluates everyone.";
  const startedAt = payload.requestedAt ? new Date(payload.requestedAt) : new Date();
  const timings = { read: 0, evaluate: 0, write: 0 };
  const result = await recomputeAll({
    policy,
    startedAt,
    resume: context.job.attempts > 1,
    timings,
    signal: context.signal,
    onProgress: (done, total) => context.progress(done, total, `Re-evaluated ${done} of ${total} people.`),
  });
  await context.progress(result.total, result.total);
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actor: { type: "system", name: "eligibility recompute" },
      action: "verdicts.recomputed",
      entityType: "eligibility_policy",
      entityId: policy.id,
      after: {
        version: policy.version,
        reason: payload.reason ?? null,
        people: result.total,
        written: result.written,
        changed: result.changed,
        jobId: context.job.id,
      },
    });
  });
  log.info("eligibility recompute finished", {
    jobId: context.job.id,
    version: policy.version,
    written: result.written,
    changed: result.changed,
    readMs: Math.round(timings.read),
    evaluateMs: Math.round(timings.evaluate),
    writeMs: Math.round(timings.write),
  });
  return `Re-evaluated ${result.total} people under version ${policy.version}; ${result.changed} verdicts changed.`;
}
