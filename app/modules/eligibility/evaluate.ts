import { TZDate } from "@date-fns/tz";
import { addMonths, format } from "date-fns";
import {
  EXIT_REASON_LABELS,
  OUTCOME_LABELS,
  OUTCOME_SEVERITY,
  type ExitReason,
  type Outcome,
  type PolicyRules,
} from "./policy";

/**
 * The evaluation: a pure function from one person's record and a policy to a verdict, with each
 * rule's outcome in a plain sentence (ADR 017). No database, no clock: `now` is passed in.
 *
 * Dates: exit, hire and employment dates are calendar days (stored as UTC midnight). "Today" is
 * the calendar day of `now` in the policy's time zone, so a verdict does not flip at UTC midnight
 * for a company in Stockholm. Month arithmetic is date-fns's: adding a month to 31 January gives
 * the last day of February, and a year after 29 February is 28 February.
 */
export const RULES = [
  "exit_reason",
  "cooling_off",
  "minimum_tenure",
  "hr_flag",
  "do_not_rehire",
  "legal_hold",
  "consent",
] as const;
export type RuleKey = (typeof RULES)[number];

export const RULE_LABELS: Record<RuleKey, string> = {
  exit_reason: "Exit reason",
  cooling_off: "Cooling-off period",
  minimum_tenure: "Minimum tenure",
  hr_flag: "HR system's rehire flag",
  do_not_rehire: "Do-not-rehire flag",
  legal_hold: "Legal hold",
  consent: "Contact consent",
};

/** One rule's answer. `outcome` is null when the policy does not use the rule. */
export type RuleResult = { rule: RuleKey; outcome: Outcome | null; sentence: string };

export type EligibilityInput = {
  exitDate: Date | null;
  hireDate: Date | null;
  /** Employment stints; when empty, hire date to exit date counts as one. */
  periods: { startDate: Date; endDate: Date | null }[];
  exitReason: ExitReason | null;
  hrRehireFlag: "yes" | "no" | "review" | null;
  doNotRehire: boolean;
  legalHold: boolean;
  consentReturn: "unknown" | "granted" | "withdrawn";
};

export type Evaluation = {
  outcome: Outcome;
  reasons: RuleResult[];
  policyVersion: number;
  /** The day a date rule will give a different answer (e.g. the cooling-off ends), as YYYY-MM-DD. */
  reevaluateOn: string | null;
};

/**
 * A calendar day as a Date at local midnight: date-fns does its calendar arithmetic on local
 * fields, so this is exact and fast whatever the server's time zone (a day whose midnight is
 * skipped by a daylight-saving change becomes 01:00 of the same day, still the same calendar day).
 */
type Day = Date;

