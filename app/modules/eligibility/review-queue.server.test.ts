import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { createAlumnus, createDecision, createStaffUser, staffActor } from "../../../test/factories";
import { verifyAuditChain } from "../audit/verify-chain.server";
import { decideReviews } from "./decide-reviews.server";
import { overrideVerdict } from "./override-verdict.server";
import { findNextInQueue, getReviewFilterOptions, listReviewQueue } from "./review-queue.server";
import type { RuleKey } from "./evaluate";

/** One database for this file: the queue below is all there is. */
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
let hr: ReturnType<typeof staffActor>;
let manager: ReturnType<typeof staffActor>;
let automationId: string;

type Person = { id: string; key: string };
const people: Record<string, string> = {};

/** A person waiting for review because of `rules`, waiting since `waitedDays` ago. */
async function waiting(
  key: string,
  options: {
    rules: RuleKey[];
    waitedDays?: number;
    department?: string;
    exitReason?: "layoff_automation" | "performance" | "attendance" | "resignation";
    decisionId?: string | null;
    outcome?: "needs_review" | "eligible" | "not_eligible";
    legacyReasons?: boolean;
  },
) {
  const person = await createAlumnus(db, {
    firstName: key,
    lastName: "Tester",
    department: options.department ?? "Support",
    exitReason: options.exitReason ?? "layoff_automation",
    decisionId: options.decisionId ?? null,
  });
  const reasons = (["exit_reason", "hr_flag", "legal_hold"] as RuleKey[]).map((rule) => {
    const outcome = options.rules.includes(rule) ? "needs_review" : "eligible";
    const sentence = `${rule} says ${outcome}.`;
    return options.legacyReasons ? { rule, outcome, sentence } : [rule, outcome, sentence];
  });
  await db.eligibilityVerdict.create({
    data: {
      alumnusId: person.id,
      outcome: options.outcome ?? "needs_review",
      reasons,
      policyId: "policy",
      policyVersion: 3,
      computedAt: now,
      decidedAt: daysAgo(options.waitedDays ?? 1),
      expiresAt: daysAgo(-365),
    },
  });
  people[key] = person.id;
  return { id: person.id, key } satisfies Person;
}

const names = (items: { name: string }[]) => items.map((i) => i.name.split(" ")[0]).sort();

beforeAll(async () => {
  hr = staffActor(await createStaffUser(db, { role: "hr" }));
  manager = staffActor(await createStaffUser(db, { role: "manager" }));
  automationId = (await createDecision(db, { title: "Automation 2022" })).id;
  await waiting("Flag1", { rules: ["hr_flag"], waitedDays: 200, decisionId: automationId });
  await waiting("Flag2", { rules: ["hr_flag"], waitedDays: 40, decisionId: automationId });
  await waiting("Flag3", {
    rules: ["hr_flag"],
    waitedDays: 3,
    decisionId: automationId,
    legacyReasons: true,
  });
  await waiting("Perf1", {
    rules: ["exit_reason"],
    exitReason: "performance",
    department: "Finance",
    waitedDays: 100,
  });
  await waiting("Perf2", { rules: ["exit_reason", "hr_flag"], exitReason: "performance", waitedDays: 10 });
  await waiting("Att1", {
    rules: ["exit_reason"],
    exitReason: "attendance",
    department: "Finance",
    waitedDays: 5,
  });
  await waiting("Hold1", { rules: ["legal_hold"], exitReason: "resignation", waitedDays: 400 });
  // not in the queue
  await waiting("Elig1", { rules: [], outcome: "eligible" });
  await waiting("Decided1", { rules: ["hr_flag"] });
  await overrideVerdict({
    actor: hr,
    alumnusId: people.Decided1,
    outcome: "eligible",
    justification: "Looked at the file; the flag was set by the layoff process.",
    kind: "review",
  });
  const ask = (alumnusId: string, answeredAt: Date | null) =>
    db.reviewInputRequest.create({
      data: {
        alumnusId,
        managerId: manager.id,
        requestedById: hr.id,
        question: "Would you work with them again?",
        answeredAt,
      },
    });
  await ask(people.Perf1, now);
  await ask(people.Perf2, null);
});

