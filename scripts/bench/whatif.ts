/**
 * npm run bench:whatif
 *
 * The draft policy page and the what-if page at 100,000 alumni (ADR 087). Seeds the pool of
 * bench:eligibility, publishes the default policy (everyone evaluated), saves a draft that
 * shortens the cooling-off, then:
 *
 * - runs the draft's what-if job (the background work, timed) while reading the draft page's
 *   view model over and over (its "working out: N%" state, p95 while the job runs);
 * - p95 of the draft page's view model (the loader's reads) once the what-if is ready;
 * - p95 of the what-if page's view model: the first, a middle and the last page of everyone
 *   affected, one direction, one department;
 * - the floor, in the same run: p95 of a plain `SELECT 1` through the same client.
 *
 * Prints the figures and last `bench whatif: draft p95 <ms>, what-if p95 <ms>, floor p95 <ms>,
 * ratio <slower page p95 / floor p95>`. Embedded PGlite in a temporary data directory by
 * default; with DATABASE_URL set, a fresh database on that server, dropped afterwards.
 */
import os from "node:os";
import { seedEligibilityPool } from "./eligibility-pool";
import { benchDatabase } from "./bench-database";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
process.env.DB_STATEMENT_TIMEOUT_MS ??= "600000";
process.env.LOG_LEVEL ??= "warn";

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
};
const timed = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};
async function measure(fn: () => Promise<unknown>, runs = RUNS) {
  await fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(fn));
  return { p95: p95(times), max: Math.max(...times) };
}

const { where, cleanup } = await benchDatabase("whatif");

const { applyMigrations } = await import("../../app/platform/db/migrations.server");
const { db, disconnectDb } = await import("../../app/platform/db.server");
const { resetEnvCache } = await import("../../app/platform/env.server");
const { runNextJob } = await import("../../app/platform/jobs.server");
const { registerBackgroundWork } = await import("../../app/modules/background.server");
const { publishInitialPolicy } = await import("../../app/modules/eligibility/publish-policy.server");
const { getDraftPolicy, getPublishedPolicy } = await import("../../app/modules/eligibility/policies.server");
const { DEFAULT_RULES, describeRuleChanges, formFromRules } =
  await import("../../app/modules/eligibility/policy");
const { saveDraftPolicy } = await import("../../app/modules/eligibility/save-draft-policy.server");
const { getWhatIfState, pageOfChanges, WHAT_IF_JOB } =
  await import("../../app/modules/eligibility/what-if.server");

/** What the draft page's loader reads (app/routes/staff.eligibility.draft.tsx). */
async function draftPage() {
  const [draft, published] = await Promise.all([getDraftPolicy(db), getPublishedPolicy(db)]);
  const whatIf = await getWhatIfState(db, draft);
  formFromRules(draft?.rules ?? DEFAULT_RULES);
  if (draft) describeRuleChanges(published?.rules ?? DEFAULT_RULES, draft.rules);
  return whatIf;
}

/** What the what-if page's loader reads (app/routes/staff.eligibility.what-if.tsx). */
async function whatIfPage(query: Parameters<typeof pageOfChanges>[2]) {
  const whatIf = await getWhatIfState(db, await getDraftPolicy(db));
  if (whatIf.state !== "ready") throw new Error(`The what-if is ${whatIf.state}.`);
  return pageOfChanges(db, whatIf, query);
}

try {
  resetEnvCache();
  await applyMigrations(process.env.DATABASE_URL as string);
  registerBackgroundWork();
  console.log(`bench whatif: ${fmt(PEOPLE)} alumni on ${where}`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, node ${process.version}`);
  console.log(
    `load average at start: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(", ")}`,
  );

  let started = performance.now();
  await seedEligibilityPool(db, PEOPLE);
  await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }), {
    timeout: 600_000,
  });
  console.log(`pool and verdicts in ${fmt(performance.now() - started)} ms`);

  const hr = await db.user.create({
    data: { email: "bench-hr@comeback.test", name: "Bench HR", roleId: "hr", status: "active" },
  });
  const actor = {
    kind: "staff" as const,
    id: hr.id,
    sessionId: "bench",
    email: hr.email,
    name: hr.name,
    role: "hr" as const,
    roleLabel: "HR",
    teamId: null,
    permissions: [],
  };
  const save = await timed(() =>
    saveDraftPolicy({ actor, rules: { ...DEFAULT_RULES, coolingOffMonths: 6 }, summary: "bench" }),
  );
  console.log(`saving the draft (queues its what-if): ${fmt(save)} ms`);

  // The job, with the draft page read over and over meanwhile (as its progress poll does).
  const whileWorking: number[] = [];
  const seen = new Set<number>();
  let finished = false;
  started = performance.now();
  const job = runNextJob({ kinds: [WHAT_IF_JOB] }).finally(() => {
    finished = true;
  });
  while (!finished) {
    const t = performance.now();
    const state = await draftPage();
    whileWorking.push(performance.now() - t);
    if (state.state === "working") seen.add(state.percent);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await job;
  const jobMs = performance.now() - started;
  const state = await draftPage();
  if (state.state !== "ready") throw new Error(`The what-if job ended with the what-if ${state.state}.`);
  console.log(
    `what-if job (background): ${fmt(jobMs)} ms for ${fmt(state.summary.people)} people, ${fmt(state.summary.changed)} affected (${fmt(state.summary.more)} more eligible, ${fmt(state.summary.less)} less)`,
  );
  console.log(
    `draft page while the job ran: p95 ${fmt(p95(whileWorking))} ms, max ${fmt(Math.max(...whileWorking))} ms over ${whileWorking.length} reads; progress shown: ${[...seen].sort((a, b) => a - b).join("%, ")}%`,
  );

  const draft = await measure(draftPage);
  console.log(
    `draft page (what-if ready): p95 ${fmt(draft.p95)} ms, max ${fmt(draft.max)} ms (${RUNS} runs)`,
  );
  const pages = Math.ceil(state.summary.changed / 50);
  const department = state.summary.byGroup.department[0]?.value ?? "";
  const views: [string, Parameters<typeof pageOfChanges>[2]][] = [
    ["first page", { page: 1, pageSize: 50 }],
    ["middle page", { page: Math.ceil(pages / 2), pageSize: 50 }],
    ["last page", { page: pages, pageSize: 50 }],
    ["more eligible, page 2", { page: 2, pageSize: 50, direction: "more" }],
    [`department ${department}, page 2`, { page: 2, pageSize: 50, group: "department", value: department }],
  ];
  const whatIfTimes: number[] = [];
  for (const [label, query] of views) {
    const result = await measure(() => whatIfPage(query));
    whatIfTimes.push(result.p95);
    console.log(`what-if page, ${label}: p95 ${fmt(result.p95)} ms, max ${fmt(result.max)} ms`);
  }
  const whatIf = Math.max(...whatIfTimes);
  const floor = await measure(() => db.$queryRaw`SELECT 1`, RUNS * 5);
  console.log(`floor (SELECT 1): p95 ${floor.p95.toFixed(1)} ms`);
  console.log(
    `load average at end: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(", ")}`,
  );
  console.log(
    `bench whatif: draft p95 ${fmt(draft.p95)} ms, what-if p95 ${fmt(whatIf)} ms, floor p95 ${floor.p95.toFixed(1)} ms, ratio ${(Math.max(draft.p95, whatIf) / Math.max(floor.p95, 0.1)).toFixed(1)}`,
  );
} finally {
  await disconnectDb();
  await cleanup();
}
