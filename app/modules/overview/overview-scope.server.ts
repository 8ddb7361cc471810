import type { StaffUser } from "~/platform/auth.server";
import { forbidden } from "~/platform/errors";
import { can } from "~/platform/permissions";

/**
 * What of the overview a staff member may see, from the scoping the rest of the product already
 * uses: the pool's figures need read:alumnus:any (as the home page's pool counts do); the
 * pipeline's are every program's for HR (read:pipeline:any) and, for a hiring manager
 * (read:pipeline:own), only the programs they hire for (ADR 041); email health needs
 * read:outbox; pending approvals follow the contract list's scope. An administrator, who holds
 * neither the pool nor the pipeline, sees email health only.
 */
export type OverviewScope = {
  pool: boolean;
  /** null: no pipeline figures; "any": every program; otherwise the hiring manager's id. */
  pipeline: null | "any" | { hiringManagerId: string };
  outbox: boolean;
  contracts: boolean;
};

export function overviewScope(actor: StaffUser): OverviewScope {
  const pipeline = can(actor, "read:pipeline:any")
    ? ("any" as const)
    : can(actor, "read:pipeline:own")
      ? { hiringManagerId: actor.id }
      : null;
  const scope: OverviewScope = {
    // Pool stages sit beside pipeline stages of the same people: both, or neither.
    pool: can(actor, "read:alumnus:any") && pipeline === "any",
    pipeline,
    outbox: can(actor, "read:outbox"),
    contracts: can(actor, "read:contract:any") || can(actor, "approve:contract:team"),
  };
  if (!scope.pool && !scope.pipeline && !scope.outbox)
    throw forbidden("You do not have permission to see the overview.");
  return scope;
}
