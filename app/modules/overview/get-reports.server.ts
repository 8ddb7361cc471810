import type { StaffUser } from "~/platform/auth.server";
import type { IgnoredParam } from "~/platform/http.server";
import { can } from "~/platform/permissions";
import type { Grouping } from "./funnel";
import { decisionChoice, funnelBy } from "./get-overview.server";
import { FILTER_LABELS } from "./schemas";
import { overviewScope } from "./overview-scope.server";

/** The reports page: the funnel by one grouping, returns by engagement type, and what to download. */
export async function getReports(input: {
  actor: StaffUser;
  filter: { decision?: string; by: string };
  ignored: IgnoredParam[];
}) {
  const scope = overviewScope(input.actor);
  const ignored = [...input.ignored];
  const { decisions, decisionId } = await decisionChoice(input.filter.decision, ignored);
  const by = input.filter.by as Grouping;
  const [rows, engagement] = await Promise.all([
    funnelBy({ scope, by, decisionId }),
    funnelBy({ scope, by: "engagement", decisionId }),
  ]);
  return {
    scope,
    decisions,
    decisionId: decisionId ?? null,
    by,
    ignored: ignored.map((i) => FILTER_LABELS[i.name] ?? i.name),
    rows,
    engagement,
    fairness: can(input.actor, "read:fairness"),
  };
}
