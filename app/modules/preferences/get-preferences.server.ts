import { db } from "~/platform/db.server";
import { UNSUBSCRIBE_PURPOSES } from "~/platform/mailer/unsubscribe.server";
import { PURPOSE_LABELS } from "./contact-rules";
import { findByToken } from "./find-by-token.server";

/** What the unsubscribe and preference pages show for a signed link (read only). */
export async function getPreferences(input: { token: string | undefined }) {
  const found = await findByToken(db, input.token);
  if (!found) return null;
  const { alumnus } = found;
  return {
    purpose: found.purpose,
    purposeTitle: PURPOSE_LABELS[found.purpose].title,
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
    })),
  };
}
