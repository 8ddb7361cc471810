/**
 * Who must approve a gig contract, as data (ADR 045). Each rule names a capacity and a test on
 * the terms; the contract is approved when every capacity some rule asks for holds an approval of
 * the current terms version. The reasons are shown on the contract, e.g. "needs: Mats Lindqvist
 * (hiring manager); an HR lead, because the rate is above the program's range".
 *
 * Rules can never be satisfied by the draft's author, nor by one person in two capacities.
 */

export const CAPACITIES = ["manager", "hr_lead"] as const;
export type Capacity = (typeof CAPACITIES)[number];

export const CAPACITY_LABELS: Record<Capacity, string> = {
  manager: "the hiring manager",
  hr_lead: "an HR lead",
};

export type RuleTest =
  /** Always applies. */
  | { kind: "always"; reason: string }
  /** The hourly rate lies outside the program's rate range (or is in another currency). */
  | { kind: "rate_outside_program_range" }
  /** A number of the terms is above a limit held in the contract settings. */
  | {
      kind: "above_setting";
      field: "maxHoursPerWeek" | "minHoursPerWeek";
      setting: "hoursLimitPerWeek";
    };

export type ApprovalRule = { key: string; capacity: Capacity; test: RuleTest };

export const APPROVAL_RULES: readonly ApprovalRule[] = [
  {
    key: "hiring-manager",
    capacity: "manager",
    test: { kind: "always", reason: "they hire for this program" },
  },
  { key: "rate-outside-range", capacity: "hr_lead", test: { kind: "rate_outside_program_range" } },
  {
    key: "hours-above-limit",
    capacity: "hr_lead",
    test: { kind: "above_setting", field: "maxHoursPerWeek", setting: "hoursLimitPerWeek" },
  },
];

export type RuleTerms = {
  hourlyRate: string;
  currency: string;
  minHoursPerWeek: number | null;
  maxHoursPerWeek: number | null;
};
export type RuleProgram = { rateMin: string; rateMax: string; currency: string };
export type RuleSettings = { hoursLimitPerWeek: number };

/** "32.50" -> 3250; amounts are stored with two decimals. */
export function toCents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

// One formatter per currency: building one costs more than the rest of the rules together.
const formatters = new Map<string, Intl.NumberFormat | null>();

function formatterFor(currency: string): Intl.NumberFormat | null {
  let formatter = formatters.get(currency);
  if (formatter === undefined) {
    try {
      formatter = new Intl.NumberFormat("en-GB", { style: "currency", currency, minimumFractionDigits: 2 });
    } catch {
      formatter = null;
    }
    if (formatters.size < 100) formatters.set(currency, formatter);
  }
  return formatter;
}

export function money(amount: string, currency: string): string {
  const formatter = formatterFor(currency);
  return formatter ? formatter.format(Number(amount)) : `${amount} ${currency}`;
}

function evaluate(
  test: RuleTest,
  terms: RuleTerms,
  program: RuleProgram,
  settings: RuleSettings,
): string | null {
  switch (test.kind) {
    case "always":
      return test.reason;
    case "rate_outside_program_range": {
      const range = `${money(program.rateMin, program.currency)} to ${money(program.rateMax, program.currency)}`;
      if (terms.currency !== program.currency)
        return `the rate is in ${terms.currency}, not the program's ${program.currency}`;
      const rate = toCents(terms.hourlyRate);
      if (rate > toCents(program.rateMax)) return `the rate is above the program's range (${range})`;
      if (rate < toCents(program.rateMin)) return `the rate is below the program's range (${range})`;
      return null;
    }
    case "above_setting": {
      const value = terms[test.field];
      const limit = settings[test.setting];
      if (value === null || value <= limit) return null;
      return `${value} hours a week is above the limit of ${limit}`;
    }
  }
}

export type Requirement = { capacity: Capacity; reasons: string[]; rules: string[] };

/** The capacities the rules ask for on these terms, each with its reasons, in capacity order. */
export function requiredApprovals(
  terms: RuleTerms,
  program: RuleProgram,
  settings: RuleSettings,
  rules: readonly ApprovalRule[] = APPROVAL_RULES,
): Requirement[] {
  const out: Requirement[] = [];
  for (const capacity of CAPACITIES) {
    const reasons: string[] = [];
    const keys: string[] = [];
    for (const rule of rules.filter((r) => r.capacity === capacity)) {
      const reason = evaluate(rule.test, terms, program, settings);
      if (reason) {
        reasons.push(reason);
        keys.push(rule.key);
      }
    }
    if (reasons.length) out.push({ capacity, reasons, rules: keys });
  }
  return out;
}

export type GivenApproval = {
  capacity: string;
  approverId: string;
  approverName: string;
  createdAt: Date | string;
};

export type ApprovalLine = Requirement & {
  approvedBy: { id: string; name: string; at: string } | null;
};

/** Each requirement with the approval that fills it (for the current terms version), if any. */
export function approvalLines(requirements: Requirement[], approvals: GivenApproval[]): ApprovalLine[] {
  return requirements.map((r) => {
    const given = approvals.find((a) => a.capacity === r.capacity);
    return {
      ...r,
      approvedBy: given
        ? {
            id: given.approverId,
            name: given.approverName,
            at: new Date(given.createdAt).toISOString(),
          }
        : null,
    };
  });
}

export function isFullyApproved(lines: ApprovalLine[]): boolean {
  return lines.length > 0 && lines.every((l) => l.approvedBy);
}

export type ApproverFacts = {
  actorId: string;
  /** The actor holds approve:contract:team (a manager). */
  approvesTeam: boolean;
  /** The actor holds approve:contract:second (an HR lead). */
  approvesSecond: boolean;
  hiringManagerId: string;
  createdById: string | null;
};

/** Why a person cannot approve, or null when they may fill at least one open capacity. */
export function whyNotApprover(facts: ApproverFacts, lines: ApprovalLine[]): string | null {
  if (facts.createdById && facts.createdById === facts.actorId)
    return "You prepared this contract, so someone else must approve it.";
  if (lines.some((l) => l.approvedBy?.id === facts.actorId))
    return "You have already approved these terms; the other approval must come from someone else.";
  if (openCapacitiesFor(facts, lines).length === 0) {
    const open = lines.filter((l) => !l.approvedBy).map((l) => CAPACITY_LABELS[l.capacity]);
    return open.length
      ? `This contract waits for ${open.join(" and ")}, and that is not you.`
      : "Every approval this contract needs is already in.";
  }
  return null;
}

/** The open capacities this person may fill, best first (the hiring manager before an HR lead). */
export function openCapacitiesFor(facts: ApproverFacts, lines: ApprovalLine[]): Capacity[] {
  if (facts.createdById && facts.createdById === facts.actorId) return [];
  if (lines.some((l) => l.approvedBy?.id === facts.actorId)) return [];
  return lines
    .filter((l) => !l.approvedBy)
    .map((l) => l.capacity)
    .filter((capacity) =>
      capacity === "manager"
        ? facts.approvesTeam && facts.hiringManagerId === facts.actorId
        : facts.approvesSecond,
    );
}

/** "Mats Lindqvist (the hiring manager), because they hire for this program; an HR lead, because ..." */
export function describeNeeds(lines: ApprovalLine[], managerName: string): string[] {
  return lines
    .filter((l) => !l.approvedBy)
    .map((l) => {
      const who = l.capacity === "manager" ? `${managerName} (the hiring manager)` : "an HR lead";
      return `${who}, because ${l.reasons.join(" and ")}`;
    });
}
