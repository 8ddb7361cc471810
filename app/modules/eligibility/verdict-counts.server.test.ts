import { describe, expect, it } from "vitest";
import { db, Prisma } from "~/platform/db.server";
import { FOLD_AT } from "~/platform/db/row-tally.server";
import { createAlumnus } from "../../../test/factories";
import { effectiveOutcomeSql } from "./eligibility-where.server";
import { OUTCOMES, type Outcome } from "./policy";
import { reviewQueueWhere } from "./review-queue.server";
import { peopleCount, verdictCounts } from "./verdict-counts.server";

/**
 * The running counts (ADR 090) against counting every row, after each kind of write the app and
 * the database make: creates, bulk updates, upserts, overrides in force / expired / without an
 * expiry, deletes (and cascades from people), truncation, folding, and writers running at once.
 */
const now = new Date();
const DAY = 86_400_000;

async function counted() {
  const effective = effectiveOutcomeSql(now, "v");
  const rows = await db.$queryRaw<
    { outcome: Outcome; computed: number; effective: number; overridden: number }[]
  >`
    SELECT o.outcome,
      (SELECT count(*)::int FROM "EligibilityVerdict" v WHERE v."outcome"::text = o.outcome) AS "computed",
      (SELECT count(*)::int FROM "EligibilityVerdict" v WHERE ${effective}::text = o.outcome) AS "effective",
      (SELECT count(*)::int FROM "EligibilityVerdict" v WHERE v."overrideOutcome"::text = o.outcome AND v."overrideExpiresAt" > ${now}) AS "overridden"
    FROM unnest(${[...OUTCOMES]}::text[]) AS o(outcome)`;
  return {
    byOutcome: OUTCOMES.map((outcome) => {
      const { computed, effective: eff, overridden } = rows.find((r) => r.outcome === outcome)!;
      return { outcome, computed, effective: eff, overridden };
    }),
    withVerdict: await db.eligibilityVerdict.count(),
    reviewQueue: await db.eligibilityVerdict.count({ where: reviewQueueWhere(now) }),
  };
}

async function expectTallyRight() {
  expect(await verdictCounts(now)).toEqual(await counted());
  expect(await peopleCount()).toBe(await db.alumnus.count());
}

async function person(outcome: Outcome | null, override?: { outcome: Outcome; expiresAt: Date | null }) {
  const a = await createAlumnus(db, { firstName: "Tally", lastName: "Person" });
  if (outcome)
    await db.eligibilityVerdict.create({
      data: {
        alumnusId: a.id,
        outcome,
        reasons: [],
        policyId: "tally-policy",
        policyVersion: 1,
        computedAt: now,
        decidedAt: now,
        expiresAt: new Date(now.getTime() + 365 * DAY),
        ...(override
          ? {
              overrideOutcome: override.outcome,
              overrideExpiresAt: override.expiresAt,
              overrideKind: "review",
            }
          : {}),
      },
    });
  return a.id;
}

describe("verdict and people counts from the running tally", () => {
  it("match counting every row after creates, bulk updates, upserts, overrides and deletes", async () => {
    await expectTallyRight();
    const ids: string[] = [];
    for (const outcome of [
      "eligible",
      "eligible",
      "needs_review",
      "needs_review",
      "needs_review",
      "not_eligible",
    ] as const)
      ids.push(await person(outcome));
    await person(null);
    // Overrides: in force, expired, and without an expiry (which is not in force).
    ids.push(
      await person("needs_review", { outcome: "eligible", expiresAt: new Date(now.getTime() + 30 * DAY) }),
    );
    ids.push(
      await person("needs_review", { outcome: "not_eligible", expiresAt: new Date(now.getTime() - DAY) }),
    );
    ids.push(
      await person("not_eligible", { outcome: "needs_review", expiresAt: new Date(now.getTime() + DAY) }),
    );
    ids.push(await person("eligible", { outcome: "not_eligible", expiresAt: null }));
    await expectTallyRight();
    const before = await verdictCounts(now);
    expect(before.byOutcome.find((o) => o.outcome === "needs_review")).toMatchObject({ overridden: 1 });

    // A bulk update that changes some outcomes and leaves others, as a recompute page does.
    await db.eligibilityVerdict.updateMany({
      where: { alumnusId: { in: ids.slice(0, 4) } },
      data: { outcome: "not_eligible" },
    });
    await expectTallyRight();
    // An upsert of a page (insert or update in one statement).
    const fresh = await person(null);
    await db.$executeRaw`
      INSERT INTO "EligibilityVerdict" ("alumnusId", "outcome", "reasons", "policyId", "policyVersion", "computedAt", "decidedAt", "expiresAt")
      SELECT x, 'eligible', '[]', 'tally-policy', 2, now(), now(), now() + interval '1 year' FROM unnest(${[fresh, ids[5]]}::text[]) x
      ON CONFLICT ("alumnusId") DO UPDATE SET "outcome" = EXCLUDED."outcome", "policyVersion" = 2`;
    await expectTallyRight();
    // HR overrides someone, and clears another override.
    await db.eligibilityVerdict.update({
      where: { alumnusId: ids[2] },
      data: {
        overrideOutcome: "eligible",
        overrideExpiresAt: new Date(now.getTime() + DAY),
        overrideKind: "override",
      },
    });
    await db.eligibilityVerdict.update({
      where: { alumnusId: ids[8] },
      data: { overrideOutcome: null, overrideExpiresAt: null, overrideKind: null },
    });
    await expectTallyRight();
    // A verdict deleted, and a person deleted with their verdict (cascade).
    await db.eligibilityVerdict.delete({ where: { alumnusId: ids[0] } });
    await db.alumnus.delete({ where: { id: ids[1] } });
    await expectTallyRight();
  });

  it("stays right when it folds its rows, and when writers and readers run at once", async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => person("eligible")));
    // Enough single-row statements to pass the fold threshold; flip outcomes back and forth.
    const outcomes: Outcome[] = ["needs_review", "not_eligible", "eligible"];
    const statements = Array.from({ length: FOLD_AT + 40 }, (_, i) => ({
      id: ids[i % ids.length],
      outcome: outcomes[i % outcomes.length],
    }));
    for (let i = 0; i < statements.length; i += 12) {
      await Promise.all([
        ...statements
          .slice(i, i + 12)
          .map((s) =>
            db.eligibilityVerdict.update({ where: { alumnusId: s.id }, data: { outcome: s.outcome } }),
          ),
        verdictCounts(now),
      ]);
    }
    await expectTallyRight();
    const rows = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM "RowTally" WHERE "subject" = 'verdict'`;
    expect(rows[0].n).toBeLessThanOrEqual(FOLD_AT + 12 * 3);
  });

  it("starts again from nothing when the table is truncated", async () => {
    await person("eligible");
    await db.$executeRaw(Prisma.sql`TRUNCATE "EligibilityVerdict"`);
    await expectTallyRight();
    expect((await verdictCounts(now)).withVerdict).toBe(0);
    await person("needs_review");
    await expectTallyRight();
  });
});
