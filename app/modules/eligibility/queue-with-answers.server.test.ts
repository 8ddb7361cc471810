import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createAlumnus, createStaffUser } from "../../../test/factories";
import type { Outcome } from "./policy";
import { countQueueWithAnswers, reviewQueueWhere } from "./review-queue.server";

const now = new Date();
const DAY = 86_400_000;

async function person(
  outcome: Outcome,
  answered: boolean | null,
  override?: { outcome: Outcome; expiresAt: Date | null },
) {
  const a = await createAlumnus(db, { firstName: "Queue", lastName: "Person" });
  await db.eligibilityVerdict.create({
    data: {
      alumnusId: a.id,
      outcome,
      reasons: [],
      policyId: "queue-policy",
      policyVersion: 1,
      computedAt: now,
      decidedAt: now,
      expiresAt: new Date(now.getTime() + 365 * DAY),
      ...(override ? { overrideOutcome: override.outcome, overrideExpiresAt: override.expiresAt } : {}),
    },
  });
  return { id: a.id, answered };
}

describe("the queue's people with a manager's answer", () => {
  it("counts the same people as the queue filtered to answered questions", async () => {
    const manager = await createStaffUser(db, { role: "manager" });
    const hr = await createStaffUser(db, { role: "hr" });
    const people = [
      await person("needs_review", true),
      await person("needs_review", true),
      await person("needs_review", false),
      await person("needs_review", null),
      await person("eligible", true),
      await person("needs_review", true, { outcome: "eligible", expiresAt: new Date(now.getTime() + DAY) }),
      await person("needs_review", true, { outcome: "eligible", expiresAt: new Date(now.getTime() - DAY) }),
      await person("needs_review", true, { outcome: "not_eligible", expiresAt: null }),
    ];
    for (const p of people) {
      if (p.answered === null) continue;
      await db.reviewInputRequest.create({
        data: {
          alumnusId: p.id,
          managerId: manager.id,
          requestedById: hr.id,
          question: "How was their work?",
          answeredAt: p.answered ? now : null,
        },
      });
    }
    // Two answered questions about one person count them once.
    await db.reviewInputRequest.create({
      data: {
        alumnusId: people[0].id,
        managerId: manager.id,
        requestedById: hr.id,
        question: "And since?",
        answeredAt: now,
      },
    });
    const expected = await db.eligibilityVerdict.count({
      where: reviewQueueWhere(now, { input: "answered" }),
    });
    expect(await countQueueWithAnswers(now)).toBe(expected);
    // The two plain ones, the lapsed override and the override without an expiry.
    expect(expected).toBe(4);
  });
});
