import { recomputeEligibilityFor } from "~/modules/eligibility/recompute.server";
import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { conflict, forbidden, notFound } from "~/platform/errors";
import { can } from "~/platform/permissions";
import { alumniVisibleTo } from "./alumni-scope.server";
import { STALE_EDIT_MESSAGE } from "./update-alumnus.server";

/**
 * Sets or clears the do-not-rehire flag (edit:alumnus:restricted) with a required reason. The
 * reason is kept on the record while the flag is set, and in the audit trail for every change.
 * Same optimistic concurrency as the core edit.
 */
export async function setDoNotRehire({
  actor,
  alumnusId,
  version,
  doNotRehire,
  reason,
}: {
  actor: StaffUser;
  alumnusId: string;
  version: number;
  doNotRehire: boolean;
  reason: string;
}): Promise<{ changed: boolean }> {
  if (!can(actor, "edit:alumnus:restricted")) throw forbidden();
  return db.$transaction(async (tx) => {
    const current = await tx.alumnus.findFirst({
      where: { AND: [alumniVisibleTo(actor), { id: alumnusId }] },
      select: { id: true, version: true, doNotRehire: true, doNotRehireReason: true },
    });
    if (!current) throw notFound("That alumnus");
    if (current.version !== version) throw conflict(STALE_EDIT_MESSAGE);
    const nextReason = doNotRehire ? reason : null;
    if (current.doNotRehire === doNotRehire && current.doNotRehireReason === nextReason)
      return { changed: false };
    const updated = await tx.alumnus.updateMany({
      where: { id: current.id, version },
      data: { doNotRehire, doNotRehireReason: nextReason, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict(STALE_EDIT_MESSAGE);
    await recomputeEligibilityFor(tx, [current.id]);
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "alumnus.restricted_updated",
      entityType: "alumnus",
      entityId: current.id,
      before: {
        doNotRehire: current.doNotRehire,
        doNotRehireReason: current.doNotRehireReason,
        version: current.version,
      },
      after: { doNotRehire, doNotRehireReason: nextReason, version: current.version + 1 },
      reason,
    });
    return { changed: true };
  });
}
