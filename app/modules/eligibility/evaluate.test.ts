import { describe, expect, it } from "vitest";
import {
  calendarDay,
  durationText,
  evaluateEligibility,
  isoDay,
  todayIn,
  type EligibilityInput,
  type RuleKey,
} from "./evaluate";
import { DEFAULT_RULES, type Outcome, type PolicyRules } from "./policy";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const base: EligibilityInput = {
  exitDate: d("2024-01-15"),
  hireDate: d("2020-01-15"),
  periods: [],
  exitReason: "layoff_automation",
  hrRehireFlag: "yes",
  doNotRehire: false,
  legalHold: false,
  consentReturn: "granted",
};
const NOW = new Date("2026-11-27T12:00:00Z");
const run = (input: Partial<EligibilityInput>, rules: Partial<PolicyRules> = {}, now = NOW) =>
  evaluateEligibility({ ...base, ...input }, { rules: { ...DEFAULT_RULES, ...rules }, version: 7 }, now);
const rule = (result: ReturnType<typeof run>, key: RuleKey) => result.reasons.find((r) => r.rule === key)!;

describe("verdicts from the default policy", () => {
  const cases: { name: string; input: Partial<EligibilityInput>; outcome: Outcome }[] = [
    { name: "laid off for automation, long ago", input: {}, outcome: "eligible" },
    { name: "position eliminated", input: { exitReason: "position_eliminated" }, outcome: "eligible" },
    { name: "resignation", input: { exitReason: "resignation" }, outcome: "eligible" },
    { name: "contract end", input: { exitReason: "contract_end" }, outcome: "eligible" },
    { name: "retirement", input: { exitReason: "retirement" }, outcome: "eligible" },
    {
      name: "performance",
      input: { exitReason: "performance", hrRehireFlag: "review" },
      outcome: "needs_review",
    },
    {
      name: "attendance",
      input: { exitReason: "attendance", hrRehireFlag: "review" },
      outcome: "needs_review",
    },
    { name: "conduct", input: { exitReason: "conduct", hrRehireFlag: "no" }, outcome: "not_eligible" },
    {
      name: "job abandonment",
      input: { exitReason: "job_abandonment", hrRehireFlag: "no" },
      outcome: "not_eligible",
    },
    { name: "no exit reason", input: { exitReason: null }, outcome: "needs_review" },
    {
      name: "HR flag disagrees with the exit reason",
      input: { hrRehireFlag: "no" },
      outcome: "needs_review",
    },
    { name: "no HR flag", input: { hrRehireFlag: null }, outcome: "eligible" },
    { name: "do not rehire", input: { doNotRehire: true }, outcome: "not_eligible" },
    { name: "legal hold", input: { legalHold: true }, outcome: "needs_review" },
    { name: "consent withdrawn", input: { consentReturn: "withdrawn" }, outcome: "not_eligible" },
    { name: "consent unknown", input: { consentReturn: "unknown" }, outcome: "eligible" },
    { name: "left 4 months ago", input: { exitDate: d("2026-07-20") }, outcome: "not_eligible" },
    { name: "still working out notice", input: { exitDate: d("2027-01-31") }, outcome: "not_eligible" },
    { name: "no exit date", input: { exitDate: null }, outcome: "needs_review" },
    { name: "worked two months", input: { hireDate: d("2023-11-15") }, outcome: "not_eligible" },
    { name: "no hire date or stints", input: { hireDate: null }, outcome: "needs_review" },
    {
      name: "the worst rule wins",
      input: { exitReason: "performance", doNotRehire: true },
      outcome: "not_eligible",
    },
  ];
  it.each(cases)("$name -> $outcome", ({ input, outcome }) => {
    const result = run(input);
    expect(result.outcome).toBe(outcome);
    expect(result.policyVersion).toBe(7);
    expect(result.reasons.map((r) => r.rule)).toEqual([
      "exit_reason",
      "cooling_off",
      "minimum_tenure",
      "hr_flag",
      "do_not_rehire",
      "legal_hold",
      "consent",
    ]);
    for (const r of result.reasons) expect(r.sentence).toMatch(/^[A-Z].*\.$/);
  });
});

