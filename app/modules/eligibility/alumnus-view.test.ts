import { describe, expect, it } from "vitest";
import { PORTAL_STRINGS_EN } from "~/modules/portal/strings";
import { alumnusEligibilityView } from "./alumnus-view";
import { RULES, type RuleResult } from "./evaluate";
import type { Outcome } from "./policy";

const reasons = (outcomes: Partial<Record<(typeof RULES)[number], Outcome | null>>): RuleResult[] =>
  RULES.map((rule) => ({
    rule,
    outcome: rule in outcomes ? (outcomes[rule] ?? null) : "eligible",
    sentence: `HR sentence for ${rule}: Marked do not rehire; reason "stole a stapler".`,
  }));

const verdict = (outcome: Outcome, r: RuleResult[], source: "computed" | "override" = "computed") => ({
  effective: { outcome, source },
  reasons: r,
  computedAt: "2026-11-02T10:00:00.000Z",
  reevaluateOn: "2027-03-01",
  overrideAt: source === "override" ? "2026-11-20T09:00:00.000Z" : null,
});

describe("the person's own view of their verdict", () => {
  it("has a sentence in the catalogue for every rule and outcome", () => {
    for (const o of ["eligible", "needs_review", "not_eligible"] as const) {
      const view = alumnusEligibilityView(
        verdict(
          o,
          RULES.map((rule) => ({ rule, outcome: o, sentence: "" })),
        ),
      );
      expect(PORTAL_STRINGS_EN[view.title]).toBeTruthy();
      expect(PORTAL_STRINGS_EN[view.body]).toBeTruthy();
      for (const r of view.reasons) expect(PORTAL_STRINGS_EN[r.key], r.key).toBeTruthy();
    }
  });

  it("never carries HR's own sentences, and keeps flags out of sight unless they stand in the way", () => {
    const view = alumnusEligibilityView(verdict("eligible", reasons({ cooling_off: null })));
    expect(JSON.stringify(view)).not.toMatch(/stapler|HR sentence/);
    expect(view.reasons.map((r) => r.key)).toEqual([
      "eligibility.rule.exitReason.eligible",
      "eligibility.rule.minimumTenure.eligible",
      "eligibility.rule.consent.eligible",
    ]);
    const blocked = alumnusEligibilityView(
      verdict("not_eligible", reasons({ do_not_rehire: "not_eligible" })),
    );
    expect(blocked.title).toBe("eligibility.outcome.notEligible.title");
    expect(blocked.reasons.map((r) => r.key)).toContain("eligibility.rule.doNotRehire.notEligible");
    expect(blocked.reevaluateOn).toBe("2027-03-01");
  });

  it("says when HR decided personally, and that there is no verdict yet when there is none", () => {
    const decided = alumnusEligibilityView(
      verdict("eligible", reasons({ hr_flag: "needs_review" }), "override"),
    );
    expect(decided).toMatchObject({ outcome: "eligible", reviewedOn: "2026-11-20", reevaluateOn: null });
    expect(alumnusEligibilityView(null)).toMatchObject({ outcome: "none", reasons: [] });
  });
});