/** A stored calendar date (UTC midnight) as a calendar day. */
export function calendarDay(date: Date): Day {
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

// Evaluating many people at one `now`: the time-zone conversion is done once.
let lastToday: { key: string; day: Day } | null = null;

/** The calendar day it is at `now` in `timeZone`. */
export function todayIn(now: Date, timeZone: string): Day {
  const key = `${now.getTime()}|${timeZone}`;
  if (lastToday?.key === key) return new Date(lastToday.day);
  const local = new TZDate(now.getTime(), timeZone);
  const day = new Date(local.getFullYear(), local.getMonth(), local.getDate());
  lastToday = { key, day };
  return new Date(day);
}

export function isoDay(day: Day): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`;
}

function longDay(day: Day) {
  return format(day, "d MMMM yyyy");
}

function monthsText(n: number) {
  return `${n} ${n === 1 ? "month" : "months"}`;
}

/** "2 years 3 months", "11 months", "less than a month". */
export function durationText(months: number) {
  if (months <= 0) return "less than a month";
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [];
  if (years) parts.push(`${years} ${years === 1 ? "year" : "years"}`);
  if (rest) parts.push(monthsText(rest));
  return parts.join(" ");
}

/**
 * Whole months from `from` to `to`, counted the way the rules add them: the largest n with
 * from + n months <= to (so 31 January to 29 February 2024 is one month, to the 28th is none).
 */
export function fullMonths(from: Day, to: Day): number {
  if (before(to, from)) return 0;
  // Calendar months between the two, less one when the day of the month is not reached yet
  // (date-fns's addMonths decides what "the same day" is at month ends).
  let n = (to.getFullYear() - from.getFullYear()) * 12 + (to.getMonth() - from.getMonth());
  if (n > 0 && before(to, addMonths(from, n))) n--;
  return n;
}

/** `a` is an earlier calendar day than `b`. */
function before(a: Day, b: Day) {
  return a.getTime() < b.getTime();
}

function worst(outcomes: (Outcome | null)[]): Outcome {
  let result: Outcome = "eligible";
  for (const o of outcomes) if (o && OUTCOME_SEVERITY[o] > OUTCOME_SEVERITY[result]) result = o;
  return result;
}

function flagOutcome(flag: "yes" | "no" | "review"): Outcome {
  return flag === "yes" ? "eligible" : flag === "no" ? "not_eligible" : "needs_review";
}

export function evaluateEligibility(
  input: EligibilityInput,
  policy: { rules: PolicyRules; version: number },
  now: Date,
): Evaluation {
  const rules = policy.rules;
  const today = todayIn(now, rules.timeZone);
  const reasons: RuleResult[] = [];
  let reevaluateOn: Day | null = null;

  // Exit reason
  const reasonOutcome = input.exitReason ? rules.exitReasons[input.exitReason] : rules.unknownExitReason;
  reasons.push({
    rule: "exit_reason",
    outcome: reasonOutcome,
    sentence: input.exitReason
      ? `Left for "${EXIT_REASON_LABELS[input.exitReason].toLowerCase()}"; the policy says ${OUTCOME_LABELS[reasonOutcome].toLowerCase()}.`
      : `No exit reason on record; the policy says ${OUTCOME_LABELS[reasonOutcome].toLowerCase()}.`,
  });

  // Cooling-off
  const coolingOff = rules.coolingOffMonths;
  if (coolingOff === 0) {
    reasons.push({ rule: "cooling_off", outcome: null, sentence: "The policy has no cooling-off period." });
  } else if (!input.exitDate) {
    reasons.push({
      rule: "cooling_off",
      outcome: "needs_review",
      sentence: `No exit date on record; the policy asks for ${monthsText(coolingOff)} after leaving.`,
    });
  } else {
    const exit = calendarDay(input.exitDate);
    const clearOn = addMonths(exit, coolingOff);
    if (before(today, exit)) {
      reevaluateOn = clearOn;
      reasons.push({
        rule: "cooling_off",
        outcome: "not_eligible",
        sentence: `Leaves on ${longDay(exit)}; the policy asks for ${monthsText(coolingOff)} after that (from ${longDay(clearOn)}).`,
      });
    } else {
      const since = fullMonths(exit, today);
      const ago = since === 0 ? "less than a month ago" : `${monthsText(since)} ago`;
      if (before(today, clearOn)) {
        reevaluateOn = clearOn;
        reasons.push({
          rule: "cooling_off",
          outcome: "not_eligible",
          sentence: `Left ${ago}; the policy asks for ${monthsText(coolingOff)} (from ${longDay(clearOn)}).`,
        });
      } else {
        reasons.push({
          rule: "cooling_off",
          outcome: "eligible",
          sentence: `Left ${ago}; the policy asks for ${monthsText(coolingOff)}.`,
        });
      }
    }
  }

  // Minimum tenure
  const minimum = rules.minimumTenureMonths;
  const stints = input.periods.length
    ? input.periods.map((p) => ({ start: p.startDate, end: p.endDate ?? input.exitDate }))
    : input.hireDate
      ? [{ start: input.hireDate, end: input.exitDate }]
      : [];
  if (minimum === 0) {
    reasons.push({ rule: "minimum_tenure", outcome: null, sentence: "The policy has no minimum tenure." });
  } else if (stints.length === 0 || stints.some((s) => !s.end)) {
    reasons.push({
      rule: "minimum_tenure",
      outcome: "needs_review",
      sentence: `Employment dates are incomplete; the policy asks for at least ${monthsText(minimum)}.`,
    });
  } else {
    // Full months of each stint, added up (a person with two short stints is not rounded up).
    const worked = stints.reduce(
      (sum, s) => sum + fullMonths(calendarDay(s.start), calendarDay(s.end as Date)),
      0,
    );
    const met = worked >= minimum;
    reasons.push({
      rule: "minimum_tenure",
      outcome: met ? "eligible" : "not_eligible",
      sentence: `Worked ${durationText(worked)}${stints.length > 1 ? ` over ${stints.length} stints` : ""}; the policy asks for at least ${monthsText(minimum)}.`,
    });
  }

  // The HR system's rehire flag
  if (rules.hrFlag === "ignore") {
    reasons.push({
      rule: "hr_flag",
      outcome: null,
      sentence: "The policy does not use the HR system's rehire flag.",
    });
  } else if (!input.hrRehireFlag) {
    reasons.push({ rule: "hr_flag", outcome: null, sentence: "The HR system recorded no rehire flag." });
  } else {
    const said = flagOutcome(input.hrRehireFlag);
    const words = OUTCOME_LABELS[said].toLowerCase();
    if (rules.hrFlag === "trust") {
      reasons.push({
        rule: "hr_flag",
        outcome: said,
        sentence: `The HR system says ${words}, and the policy trusts it.`,
      });
    } else if (said === reasonOutcome) {
      // Agreeing adds nothing of its own: the exit reason's row already gives this outcome. Saying
      // "eligible" here put an Eligible badge beside "the HR system says needs review".
      reasons.push({
        rule: "hr_flag",
        outcome: null,
        sentence: `The HR system says ${words}, which agrees with the exit reason; nothing to add.`,
      });
    } else {
      reasons.push({
        rule: "hr_flag",
        outcome: "needs_review",
        sentence: `The HR system says ${words} but the exit reason says ${OUTCOME_LABELS[reasonOutcome].toLowerCase()}; the policy asks for a review.`,
      });
    }
  }

  // Do-not-rehire (the reason is restricted and never appears here)
  reasons.push(
    input.doNotRehire
      ? {
          rule: "do_not_rehire",
          outcome: rules.doNotRehire,
          sentence: `Marked do not rehire; the policy says ${OUTCOME_LABELS[rules.doNotRehire].toLowerCase()}.`,
        }
      : { rule: "do_not_rehire", outcome: "eligible", sentence: "Not marked do not rehire." },
  );

  // Legal hold
  reasons.push(
    input.legalHold
      ? {
          rule: "legal_hold",
          outcome: rules.legalHold,
          sentence: `Under a legal hold; the policy says ${OUTCOME_LABELS[rules.legalHold].toLowerCase()}.`,
        }
      : { rule: "legal_hold", outcome: "eligible", sentence: "No legal hold." },
  );

  // Contact consent
  if (rules.consent === "ignore") {
    reasons.push({ rule: "consent", outcome: null, sentence: "The policy does not use contact consent." });
  } else if (input.consentReturn === "withdrawn") {
    reasons.push({
      rule: "consent",
      outcome: "not_eligible",
      sentence: "Withdrew consent to be contacted about returning.",
    });
  } else if (input.consentReturn === "granted") {
    reasons.push({
      rule: "consent",
      outcome: "eligible",
      sentence: "Agreed to be contacted about returning.",
    });
  } else if (rules.consent === "granted") {
    reasons.push({
      rule: "consent",
      outcome: "needs_review",
      sentence: "Has not said whether we may contact them about returning; the policy asks for consent.",
    });
  } else {
    reasons.push({
      rule: "consent",
      outcome: "eligible",
      sentence: "Has not withdrawn consent to be contacted about returning.",
    });
  }

  return {
    outcome: worst(reasons.map((r) => r.outcome)),
    reasons,
    policyVersion: policy.version,
    reevaluateOn: reevaluateOn ? isoDay(reevaluateOn) : null,
  };
}
