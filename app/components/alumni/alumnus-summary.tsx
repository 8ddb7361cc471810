import type { AlumnusProfile } from "~/modules/alumni/get-alumnus-profile.server";
import { dayList, valueInWords } from "~/modules/audit/audit-words";
import { ProfileSummary, type NextStep } from "./profile-summary";

const longDate = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });

const valueOrNull = (code: string | null) => (code ? valueInWords(code) : null);

/** "Customer Service Agent, Support, for 4 years": the role and how long the person held it. */
export function roleLine(
  jobTitle: string | null,
  department: string | null,
  hired: string | null,
  left: string | null,
) {
  const what = [jobTitle, department].filter(Boolean).join(", ");
  if (!what) return null;
  if (!hired || !left) return what;
  const years = (Date.parse(left) - Date.parse(hired)) / (365.25 * 24 * 3600 * 1000);
  const span = years >= 1 ? `${Math.floor(years)} year${years >= 2 ? "s" : ""}` : "under a year";
  return `${what}, for ${span}`;
}

type Eligibility = Extract<AlumnusProfile, { access: "any" }>["eligibility"];
export type SummaryProfile = Pick<AlumnusProfile, "alumnus" | "hr" | "restricted" | "canEdit"> & {
  eligibility?: Eligibility;
};

/** What the viewer can do next with this person, the most pressing first. */
export function nextSteps(profile: SummaryProfile): NextStep[] {
  const id = profile.alumnus.id;
  const steps: NextStep[] = [];
  const outcome = profile.eligibility?.effective.outcome;
  if (profile.eligibility !== undefined) {
    steps.push(
      outcome === "needs_review"
        ? { label: "Decide the review", href: `/staff/eligibility/people/${id}`, primary: true }
        : { label: "See why, or override the verdict", href: `/staff/eligibility/people/${id}` },
    );
  }
  if (profile.canEdit) {
    steps.push({ label: "Add a private note", href: "#note" });
    steps.push({ label: "Edit the record", href: "#edit" });
  }
  if (profile.hr) steps.push({ label: "Read the timeline", href: "#timeline" });
  return steps;
}

/** The top of a person's profile, put into words from the profile's record. */
export function AlumnusSummary({ profile }: { profile: SummaryProfile }) {
  const { alumnus: a, hr, restricted, eligibility } = profile;
  return (
    <ProfileSummary
      role={roleLine(a.jobTitle, a.department, hr?.hireDate ?? null, hr?.exitDate ?? null)}
      left={
        hr
          ? [hr.exitDate ? `on ${longDate(hr.exitDate)}` : null, valueOrNull(hr.exitReason)]
              .filter(Boolean)
              .join(": ") || null
          : null
      }
      verdict={
        eligibility === undefined
          ? undefined
          : {
              outcome: eligibility?.effective.outcome ?? null,
              note: eligibility
                ? eligibility.effective.source === "override"
                  ? "an HR decision"
                  : "under the policy"
                : null,
              href: `/staff/eligibility/people/${a.id}`,
            }
      }
      openToReturn={
        hr
          ? hr.doNotContact
            ? "Asked not to be contacted"
            : hr.consentReturn === "granted"
              ? "Open to return opportunities"
              : hr.consentReturn === "withdrawn"
                ? "Does not want return opportunities"
                : "Not asked yet"
          : null
      }
      availability={
        [
          a.availabilityHours ? `${a.availabilityHours} hours a week` : null,
          dayList(a.availabilityDays),
          a.earliestStart ? `from ${longDate(a.earliestStart)}` : null,
        ]
          .filter(Boolean)
          .join(" · ") || null
      }
      flags={[
        ...(restricted?.doNotRehire ? [{ label: "Do not rehire", tone: "bad" as const }] : []),
        ...(hr?.regrettable ? [{ label: "Regrettable loss", tone: "warn" as const }] : []),
      ]}
      nextSteps={nextSteps(profile)}
    />
  );
}
