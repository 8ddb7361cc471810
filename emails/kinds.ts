/**
 * What kind of message a template is, for the tone and completeness check: each kind has its
 * own required elements (app/modules/outreach/tone/wordlists/required-elements.json).
 */
export const EMAIL_KINDS = {
  invitation: "Invitation to return",
  reminder: "Reminder",
  application_received: "Application received",
  positive_decision: "Positive decision",
  decline: "Decline",
  contract_offer: "Contract offer",
  contract_review: "Contract review (internal)",
  onboarding_welcome: "Onboarding welcome",
  onboarding_reminder: "Onboarding reminder",
  sign_in_link: "Sign-in link",
  answer_link: "Link to answer an invitation",
  phase_change: "Phase change notice",
  automation_notice: "Automation phase notice",
  staff_account: "Staff account",
} as const;

export type EmailKind = keyof typeof EMAIL_KINDS;

export function isEmailKind(value: string): value is EmailKind {
  return Object.hasOwn(EMAIL_KINDS, value);
}

/** Why a message is sent; mirrors EmailPurpose in the mailer. Only transactional mail may skip the preferences link. */
export const EMAIL_PURPOSES = {
  transactional: "Transactional",
  return_opportunities: "Return opportunities",
  news: "News",
} as const;

export type TemplatePurpose = keyof typeof EMAIL_PURPOSES;
