import { recomputeEligibilityFor } from "~/modules/eligibility/recompute.server";
import { changedFields, recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import type { UnsubscribePurpose } from "~/platform/mailer/unsubscribe.server";
import { CANCEL_REASONS } from "./contact-rules";
import { cancelQueuedFor, displayName, findByToken, INVALID_PREFERENCES_LINK } from "./find-by-token.server";

/**
 * The preference page: one yes/no per purpose, authenticated by the signed link. Saying no
 * cancels mail still queued for that purpose, in the same transaction. Audited when something
 * changed.
 */
export async function updatePreferences(input: {
  token: string | undefined;
  returnOpportunities: boolean;
  news: boolean;
}) {
  return db.$transaction(async (tx) => {
    const found = await findByToken(tx, input.token, { lock: true });
    if (!found) throw new AppError("not_found", INVALID_PREFERENCES_LINK);
    const { alumnus } = found;
    if (!alumnus)
      throw new AppError("not_found", "We no longer hold a record for this link, so we will not email you.");
    const before = { consentReturn: alumnus.consentReturn, consentNews: alumnus.consentNews };
    const after = {
      consentReturn: input.returnOpportunities ? ("granted" as const) : ("withdrawn" as const),
      consentNews: input.news ? ("granted" as const) : ("withdrawn" as const),
    };
    const diff = changedFields(before, after);
    if (!diff.changed) return { changed: false, cancelled: 0 };
    await tx.alumnus.update({ where: { id: alumnus.id }, data: { ...after, consentUpdatedAt: new Date() } });
    // a policy may require contact consent: the verdict follows the person's choice at once
    await recomputeEligibilityFor(tx, [alumnus.id]);
    const stopped: UnsubscribePurpose[] = [];
    if (after.consentReturn === "withdrawn") stopped.push("return_opportunities");
    if (after.consentNews === "withdrawn") stopped.push("news");
    const cancelled = await cancelQueuedFor(tx, alumnus.id, stopped, CANCEL_REASONS.withdrawn);
    await recordAudit(tx, {
      actor: { type: "alumnus", id: alumnus.id, name: displayName(alumnus) },
      action: "alumnus.preferences_updated",
      entityType: "alumnus",
      entityId: alumnus.id,
      before: diff.before,
      after: { ...diff.after, queuedEmailsCancelled: cancelled, via: "preference page" },
    });
    return { changed: true, cancelled };
  });
}
