import { db, Prisma } from "~/platform/db.server";
import { evaluateEligibility } from "./evaluate";
import { OUTCOME_SEVERITY, type Outcome, type PolicyRules } from "./policy";
import { PAGE_SIZE, toInput } from "./recompute.server";
import { readStoredReasons } from "./stored-reasons";

/**
 * What-if: evaluates everyone under draft rules and compares with their stored computed verdicts
 * (overrides are left out: they stay in force whatever the policy says). Counts by direction,
 * by from -> to, and by decision, department and location; and the list of people affected.
 * Uses the same reading and evaluation as the recompute, so the counts equal what publishing
 * would change on the same day.
 */
export type Direction = "more" | "less";
export const GROUPS = ["decision", "department", "location"] as const;
export type GroupKey = (typeof GROUPS)[number];

export type WhatIfChange = {
  alumnusId: string;
  name: string;
  department: string | null;
  location: string | null;
  decision: string | null;
  from: Outcome | null;
  to: Outcome;
  direction: Direction;
  /** The draft's sentences for rules whose answer differs from the stored verdict's. */
  why: string[];
};

type Row = Parameters<typeof toInput>[0] & {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  department: string | null;
  location: string | null;
  decision: string | null;
  current: Outcome | null;
  reasons: unknown;
};

export async function runWhatIf(input: { rules: PolicyRules; version: number; now?: Date }) {
  const now = input.now ?? new Date();
  const policy = { rules: input.rules, version: input.version };
  const matrix: Record<string, number> = {};
  const totalsNow: Record<Outcome | "none", number> = {
    eligible: 0,
    needs_review: 0,
    not_eligible: 0,
    none: 0,
  };
  const totalsAfter: Record<Outcome, number> = { eligible: 0, needs_review: 0, not_eligible: 0 };
  const groups: Record<GroupKey, Map<string, { total: number; more: number; less: number }>> = {
    decision: new Map(),
    department: new Map(),
    location: new Map(),
  };
  const changes: WhatIfChange[] = [];
  let people = 0;
  let after = "";
  for (;;) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT a."id", a."exitDate", a."hireDate", a."exitReason"::text AS "exitReason", a."hrRehireFlag"::text AS "hrRehireFlag",
        a."doNotRehire", a."legalHold", a."consentReturn"::text AS "consentReturn",
        (SELECT json_agg(json_build_array(p."startDate", p."endDate") ORDER BY p."startDate") FROM "EmploymentPeriod" p WHERE p."alumnusId" = a."id") AS "periods",
        a."firstName", a."lastName", a."preferredName", a."department", a."location", d."title" AS "decision",
        v."outcome"::text AS "current", v."reasons"
      FROM "Alumnus" a
      LEFT JOIN "EligibilityVerdict" v ON v."alumnusId" = a."id"
      LEFT JOIN "WorkforceDecision" d ON d."id" = a."decisionId"
      WHERE a."id" > ${after}
      ORDER BY a."id" LIMIT ${Prisma.raw(String(PAGE_SIZE))}`;
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    for (const row of rows) {
      people++;
      const result = evaluateEligibility(toInput(row), policy, now);
      totalsNow[row.current ?? "none"]++;
      totalsAfter[result.outcome]++;
      const keys: Record<GroupKey, string> = {
        decision: row.decision ?? "",
        department: row.department ?? "",
        location: row.location ?? "",
      };
      const changed = row.current !== result.outcome;
      const direction: Direction =
        row.current && OUTCOME_SEVERITY[result.outcome] > OUTCOME_SEVERITY[row.current] ? "less" : "more";
      for (const g of GROUPS) {
        const entry = groups[g].get(keys[g]) ?? { total: 0, more: 0, less: 0 };
        entry.total++;
        if (changed) entry[direction]++;
        groups[g].set(keys[g], entry);
      }
      if (!changed) continue;
      const key = `${row.current ?? "none"}->${result.outcome}`;
      matrix[key] = (matrix[key] ?? 0) + 1;
      const previous = new Map(readStoredReasons(row.reasons).map((r) => [r.rule, r.outcome]));
      changes.push({
        alumnusId: row.id,
        name: `${row.preferredName || row.firstName} ${row.lastName}`,
        department: row.department,
        location: row.location,
        decision: row.decision,
        from: row.current,
        to: result.outcome,
        direction,
        why: result.reasons.filter((r) => previous.get(r.rule) !== r.outcome).map((r) => r.sentence),
      });
    }
  }
  const byGroup = Object.fromEntries(
    GROUPS.map((g) => [
      g,
      [...groups[g].entries()]
        .map(([value, counts]) => ({ value, ...counts, changed: counts.more + counts.less }))
        .filter((e) => e.changed > 0)
        .sort((a, b) => b.changed - a.changed || a.value.localeCompare(b.value)),
    ]),
  ) as Record<GroupKey, { value: string; total: number; more: number; less: number; changed: number }[]>;
  return {
    people,
    changed: changes.length,
    more: changes.filter((c) => c.direction === "more").length,
    less: changes.filter((c) => c.direction === "less").length,
    matrix: Object.entries(matrix)
      .map(([key, count]) => {
        const [from, to] = key.split("->");
        return { from: from === "none" ? null : (from as Outcome), to: to as Outcome, count };
      })
      .sort((a, b) => b.count - a.count),
    totalsNow,
    totalsAfter,
    byGroup,
    changes,
  };
}

export type WhatIfResult = Awaited<ReturnType<typeof runWhatIf>>;

/** One page of the affected people, filtered by direction and group. */
export function pageOfChanges(
  changes: WhatIfChange[],
  input: { page: number; pageSize: number; direction?: Direction; group?: GroupKey; value?: string },
) {
  const filtered = changes
    .filter((c) => !input.direction || c.direction === input.direction)
    .filter((c) => !input.group || input.value === undefined || (c[input.group] ?? "") === input.value)
    .sort((a, b) => a.name.localeCompare(b.name) || a.alumnusId.localeCompare(b.alumnusId));
  const pageCount = Math.max(1, Math.ceil(filtered.length / input.pageSize));
  const page = Math.min(Math.max(1, input.page), pageCount);
  return {
    total: filtered.length,
    page,
    pageCount,
    items: filtered.slice((page - 1) * input.pageSize, page * input.pageSize),
  };
}
