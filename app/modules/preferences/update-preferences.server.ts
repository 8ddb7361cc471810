import { recomputeEligibilityFor } from "~/modules/eligibility/recompute.server";
import { changedFields, recordAudit } from "~/platform/audit.server";
import type { AlumnusUser } from "~/platform/auth.server";
import { db, type Db } from "~/platform/db.server";
import { AppError, notFound } from "~/platform/errors";
import type { UnsubscribePurpose } from "~/platform/mailer/unsubscribe.server";
import { CANCEL_REASONS, type ConsentValue } from "./contact-rules";
import { t } from "~/modules/portal/strings";
import {
  cancelQueuedFor,
  displayName,
  findByPreferencesToken,
  purposesLockedFor,
} from "./find-by-token.server";

export type UpdatePreferencesResult =
  { state: "invalid" | "expired" } | { state: "saved"; changed: boolean; cancelled: number };

/**
 * The preference page: one yes/no per purpose, authenticated by the signed, expiring link
 * (ADR 081). Saying no cancels mail still queued for that purpose, in the same transaction.
 * Saying yes again to something the person refused after the link was written is refused:
 * only a fresh link or signing in can grant consent again. Audited when something changed.
 */
export async function updatePreferences(input: {
  token: string | undefined;
  returnOpportunities: boolean;
  news: boolean;
  now?: Date;
}): Promise<UpdatePreferencesResult> {
  return db.$transaction(async (tx) => {
    const found = await findByPreferencesToken(tx, input.token, { lock: true, now: input.now });
    if (found.state !== "open") return { state: found.state };
    const { alumnus, claim } = found;
    if (!alumnus) throw new AppError("not_found", t("preferences.noRecord"));
    const locked = purposesLockedFor(alumnus, claim.issuedAt);
    const wanted = { return_opportunities: input.returnOpportunities, news: input.news };
    const regranting = locked.filter((p) => wanted[p]);
    if (regranting.length > 0) {
      throw new AppError(
        "conflict",
        t(
          regranting.length > 1
            ? "preferences.lockedError.both"
            : regranting[0] === "news"
              ? "preferences.lockedError.news"
              : "preferences.lockedError.returnOpportunities",
        ),
      );
    }
    const result = await applyPreferences(tx, alumnus, { ...input, via: "preference page" });
    return { state: "saved", ...result };
  });
}

/**
 * The same choice made by a signed-in person in the alumni portal (their own record only).
 */
export async function updateOwnPreferences(input: {
  actor: AlumnusUser;
  returnOpportunities: boolean;
  news: boolean;
}) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Alumnus" WHERE "id" = ${input.actor.id} FOR UPDATE`;
    const alumnus = await tx.alumnus.findUnique({
      where: { id: input.actor.id },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        preferredName: true,
        consentReturn: true,
        consentNews: true,
      },
    });
    if (!alumnus) throw notFound();
    return applyPreferences(tx, alumnus, { ...input, via: "alumni portal" });
  });
}

async function applyPreferences(
  tx: Db,
  alumnus: {
    id: string;
    firstName: string;
    lastName: string;
    preferredName: string | null;
    consentReturn: ConsentValue;
    consentNews: ConsentValue;
  },
  input: { returnOpportunities: boolean; news: boolean; via: string },
) {
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
    after: { ...diff.after, queuedEmailsCancelled: cancelled, via: input.via },
  });
  return { changed: true, cancelled };
}
