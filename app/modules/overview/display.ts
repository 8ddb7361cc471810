import {
  GROUPINGS,
  NOT_RECORDED,
  STAGE_LABELS,
  STAGES,
  type FunnelCounts,
  type Grouping,
  type Stage,
} from "./funnel";

/**
 * How one count reads on a page, in a CSV or in the PDF: the number, or why there is none
 * ("not recorded yet" for a stage Comeback does not record, "not shown" outside the viewer's scope).
 */
export function countText(counts: FunnelCounts, stage: Stage): string {
  if (NOT_RECORDED[stage]) return "not recorded yet";
  const value = counts[stage];
  return value === null ? "not shown" : value.toLocaleString("en");
}

/** The same for a CSV cell: the number itself, or the reason. */
export function countValue(counts: FunnelCounts, stage: Stage): number | string {
  if (NOT_RECORDED[stage]) return "not recorded yet";
  return counts[stage] ?? "not shown";
}

/** The stages a viewer sees (the pool stages only with the pool). */
export function visibleStages(counts: FunnelCounts): Stage[] {
  return STAGES.filter((s) => counts[s] !== null);
}

export const groupingLabel = (by: Grouping) => GROUPINGS[by];
export { STAGE_LABELS };
