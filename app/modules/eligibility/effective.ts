import type { Outcome } from "./policy";

/** The verdict that counts: a valid override wins over the computed outcome (ADR 018). */
export function effectiveOutcome(
  verdict: { outcome: Outcome; overrideOutcome: Outcome | null; overrideExpiresAt: Date | string | null },
  now: Date,
): { outcome: Outcome; source: "override" | "computed" } {
  if (
    verdict.overrideOutcome &&
    verdict.overrideExpiresAt &&
    new Date(verdict.overrideExpiresAt).getTime() > now.getTime()
  ) {
    return { outcome: verdict.overrideOutcome, source: "override" };
  }
  return { outcome: verdict.outcome, source: "computed" };
}
