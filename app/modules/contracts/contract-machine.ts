/**
 * The gig contract's life as data (ADR 045): which action may be taken from which status, by
 * whom, and where it leads. Pure, so the pages (the buttons a person sees) and the server (what
 * it accepts) read the same table.
 *
 *   draft -> pending approval -> (changes requested -> pending approval) -> approved -> offered
 *         -> accepted -> onboarding -> active -> ended
 *   pending approval -> rejected; offered -> expired; offered/accepted/onboarding -> withdrawn
 *   (the alumnus); anything before active -> cancelled (HR)
 *
 * Approving fills one capacity (the hiring manager, or an HR lead when a rule asks for one):
 * the contract becomes "approved" when every capacity the rules require is filled, and stays
 * "pending approval" until then (see approval-rules.ts).
 */

export const CONTRACT_STATUSES = [
  "draft",
  "pending_approval",
  "changes_requested",
  "approved",
  "offered",
  "accepted",
  "onboarding",
  "active",
  "ended",
  "rejected",
  "withdrawn",
  "cancelled",
  "expired",
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const FINAL_CONTRACT_STATUSES = [
  "ended",
  "rejected",
  "withdrawn",
  "cancelled",
  "expired",
] as const satisfies readonly ContractStatus[];

/**
 * Who acts on a contract:
 * - hr: holds manage:contract (prepares, sends, cancels, ends);
 * - manager: the program's hiring manager, holding approve:contract:team;
 * - hr_lead: holds approve:contract:second (the second approver some rules ask for);
 * - alumnus: the person the contract is for;
 * - system: the app itself (acceptance starts onboarding, the last task activates, offers expire).
 */
export const CONTRACT_ROLES = ["hr", "manager", "hr_lead", "alumnus", "system"] as const;
export type ContractRole = (typeof CONTRACT_ROLES)[number];

export const CONTRACT_ACTIONS = [
  "edit_terms",
  "submit",
  "approve",
  "request_changes",
  "reject",
  "send_offer",
  "accept",
  "decline",
  "withdraw",
  "start_onboarding",
  "activate",
  "end",
  "cancel",
  "expire",
] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

export type ContractMove = {
  action: ContractAction;
  from: readonly ContractStatus[];
  /** Where the action leads; "approve" may stay in pending_approval (see approval-rules.ts). */
  to: ContractStatus;
  roles: readonly ContractRole[];
  /** The button's words. */
  label: string;
};

const APPROVERS = ["manager", "hr_lead"] as const;
/** Any change of terms after the draft sends the contract back for approval. */
export const TERMS_EDITABLE = [
  "draft",
  "pending_approval",
  "changes_requested",
  "approved",
  "offered",
] as const satisfies readonly ContractStatus[];

export const CONTRACT_MOVES: readonly ContractMove[] = [
  { action: "edit_terms", from: TERMS_EDITABLE, to: "pending_approval", roles: ["hr"], label: "Save terms" },
  {
    action: "submit",
    from: ["draft", "changes_requested"],
    to: "pending_approval",
    roles: ["hr"],
    label: "Send for approval",
  },
  { action: "approve", from: ["pending_approval"], to: "approved", roles: APPROVERS, label: "Approve" },
  {
    action: "request_changes",
    from: ["pending_approval"],
    to: "changes_requested",
    roles: APPROVERS,
    label: "Ask for changes",
  },
  { action: "reject", from: ["pending_approval"], to: "rejected", roles: APPROVERS, label: "Reject" },
  { action: "send_offer", from: ["approved"], to: "offered", roles: ["hr"], label: "Send the offer" },
  { action: "accept", from: ["offered"], to: "accepted", roles: ["alumnus"], label: "Accept the contract" },
  { action: "decline", from: ["offered"], to: "withdrawn", roles: ["alumnus"], label: "Decline the offer" },
  {
    action: "withdraw",
    from: ["accepted", "onboarding"],
    to: "withdrawn",
    roles: ["alumnus"],
    label: "Withdraw",
  },
  {
    action: "start_onboarding",
    from: ["accepted"],
    to: "onboarding",
    roles: ["system"],
    label: "Start onboarding",
  },
  { action: "activate", from: ["onboarding"], to: "active", roles: ["system"], label: "Activate" },
  { action: "end", from: ["active"], to: "ended", roles: ["hr"], label: "End the contract" },
  {
    action: "cancel",
    from: ["draft", "pending_approval", "changes_requested", "approved", "offered", "accepted", "onboarding"],
    to: "cancelled",
    roles: ["hr"],
    label: "Cancel the contract",
  },
  { action: "expire", from: ["offered"], to: "expired", roles: ["system"], label: "Expire the offer" },
];

export function findMove(action: ContractAction): ContractMove {
  const move = CONTRACT_MOVES.find((m) => m.action === action);
  if (!move) throw new Error(`Unknown contract action ${action}`);
  return move;
}

export function canAct(role: ContractRole, action: ContractAction, from: ContractStatus): boolean {
  const move = findMove(action);
  return move.roles.includes(role) && move.from.includes(from);
}

/** Where an action leads from a status (edit_terms keeps a draft or a sent-back contract as it is). */
export function targetOf(action: ContractAction, from: ContractStatus): ContractStatus {
  if (action === "edit_terms" && (from === "draft" || from === "changes_requested")) return from;
  return findMove(action).to;
}

/** The actions any of the roles may take from a status, in the table's order. */
export function actionsFor(roles: readonly ContractRole[], from: ContractStatus): ContractAction[] {
  return CONTRACT_MOVES.filter((m) => m.from.includes(from) && m.roles.some((r) => roles.includes(r))).map(
    (m) => m.action,
  );
}

export function isContractStatus(value: unknown): value is ContractStatus {
  return typeof value === "string" && (CONTRACT_STATUSES as readonly string[]).includes(value);
}

export function isFinal(status: ContractStatus): boolean {
  return (FINAL_CONTRACT_STATUSES as readonly string[]).includes(status);
}
