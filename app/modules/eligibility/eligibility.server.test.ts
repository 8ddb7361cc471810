import { addMonths, subMonths } from "date-fns";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { runNextJob } from "~/platform/jobs.server";
import { createAlumnus, createStaffUser, staffActor } from "../../../test/factories";
import { registerBackgroundWork } from "../background.server";
import { eligibilityWhere } from "./eligibility-where.server";
import { assessGroups, fairnessReport } from "./fairness.server";
import { getEligibilityForAlumnus } from "./get-eligibility.server";
import { clearOverride } from "./clear-override.server";
import { overrideVerdict } from "./override-verdict.server";
import { getDraftPolicy, getPublishedPolicy } from "./policies.server";
import { DEFAULT_RULES, type PolicyRules } from "./policy";
import { publishInitialPolicy, publishPolicy } from "./publish-policy.server";
import {
  evaluateRows,
  readInputs,
  recomputeAll,
  recomputeEligibilityFor,
  RECOMPUTE_JOB,
  toPayload,
  writeBulkPage,
} from "./recompute.server";
import { listReviewQueue } from "./review-queue.server";
import { discardDraftPolicy, saveDraftPolicy } from "./save-draft-policy.server";
import { getWhatIfState, pageOfChanges, WHAT_IF_JOB } from "./what-if.server";

/**
 * One database per file: the whole pool is this file's, so counts are exact. Alumni are made
 * with exit dates relative to today so the cooling-off rule gives a known answer.
 */
const today = new Date();
const monthsAgo = (n: number) => {
  const d = subMonths(today, n);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};
const hired = new Date(Date.UTC(2015, 0, 10));
let hr: ReturnType<typeof staffActor>;

async function drainJobs() {
  while (await runNextJob({ kinds: [RECOMPUTE_JOB] }));
}

/** Saves the rules as the draft, runs its what-if job and reads the what-if as the pages do. */
async function whatIfOf(rules: PolicyRules) {
  await saveDraftPolicy({ actor: hr, rules });
  while (await runNextJob({ kinds: [WHAT_IF_JOB] }));
  const state = await getWhatIfState(db, await getDraftPolicy(db));
  if (state.state !== "ready") throw new Error(`The what-if is ${state.state}.`);
  const { items } = await pageOfChanges(db, state, { page: 1, pageSize: 50 });
  return { ...state.summary, changes: items };
}

async function publishDraft(rules: PolicyRules) {
  await saveDraftPolicy({ actor: hr, rules });
  const result = await publishPolicy({ actor: hr });
  await drainJobs();
  return result;
}

const people: Record<string, string> = {};

beforeAll(async () => {
  registerBackgroundWork();
  hr = staffActor(await createStaffUser(db, { role: "hr" }));
  const make = async (key: string, overrides: Parameters<typeof createAlumnus>[1]) => {
    people[key] = (
      await createAlumnus(db, {
        hireDate: hired,
        hrRehireFlag: "yes",
        consentReturn: "granted",
        exitReason: "layoff_automation",
        ...overrides,
      })
    ).id;
  };
  await make("left8", { exitDate: monthsAgo(8), department: "Support" }); // cooling-off 12 -> not eligible; 6 -> eligible
  await make("left9", { exitDate: monthsAgo(9), department: "Support" });
  await make("left20", { exitDate: monthsAgo(20), department: "Support" });
  await make("left3", { exitDate: monthsAgo(3), department: "Finance" }); // not eligible under both
  await make("performance", {
    exitDate: monthsAgo(30),
    exitReason: "performance",
    hrRehireFlag: "review",
    department: "Finance",
  });
  await make("conduct", {
    exitDate: monthsAgo(30),
    exitReason: "conduct",
    hrRehireFlag: "no",
    department: "Finance",
  });
  await make("attendance", {
    exitDate: monthsAgo(30),
    exitReason: "attendance",
    hrRehireFlag: "review",
    department: "Finance",
  });
  await db.$transaction((tx) => publishInitialPolicy(tx));
  await drainJobs();
});

