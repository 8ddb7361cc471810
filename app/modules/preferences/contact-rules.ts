import type { UnsubscribePurpose } from "~/platform/mailer/unsubscribe.server";

/**
 * Whether an alumnus may be emailed for a purpose (ADR 022). Pure, so the campaign audience,
 * the dispatcher's last look and the pages agree on one rule.
 *
 *   withdrawn      they said no (unsubscribe link, preference page, HR): never
 *   do_not_contact HR recorded that nobody may contact them: never
 *   unknown        they never said: campaigns leave them out (`requireConsent`), mail already
 *                  queued under an earlier rule is not cancelled for it
 *   granted        yes
 */
export type ConsentValue = "unknown" | "granted" | "withdrawn";
export type ContactFacts = { consentReturn: ConsentValue; consentNews: ConsentValue; doNotContact: boolean };
export type ContactVerdict =
  { allowed: true } | { allowed: false; reason: "withdrawn" | "do_not_contact" | "no_consent" };

export const PURPOSE_LABELS: Record<UnsubscribePurpose, { title: string; description: string }> = {
  return_opportunities: {
    title: "Return opportunities",
    description: "Invitations to come back to work with us, and one reminder at most for each.",
  },
  news: {
    title: "Alumni news",
    description: "Occasional notes about changes at the company that affect former colleagues.",
  },
};

/**
 * Where a person whose preferences link does not work, or who followed the never-expiring
 * unsubscribe link, can still choose (ADR 081): the alumni site, which signs in by email link.
 */
export const PREFERENCES_SIGN_IN_PATH = "/portal/sign-in?redirectTo=%2Fportal%2Fprivacy";

export function consentFor(facts: ContactFacts, purpose: UnsubscribePurpose): ConsentValue {
  return purpose === "news" ? facts.consentNews : facts.consentReturn;
}

export function mayEmail(
  facts: ContactFacts,
  purpose: UnsubscribePurpose,
  options: { requireConsent?: boolean } = {},
): ContactVerdict {
  if (facts.doNotContact) return { allowed: false, reason: "do_not_contact" };
  const consent = consentFor(facts, purpose);
  if (consent === "withdrawn") return { allowed: false, reason: "withdrawn" };
  if (consent !== "granted" && (options.requireConsent ?? true))
    return { allowed: false, reason: "no_consent" };
  return { allowed: true };
}

/** The same rule as a Prisma filter on Alumnus, for audience queries (consent required). */
export function contactableWhere(purpose: UnsubscribePurpose) {
  return purpose === "news"
    ? { doNotContact: false, consentNews: "granted" as const }
    : { doNotContact: false, consentReturn: "granted" as const };
}

export const CANCEL_REASONS: Record<Exclude<ContactVerdict, { allowed: true }>["reason"] | "erased", string> =
  {
    withdrawn: "The recipient unsubscribed from this kind of email before it was sent.",
    do_not_contact: "The recipient is marked do-not-contact.",
    no_consent: "The recipient has not agreed to this kind of email.",
    erased: "The recipient's record no longer exists.",
  };
