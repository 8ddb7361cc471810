import { EXIT_REASON_LABELS, EXIT_REASONS, type ExitReason } from "~/modules/alumni/exit-reasons";
import { z } from "zod";

/**
 * The eligibility policy as data (ADR 017): what each rule decides. Shared by the editor form
 * (client validation), the actions (server validation) and the evaluation function.
 */
export const OUTCOMES = ["eligible", "needs_review", "not_eligible"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  eligible: "Eligible",
  needs_review: "Needs review",
  not_eligible: "Not eligible",
};

/**
 * The one vocabulary for what happened to a verdict, on every page and in the audit trail: HR
 * either decides a review or overrides a verdict (both are "HR decisions"), or removes its
 * decision; otherwise the policy recomputes it.
 */
export const VERDICT_CHANGE_LABELS = {
  computed: "Recomputed",
  review: "Review decision",
  override: "Override",
  override_cleared: "HR decision removed",
} as const;

/** Worse outcomes win when rules disagree. */
export const OUTCOME_SEVERITY: Record<Outcome, number> = { eligible: 0, needs_review: 1, not_eligible: 2 };

export { EXIT_REASONS, EXIT_REASON_LABELS, type ExitReason } from "~/modules/alumni/exit-reasons";

export const HR_FLAG_MODES = ["trust", "review_when_disagrees", "ignore"] as const;
export type HrFlagMode = (typeof HR_FLAG_MODES)[number];
export const HR_FLAG_MODE_LABELS: Record<HrFlagMode, string> = {
  trust: "Trust it",
  review_when_disagrees: "Send to review when it disagrees with the exit reason",
  ignore: "Ignore it",
};

export const FLAG_OUTCOMES = ["not_eligible", "needs_review"] as const;
export type FlagOutcome = (typeof FLAG_OUTCOMES)[number];

export const CONSENT_MODES = ["ignore", "not_withdrawn", "granted"] as const;
export type ConsentMode = (typeof CONSENT_MODES)[number];
export const CONSENT_MODE_LABELS: Record<ConsentMode, string> = {
  ignore: "Not part of eligibility",
  not_withdrawn: "Required: must not have withdrawn consent",
  granted: "Required: must have given consent",
};

export type PolicyRules = {
  /** The calendar "today" for date rules is taken in this time zone. */
  timeZone: string;
  exitReasons: Record<ExitReason, Outcome>;
  /** When the record has no exit reason. */
  unknownExitReason: Outcome;
  coolingOffMonths: number;
  minimumTenureMonths: number;
  hrFlag: HrFlagMode;
  doNotRehire: FlagOutcome;
  legalHold: FlagOutcome;
  consent: ConsentMode;
  /** A verdict (and any override) is reviewed again after this many months. */
  verdictExpiryMonths: number;
};

export const DEFAULT_RULES: PolicyRules = {
  timeZone: "Europe/Stockholm",
  exitReasons: {
    position_eliminated: "eligible",
    layoff_automation: "eligible",
    layoff_restructuring: "eligible",
    resignation: "eligible",
    contract_end: "eligible",
    retirement: "eligible",
    mutual_agreement: "needs_review",
    performance: "needs_review",
    attendance: "needs_review",
    conduct: "not_eligible",
    job_abandonment: "not_eligible",
    other: "needs_review",
  },
  unknownExitReason: "needs_review",
  coolingOffMonths: 12,
  minimumTenureMonths: 3,
  hrFlag: "review_when_disagrees",
  doNotRehire: "not_eligible",
  legalHold: "needs_review",
  consent: "not_withdrawn",
  verdictExpiryMonths: 12,
};

export function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const outcome = z.enum(OUTCOMES, { error: "Choose eligible, needs review or not eligible." });
const months = (what: string, max: number) =>
  z.coerce
    .number({ error: `Enter the ${what} as a whole number of months.` })
    .int(`Enter the ${what} as a whole number of months.`)
    .min(0, `The ${what} cannot be negative.`)
    .max(max, `The ${what} can be at most ${max} months.`);

/** The stored rules (and what a published version must satisfy). */
export const PolicyRulesSchema = z.object({
  timeZone: z.string().max(64).refine(isTimeZone, "Choose a time zone such as Europe/Stockholm."),
  exitReasons: z.object(
    Object.fromEntries(EXIT_REASONS.map((r) => [r, outcome])) as Record<ExitReason, typeof outcome>,
  ),
  unknownExitReason: outcome,
  coolingOffMonths: months("cooling-off period", 120),
  minimumTenureMonths: months("minimum tenure", 600),
  hrFlag: z.enum(HR_FLAG_MODES, { error: "Choose how to use the HR system's rehire flag." }),
  doNotRehire: z.enum(FLAG_OUTCOMES, { error: "Choose what a do-not-rehire flag means." }),
  legalHold: z.enum(FLAG_OUTCOMES, { error: "Choose what a legal hold means." }),
  consent: z.enum(CONSENT_MODES, { error: "Choose how contact consent counts." }),
  verdictExpiryMonths: months("verdict expiry", 60).min(
    1,
    "Verdicts must be reviewed again after at least 1 month.",
  ),
});

/** Reads stored rules, filling in anything a newer version of the editor added. */
export function parseRules(value: unknown): PolicyRules {
  const raw = (value && typeof value === "object" ? value : {}) as Partial<PolicyRules>;
  const merged = {
    ...DEFAULT_RULES,
    ...raw,
    exitReasons: { ...DEFAULT_RULES.exitReasons, ...(raw.exitReasons ?? {}) },
  };
  return PolicyRulesSchema.parse(merged);
}

