/**
 * The phased-reversal funnel (ADR 078): what each stage counts, in the order a person moves
 * through them. Pure, so pages, exports and the PDF name the stages the same way.
 *
 * Each stage counts distinct people. The pool stages (affected, contactable, eligible) are facts
 * about the person; the later ones are things that happened. From "applied" on a stage counts
 * people who reached it or went further (an accepted contract was offered first), so those four
 * never grow from one to the next. "Invited" and "interested" are counted as recorded: a person
 * can apply from the portal without an invitation, so "applied" may exceed "interested".
 */
export const STAGES = [
  "affected",
  "contactable",
  "eligible",
  "invited",
  "interested",
  "applied",
  "offered",
  "contracted",
  "active",
] as const;
export type Stage = (typeof STAGES)[number];

/** Stages that are facts about the pool: only people who may see the whole pool see them. */
export const POOL_STAGES: readonly Stage[] = ["affected", "contactable", "eligible"];

export const STAGE_LABELS: Record<Stage, string> = {
  affected: "Affected",
  contactable: "Contactable",
  eligible: "Eligible",
  invited: "Invited",
  interested: "Interested",
  applied: "Applied",
  offered: "Offered",
  contracted: "Contracted",
  active: "Active",
};

export const STAGE_DEFINITIONS: Record<Stage, string> = {
  affected: "People in the pool who left under the decision (overall: everyone in the pool).",
  contactable:
    "Agreed to hear about return opportunities, not marked do-not-contact, and an email address on file.",
  eligible: "Their rehire verdict is “eligible” (an HR override counts while it is valid).",
  invited: "An invitation from a campaign was delivered to them.",
  interested: "Answered “Yes, I’m interested” to an invitation (the last answer counts).",
  applied: "Applied to a return program, whatever happened to the application later.",
  offered: "An offer was made (a gig contract was drafted), or they were hired.",
  contracted: "Accepted a gig contract.",
  active: "Their contract became active (it may have ended since).",
};

/**
 * Stages Comeback does not record yet, with the sentence the page shows instead of a figure.
 * Empty since onboarding marks a contract active when its checklist is complete.
 */
export const NOT_RECORDED: Partial<Record<Stage, string>> = {};

export type FunnelCounts = Record<Stage, number | null>;

/** One row of a funnel table: a group (a decision, a department...) and its counts. */
export type FunnelRow = { key: string; label: string; counts: FunnelCounts };

export const GROUPINGS = {
  decision: "Workforce decision",
  department: "Department",
  location: "Location",
  phase: "Phase",
  engagement: "Engagement type",
} as const;
export type Grouping = keyof typeof GROUPINGS;
export const GROUPING_KEYS = Object.keys(GROUPINGS) as Grouping[];

/** Groupings by a person's own record (the pool stages make sense there). */
export const PERSON_GROUPINGS: readonly Grouping[] = ["decision", "department", "location"];

/** A share of a whole, as a page or a PDF prints it ("42%", "—" when there is nothing to share). */
export function percentOf(part: number | null, whole: number | null): string {
  if (part === null || whole === null || whole === 0) return "—";
  return `${Math.round((part / whole) * 100)}%`;
}

/** Days as the dashboard prints them: one decimal below ten, whole days above. */
export function formatDays(days: number | null): string {
  if (days === null) return "—";
  return days < 10 ? `${days.toFixed(1)} days` : `${Math.round(days)} days`;
}
