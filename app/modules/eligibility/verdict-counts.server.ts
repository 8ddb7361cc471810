import { db, type Db } from "~/platform/db.server";
import { readTally } from "~/platform/db/row-tally.server";
import { OUTCOMES, type Outcome } from "./policy";

/**
 * How many people have each verdict, from the database's running counts (ADR 090) instead of a
 * count over every verdict. The tally groups verdicts by computed outcome and by the outcome of an
 * override that has an expiry; overrides whose expiry has passed no longer count (as in
 * `effectiveOutcomeSql` and the review queue) and are subtracted here, read through the override
 * index (there are few: HR decisions, each for a while).
 */
export type VerdictCounts = {
  byOutcome: { outcome: Outcome; computed: number; effective: number; overridden: number }[];
  /** People with a verdict at all. */
  withVerdict: number;
  /** Computed "needs review" and no override in force: the review queue, unfiltered. */
  reviewQueue: number;
};

export async function verdictCounts(now = new Date(), client: Db = db): Promise<VerdictCounts> {
  const [tally, expired] = await Promise.all([
    readTally("verdict", client),
    client.$queryRaw<{ key: string; total: number }[]>`
      SELECT v."outcome"::text || '/' || v."overrideOutcome"::text AS "key", count(*)::int AS "total"
      FROM "EligibilityVerdict" v
      WHERE v."overrideOutcome" IN ('eligible', 'needs_review', 'not_eligible') AND v."overrideExpiresAt" <= ${now}
      GROUP BY 1`,
  ]);
  const inForce = new Map(tally);
  for (const row of expired) inForce.set(row.key, (inForce.get(row.key) ?? 0) - row.total);

  const computed = new Map<string, number>();
  const overriddenTo = new Map<string, number>();
  const overriddenFrom = new Map<string, number>();
  for (const [key, total] of inForce) {
    const [outcome, override] = key.split("/");
    computed.set(outcome, (computed.get(outcome) ?? 0) + (tally.get(key) ?? 0));
    if (!override) continue;
    overriddenTo.set(override, (overriddenTo.get(override) ?? 0) + total);
    overriddenFrom.set(outcome, (overriddenFrom.get(outcome) ?? 0) + total);
  }
  const byOutcome = OUTCOMES.map((outcome) => {
    const c = computed.get(outcome) ?? 0;
    const to = overriddenTo.get(outcome) ?? 0;
    return { outcome, computed: c, effective: c - (overriddenFrom.get(outcome) ?? 0) + to, overridden: to };
  });
  return {
    byOutcome,
    withVerdict: byOutcome.reduce((sum, o) => sum + o.computed, 0),
    reviewQueue: (computed.get("needs_review") ?? 0) - (overriddenFrom.get("needs_review") ?? 0),
  };
}

/** Everyone in the pool (as counting the Alumnus rows would), from the running count. */
export async function peopleCount(client: Db = db) {
  return (await readTally("alumnus", client)).get("") ?? 0;
}
