import { db } from "~/platform/db.server";
import { UNSUBSCRIBE_PURPOSES, type UnsubscribePurpose } from "~/platform/mailer/unsubscribe.server";
import { PURPOSE_LABELS } from "./contact-rules";
import { findByPreferencesToken, findByToken, purposesLockedFor } from "./find-by-token.server";

type Held = {
  preferredName: string | null;
  firstName: string;
  consentReturn: "unknown" | "granted" | "withdrawn";
  consentNews: "unknown" | "granted" | "withdrawn";
  doNotContact: boolean;
} | null;

function describe(purpose: UnsubscribePurpose, alumnus: Held, locked: UnsubscribePurpose[] = []) {
  return {
    purpose,
    purposeTitle: PURPOSE_LABELS[purpose].title,
    known: !!alumnus,
    firstName: alumnus ? alumnus.preferredName || alumnus.firstName : null,
    doNotContact: alumnus?.doNotContact ?? false,
    purposes: UNSUBSCRIBE_PURPOSES.map((p) => ({
      purpose: p,
      ...PURPOSE_LABELS[p],
      subscribed: alumnus
        ? (p === "news" ? alumnus.consentNews : alumnus.consentReturn) === "granted"
        : false,
      consent: alumnus
        ? p === "news"
          ? alumnus.consentNews
          : alumnus.consentReturn
        : ("withdrawn" as const),
      /** Said no after this link was written: only a fresh link or signing in can say yes again. */
      locked: locked.includes(p),
    })),
  };
}

/** "15 January 2027", in UTC so it never shifts with the server's zone. */
function formatDay(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** What the unsubscribe page shows for a signed unsubscribe link (read only). */
export async function getPreferences(input: { token: string | undefined }) {
  const found = await findByToken(db, input.token);
  if (!found) return null;
  return describe(found.purpose, found.alumnus);
}

/**
 * What the preference page shows (ADR 081): `invalid` and `expired` links show nothing about
 * the person, only the ways to choose again.
 */
export async function getPreferencesPage(input: { token: string | undefined; now?: Date }) {
  const found = await findByPreferencesToken(db, input.token, { now: input.now });
  if (found.state === "invalid") return { state: "invalid" as const };
  if (found.state === "expired")
    return {
      state: "expired" as const,
      // Links from before preferences links expired carry no date.
      expiredOn: found.claim.expiresAt.getTime() > 0 ? formatDay(found.claim.expiresAt) : null,
    };
  const locked = found.alumnus ? purposesLockedFor(found.alumnus, found.claim.issuedAt) : [];
  return {
    state: "open" as const,
    expiresOn: formatDay(found.claim.expiresAt),
    ...describe(found.claim.purpose, found.alumnus, locked),
  };
}
