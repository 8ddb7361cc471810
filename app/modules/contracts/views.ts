import type { ContractStatus } from "./contract-machine";

/** The contracts list's views (tabs), by the statuses each shows. Plain data the page reads too. */
export const CONTRACT_VIEWS = {
  approvals: { label: "Waiting for you", statuses: ["pending_approval"] },
  prepare: { label: "To prepare", statuses: ["draft", "changes_requested"] },
  pending: { label: "Waiting for approval", statuses: ["pending_approval"] },
  approved: { label: "Ready to send", statuses: ["approved"] },
  offered: { label: "Offered", statuses: ["offered"] },
  onboarding: { label: "Accepted and onboarding", statuses: ["accepted", "onboarding"] },
  active: { label: "Active", statuses: ["active"] },
  closed: { label: "Closed", statuses: ["ended", "rejected", "withdrawn", "cancelled", "expired"] },
} as const satisfies Record<string, { label: string; statuses: readonly ContractStatus[] }>;
export type ContractView = keyof typeof CONTRACT_VIEWS;

export type ApplicantHistory = {
  stints: { jobTitle: string; department: string | null; from: string; to: string | null }[];
  leftOn: string | null;
  exitReason: string | null;
  applications: { id: string; program: string; submittedAt: string; motivation: string }[];
};
