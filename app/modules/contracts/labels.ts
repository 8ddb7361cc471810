import type { ContractAction, ContractStatus } from "./contract-machine";

/** One source for the words of the contract's stored codes (pages never print a code). */

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: "Draft",
  pending_approval: "Waiting for approval",
  changes_requested: "Changes asked for",
  approved: "Approved",
  offered: "Offered",
  accepted: "Accepted",
  onboarding: "Onboarding",
  active: "Active",
  ended: "Ended",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  cancelled: "Cancelled",
  expired: "Offer expired",
};

/** What a status means, in one sentence, for staff. */
export const CONTRACT_STATUS_HINTS: Record<ContractStatus, string> = {
  draft: "HR is preparing the terms. Nobody else has seen them yet.",
  pending_approval: "The terms wait for the approvals listed below.",
  changes_requested: "An approver asked for changes. HR updates the terms and sends them again.",
  approved: "Everyone who needed to approve has approved. HR can send the offer.",
  offered: "The person has the offer and can accept or decline it in the portal.",
  accepted: "The person accepted the contract.",
  onboarding: "The person accepted. The onboarding checklist is under way.",
  active: "Onboarding is done and the person is working.",
  ended: "The contract has ended.",
  rejected: "An approver rejected the contract. It will not go ahead.",
  withdrawn: "The person declined the offer or withdrew.",
  cancelled: "HR cancelled the contract.",
  expired: "The offer was not answered in time.",
};

export const CONTRACT_STATUS_TONE: Record<ContractStatus, "neutral" | "good" | "warn" | "bad" | "brand"> = {
  draft: "neutral",
  pending_approval: "warn",
  changes_requested: "warn",
  approved: "brand",
  offered: "brand",
  accepted: "good",
  onboarding: "good",
  active: "good",
  ended: "neutral",
  rejected: "bad",
  withdrawn: "neutral",
  cancelled: "neutral",
  expired: "neutral",
};

/** The history's words for each action (past tense). */
export const CONTRACT_ACTION_PAST: Record<ContractAction, string> = {
  edit_terms: "changed the terms",
  submit: "sent it for approval",
  approve: "approved",
  request_changes: "asked for changes",
  reject: "rejected it",
  send_offer: "sent the offer",
  accept: "accepted the contract",
  decline: "declined the offer",
  withdraw: "withdrew",
  start_onboarding: "started onboarding",
  activate: "made it active",
  end: "ended the contract",
  cancel: "cancelled the contract",
  expire: "let the offer expire",
};
