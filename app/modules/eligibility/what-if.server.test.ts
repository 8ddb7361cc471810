import { subMonths } from "date-fns";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { runNextJob } from "~/platform/jobs.server";
import { createAlumnus, createStaffUser, staffActor } from "../../../test/factories";
import { registerBackgroundWork } from "../background.server";
import { getDraftPolicy } from "./policies.server";
import { DEFAULT_RULES } from "./policy";
import { publishInitialPolicy } from "./publish-policy.server";
import { discardDraftPolicy, saveDraftPolicy } from "./save-draft-policy.server";
import { computeWhatIf, getWhatIfState, pageOfChanges, WHAT_IF_JOB } from "./what-if.server";

/**
 * The what-if worked out once per saved revision of the draft (ADR 087): the pages show only the
 * current revision's numbers, a new save makes the old ones disappear (also when it lands while
 * the old revision's job runs), and the people affected are paged in SQL in name order.
 *
 * The pool: 12 people who left 8 months ago (cooling-off 12 months -> not eligible; 6 months ->
 * eligible), 6 in Support and 6 in Finance, and 3 who left long ago (eligible under both).
 */
const today = new Date();
const monthsAgo = (n: number) => {
  const d = subMonths(today, n);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};
const NAMES = ["Ada", "bea", "Cleo", "Dan", "Eve", "Finn", "Gus", "Hal", "Ivy", "Jon", "Kai", "Lu"];
const affected: Record<string, string> = {};
let hr: ReturnType<typeof staffActor>;

const SIX_MONTHS = { ...DEFAULT_RULES, coolingOffMonths: 6 };
const NINE_MONTHS = { ...DEFAULT_RULES, coolingOffMonths: 9 };

const runJobs = async () => {
  while (await runNextJob({ kinds: [WHAT_IF_JOB] }));
};
const state = async () => getWhatIfState(db, await getDraftPolicy(db));
const ready = async () => {
  const s = await state();
  if (s.state !== "ready") throw new Error(`The what-if is ${s.state}.`);
  return s;
};

beforeAll(async () => {
  registerBackgroundWork();
  hr = staffActor(await createStaffUser(db, { role: "hr" }));
  const base = {
    hireDate: new Date(Date.UTC(2015, 0, 10)),
    hrRehireFlag: "yes" as const,
    consentReturn: "granted" as const,
    exitReason: "layoff_automation" as const,
    preferredName: null,
    doNotRehire: false,
    legalHold: false,
  };
  for (const [i, name] of NAMES.entries()) {
    const department = i % 2 === 0 ? "Support" : "Finance";
    affected[name] = (
      await createAlumnus(db, {
        ...base,
        firstName: name,
        lastName: "Tester",
        department,
        exitDate: monthsAgo(i < 6 ? 8 : 10),
      })
    ).id;
  }
  for (const name of ["Old", "Older", "Oldest"])
    await createAlumnus(db, { ...base, firstName: name, lastName: "Tester", exitDate: monthsAgo(40) });
  await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
});