const outcomeOf = async (key: string) =>
  (await db.eligibilityVerdict.findUniqueOrThrow({ where: { alumnusId: people[key] } })).outcome;

describe("publishing", () => {
  it("the first publish computes everyone, and the job audits its counts", async () => {
    expect(await db.eligibilityVerdict.count()).toBe(Object.keys(people).length);
    expect(await outcomeOf("left8")).toBe("not_eligible");
    expect(await outcomeOf("left20")).toBe("eligible");
    expect(await outcomeOf("performance")).toBe("needs_review");
    expect(await outcomeOf("conduct")).toBe("not_eligible");
    const job = await db.job.findFirstOrThrow({
      where: { kind: RECOMPUTE_JOB },
      orderBy: { createdAt: "desc" },
    });
    expect(job.status).toBe("done");
    expect(job.progress).toBe(Object.keys(people).length);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "verdicts.recomputed" },
      orderBy: { id: "desc" },
    });
    expect(audit.after).toMatchObject({ version: 1, people: 7, written: 7, changed: 0 });
    // A first verdict is not a change: history starts with the first change.
    expect(await db.eligibilityVerdictChange.count()).toBe(0);
  });

  it("what-if counts equal what publishing changes, and a publish re-evaluates exactly the affected people", async () => {
    const rules = { ...DEFAULT_RULES, coolingOffMonths: 6 };
    const whatIf = await whatIfOf(rules);
    expect(whatIf.people).toBe(7);
    expect(whatIf.changed).toBe(2);
    expect(whatIf.more).toBe(2);
    expect(whatIf.less).toBe(0);
    expect(whatIf.matrix).toEqual([{ from: "not_eligible", to: "eligible", count: 2 }]);
    expect(whatIf.byGroup.department).toEqual([{ value: "Support", total: 3, more: 2, less: 0, changed: 2 }]);
    expect(new Set(whatIf.changes.map((c) => c.alumnusId))).toEqual(new Set([people.left8, people.left9]));
    expect(whatIf.changes[0].why.join(" ")).toMatch(/the policy asks for 6 months\./);
    // Listed by name, then id (the list's order).
    expect(whatIf.changes.map((c) => c.alumnusId)).toEqual(
      [...whatIf.changes]
        .sort(
          (a, b) =>
            a.name.toLowerCase().localeCompare(b.name.toLowerCase()) ||
            a.alumnusId.localeCompare(b.alumnusId),
        )
        .map((c) => c.alumnusId),
    );

    const historyBefore = await db.eligibilityVerdictChange.count();
    const countsBefore = await db.eligibilityVerdict.groupBy({ by: ["outcome"], _count: true });
    const { version } = await publishDraft(rules);
    expect(version).toBe(2);

    const newChanges = await db.eligibilityVerdictChange.findMany({
      where: { id: { gt: BigInt(0) }, policyVersion: 2, kind: "computed" },
    });
    expect(await db.eligibilityVerdictChange.count()).toBe(historyBefore + whatIf.changed);
    expect(new Set(newChanges.map((c) => c.alumnusId))).toEqual(
      new Set(whatIf.changes.map((c) => c.alumnusId)),
    );
    // Each history row names the verdict it replaced and the one that replaced it.
    expect(newChanges.map((c) => [c.fromOutcome, c.toOutcome])).toEqual(
      whatIf.changes.map((c) => [c.from, c.to]),
    );
    const countsAfter = Object.fromEntries(
      (await db.eligibilityVerdict.groupBy({ by: ["outcome"], _count: true })).map((g) => [
        g.outcome,
        g._count,
      ]),
    );
    expect(countsAfter).toEqual(
      Object.fromEntries(Object.entries(whatIf.totalsAfter).filter(([, n]) => n > 0)),
    );
    expect(countsBefore).not.toEqual(countsAfter);
    // Everyone now carries the new version; the unchanged keep their decided date.
    expect(await db.eligibilityVerdict.count({ where: { policyVersion: 2 } })).toBe(7);
    const published = await getPublishedPolicy(db);
    expect(published?.version).toBe(2);
    expect(await db.eligibilityPolicy.count({ where: { status: "superseded" } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "policy.published" },
      orderBy: { id: "desc" },
    });
    expect(audit.actorId).toBe(hr.id);
    expect((audit.after as { changes: string[] }).changes).toEqual(["Cooling-off: 12 months → 6 months"]);
    // A second what-if of the same rules finds nothing left to change.
    const again = await whatIfOf(rules);
    expect(again.changed).toBe(0);
    await discardDraftPolicy({ actor: hr });
  });

  it("refuses to publish without a draft, or a draft that changed since the page showed it", async () => {
    await expect(publishPolicy({ actor: hr })).rejects.toMatchObject({ code: "conflict" });
    await saveDraftPolicy({
      actor: hr,
      rules: { ...DEFAULT_RULES, coolingOffMonths: 6, minimumTenureMonths: 4 },
    });
    await expect(
      publishPolicy({ actor: hr, draftUpdatedAt: new Date(0).toISOString() }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await db.eligibilityPolicy.count({ where: { status: "draft" } })).toBe(1);
    await db.eligibilityPolicy.deleteMany({ where: { status: "draft" } });
  });
});

