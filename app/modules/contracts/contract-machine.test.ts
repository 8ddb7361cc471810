import { describe, expect, it } from "vitest";
import {
  actionsFor,
  canAct,
  CONTRACT_ACTIONS,
  CONTRACT_ROLES,
  CONTRACT_STATUSES,
  targetOf,
  type ContractAction,
  type ContractRole,
  type ContractStatus,
} from "./contract-machine";

/**
 * The whole table, written out by hand a second time: every (role, action, status) triple that
 * is allowed, with where it leads. Every other triple of the 5 x 14 x 13 must be refused.
 */
const ALLOWED: [ContractRole, ContractAction, ContractStatus, ContractStatus][] = [
  ["hr", "edit_terms", "draft", "draft"],
  ["hr", "edit_terms", "changes_requested", "changes_requested"],
  ["hr", "edit_terms", "pending_approval", "pending_approval"],
  ["hr", "edit_terms", "approved", "pending_approval"],
  ["hr", "edit_terms", "offered", "pending_approval"],
  ["hr", "submit", "draft", "pending_approval"],
  ["hr", "submit", "changes_requested", "pending_approval"],
  ["manager", "approve", "pending_approval", "approved"],
  ["hr_lead", "approve", "pending_approval", "approved"],
  ["manager", "request_changes", "pending_approval", "changes_requested"],
  ["hr_lead", "request_changes", "pending_approval", "changes_requested"],
  ["manager", "reject", "pending_approval", "rejected"],
  ["hr_lead", "reject", "pending_approval", "rejected"],
  ["hr", "send_offer", "approved", "offered"],
  ["alumnus", "accept", "offered", "accepted"],
  ["alumnus", "decline", "offered", "withdrawn"],
  ["alumnus", "withdraw", "accepted", "withdrawn"],
  ["alumnus", "withdraw", "onboarding", "withdrawn"],
  ["system", "start_onboarding", "accepted", "onboarding"],
  ["system", "activate", "onboarding", "active"],
  ["hr", "end", "active", "ended"],
  ["hr", "cancel", "draft", "cancelled"],
  ["hr", "cancel", "pending_approval", "cancelled"],
  ["hr", "cancel", "changes_requested", "cancelled"],
  ["hr", "cancel", "approved", "cancelled"],
  ["hr", "cancel", "offered", "cancelled"],
  ["hr", "cancel", "accepted", "cancelled"],
  ["hr", "cancel", "onboarding", "cancelled"],
  ["system", "expire", "offered", "expired"],
];

const key = (role: string, action: string, status: string) => `${role} ${action} ${status}`;
const allowed = new Map(ALLOWED.map(([r, a, s, to]) => [key(r, a, s), to]));

const triples = CONTRACT_ROLES.flatMap((role) =>
  CONTRACT_ACTIONS.flatMap((action) => CONTRACT_STATUSES.map((status) => [role, action, status] as const)),
);

describe("the contract state machine", () => {
  it("enumerates every role, action and status", () => {
    expect(triples).toHaveLength(5 * 14 * 13);
  });

  it.each(triples)("%s: %s from %s", (role, action, status) => {
    const expected = allowed.get(key(role, action, status));
    expect(canAct(role, action, status)).toBe(expected !== undefined);
    if (expected) expect(targetOf(action, status)).toBe(expected);
  });

  it("ended, rejected, withdrawn, cancelled and expired are final for everyone", () => {
    for (const status of ["ended", "rejected", "withdrawn", "cancelled", "expired"] as const)
      expect(actionsFor(CONTRACT_ROLES, status)).toEqual([]);
  });

  it("lists the buttons a person sees, in the table's order", () => {
    expect(actionsFor(["hr", "hr_lead"], "pending_approval")).toEqual([
      "edit_terms",
      "approve",
      "request_changes",
      "reject",
      "cancel",
    ]);
    expect(actionsFor(["manager"], "approved")).toEqual([]);
    expect(actionsFor(["alumnus"], "offered")).toEqual(["accept", "decline"]);
  });
});
