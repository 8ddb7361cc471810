import type { PortalStringKey } from "~/modules/portal/strings";
import type { RuleKey, RuleResult } from "./evaluate";
import type { Outcome } from "./policy";

/**
 * What a person sees of their own verdict in the portal (issue 13: "honestly shown"): the
 * outcome that counts, and one plain sentence per rule the policy used, chosen from the portal's
 * catalogue by rule and outcome. Built from codes only: never HR's sentences (which can quote the
 * HR system's flag), the do-not-rehire reason, override justifications or notes. Pure, so it is
 * tested without a database.
 */

const RULE_KEY: Record<RuleKey, string> = {
  exit_reason: "exitReason",
  cooling_off: "coolingOff",
  minimum_tenure: "minimumTenure",
  hr_flag: "hrFlag",
  do_not_rehire: "doNotRehire",
  legal_hold: "legalHold",
  consent: "consent",
};

const OUTCOME_KEY: Record<Outcome, "eligible" | "needsReview" | "notEligible"> = {
  eligible: "eligible",
  needs_review: "needsReview",
  not_eligible: "notEligible",
};

/** Rules that only matter to the person when they stand in the way. */
const ONLY_WHEN_IN_THE_WAY = new Set<RuleKey>(["hr_flag", "do_not_rehire", "legal_hold"]);

export type AlumnusEligibilityView = {
  outcome: Outcome | "none";
  title: PortalStringKey;
  body: PortalStringKey;
  reasons: { key: PortalStringKey; outcome: Outcome }[];
  /** when someone in HR decided it personally (a review or an override that is in force) */
  reviewedOn: string | null;
  checkedOn: string | null;
  /** a date rule will give a different answer on this day */
  reevaluateOn: string | null;
};

export function alumnusEligibilityView(
  verdict: {
    effective: { outcome: Outcome; source: "override" | "computed" };
    reasons: RuleResult[];
    computedAt: string;
    reevaluateOn: string | null;
    overrideAt: string | null;
  } | null,
): AlumnusEligibilityView {
  if (!verdict) {
    return {
      outcome: "none",
      title: "eligibility.outcome.none.title",
      body: "eligibility.outcome.none.body",
      reasons: [],
      reviewedOn: null,
      checkedOn: null,
      reevaluateOn: null,
    };
  }
  const outcome = verdict.effective.outcome;
  const key = OUTCOME_KEY[outcome];
  const reasons = verdict.reasons
    .filter((r): r is RuleResult & { outcome: Outcome } => r.outcome !== null && r.rule in RULE_KEY)
    .filter((r) => !(ONLY_WHEN_IN_THE_WAY.has(r.rule) && r.outcome === "eligible"))
    .map((r) => ({
      key: `eligibility.rule.${RULE_KEY[r.rule]}.${OUTCOME_KEY[r.outcome]}` as PortalStringKey,
      outcome: r.outcome,
    }));
  const byHr = verdict.effective.source === "override";
  return {
    outcome,
    title: `eligibility.outcome.${key}.title` as PortalStringKey,
    body: `eligibility.outcome.${key}.body` as PortalStringKey,
    // An HR decision replaces the rules' answer; the rules are still shown, as what was looked at.
    reasons,
    reviewedOn: byHr && verdict.overrideAt ? verdict.overrideAt.slice(0, 10) : null,
    checkedOn: verdict.computedAt.slice(0, 10),
    reevaluateOn: byHr ? null : verdict.reevaluateOn,
  };
}
