import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import type { IgnoredParam } from "~/platform/http.server";
import { contractsVisibleTo } from "~/modules/contracts/contract-record.server";
import { PERSON_GROUPINGS, POOL_STAGES, STAGES, type FunnelRow, type Grouping } from "./funnel";
import {
  emailHealth,
  MAX_GROUPS,
  personFunnel,
  phaseTargets,
  programFunnel,
  timeToActive,
} from "./funnel.server";
import { FILTER_LABELS } from "./schemas";
import { overviewScope, type OverviewScope } from "./overview-scope.server";

/** The decisions the filter offers; a decision id the address names that does not exist is left out. */
async function decisionChoice(decisionId: string | undefined, ignored: IgnoredParam[]) {
  const decisions = await db.workforceDecision.findMany({
    orderBy: { title: "asc" },
    select: { id: true, title: true, status: true },
  });
  if (decisionId && !decisions.some((d) => d.id === decisionId)) {
    ignored.push({ name: "decision", message: "That decision does not exist (any more)." });
    decisionId = undefined;
  }
  return { decisions, decisionId };
}

/**
 * The funnel for one grouping in this scope: the person-level funnel (every stage) when the
 * viewer sees the pool, otherwise the program-level one (pipeline stages of their programs).
 * Null when the grouping needs the pool and the viewer does not see it.
 */
export async function funnelBy(input: {
  scope: OverviewScope;
  by: Grouping | "overall";
  decisionId?: string;
}): Promise<FunnelRow[] | null> {
  const { scope, by, decisionId } = input;
  if (scope.pool && (by === "overall" || PERSON_GROUPINGS.includes(by)))
    return personFunnel({ by: by as "overall" | "decision" | "department" | "location", decisionId });
  if (by === "department" || by === "location") return null;
  if (!scope.pipeline) return null;
  return programFunnel({ by, scope, decisionId });
}

/** Nothing recorded yet: zeros for the stages the viewer sees. */
function emptyRow(scope: OverviewScope): FunnelRow {
  const counts = Object.fromEntries(
    STAGES.map((s) => [s, !scope.pool && POOL_STAGES.includes(s) ? null : 0]),
  ) as FunnelRow["counts"];
  return { key: "all", label: scope.pool ? "Everyone in the pool" : "Every program", counts };
}

/** Rows of disjoint groups added up into one. */
function sumRows(rows: FunnelRow[], into: FunnelRow): FunnelRow {
  const counts = { ...into.counts };
  for (const row of rows)
    for (const s of STAGES) counts[s] = counts[s] === null ? null : (counts[s] ?? 0) + (row.counts[s] ?? 0);
  return { ...into, counts };
}

/** Everything the overview dashboard shows, each part only when the viewer's scope includes it. */
export async function getOverview(input: {
  actor: StaffUser;
  filter: { decision?: string };
  ignored: IgnoredParam[];
}) {
  const scope = overviewScope(input.actor);
  const ignored = [...input.ignored];
  const { decisions, decisionId } = await decisionChoice(input.filter.decision, ignored);
  const contractScope = scope.contracts
    ? { AND: [contractsVisibleTo(input.actor), decisionId ? { program: { decisionId } } : {}] }
    : null;
  const today = new Date(new Date().toISOString().slice(0, 10));
  const [overall, byDecision, phases, time, email, pendingApprovals, overdueTasks] = await Promise.all([
    // Over the whole pool each person sits in exactly one decision row, so the overall funnel is
    // their sum: one scan of the pool instead of two.
    scope.pool && !decisionId ? Promise.resolve(null) : funnelBy({ scope, by: "overall", decisionId }),
    decisionId ? Promise.resolve(null) : funnelBy({ scope, by: "decision" }),
    phaseTargets({ scope, decisionId }),
    timeToActive({ scope, decisionId }),
    scope.outbox ? emailHealth() : Promise.resolve(null),
    scope.contracts
      ? db.gigContract.count({
          where: {
            AND: [
              contractsVisibleTo(input.actor),
              { status: "pending_approval" },
              decisionId ? { program: { decisionId } } : {},
            ],
          },
        })
      : Promise.resolve(null),
    // Onboarding tasks still open after their due day, on the contracts the viewer sees.
    contractScope
      ? db.onboardingTask.count({ where: { status: "open", dueOn: { lt: today }, contract: contractScope } })
      : Promise.resolve(null),
  ]);
  return {
    scope,
    decisions,
    decisionId: decisionId ?? null,
    ignored: ignored.map((i) => FILTER_LABELS[i.name] ?? i.name),
    overall:
      scope.pool && !decisionId && byDecision && byDecision.length < MAX_GROUPS
        ? sumRows(byDecision, emptyRow(scope))
        : overall
          ? (overall[0] ?? emptyRow(scope))
          : scope.pool && !decisionId
            ? ((await funnelBy({ scope, by: "overall" }))?.[0] ?? emptyRow(scope))
            : null,
    byDecision,
    phases,
    time,
    email,
    pendingApprovals,
    overdueTasks,
  };
}

export { decisionChoice };
