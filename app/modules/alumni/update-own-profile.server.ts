import type { Prisma } from "~/generated/prisma/client";
import { getBranding } from "~/modules/portal/get-branding.server";
import { t } from "~/modules/portal/strings";
import type { AlumnusUser } from "~/platform/auth.server";
import { changedFields, recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, conflict, notFound } from "~/platform/errors";
import { dayOf, dayToDate, readManualEdits } from "./alumnus-record.server";
import {
  OWN_PROFILE_FIELDS,
  WEEK_DAYS,
  type OwnProfileField,
  type OwnProfileInput,
} from "./own-profile-schema";
import { alumnusSearchText } from "./search-text";

/** Fields an HR-system import also writes: the person's own value is kept (Alumnus.manualEdits). */
const IMPORTED_FIELDS = new Set<OwnProfileField>(["preferredName", "personalEmail", "location"]);

/**
 * The person updates their own profile and availability from the portal. Always their own
 * record (the session's id; the form carries no id). Optimistic concurrency on the record's
 * version, like HR's edit. Changed fields are audited as old -> new (HR's profile timeline
 * shows them); fields an import also writes are marked as edited by the person, so a later
 * import reports a conflict instead of overwriting what they said.
 */
export async function updateOwnProfile({
  actor,
  input,
}: {
  actor: AlumnusUser;
  input: OwnProfileInput;
}): Promise<{ changed: OwnProfileField[] }> {
  const { companyName: company } = await getBranding();
  const stale = t("profile.stale", { company });
  return db.$transaction(async (tx) => {
    const current = await tx.alumnus.findUnique({ where: { id: actor.id } });
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict(stale);
    if (input.personalEmail && input.personalEmail !== current.personalEmail) {
      const taken = await tx.alumnus.count({
        where: {
          id: { not: actor.id },
          OR: [{ workEmail: input.personalEmail }, { personalEmail: input.personalEmail }],
        },
      });
      if (taken)
        throw new AppError("validation", t("profile.error.emailTaken"), {
          fieldErrors: { personalEmail: [t("profile.error.emailTaken")] },
        });
    }
    const before: Record<OwnProfileField, unknown> = {} as Record<OwnProfileField, unknown>;
    const after: Record<OwnProfileField, unknown> = {} as Record<OwnProfileField, unknown>;
    for (const field of OWN_PROFILE_FIELDS) {
      before[field] =
        field === "earliestStart"
          ? dayOf(current.earliestStart)
          : field === "availabilityDays"
            ? // the same days in another order (an import's) are no change
              WEEK_DAYS.filter((d) => current.availabilityDays.includes(d))
            : current[field];
      after[field] = input[field];
    }
    const diff = changedFields(before, after);
    if (!diff.changed) return { changed: [] };
    const changed = Object.keys(diff.after) as OwnProfileField[];
    const data: Record<string, unknown> = {};
    for (const field of changed)
      data[field] = field === "earliestStart" ? dayToDate(input.earliestStart) : input[field];
    const manualEdits = readManualEdits(current.manualEdits);
    const at = new Date().toISOString();
    for (const field of changed) if (IMPORTED_FIELDS.has(field)) manualEdits[field] = { at, by: actor.id };
    const merged = { ...current, ...data } as typeof current;
    const updated = await tx.alumnus.updateMany({
      where: { id: actor.id, version: input.version },
      data: {
        ...(data as Prisma.AlumnusUpdateManyMutationInput),
        manualEdits,
        searchText: alumnusSearchText(merged),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw conflict(stale);
    await recordAudit(tx, {
      actor: { type: "alumnus", id: actor.id, name: actor.name },
      action: "alumnus.profile_updated",
      entityType: "alumnus",
      entityId: actor.id,
      before: { ...diff.before, version: current.version },
      after: { ...diff.after, version: current.version + 1 },
    });
    return { changed };
  });
}
