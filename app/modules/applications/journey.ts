/**
 * A person's way back, as HR reads it on the profile (issue 14): contacted -> interested ->
 * applied -> offered -> contracted -> active. Pure: the profile's query gathers the facts, this
 * decides how far the person has come. A later step counts the earlier ones as done (an
 * application entered by HR after a phone call means they were contacted and interested).
 */

export const JOURNEY_STEPS = [
  "contacted",
  "interested",
  "applied",
  "offered",
  "contracted",
  "active",
] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

export const JOURNEY_LABELS: Record<JourneyStep, string> = {
  contacted: "Contacted",
  interested: "Interested",
  applied: "Applied",
  offered: "Offered",
  contracted: "Contracted",
  active: "Active",
};

/** What each step means, for the line under the status. */
export const JOURNEY_MEANING: Record<JourneyStep, string> = {
  contacted: "A campaign invitation was sent to them.",
  interested: "They said yes to an invitation.",
  applied: "They have an application to a return program.",
  offered: "An offer is being made: a draft gig contract exists.",
  contracted: "They accepted a gig contract.",
  active: "They are working with us again under a gig contract.",
};

export type JourneyFacts = {
  /** Campaign invitations sent to them. */
  invitations: number;
  /** Latest answers that are "interested" (one per campaign). */
  interestedAnswers: number;
  /** Application statuses, one per program. */
  applications: readonly string[];
  /** Contract statuses, one per contract. */
  contracts: readonly string[];
};

const OFFERED_CONTRACTS = new Set(["draft", "pending_approval", "changes_requested", "approved", "offered"]);
const SIGNED_CONTRACTS = new Set(["accepted", "onboarding"]);

/** The furthest step reached, or null when nothing has happened yet. */
export function journeyStep(facts: JourneyFacts): JourneyStep | null {
  if (facts.contracts.includes("active") || facts.contracts.includes("ended")) return "active";
  if (facts.contracts.some((s) => SIGNED_CONTRACTS.has(s)) || facts.applications.includes("hired"))
    return "contracted";
  if (facts.applications.includes("offered") || facts.contracts.some((s) => OFFERED_CONTRACTS.has(s)))
    return "offered";
  if (facts.applications.length > 0) return "applied";
  if (facts.interestedAnswers > 0) return "interested";
  if (facts.invitations > 0) return "contacted";
  return null;
}

/** Each step with whether it is done, the current one, or still ahead. */
export function journeyLine(facts: JourneyFacts) {
  const reached = journeyStep(facts);
  const at = reached ? JOURNEY_STEPS.indexOf(reached) : -1;
  return JOURNEY_STEPS.map((step, i) => ({
    step,
    label: JOURNEY_LABELS[step],
    state: i < at ? ("done" as const) : i === at ? ("current" as const) : ("ahead" as const),
  }));
}
