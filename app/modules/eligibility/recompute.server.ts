import { addMonths } from "date-fns";
import { recordAudit } from "~/platform/audit.server";
import { db, Prisma, type Db } from "~/platform/db.server";
import { enqueueJob, type JobContext } from "~/platform/jobs.server";
import { log } from "~/platform/logging.server";
import { evaluateEligibility, type EligibilityInput, type Evaluation } from "./evaluate";
import { getPublishedPolicy } from "./policies.server";
import type { ExitReason, PolicyRules } from "./policy";

/**
 * Storing verdicts (ADR 018). Both paths, one person after an edit and everyone after a
 * publish, go through `writeVerdicts`: people are read in keyset pages, evaluated by the pure
 * function, and each page is written with ONE statement that upserts the verdicts and appends
 * a history row for every person whose computed outcome changed (a first verdict is not a
 * change: the verdict row itself says when and under which version it was reached). Overrides live in their own
 * columns of the same row and are never touched here.
 */
export const RECOMPUTE_JOB = "eligibility.recompute";
export const PAGE_SIZE = 5000;
const WRITES_IN_FLIGHT = 2;

type InputRow = {
  id: string;
  exitDate: Date | null;
  hireDate: Date | null;
  exitReason: string | null;
  hrRehireFlag: string | null;
  doNotRehire: boolean;
  legalHold: boolean;
  consentReturn: string;
  periods: [string, string | null][] | null;
};

const inputColumns = Prisma.sql`
  a."id", a."exitDate", a."hireDate", a."exitReason"::text AS "exitReason", a."hrRehireFlag"::text AS "hrRehireFlag",
  a."doNotRehire", a."legalHold", a."consentReturn"::text AS "consentReturn",
  (SELECT json_agg(json_build_array(p."startDate", p."endDate") ORDER BY p."startDate")
     FROM "EmploymentPeriod" p WHERE p."alumnusId" = a."id") AS "periods"`;

export function toInput(row: InputRow): EligibilityInput {
  return {
    exitDate: row.exitDate,
    hireDate: row.hireDate,
    periods: (row.periods ?? []).map(([start, end]) => ({ startDate: new Date(`${start}T00:00:00Z`), endDate: end ? new Date(`${end}T00:00:00Z`) : null })),
    exitReason: row.exitReason as ExitReason | null,
    hrRehireFlag: row.hrRehireFlag as EligibilityInput["hrRehireFlag"],
    doNotRehire: row.doNotRehire,
    legalHold: row.legalHold,
    consentReturn: row.consentReturn as EligibilityInput["consentReturn"],
  };
}