describe("a rule row never contradicts its sentence", () => {
  it("a flag that agrees with a needs-review exit reason adds nothing, rather than saying eligible", () => {
    const result = run({ exitReason: "performance", hrRehireFlag: "review" });
    const flag = result.reasons.find((r) => r.rule === "hr_flag");
    expect(flag).toEqual({
      rule: "hr_flag",
      outcome: null,
      sentence: "The HR system says needs review, which agrees with the exit reason; nothing to add.",
    });
    expect(result.outcome).toBe("needs_review");
  });
});

describe("rule options", () => {
  const cases: {
    name: string;
    input: Partial<EligibilityInput>;
    rules: Partial<PolicyRules>;
    outcome: Outcome;
  }[] = [
    {
      name: "trusting a 'no' flag",
      input: { hrRehireFlag: "no" },
      rules: { hrFlag: "trust" },
      outcome: "not_eligible",
    },
    {
      name: "trusting a 'review' flag",
      input: { hrRehireFlag: "review" },
      rules: { hrFlag: "trust" },
      outcome: "needs_review",
    },
    {
      name: "ignoring the flag",
      input: { hrRehireFlag: "no" },
      rules: { hrFlag: "ignore" },
      outcome: "eligible",
    },
    {
      name: "do-not-rehire to review",
      input: { doNotRehire: true },
      rules: { doNotRehire: "needs_review" },
      outcome: "needs_review",
    },
    {
      name: "legal hold blocks",
      input: { legalHold: true },
      rules: { legalHold: "not_eligible" },
      outcome: "not_eligible",
    },
    {
      name: "consent must be given, unknown",
      input: { consentReturn: "unknown" },
      rules: { consent: "granted" },
      outcome: "needs_review",
    },
    {
      name: "consent ignored",
      input: { consentReturn: "withdrawn" },
      rules: { consent: "ignore" },
      outcome: "eligible",
    },
    {
      name: "no cooling-off",
      input: { exitDate: d("2026-11-20") },
      rules: { coolingOffMonths: 0 },
      outcome: "eligible",
    },
    {
      name: "no minimum tenure",
      input: { hireDate: d("2024-01-01") },
      rules: { minimumTenureMonths: 0 },
      outcome: "eligible",
    },
    {
      name: "exit reason remapped",
      input: { exitReason: "performance", hrRehireFlag: null },
      rules: { exitReasons: { ...DEFAULT_RULES.exitReasons, performance: "eligible" } },
      outcome: "eligible",
    },
  ];
  it.each(cases)("$name -> $outcome", ({ input, rules, outcome }) => {
    expect(run(input, rules).outcome).toBe(outcome);
  });
});

