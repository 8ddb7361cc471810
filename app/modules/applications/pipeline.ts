/**
 * The application pipeline as data (ADR 042): which status may follow which, and who may make
 * each move. Pure, so the browser (the buttons a person sees) and the server (what it accepts)
 * read the same table.
 *
 *   submitted -> in review -> shortlisted -> offered -> hired
 *        \____________\____________\___________\-> declined | withdrawn
 *
 * "offered" means an offer is being made: a draft gig contract exists and the contracts module
 * takes it from there. "hired" is set by the contracts module when the person accepts the
 * contract (role "contract"), never by hand.
 */

export const APPLICATION_STATUSES = [
  "submitted",
  "in_review",
  "shortlisted",
  "offered",
  "declined",
  "withdrawn",
  "hired",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The statuses that still move; the others are final. */
export const ACTIVE_STATUSES = ["submitted", "in_review", "shortlisted", "offered"] as const;
export const FINAL_STATUSES = ["declined", "withdrawn", "hired"] as const;

/**
 * Who acts: HR (move:application:any), the program's hiring manager (move:application:own on
 * their own programs), the applicant, or the contracts module on acceptance.
 */
export const PIPELINE_ROLES = ["hr", "manager", "alumnus", "contract"] as const;
export type PipelineRole = (typeof PIPELINE_ROLES)[number];

export type Transition = {
  from: ApplicationStatus;
  to: ApplicationStatus;
  roles: readonly PipelineRole[];
  /** The button's words for staff. */
  label: string;
};

const REVIEWERS = ["hr", "manager"] as const;

export const TRANSITIONS: readonly Transition[] = [
  { from: "submitted", to: "in_review", roles: REVIEWERS, label: "Start review" },
  { from: "submitted", to: "shortlisted", roles: REVIEWERS, label: "Shortlist" },
  { from: "in_review", to: "shortlisted", roles: REVIEWERS, label: "Shortlist" },
  { from: "shortlisted", to: "in_review", roles: REVIEWERS, label: "Back to review" },
  { from: "shortlisted", to: "offered", roles: ["hr"], label: "Make an offer" },
  { from: "submitted", to: "declined", roles: REVIEWERS, label: "Decline" },
  { from: "in_review", to: "declined", roles: REVIEWERS, label: "Decline" },
  { from: "shortlisted", to: "declined", roles: REVIEWERS, label: "Decline" },
  // HR takes back an offer that has not been accepted (the draft contract is cancelled)
  { from: "offered", to: "declined", roles: ["hr"], label: "Take back the offer" },
  // the person withdraws (HR may record it for them, e.g. after a phone call)
  { from: "submitted", to: "withdrawn", roles: ["alumnus", "hr"], label: "Withdraw" },
  { from: "in_review", to: "withdrawn", roles: ["alumnus", "hr"], label: "Withdraw" },
  { from: "shortlisted", to: "withdrawn", roles: ["alumnus", "hr"], label: "Withdraw" },
  { from: "offered", to: "withdrawn", roles: ["alumnus", "hr"], label: "Withdraw" },
  { from: "offered", to: "hired", roles: ["contract"], label: "Hired" },
];

export function findTransition(from: ApplicationStatus, to: ApplicationStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function canTransition(role: PipelineRole, from: ApplicationStatus, to: ApplicationStatus): boolean {
  return !!findTransition(from, to)?.roles.includes(role);
}

/** The moves a role may make from a status, in the table's order. */
export function nextMoves(role: PipelineRole, from: ApplicationStatus): Transition[] {
  return TRANSITIONS.filter((t) => t.from === from && t.roles.includes(role));
}

/** Targets a bulk move may use: the plain moves (an offer and a withdrawal are one at a time). */
export const BULK_TARGETS = [
  "in_review",
  "shortlisted",
  "declined",
] as const satisfies readonly ApplicationStatus[];
export type BulkTarget = (typeof BULK_TARGETS)[number];

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === "string" && (APPLICATION_STATUSES as readonly string[]).includes(value);
}
