import type { ApplicationStatus } from "./pipeline";

/** One source for the words of stored codes in the pipeline (pages never print a code). */

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: "Submitted",
  in_review: "In review",
  shortlisted: "Shortlisted",
  offered: "Offered",
  declined: "Declined",
  withdrawn: "Withdrawn",
  hired: "Hired",
};

/** What a status means to the applicant, in plain words (the portal). */
export const APPLICATION_STATUS_FOR_APPLICANT: Record<ApplicationStatus, string> = {
  submitted: "We have your application. Someone will read it soon.",
  in_review: "Your application is being read.",
  shortlisted: "You are on the shortlist. We will be in touch about next steps.",
  offered: "We would like you back. An offer is being prepared for you.",
  declined: "We decided not to go ahead this time. We sent you an email explaining why.",
  withdrawn: "You withdrew this application.",
  hired: "Welcome back: you accepted the offer.",
};

export const APPLICATION_STATUS_TONE: Record<
  ApplicationStatus,
  "neutral" | "good" | "warn" | "bad" | "brand"
> = {
  submitted: "neutral",
  in_review: "brand",
  shortlisted: "brand",
  offered: "good",
  declined: "bad",
  withdrawn: "neutral",
  hired: "good",
};

export const PROGRAM_STATUSES = ["draft", "open", "paused", "closed"] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

export const PROGRAM_STATUS_LABELS: Record<ProgramStatus, string> = {
  draft: "Draft",
  open: "Open",
  paused: "Paused",
  closed: "Closed",
};

export const ENGAGEMENT_TYPES = ["gig", "part_time", "full_time"] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

export const ENGAGEMENT_LABELS: Record<EngagementType, string> = {
  gig: "Gig (work when you choose)",
  part_time: "Part-time",
  full_time: "Full-time",
};

export const SOURCE_LABELS: Record<string, string> = {
  portal: "Applied in the portal",
  invitation: "Answered an invitation",
  hr: "Entered by HR",
};