describe("date rules: month ends, leap days, time zones", () => {
  // [exit date, cooling-off months, now, policy time zone, cooling-off outcome, clear-on date]
  const cases: [string, number, string, string, Outcome, string | null][] = [
    // Month ends: 31 August + 6 months is the last day of February.
    ["2025-08-31", 6, "2026-02-27T12:00:00Z", "UTC", "not_eligible", "2026-02-28"],
    ["2025-08-31", 6, "2026-02-28T00:00:00Z", "UTC", "eligible", null],
    // Leap years: 31 August 2023 + 6 months is 29 February 2024.
    ["2023-08-31", 6, "2024-02-28T23:59:59Z", "UTC", "not_eligible", "2024-02-29"],
    ["2023-08-31", 6, "2024-02-29T00:00:00Z", "UTC", "eligible", null],
    // Left on a leap day: 12 months later is 28 February (no 29th in 2025).
    ["2024-02-29", 12, "2025-02-27T12:00:00Z", "UTC", "not_eligible", "2025-02-28"],
    ["2024-02-29", 12, "2025-02-28T00:00:00Z", "UTC", "eligible", null],
    // 31 January + 1 month: end of February, then the month after is 31 March (not the 28th).
    ["2026-01-31", 1, "2026-02-27T12:00:00Z", "UTC", "not_eligible", "2026-02-28"],
    ["2026-01-31", 2, "2026-03-30T12:00:00Z", "UTC", "not_eligible", "2026-03-31"],
    // Time zones: at 23:30 UTC on 13 March it is already 14 March in Stockholm...
    ["2025-09-14", 6, "2026-03-13T23:30:00Z", "Europe/Stockholm", "eligible", null],
    ["2025-09-14", 6, "2026-03-13T23:30:00Z", "UTC", "not_eligible", "2026-03-14"],
    // ...and still 13 March in New York at 03:30 UTC on the 14th.
    ["2025-09-14", 6, "2026-03-14T03:30:00Z", "America/New_York", "not_eligible", "2026-03-14"],
    ["2025-09-14", 6, "2026-03-14T04:30:00Z", "America/New_York", "eligible", null],
    // Across a daylight-saving change (Stockholm, 29 March 2026 at 02:00).
    ["2025-09-29", 6, "2026-03-28T23:00:00Z", "Europe/Stockholm", "eligible", null],
    ["2025-09-29", 6, "2026-03-28T22:59:00Z", "Europe/Stockholm", "not_eligible", "2026-03-29"],
    // Pacific/Kiritimati is UTC+14: a day ahead of UTC for most of it.
    ["2025-12-31", 12, "2026-12-30T10:00:00Z", "Pacific/Kiritimati", "eligible", null],
    ["2025-12-31", 12, "2026-12-30T10:00:00Z", "UTC", "not_eligible", "2026-12-31"],
  ];
  it.each(cases)("left %s, %i months, at %s in %s -> %s", (exit, months, now, timeZone, outcome, clearOn) => {
    const result = run({ exitDate: d(exit) }, { coolingOffMonths: months, timeZone }, new Date(now));
    expect(rule(result, "cooling_off").outcome).toBe(outcome);
    expect(result.reevaluateOn).toBe(clearOn);
  });

  it("says how long ago and what the policy asks, in plain words", () => {
    expect(rule(run({ exitDate: d("2025-09-27") }, { coolingOffMonths: 6 }), "cooling_off").sentence).toBe(
      "Left 14 months ago; the policy asks for 6 months.",
    );
    expect(rule(run({ exitDate: d("2026-07-27") }, { coolingOffMonths: 6 }), "cooling_off").sentence).toBe(
      "Left 4 months ago; the policy asks for 6 months (from 27 January 2027).",
    );
    expect(rule(run({ exitDate: d("2026-11-20") }, { coolingOffMonths: 1 }), "cooling_off").sentence).toBe(
      "Left less than a month ago; the policy asks for 1 month (from 20 December 2026).",
    );
    expect(rule(run({ exitDate: d("2027-01-31") }), "cooling_off").sentence).toBe(
      "Leaves on 31 January 2027; the policy asks for 12 months after that (from 31 January 2028).",
    );
  });

  // [hire, exit, minimum months, outcome]
  const tenure: [string, string, number, Outcome][] = [
    ["2024-01-31", "2024-02-29", 1, "eligible"], // month end in a leap year counts as a full month
    ["2024-01-31", "2024-02-28", 1, "not_eligible"],
    ["2023-02-28", "2024-02-29", 12, "eligible"],
    ["2024-02-29", "2025-02-28", 12, "eligible"],
    ["2024-02-29", "2025-02-27", 12, "not_eligible"],
    ["2026-08-15", "2026-11-14", 3, "not_eligible"],
    ["2026-08-15", "2026-11-15", 3, "eligible"],
  ];
  it.each(tenure)("hired %s, left %s, minimum %i months -> %s", (hire, exit, months, outcome) => {
    const result = run(
      { hireDate: d(hire), exitDate: d(exit) },
      { minimumTenureMonths: months, coolingOffMonths: 0 },
    );
    expect(rule(result, "minimum_tenure").outcome).toBe(outcome);
  });

  it("adds up several stints, full months each", () => {
    const result = run(
      {
        periods: [
          { startDate: d("2019-01-10"), endDate: d("2019-02-20") }, // 1 month
          { startDate: d("2023-06-01"), endDate: d("2023-07-31") }, // 1 month
        ],
      },
      { minimumTenureMonths: 3 },
    );
    expect(rule(result, "minimum_tenure")).toEqual({
      rule: "minimum_tenure",
      outcome: "not_eligible",
      sentence: "Worked 2 months over 2 stints; the policy asks for at least 3 months.",
    });
  });

  it("today is the calendar day in the policy's time zone", () => {
    expect(isoDay(todayIn(new Date("2026-03-13T23:30:00Z"), "Europe/Stockholm"))).toBe("2026-03-14");
    expect(isoDay(todayIn(new Date("2026-03-13T23:30:00Z"), "America/Los_Angeles"))).toBe("2026-03-13");
    expect(isoDay(calendarDay(d("2024-02-29")))).toBe("2024-02-29");
    expect(durationText(0)).toBe("less than a month");
    expect(durationText(25)).toBe("2 years 1 month");
  });
});
