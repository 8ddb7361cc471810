import { describe, expect, it } from "vitest";
import type { RuleResult } from "./evaluate";
import { readStoredReasons, toStoredReasons } from "./stored-reasons";

const reasons: RuleResult[] = [
  { rule: "exit_reason", outcome: "eligible", sentence: 'Left for "layoff"; the policy says eligible.' },
  { rule: "cooling_off", outcome: null, sentence: "The policy has no cooling-off period." },
  {
    rule: "consent",
    outcome: "needs_review",
    sentence: "Has not said whether we may contact them about returning; the policy asks for consent.",
  },
];

describe("stored reasons", () => {
  it("round-trip through the stored triples, in order", () => {
    const stored = toStoredReasons(reasons);
    expect(stored[1]).toEqual(["cooling_off", null, "The policy has no cooling-off period."]);
    expect(readStoredReasons(JSON.parse(JSON.stringify(stored)))).toEqual(reasons);
  });

  it("read verdicts stored before the triples (objects) alike, and nothing from a missing value", () => {
    expect(readStoredReasons(JSON.parse(JSON.stringify(reasons)))).toEqual(reasons);
    expect(readStoredReasons(null)).toEqual([]);
  });

  it("are smaller than the objects they replace", () => {
    expect(JSON.stringify(toStoredReasons(reasons)).length).toBeLessThan(
      JSON.stringify(reasons).length * 0.8,
    );
  });
});