describe("the what-if of the draft's current revision", () => {
  it("a saved draft's what-if is under way at once, and is worked out by its job", async () => {
    expect(await state()).toEqual({ state: "none" });
    const saved = await saveDraftPolicy({ actor: hr, rules: SIX_MONTHS });
    expect(saved.revision).toBe(1);
    // Queued in the save's transaction: never a saved draft with "no draft yet" beside it.
    const working = await state();
    expect(working).toMatchObject({ state: "working", percent: 0, total: 15 });
    await runJobs();
    const done = await ready();
    expect(done.summary).toMatchObject({ people: 15, changed: 12, more: 12, less: 0 });
    expect(done.summary.matrix).toEqual([{ from: "not_eligible", to: "eligible", count: 12 }]);
    expect(done.summary.byGroup.department).toEqual([
      { value: "Finance", total: 6, more: 6, less: 0, changed: 6 },
      { value: "Support", total: 6, more: 6, less: 0, changed: 6 },
    ]);
    const job = await db.job.findFirstOrThrow({
      where: { kind: WHAT_IF_JOB },
      orderBy: { createdAt: "desc" },
    });
    expect(job).toMatchObject({ status: "done", progress: 15, total: 15 });
  });

  it("saving the same rules again (only the summary) keeps the revision and its what-if", async () => {
    const saved = await saveDraftPolicy({ actor: hr, rules: SIX_MONTHS, summary: "Shorter cooling-off" });
    expect(saved.revision).toBe(1);
    expect((await state()).state).toBe("ready");
    expect(await db.job.count({ where: { kind: WHAT_IF_JOB, status: "queued" } })).toBe(0);
  });

  it("a new save hides the old revision's numbers until its own are worked out, then clears the old rows", async () => {
    const before = await ready();
    const saved = await saveDraftPolicy({ actor: hr, rules: NINE_MONTHS });
    expect(saved.revision).toBe(2);
    // The old revision's run is still stored, but never shown for the new revision.
    expect(await db.whatIfRun.count({ where: { id: before.runId, status: "done" } })).toBe(1);
    expect((await state()).state).toBe("working");
    await runJobs();
    const after = await ready();
    expect(after.runId).not.toBe(before.runId);
    // Nine months: only the six who left ten months ago become eligible.
    expect(after.summary).toMatchObject({ changed: 6, more: 6 });
    const { items } = await pageOfChanges(db, after, { page: 1, pageSize: 50 });
    expect(items.map((c) => c.name)).toEqual(NAMES.slice(6).map((n) => `${n} Tester`));
    expect(await db.whatIfRun.count({ where: { id: before.runId } })).toBe(0);
    expect(await db.whatIfChange.count({ where: { runId: before.runId } })).toBe(0);
  });

  it("a revision saved while the older one's job runs: the older job stores nothing as current", async () => {
    await saveDraftPolicy({ actor: hr, rules: SIX_MONTHS });
    const draft = (await getDraftPolicy(db))!;
    const older = await db.whatIfRun.findUniqueOrThrow({
      where: { policyId_revision: { policyId: draft.id, revision: draft.revision } },
    });
    let saved = false;
    const result = await computeWhatIf({
      runId: older.id,
      pageSize: 2,
      onProgress: async () => {
        if (saved) return;
        saved = true;
        await saveDraftPolicy({ actor: hr, rules: NINE_MONTHS });
      },
    });
    expect(result.status).toBe("superseded");
    expect((await db.whatIfRun.findUniqueOrThrow({ where: { id: older.id } })).status).toBe("superseded");
    // The page shows the newer revision as still being worked out, not the older one's counts.
    expect((await state()).state).toBe("working");
    await runJobs();
    expect((await ready()).summary.changed).toBe(6);
  });

  it("pages the affected people in name order (case aside), by direction and by group", async () => {
    await saveDraftPolicy({ actor: hr, rules: SIX_MONTHS });
    await runJobs();
    const run = await ready();
    const expected = NAMES.map((n) => `${n} Tester`);
    const first = await pageOfChanges(db, run, { page: 1, pageSize: 5 });
    expect(first).toMatchObject({ total: 12, page: 1, pageCount: 3 });
    expect(first.items.map((c) => c.name)).toEqual(expected.slice(0, 5));
    const third = await pageOfChanges(db, run, { page: 3, pageSize: 5 });
    expect(third.items.map((c) => c.name)).toEqual(expected.slice(10));
    expect(third.items[0]).toMatchObject({
      alumnusId: affected.Kai,
      from: "not_eligible",
      to: "eligible",
      direction: "more",
      department: "Support",
    });
    expect(third.items[0].why.join(" ")).toMatch(/6 months/);
    // Past the last page: the last page.
    expect((await pageOfChanges(db, run, { page: 9, pageSize: 5 })).page).toBe(3);
    const finance = await pageOfChanges(db, run, {
      page: 1,
      pageSize: 50,
      group: "department",
      value: "Finance",
    });
    expect(finance.total).toBe(6);
    expect(finance.items.map((c) => c.alumnusId)).toEqual(
      NAMES.filter((_, i) => i % 2 === 1).map((n) => affected[n]),
    );
    const less = await pageOfChanges(db, run, { page: 1, pageSize: 50, direction: "less" });
    expect(less).toMatchObject({ total: 0, items: [] });
    const nobody = await pageOfChanges(db, run, {
      page: 1,
      pageSize: 50,
      group: "location",
      value: "Nowhere",
    });
    expect(nobody).toMatchObject({ total: 0, items: [] });
  });

  it("a discarded draft shows no what-if, and the next job clears its rows", async () => {
    const run = await ready();
    await discardDraftPolicy({ actor: hr });
    expect(await state()).toEqual({ state: "none" });
    await saveDraftPolicy({ actor: hr, rules: NINE_MONTHS });
    await runJobs();
    expect(await db.whatIfRun.count({ where: { id: run.runId } })).toBe(0);
    expect(await db.whatIfRun.count()).toBe(1);
  });
});