describe("overrides and the review queue", () => {
  it("needs-review people are queued; deciding takes them out with a justification; the decision survives recompute", async () => {
    const queue = await listReviewQueue({ page: 1 });
    expect(queue.items.map((i) => i.alumnusId).sort()).toEqual(
      [people.attendance, people.performance].sort(),
    );
    expect(queue.items[0].why.length).toBeGreaterThan(0);

    await overrideVerdict({
      actor: hr,
      alumnusId: people.performance,
      outcome: "eligible",
      justification: "Performance issues were tied to a team we since disbanded.",
      kind: "review",
    });
    expect((await listReviewQueue({ page: 1 })).total).toBe(1);
    // Deciding again is a conflict (it is no longer waiting).
    await expect(
      overrideVerdict({
        actor: hr,
        alumnusId: people.performance,
        outcome: "not_eligible",
        justification: "Second opinion, too late.",
        kind: "review",
      }),
    ).rejects.toMatchObject({ code: "conflict" });

    await recomputeEligibilityFor(db, [people.performance]);
    await publishDraft({ ...DEFAULT_RULES, coolingOffMonths: 6, minimumTenureMonths: 1 });
    const details = await getEligibilityForAlumnus(people.performance);
    expect(details?.computed.outcome).toBe("needs_review");
    expect(details?.computed.policyVersion).toBe(3);
    expect(details?.override).toMatchObject({
      outcome: "eligible",
      active: true,
      kind: "review",
      byName: hr.name,
    });
    expect(details?.effective).toEqual({ outcome: "eligible", source: "override" });
    expect(details?.history.map((h) => h.kind)).toEqual(["review"]);
    const events = await db.auditEvent.findMany({
      where: { action: "verdict.review_decided", entityId: people.performance },
    });
    expect(events).toHaveLength(1);
    expect(events[0].reason).toMatch(/disbanded/);
  });

  it("an override lapses with the verdict expiry: the person is back in the queue and filters follow", async () => {
    const now = new Date();
    const expiry = (await getPublishedPolicy(db))!.rules.verdictExpiryMonths;
    const id = people.attendance;
    await overrideVerdict({
      actor: hr,
      alumnusId: id,
      outcome: "not_eligible",
      justification: "Repeated unexplained absences over two years.",
      kind: "review",
    });
    const where = (o: "eligible" | "needs_review" | "not_eligible", at: Date) =>
      db.alumnus.count({ where: { id, ...eligibilityWhere(o, at) } });
    expect(await where("not_eligible", now)).toBe(1);
    expect(await where("needs_review", now)).toBe(0);

    const later = addMonths(now, expiry + 1);
    expect(await where("not_eligible", later)).toBe(0);
    expect(await where("needs_review", later)).toBe(1);
    expect((await listReviewQueue({ page: 1, now: later })).items.map((i) => i.alumnusId)).toContain(id);
    const lapsed = await getEligibilityForAlumnus(id, { now: later });
    expect(lapsed?.override?.active).toBe(false);
    expect(lapsed?.effective).toEqual({ outcome: "needs_review", source: "computed" });
    expect(lapsed?.computed.expired).toBe(true);
  });

  it("an override can be removed, with a reason; people without a verdict cannot be overridden", async () => {
    await overrideVerdict({
      actor: hr,
      alumnusId: people.conduct,
      outcome: "eligible",
      justification: "The conduct finding was overturned on appeal.",
      kind: "override",
    });
    expect(await db.alumnus.count({ where: { id: people.conduct, ...eligibilityWhere("eligible") } })).toBe(
      1,
    );
    await clearOverride({
      actor: hr,
      alumnusId: people.conduct,
      justification: "Entered against the wrong person.",
    });
    expect(
      await db.alumnus.count({ where: { id: people.conduct, ...eligibilityWhere("not_eligible") } }),
    ).toBe(1);
    const fresh = await createAlumnus(db);
    await expect(
      overrideVerdict({
        actor: hr,
        alumnusId: fresh.id,
        outcome: "eligible",
        justification: "No verdict yet here.",
        kind: "override",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      overrideVerdict({
        actor: hr,
        alumnusId: "no-such-person",
        outcome: "eligible",
        justification: "No such person here.",
        kind: "override",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await recomputeEligibilityFor(db, [fresh.id]);
    expect(await db.eligibilityVerdict.count({ where: { alumnusId: fresh.id } })).toBe(1);
  });

  it("a data change recomputes one person and appends to their history", async () => {
    await db.alumnus.update({
      where: { id: people.left20 },
      data: { doNotRehire: true, doNotRehireReason: "Confidential" },
    });
    const result = await recomputeEligibilityFor(db, [people.left20]);
    expect(result).toEqual({ written: 1, changed: 1 });
    const details = await getEligibilityForAlumnus(people.left20);
    expect(details?.computed.outcome).toBe("not_eligible");
    expect(JSON.stringify(details)).not.toContain("Confidential");
    expect(details?.history[0]).toMatchObject({
      kind: "computed",
      fromOutcome: "eligible",
      toOutcome: "not_eligible",
    });
  });

  it("a resumed bulk run skips people it already wrote", async () => {
    const policy = (await getPublishedPolicy(db))!;
    const startedAt = new Date();
    const first = await recomputeAll({ policy, startedAt, pageSize: 3 });
    expect(first.written).toBe(await db.alumnus.count());
    const second = await recomputeAll({ policy, startedAt, pageSize: 3, resume: true });
    expect(second.written).toBe(0);
  });
});

describe("bulk pages written while others write", () => {
  it("a person deleted after their page was read is skipped; the rest of the page is written", async () => {
    const policy = (await getPublishedPolicy(db))!;
    const staying = await createAlumnus(db, {
      hireDate: hired,
      exitDate: monthsAgo(40),
      consentReturn: "granted",
    });
    const leaving = await createAlumnus(db, {
      hireDate: hired,
      exitDate: monthsAgo(40),
      consentReturn: "granted",
    });
    const now = new Date();
    const page = evaluateRows(
      await readInputs(db, { ids: [staying.id, leaving.id], limit: 10 }),
      policy,
      now,
    );
    expect(page).toHaveLength(2);
    await db.alumnus.delete({ where: { id: leaving.id } });
    expect(await writeBulkPage(policy, toPayload(page), now)).toEqual({ written: 1, changed: 0 });
    expect(
      await db.eligibilityVerdict.count({ where: { alumnusId: { in: [staying.id, leaving.id] } } }),
    ).toBe(1);
  });

  it("a first verdict another writer commits meanwhile is updated, and the change goes to history", async () => {
    const policy = (await getPublishedPolicy(db))!;
    const person = await createAlumnus(db, {
      hireDate: hired,
      exitDate: monthsAgo(40),
      consentReturn: "granted",
      exitReason: "conduct",
    });
    const now = new Date();
    const page = evaluateRows(await readInputs(db, { ids: [person.id], limit: 10 }), policy, now);
    expect(page[0].evaluation.outcome).toBe("not_eligible");
    // Another writer holds an uncommitted first verdict for the same person while the page is
    // written: on a server the page's insert waits for it, then meets it (unique violation) and
    // the page is written again as an upsert.
    let wrote!: () => void;
    let release!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const other = db.$transaction(async (tx) => {
      await tx.eligibilityVerdict.create({
        data: {
          alumnusId: person.id,
          outcome: "eligible",
          reasons: [],
          policyId: policy.id,
          policyVersion: policy.version,
          computedAt: now,
          decidedAt: now,
          expiresAt: addMonths(now, 12),
        },
      });
      wrote();
      await held;
    });
    await written;
    const page$ = writeBulkPage(policy, toPayload(page), now);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await other;
    expect(await page$).toEqual({ written: 1, changed: 1 });
    expect(await db.eligibilityVerdict.findUniqueOrThrow({ where: { alumnusId: person.id } })).toMatchObject({
      outcome: "not_eligible",
    });
    const history = await db.eligibilityVerdictChange.findMany({ where: { alumnusId: person.id } });
    expect(history).toMatchObject([{ kind: "computed", fromOutcome: "eligible", toOutcome: "not_eligible" }]);
  });

  it("pages evaluated in the worker thread are stored exactly as pages evaluated here", async () => {
    const policy = (await getPublishedPolicy(db))!;
    const now = new Date();
    const stored = () =>
      db.eligibilityVerdict.findMany({
        orderBy: { alumnusId: "asc" },
        select: {
          alumnusId: true,
          outcome: true,
          reasons: true,
          reevaluateOn: true,
          policyVersion: true,
          computedAt: true,
        },
      });
    const here = await recomputeAll({ policy, startedAt: now, now, pageSize: 2, evaluationThread: "never" });
    const hereRows = await stored();
    const thread = await recomputeAll({
      policy,
      startedAt: now,
      now,
      pageSize: 2,
      evaluationThread: "always",
    });
    expect(thread).toEqual(here);
    expect(thread.written).toBe(await db.alumnus.count());
    expect(await stored()).toEqual(hereRows);
  });
});

describe("fairness", () => {
  it("flags groups below four fifths of the highest rate, and leaves small groups unflagged", () => {
    const { groups, reference } = assessGroups([
      { value: "A", total: 100, eligible: 80, needsReview: 10, notEligible: 10 },
      { value: "B", total: 100, eligible: 60, needsReview: 20, notEligible: 20 },
      { value: "C", total: 100, eligible: 65, needsReview: 20, notEligible: 15 },
      { value: "D", total: 5, eligible: 0, needsReview: 0, notEligible: 5 },
    ]);
    expect(reference).toBe("A");
    const by = Object.fromEntries(groups.map((g) => [g.value, g]));
    expect(by.B.flagged).toBe(true); // 0.75 < 0.8
    expect(by.C.flagged).toBe(false); // 0.8125
    expect(by.D).toMatchObject({ small: true, flagged: false });
  });

  it("reports effective verdicts with counts per group", async () => {
    const report = await fairnessReport({ attribute: "department" });
    expect(report.people).toBe(await db.eligibilityVerdict.count());
    const support = report.groups.find((g) => g.value === "Support")!;
    expect(support.total).toBe(3);
    expect(support.small).toBe(true);
  });
});
