/**
 * npm run bench:eligibility
 *
 * Evaluates and stores rehire-eligibility verdicts for 100,000 alumni through the real recompute
 * path (publish -> background job -> keyset pages -> pure evaluation -> one set-based statement
 * per page), then measures the floor in the same run: one SQL statement writing the same 100,000
 * verdicts. Prints evaluations/s of the pure function, the end-to-end time, the floor time and
 * last `bench eligibility: ratio <end-to-end / floor>`.
 *
 * Embedded PGlite in a temporary data directory by default; with DATABASE_URL set, a fresh
 * database is created on that server for the run and dropped afterwards.
 */
import os from "node:os";
import { seedEligibilityPool } from "./eligibility-pool";
import { benchDatabase } from "./bench-database";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
process.env.DB_STATEMENT_TIMEOUT_MS ??= "600000";
process.env.LOG_LEVEL ??= "warn";

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });

const { where, cleanup } = await benchDatabase("eligibility");

const { applyMigrations } = await import("../../app/platform/db/migrations.server");
const { db, disconnectDb } = await import("../../app/platform/db.server");
const { resetEnvCache } = await import("../../app/platform/env.server");
const { runNextJob } = await import("../../app/platform/jobs.server");
const { registerBackgroundWork } = await import("../../app/modules/background.server");
const { evaluateEligibility } = await import("../../app/modules/eligibility/evaluate");
const { publishInitialPolicy } = await import("../../app/modules/eligibility/publish-policy.server");
const { getPublishedPolicy } = await import("../../app/modules/eligibility/policies.server");
const { readInputs, toInput, recomputeAll, RECOMPUTE_JOB, PAGE_SIZE } =
  await import("../../app/modules/eligibility/recompute.server");

try {
  resetEnvCache();
  await applyMigrations(process.env.DATABASE_URL as string);
  console.log(`bench eligibility: ${fmt(PEOPLE)} alumni on ${where}`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, node ${process.version}`);

  // The pool: varied exit reasons, dates (month ends and leap days included), flags and stints.
  let t = process.hrtime.bigint();
  await seedEligibilityPool(db, PEOPLE);
  console.log(`pool created in ${fmt(ms(t))} ms`);

  // Publish the default policy (queues the recompute job), then run that job: the real path.
  registerBackgroundWork();
  await db.$transaction((tx) => publishInitialPolicy(tx));
  const policy = (await getPublishedPolicy(db))!;

  // 1. The pure function alone, on inputs already in memory.
  const inputs = [];
  let after = "";
  for (;;) {
    const rows = await readInputs(db, { after, limit: PAGE_SIZE });
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    for (const row of rows) inputs.push(toInput(row));
  }
  const now = new Date();
  for (const input of inputs) evaluateEligibility(input, policy, now); // warm up
  t = process.hrtime.bigint();
  const counts: Record<string, number> = {};
  for (const input of inputs) {
    const outcome = evaluateEligibility(input, policy, now).outcome;
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  const pureMs = ms(t);
  console.log(
    `pure evaluation: ${fmt(inputs.length)} in ${fmt(pureMs)} ms = ${fmt(inputs.length / (pureMs / 1000))} evaluations/s (${JSON.stringify(counts)})`,
  );

  // 2. End to end: the queued job, as a worker runs it.
  t = process.hrtime.bigint();
  const ran = await runNextJob({ kinds: [RECOMPUTE_JOB] });
  const endToEndMs = ms(t);
  const job = await db.job.findFirstOrThrow({
    where: { kind: RECOMPUTE_JOB },
    orderBy: { createdAt: "desc" },
  });
  const stored = await db.eligibilityVerdict.count();
  const history = await db.eligibilityVerdictChange.count();
  if (!ran || job.status !== "done" || stored !== PEOPLE)
    throw new Error(
      `The recompute job did not finish: ${job.status} ${job.lastError ?? ""} (${stored} verdicts)`,
    );
  console.log(
    `end-to-end (job: read, evaluate, upsert ${fmt(stored)} verdicts + ${fmt(history)} history rows, progress): ${fmt(endToEndMs)} ms`,
  );

  // 3. The floor: the same 100,000 verdict rows written by one set-based statement.
  await db.$executeRaw`CREATE TABLE "bench_verdicts" AS SELECT * FROM "EligibilityVerdict"`;
  // Back to an empty table with fresh files, as the end-to-end run started from.
  await db.$executeRaw`TRUNCATE "EligibilityVerdict"`;
  t = process.hrtime.bigint();
  const floorRows = await db.$executeRaw`INSERT INTO "EligibilityVerdict" SELECT * FROM "bench_verdicts"`;
  const floorMs = ms(t);
  if (floorRows !== PEOPLE) throw new Error(`The floor wrote ${floorRows} rows.`);
  console.log(`floor (one INSERT ... SELECT of the same ${fmt(floorRows)} verdicts): ${fmt(floorMs)} ms`);

  // For information: a re-evaluation where every verdict exists (a publish that changes nothing).
  await db.$transaction(async (tx) => {
    const { publishRules } = await import("../../app/modules/eligibility/publish-policy.server");
    const row = await tx.eligibilityPolicy.create({
      data: { status: "draft", rules: policy.rules },
      select: { id: true },
    });
    await publishRules(tx, { actor: null, policyId: row.id, rules: policy.rules, summary: "bench" });
  });
  const republished = (await getPublishedPolicy(db))!;
  const timings = { read: 0, evaluate: 0, write: 0 };
  t = process.hrtime.bigint();
  await recomputeAll({ policy: republished, startedAt: new Date(), timings });
  console.log(
    `re-publish of unchanged rules (updates only, no history): ${fmt(ms(t))} ms (read ${fmt(timings.read)}, evaluate ${fmt(timings.evaluate)}, write ${fmt(timings.write)})`,
  );

  console.log(`bench eligibility: ratio ${(endToEndMs / floorMs).toFixed(2)}`);
} finally {
  await disconnectDb();
  await cleanup();
}
