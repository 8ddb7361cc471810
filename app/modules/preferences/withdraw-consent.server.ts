import { recomputeEligibilityFor } from "~/modules/eligibility/recompute.server";
import { recordAudit, type AuditActor } from "~/platform/audit.server";
import type { Db } from "~/platform/db.server";
import type { UnsubscribePurpose } from "~/platform/mailer/unsubscribe.server";
import { CANCEL_REASONS, type ConsentValue } from "./contact-rules";
import { cancelQueuedFor } from "./find-by-token.server";

const FIELD: Record<UnsubscribePurpose, "consentReturn" | "consentNews"> = {
  return_opportunities: "consentReturn",
  news: "consentNews",
};

/**
 * The person says no to email for these purposes (ADR 022): consent withdrawn, mail still
 * queued for them cancelled, the verdict recomputed (a policy may require consent), one audit
 * event (`alumnus.unsubscribed`) when something changed. Runs inside the caller's transaction;
 * the caller has locked the alumnus row. Idempotent: a repeat changes nothing and writes nothing.
 */
export async function withdrawConsent(input: {
  tx: Db;
  actor: AuditActor;
  alumnus: { id: string; consentReturn: ConsentValue; consentNews: ConsentValue };
  purposes: readonly UnsubscribePurpose[];
  /** Where the person said it, for the audit trail ("unsubscribe link", "invitation answer"). */
  via: string;
}): Promise<{ changed: boolean; cancelled: number }> {
  const { tx, alumnus } = input;
  const fields = input.purposes.map((p) => FIELD[p]);
  const before = Object.fromEntries(fields.map((f) => [f, alumnus[f]]));
  const toChange = fields.filter((f) => alumnus[f] !== "withdrawn");
  const changed = toChange.length > 0;
  if (changed) {
    await tx.alumnus.update({
      where: { id: alumnus.id },
      data: { ...Object.fromEntries(toChange.map((f) => [f, "withdrawn"])), consentUpdatedAt: new Date() },
    });
    await recomputeEligibilityFor(tx, [alumnus.id]);
  }
  const cancelled = await cancelQueuedFor(tx, alumnus.id, [...input.purposes], CANCEL_REASONS.withdrawn);
  if (changed || cancelled) {
    await recordAudit(tx, {
      actor: input.actor,
      action: "alumnus.unsubscribed",
      entityType: "alumnus",
      entityId: alumnus.id,
      before,
      after: {
        ...Object.fromEntries(fields.map((f) => [f, "withdrawn"])),
        queuedEmailsCancelled: cancelled,
        via: input.via,
      },
    });
  }
  return { changed, cancelled };
}