/** One keyset page of people, as the evaluation needs them. */
export async function readInputs(tx: Db, options: { after?: string; limit: number; ids?: string[]; staleBefore?: Date; version?: number }) {
  const conditions: Prisma.Sql[] = [Prisma.sql`a."id" > ${options.after ?? ""}`];
  if (options.ids) conditions.push(Prisma.sql`a."id" = ANY(${options.ids}::text[])`);
  if (options.staleBefore && options.version !== undefined) {
    // Resuming: skip people this run already wrote.
    conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "EligibilityVerdict" v WHERE v."alumnusId" = a."id"
      AND v."policyVersion" = ${options.version} AND v."computedAt" >= ${options.staleBefore})`);
  }
  return tx.$queryRaw<InputRow[]>`
    SELECT ${inputColumns} FROM "Alumnus" a
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY a."id" LIMIT ${options.limit}`;
}

export type Policy = { id: string; version: number; rules: PolicyRules };

/**
 * Writes evaluated verdicts in one statement. A verdict never replaces one computed under a newer
 * policy version; `decidedAt`/`expiresAt` move only when the outcome changes or the old verdict
 * had expired. Returns how many rows were written and how many outcomes changed.
 */
export async function writeVerdicts(tx: Db, policy: Policy, items: { alumnusId: string; evaluation: Evaluation }[], now: Date) {
  if (items.length === 0) return { written: 0, changed: 0 };
  const expiresAt = addMonths(now, policy.rules.verdictExpiryMonths);
  const payload = JSON.stringify(
    items.map((i) => ({ a: i.alumnusId, o: i.evaluation.outcome, r: i.evaluation.reasons, d: i.evaluation.reevaluateOn })),
  );
  const [result] = await tx.$queryRaw<{ written: number; changed: number }[]>`
    WITH input AS (
      SELECT x.a AS "alumnusId", x.o::"EligibilityOutcome" AS "outcome", x.r AS "reasons", x.d::date AS "reevaluateOn"
      FROM jsonb_to_recordset(${payload}::jsonb) AS x(a text, o text, r jsonb, d text)
    ),
    previous AS (
      -- One primary-key lookup per person (a join could be planned as a scan of every verdict).
      SELECT i."alumnusId", (SELECT v."outcome" FROM "EligibilityVerdict" v WHERE v."alumnusId" = i."alumnusId") AS "outcome" FROM input i
    ),
    upserted AS (
      INSERT INTO "EligibilityVerdict" AS v ("alumnusId", "outcome", "reasons", "policyId", "policyVersion", "computedAt", "decidedAt", "expiresAt", "reevaluateOn")
      SELECT i."alumnusId", i."outcome", i."reasons", ${policy.id}, ${policy.version}, ${now}, ${now}, ${expiresAt}, i."reevaluateOn"
      FROM input i WHERE EXISTS (SELECT 1 FROM "Alumnus" a WHERE a."id" = i."alumnusId")
      ON CONFLICT ("alumnusId") DO UPDATE SET
        "outcome" = EXCLUDED."outcome",
        "reasons" = EXCLUDED."reasons",
        "policyId" = EXCLUDED."policyId",
        "policyVersion" = EXCLUDED."policyVersion",
        "computedAt" = EXCLUDED."computedAt",
        "decidedAt" = CASE WHEN v."outcome" = EXCLUDED."outcome" AND v."expiresAt" > EXCLUDED."computedAt" THEN v."decidedAt" ELSE EXCLUDED."decidedAt" END,
        "expiresAt" = CASE WHEN v."outcome" = EXCLUDED."outcome" AND v."expiresAt" > EXCLUDED."computedAt" THEN v."expiresAt" ELSE EXCLUDED."expiresAt" END,
        "reevaluateOn" = EXCLUDED."reevaluateOn"
      WHERE v."policyVersion" <= EXCLUDED."policyVersion"
      RETURNING v."alumnusId", v."outcome"
    ),
    changes AS (
      INSERT INTO "EligibilityVerdictChange" ("alumnusId", "kind", "fromOutcome", "toOutcome", "policyVersion", "occurredAt")
      SELECT u."alumnusId", 'computed', p."outcome", u."outcome", ${policy.version}, ${now}
      FROM upserted u JOIN previous p ON p."alumnusId" = u."alumnusId"
      WHERE p."outcome" IS NOT NULL AND p."outcome" <> u."outcome"
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM upserted)::int AS "written", (SELECT count(*) FROM changes)::int AS "changed"`;
  return result;
}

export function evaluateRows(rows: InputRow[], policy: Policy, now: Date) {
  return rows.map((row) => ({ alumnusId: row.id, evaluation: evaluateEligibility(toInput(row), policy, now) }));
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

/** Queues the bulk recompute (after a publish, or "re-evaluate everyone now"). */
export async function enqueueRecompute(tx: Db, input: { policyId: string; createdById?: string | null; reason: "publish" | "refresh" | "seed" }) {
  const total = await tx.alumnus.count();
  return enqueueJob(tx, {
    kind: RECOMPUTE_JOB,
    payload: { policyId: input.policyId, reason: input.reason, requestedAt: new Date().toISOString() },
    createdById: input.createdById,
    total,
  });
}

/**
 * Everyone, page by page, each page its own statement (no long transaction holding locks).
 * Resumable: a retried job skips people already written under this policy since it was queued.
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
  /** Filled with milliseconds spent reading, evaluating and writing (for the benchmark). */
  timings?: { read: number; evaluate: number; write: number };
}) {
  const timings = options.timings ?? { read: 0, evaluate: 0, write: 0 };
  let mark = performance.now();
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] += now - mark;
    mark = now;
  };
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const now = options.now ?? new Date();
  const total = await db.alumnus.count();
  let done = options.resume ? await db.eligibilityVerdict.count({ where: { policyVersion: options.policy.version, computedAt: { gte: options.startedAt } } }) : 0;
  let after = "";
  let written = 0;
  let changed = 0;
  // Up to WRITES_IN_FLIGHT pages are written at once (disjoint people, separate connections)
  // while the next page is read and evaluated.
  const pending: Promise<{ written: number; changed: number; count: number }>[] = [];
  const settle = async () => {
    const result = await pending.shift()!;
    lap("write");
    written += result.written;
    changed += result.changed;
    done += result.count;
    await options.onProgress?.(Math.min(done, total), total);
  };
  try {
    for (;;) {
      if (options.signal?.aborted) throw new Error("The recompute was stopped.");
      mark = performance.now();
      const rows = await readInputs(db, {
        after,
        limit: pageSize,
        ...(options.resume ? { staleBefore: options.startedAt, version: options.policy.version } : {}),
      });
      lap("read");
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const evaluated = evaluateRows(rows, options.policy, now);
      lap("evaluate");
      const count = rows.length;
      const write = writeVerdicts(db, options.policy, evaluated, now).then((r) => ({ ...r, count }));
      write.catch(() => undefined); // awaited below; never an unhandled rejection
      pending.push(write);
      while (pending.length > WRITES_IN_FLIGHT) await settle();
    }
    while (pending.length) await settle();
  } finally {
    await Promise.allSettled(pending);
  }
  return { total, written, changed };
}

/** The job handler. A job for a policy that has since been superseded ends at once. */
export async function runRecomputeJob(context: JobContext) {
  const payload = context.job.payload as { policyId?: string; reason?: string; requestedAt?: string };
  const policy = await getPublishedPolicy(db);
  if (!policy || policy.id !== payload.policyId) return "A newer policy version was published; its own job re-evaluates everyone.";
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
      after: { version: policy.version, reason: payload.reason ?? null, people: result.total, written: result.written, changed: result.changed, jobId: context.job.id },
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
