import type { PortalStringKey } from "~/modules/portal/strings";

/**
 * The codes an answer to a campaign invitation is stored with (ADR 038), and what HR reads for
 * them. What the alumnus reads lives in the portal's string catalogue (answer-strings.ts).
 */

export const ANSWER_CHOICES = ["interested", "not_now", "stop"] as const;
export type AnswerChoice = (typeof ANSWER_CHOICES)[number];

/** Hours a week someone could give, as a band (a short choice, not a number to type). */
export const HOURS_BANDS = ["up_to_10", "10_20", "20_30", "30_plus"] as const;
export type HoursBand = (typeof HOURS_BANDS)[number];

/** How soon someone could start, as a band. */
export const START_BANDS = ["now", "within_month", "within_3_months", "later"] as const;
export type StartBand = (typeof START_BANDS)[number];

export const ANSWER_LABELS: Record<AnswerChoice, string> = {
  interested: "Interested",
  not_now: "Not now",
  stop: "Opted out",
};

export const ANSWER_DESCRIPTIONS: Record<AnswerChoice, string> = {
  interested: "Said yes, they are interested.",
  not_now: "Said not now; they stay in the pool.",
  stop: "Asked not to be contacted; their consent for outreach was withdrawn.",
};

export const HOURS_LABELS: Record<HoursBand, string> = {
  up_to_10: "Up to 10 hours a week",
  "10_20": "10 to 20 hours a week",
  "20_30": "20 to 30 hours a week",
  "30_plus": "30 hours a week or more",
};

export const START_LABELS: Record<StartBand, string> = {
  now: "Could start right away",
  within_month: "Could start within a month",
  within_3_months: "Could start in one to three months",
  later: "Could start in more than three months",
};

export function isHoursBand(value: string | null | undefined): value is HoursBand {
  return !!value && (HOURS_BANDS as readonly string[]).includes(value);
}

export function isStartBand(value: string | null | undefined): value is StartBand {
  return !!value && (START_BANDS as readonly string[]).includes(value);
}

/** "10 to 20 hours a week; could start within a month", or null when they gave neither. */
export function describeAvailability(input: {
  hoursPerWeek: string | null | undefined;
  earliestStart: string | null | undefined;
}): string | null {
  const parts = [
    isHoursBand(input.hoursPerWeek) ? HOURS_LABELS[input.hoursPerWeek] : null,
    isStartBand(input.earliestStart) ? START_LABELS[input.earliestStart] : null,
  ].filter((p): p is string => !!p);
  if (parts.length === 0) return null;
  return parts.map((p, i) => (i === 0 ? p : p.charAt(0).toLowerCase() + p.slice(1))).join("; ");
}

/** What the alumnus reads for each code: keys of the portal's string catalogue (ADR 036). */
export const ANSWER_CHOICE_KEYS = {
  interested: { label: "answer.choice.interested", hint: "answer.choice.interestedHint" },
  not_now: { label: "answer.choice.notNow", hint: "answer.choice.notNowHint" },
  stop: { label: "answer.choice.stop", hint: "answer.choice.stopHint" },
} as const satisfies Record<AnswerChoice, { label: PortalStringKey; hint: PortalStringKey }>;

export const HOURS_KEYS = {
  up_to_10: "answer.hours.upTo10",
  "10_20": "answer.hours.from10To20",
  "20_30": "answer.hours.from20To30",
  "30_plus": "answer.hours.over30",
} as const satisfies Record<HoursBand, PortalStringKey>;

export const START_KEYS = {
  now: "answer.start.now",
  within_month: "answer.start.withinMonth",
  within_3_months: "answer.start.withinThreeMonths",
  later: "answer.start.later",
} as const satisfies Record<StartBand, PortalStringKey>;
