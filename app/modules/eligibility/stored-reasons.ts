import type { RuleKey, RuleResult } from "./evaluate";
import type { Outcome } from "./policy";

/**
 * How a verdict's reasons are stored (ADR 018): one `[rule, outcome, sentence]` triple per rule,
 * in the order the rules were evaluated. Without the three keys repeated seven times per person a
 * verdict row is about a quarter smaller, which is most of what a recompute of everyone writes.
 * Verdicts stored before this form (objects with rule/outcome/sentence) are read alike.
 */
export type StoredReason = [RuleKey, Outcome | null, string];

export function toStoredReasons(reasons: RuleResult[]): StoredReason[] {
  return reasons.map((r) => [r.rule, r.outcome, r.sentence]);
}

export function readStoredReasons(value: unknown): RuleResult[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: unknown) => {
    if (Array.isArray(item)) {
      const [rule, outcome, sentence] = item as StoredReason;
      return { rule, outcome, sentence };
    }
    return item as RuleResult;
  });
}
