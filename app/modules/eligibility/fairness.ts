/** The four-fifths check on eligibility rates, as pure functions (shared with the page). */
export const MIN_GROUP = 30;
export const FOUR_FIFTHS = 0.8;

export type FairnessGroup = {
  value: string | null;
  total: number;
  eligible: number;
  needsReview: number;
  notEligible: number;
  rate: number;
  impactRatio: number | null;
  small: boolean;
  flagged: boolean;
};

/** Pure: rates, the reference group and the four-fifths flags from counts. */
export function assessGroups(
  rows: { value: string | null; total: number; eligible: number; needsReview: number; notEligible: number }[],
): {
  groups: FairnessGroup[];
  referenceRate: number | null;
  reference: string | null;
} {
  const withRate = rows.map((r) => ({
    ...r,
    rate: r.total ? r.eligible / r.total : 0,
    small: r.total < MIN_GROUP,
  }));
  const candidates = withRate.filter((r) => !r.small);
  const best = candidates.reduce<(typeof withRate)[number] | null>(
    (top, r) => (!top || r.rate > top.rate ? r : top),
    null,
  );
  const referenceRate = best?.rate ?? null;
  const groups = withRate
    .map((r) => {
      const impactRatio = referenceRate ? r.rate / referenceRate : null;
      return { ...r, impactRatio, flagged: !r.small && impactRatio !== null && impactRatio < FOUR_FIFTHS };
    })
    .sort((a, b) => b.total - a.total || String(a.value).localeCompare(String(b.value)));
  return { groups, referenceRate, reference: best ? best.value : null };
}
