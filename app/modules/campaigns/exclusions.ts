/**
 * Why a person in a campaign's segment does not get its email. Each excluded person is counted
 * once, under the first reason that applies, in this order (ADR 023).
 */
export const EXCLUSION_REASONS = [
  "do_not_contact",
  "unsubscribed",
  "no_consent",
  "no_email",
  "quiet_period",
  "no_verdict",
  "not_eligible",
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const EXCLUSION_LABELS: Record<ExclusionReason, { label: string; explanation: string }> = {
  do_not_contact: { label: "Do not contact", explanation: "Marked “do not contact” in their record." },
  unsubscribed: {
    label: "Unsubscribed",
    explanation: "Withdrew consent to hear about return opportunities.",
  },
  no_consent: { label: "No consent yet", explanation: "Never said we may write about return opportunities." },
  no_email: {
    label: "No email address",
    explanation: "Neither a personal nor a work email address on file.",
  },
  quiet_period: {
    label: "Quiet period",
    explanation: "Left too recently: we give people time after their exit.",
  },
  no_verdict: {
    label: "No rehire verdict yet",
    explanation: "The campaign goes only to eligible people, and nobody has evaluated this person yet.",
  },
  not_eligible: {
    label: "Not eligible",
    explanation:
      "Their rehire verdict (an HR override while it is valid) is “needs review” or “not eligible”.",
  },
};

export type ExclusionCounts = Record<ExclusionReason, number>;

export function emptyExclusionCounts(): ExclusionCounts {
  return Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as ExclusionCounts;
}
