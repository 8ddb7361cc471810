import { recomputeEligibilityFor } from "~/modules/eligibility/recompute.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { CANCEL_REASONS, PURPOSE_LABELS } from "./contact-rules";
import { cancelQueuedFor, displayName, findByToken } from "./find-by-token.server";

export type UnsubscribeResult =
  | { ok: false }
  | { ok: true; purpose: keyof typeof PURPOSE_LABELS; changed: boolean; cancelled: number; known: boolean };

/**
 * RFC 8058 one-click unsubscribe: the signed token is the only credential (no session, no
 * origin check; ADR 022). Idempotent: a second POST changes nothing and says the same. Mail
 * still queued for that purpose is cancelled in the same transaction; mail already claimed by
 * a dispatcher meets the last look.
 */
export async function unsubscribeByToken(input: { token: string | undefined }): Promise<UnsubscribeResult> {
  return db.$transaction(async (tx) => {
    const found = await findByToken(tx, input.token, { lock: true });
    if (!found) return { ok: false };
    const { purpose, alumnus } = found;
    // A record erased since the email was sent: nothing is held, nothing will be sent.
    if (!alumnus) return { ok: true, purpose, changed: false, cancelled: 0, known: false };
    const field = purpose === "news" ? "consentNews" : "consentReturn";
    const before = alumnus[field];
    const changed = before !== "withdrawn";
    if (changed) {
      await tx.alumnus.update({
        where: { id: alumnus.id },
        data: { [field]: "withdrawn", consentUpdatedAt: new Date() },
      });
      await recomputeEligibilityFor(tx, [alumnus.id]);
    }
    const cancelled = await cancelQueuedFor(tx, alumnus.id, [purpose], CANCEL_REASONS.withdrawn);
    if (changed || cancelled) {
      await recordAudit(tx, {
        actor: { type: "alumnus", id: alumnus.id, name: displayName(alumnus) },
        action: "alumnus.unsubscribed",
        entityType: "alumnus",
        entityId: alumnus.id,
        before: { [field]: before },
        after: { [field]: "withdrawn", queuedEmailsCancelled: cancelled, via: "unsubscribe link" },
      });
    }
    return { ok: true, purpose, changed, cancelled, known: true };
  });
}
