import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/modules/audit/verify-chain.server";
import { db } from "~/platform/db.server";
import {
  AUTOMATION_DECISION_TITLE,
  DEMO_ACCOUNTS,
  demoAccounts,
  seedIfEmpty,
  WORKDAY_MAPPING_NAME,
} from "./seed";

describe("demo seed", () => {
  it("fills an empty database once, deterministically, with one account per role", async () => {
    expect(await seedIfEmpty()).toBe(true);
    expect(await seedIfEmpty()).toBe(false);
    const decision = await db.workforceDecision.findUniqueOrThrow({
      where: { title: AUTOMATION_DECISION_TITLE },
      include: { _count: { select: { alumni: true } }, phases: true },
    });
    expect(decision._count.alumni).toBe(700);
    expect(decision.phases).toHaveLength(3);
    expect(await db.alumnus.count()).toBe(1000);
    expect((await demoAccounts()).map((a) => a.role).sort()).toEqual(["admin", "hr", "manager"]);
    expect(DEMO_ACCOUNTS.every((a) => a.password.length >= 12)).toBe(true);
    // Same seed, same people: the first alumnus is always the same person.
    const first = await db.alumnus.findFirstOrThrow({ where: { hrId: "E200000" } });
    expect(`${first.firstName} ${first.lastName}`).toMatchInlineSnapshot(`"Linnea Nowak"`);
    // The default eligibility policy is published and everyone has a verdict with its reasons.
    expect(await db.eligibilityPolicy.count({ where: { status: "published", version: 1 } })).toBe(1);
    expect(await db.eligibilityVerdict.count({ where: { policyVersion: 1 } })).toBe(1000);
    const outcomes = await db.eligibilityVerdict.groupBy({ by: ["outcome"], _count: true });
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["eligible", "needs_review", "not_eligible"]);
    expect(await db.importMapping.findUniqueOrThrow({ where: { name: WORKDAY_MAPPING_NAME } })).toMatchObject(
      { system: "workday", dateFormat: "us" },
    );
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