/** The editor form: flat fields (exit_<reason>), so it posts without JavaScript. */
export const PolicyFormSchema = z.object({
  timeZone: z
    .string({ error: "Choose a time zone." })
    .trim()
    .min(1, "Choose a time zone.")
    .max(64, "Choose a time zone such as Europe/Stockholm.")
    .refine(isTimeZone, "Choose a time zone such as Europe/Stockholm."),
  unknownExitReason: outcome,
  coolingOffMonths: months("cooling-off period", 120),
  minimumTenureMonths: months("minimum tenure", 600),
  hrFlag: z.enum(HR_FLAG_MODES, { error: "Choose how to use the HR system's rehire flag." }),
  doNotRehire: z.enum(FLAG_OUTCOMES, { error: "Choose what a do-not-rehire flag means." }),
  legalHold: z.enum(FLAG_OUTCOMES, { error: "Choose what a legal hold means." }),
  consent: z.enum(CONSENT_MODES, { error: "Choose how contact consent counts." }),
  verdictExpiryMonths: months("verdict expiry", 60).min(
    1,
    "Verdicts must be reviewed again after at least 1 month.",
  ),
  summary: z
    .string()
    .trim()
    .max(500, "Keep the summary under 500 characters.")
    .refine(
      (v) =>
        !/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(
          v,
        ),
      "Remove invisible or direction-changing characters from the summary.",
    )
    .optional()
    .transform((v) => (v ? v.replace(/\r\n?/g, "\n").normalize("NFC") : undefined)),
  ...(Object.fromEntries(EXIT_REASONS.map((r) => [`exit_${r}`, outcome])) as Record<
    `exit_${ExitReason}`,
    typeof outcome
  >),
});
export type PolicyForm = z.infer<typeof PolicyFormSchema>;

export function rulesFromForm(form: PolicyForm): PolicyRules {
  return {
    timeZone: form.timeZone,
    exitReasons: Object.fromEntries(EXIT_REASONS.map((r) => [r, form[`exit_${r}`]])) as Record<
      ExitReason,
      Outcome
    >,
    unknownExitReason: form.unknownExitReason,
    coolingOffMonths: form.coolingOffMonths,
    minimumTenureMonths: form.minimumTenureMonths,
    hrFlag: form.hrFlag,
    doNotRehire: form.doNotRehire,
    legalHold: form.legalHold,
    consent: form.consent,
    verdictExpiryMonths: form.verdictExpiryMonths,
  };
}

export function formFromRules(rules: PolicyRules): Record<string, string> {
  return {
    timeZone: rules.timeZone,
    unknownExitReason: rules.unknownExitReason,
    coolingOffMonths: String(rules.coolingOffMonths),
    minimumTenureMonths: String(rules.minimumTenureMonths),
    hrFlag: rules.hrFlag,
    doNotRehire: rules.doNotRehire,
    legalHold: rules.legalHold,
    consent: rules.consent,
    verdictExpiryMonths: String(rules.verdictExpiryMonths),
    ...Object.fromEntries(EXIT_REASONS.map((r) => [`exit_${r}`, rules.exitReasons[r]])),
  };
}

/** The differences between two rule sets, as sentences (for the what-if and the audit trail). */
export function describeRuleChanges(before: PolicyRules, after: PolicyRules): string[] {
  const out: string[] = [];
  const m = (n: number) => `${n} ${n === 1 ? "month" : "months"}`;
  if (before.timeZone !== after.timeZone) out.push(`Time zone: ${before.timeZone} → ${after.timeZone}`);
  for (const r of EXIT_REASONS) {
    if (before.exitReasons[r] !== after.exitReasons[r])
      out.push(
        `${EXIT_REASON_LABELS[r]}: ${OUTCOME_LABELS[before.exitReasons[r]]} → ${OUTCOME_LABELS[after.exitReasons[r]]}`,
      );
  }
  if (before.unknownExitReason !== after.unknownExitReason)
    out.push(
      `No exit reason on record: ${OUTCOME_LABELS[before.unknownExitReason]} → ${OUTCOME_LABELS[after.unknownExitReason]}`,
    );
  if (before.coolingOffMonths !== after.coolingOffMonths)
    out.push(`Cooling-off: ${m(before.coolingOffMonths)} → ${m(after.coolingOffMonths)}`);
  if (before.minimumTenureMonths !== after.minimumTenureMonths)
    out.push(`Minimum tenure: ${m(before.minimumTenureMonths)} → ${m(after.minimumTenureMonths)}`);
  if (before.hrFlag !== after.hrFlag)
    out.push(
      `HR system's rehire flag: ${HR_FLAG_MODE_LABELS[before.hrFlag]} → ${HR_FLAG_MODE_LABELS[after.hrFlag]}`,
    );
  if (before.doNotRehire !== after.doNotRehire)
    out.push(
      `Do-not-rehire flag: ${OUTCOME_LABELS[before.doNotRehire]} → ${OUTCOME_LABELS[after.doNotRehire]}`,
    );
  if (before.legalHold !== after.legalHold)
    out.push(`Legal hold: ${OUTCOME_LABELS[before.legalHold]} → ${OUTCOME_LABELS[after.legalHold]}`);
  if (before.consent !== after.consent)
    out.push(
      `Contact consent: ${CONSENT_MODE_LABELS[before.consent]} → ${CONSENT_MODE_LABELS[after.consent]}`,
    );
  if (before.verdictExpiryMonths !== after.verdictExpiryMonths)
    out.push(`Verdict expiry: ${m(before.verdictExpiryMonths)} → ${m(after.verdictExpiryMonths)}`);
  return out;
}