describe("the review queue's filters", () => {
  it("lists everyone waiting, oldest first", async () => {
    const queue = await listReviewQueue({ page: 1, now });
    expect(queue.total).toBe(7);
    expect(queue.items.map((i) => i.name.split(" ")[0])).toEqual([
      "Hold1",
      "Flag1",
      "Perf1",
      "Flag2",
      "Perf2",
      "Att1",
      "Flag3",
    ]);
    expect(queue.items.find((i) => i.name.startsWith("Perf1"))).toMatchObject({
      exitReason: "Performance",
      why: ["exit_reason says needs_review."],
      inputs: { asked: 1, answered: 1 },
    });
  });

  it("by what sent them (stored triples and older object reasons alike), several reasons meaning any", async () => {
    expect(names((await listReviewQueue({ page: 1, now, filter: { reason: ["hr_flag"] } })).items)).toEqual([
      "Flag1",
      "Flag2",
      "Flag3",
      "Perf2",
    ]);
    expect(
      names(
        (await listReviewQueue({ page: 1, now, filter: { reason: ["legal_hold", "exit_reason"] } })).items,
      ),
    ).toEqual(["Att1", "Hold1", "Perf1", "Perf2"]);
  });

  it("by exit reason, department, workforce decision, time waiting and manager input", async () => {
    const list = async (filter: Parameters<typeof listReviewQueue>[0]["filter"]) =>
      names((await listReviewQueue({ page: 1, now, filter })).items);
    expect(await list({ exitReason: ["performance", "attendance"] })).toEqual(["Att1", "Perf1", "Perf2"]);
    expect(await list({ department: "Finance" })).toEqual(["Att1", "Perf1"]);
    expect(await list({ decisionId: automationId })).toEqual(["Flag1", "Flag2", "Flag3"]);
    expect(await list({ decisionId: "none" })).toEqual(["Att1", "Hold1", "Perf1", "Perf2"]);
    expect(await list({ waited: 30 })).toEqual(["Flag1", "Flag2", "Hold1", "Perf1"]);
    expect(await list({ waited: 365 })).toEqual(["Hold1"]);
    expect(await list({ input: "answered" })).toEqual(["Perf1"]);
    expect(await list({ input: "asked" })).toEqual(["Perf2"]);
    expect(await list({ input: "none" })).toEqual(["Att1", "Flag1", "Flag2", "Flag3", "Hold1"]);
    expect(await list({ reason: ["hr_flag"], decisionId: automationId, waited: 30 })).toEqual([
      "Flag1",
      "Flag2",
    ]);
  });

  it("pages by the size asked for", async () => {
    const second = await listReviewQueue({ page: 2, size: 3, now });
    expect(second).toMatchObject({ total: 7, pageCount: 3, size: 3 });
    expect(second.items.map((i) => i.name.split(" ")[0])).toEqual(["Flag2", "Perf2", "Att1"]);
  });

  it("offers the departments of people waiting, with counts, and the decisions", async () => {
    const options = await getReviewFilterOptions({ now });
    expect(options.departments).toEqual([
      { name: "Finance", count: 2 },
      { name: "Support", count: 5 },
    ]);
    expect(options.decisions.map((d) => d.title)).toContain("Automation 2022");
  });

  it("finds the next person in the same view, skipping the one just decided", async () => {
    expect(await findNextInQueue({ filter: { reason: ["hr_flag"] }, after: people.Flag1, now })).toBe(
      people.Flag2,
    );
    expect(await findNextInQueue({ filter: { department: "Finance" }, after: people.Att1, now })).toBe(
      people.Perf1,
    );
    expect(await findNextInQueue({ filter: { waited: 365 }, after: people.Hold1, now })).toBeNull();
  });
});

describe("a bulk decision", () => {
  it("decides everyone ticked with one justification: one verdict change and one audit event each, nobody else touched", async () => {
    const selection = [people.Flag1, people.Flag2, people.Flag3];
    const others = Object.values(people).filter((id) => !selection.includes(id));
    const before = await db.eligibilityVerdict.findMany({
      where: { alumnusId: { in: others } },
      orderBy: { alumnusId: "asc" },
    });
    const auditBefore = await db.auditEvent.count();
    const justification =
      "All three were flagged for review by the 2022 layoff process itself, not for anything they did.";

    const result = await decideReviews({
      actor: hr,
      alumnusIds: [...selection, people.Flag1],
      outcome: "eligible",
      justification,
      now,
    });
    expect(result.decided).toBe(3);

    const decided = await db.eligibilityVerdict.findMany({ where: { alumnusId: { in: selection } } });
    expect(decided).toHaveLength(3);
    for (const v of decided) {
      expect(v).toMatchObject({
        outcome: "needs_review", // the computed verdict stays; the decision sits beside it
        overrideOutcome: "eligible",
        overrideKind: "review",
        overrideJustification: justification,
        overrideById: hr.id,
      });
      expect(v.overrideExpiresAt!.getTime()).toBeGreaterThan(now.getTime());
    }
    const changes = await db.eligibilityVerdictChange.findMany({ where: { alumnusId: { in: selection } } });
    expect(changes.map((c) => [c.kind, c.fromOutcome, c.toOutcome, c.justification])).toEqual(
      selection.map(() => ["review", "needs_review", "eligible", justification]),
    );

    const events = await db.auditEvent.findMany({
      where: { id: { gt: BigInt(0) } },
      orderBy: { id: "asc" },
      skip: auditBefore,
    });
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.entityId).sort()).toEqual([...selection].sort());
    for (const e of events) {
      expect(e).toMatchObject({ action: "verdict.review_decided", actorId: hr.id, reason: justification });
      expect(e.after).toMatchObject({ override: "eligible", decidedTogether: 3 });
    }
    expect((await verifyAuditChain()).ok).toBe(true);

    const after = await db.eligibilityVerdict.findMany({
      where: { alumnusId: { in: others } },
      orderBy: { alumnusId: "asc" },
    });
    expect(after).toEqual(before);
    expect((await listReviewQueue({ page: 1, now })).total).toBe(4);
  });

  it("records nothing when someone ticked is no longer waiting, and says how many", async () => {
    const auditBefore = await db.auditEvent.count();
    const attempt = decideReviews({
      actor: hr,
      alumnusIds: [people.Perf1, people.Flag1, people.Elig1],
      outcome: "not_eligible",
      justification: "Both left for reasons the team still stands by.",
      now,
    });
    await expect(attempt).rejects.toThrow(AppError);
    await expect(attempt).rejects.toThrow("2 people you ticked are no longer waiting for review");
    expect(await db.auditEvent.count()).toBe(auditBefore);
    expect(
      (await db.eligibilityVerdict.findUniqueOrThrow({ where: { alumnusId: people.Perf1 } })).overrideOutcome,
    ).toBeNull();
  });

  it("refuses an empty selection and more than 100 people", async () => {
    const base = {
      actor: hr,
      outcome: "eligible" as const,
      justification: "A justification long enough.",
      now,
    };
    await expect(decideReviews({ ...base, alumnusIds: [] })).rejects.toThrow("Tick the people");
    await expect(
      decideReviews({ ...base, alumnusIds: Array.from({ length: 101 }, (_, i) => `p${i}`) }),
    ).rejects.toThrow("at most 100 people");
  });
});
