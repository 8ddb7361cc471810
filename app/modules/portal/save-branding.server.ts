import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { conflict } from "~/platform/errors";
import { DEFAULT_BRANDING, type BrandingInput } from "./branding";
import { BRANDING_ID } from "./get-branding.server";

const STALE =
  "Someone else changed the branding while you were editing. Reload the page to see their changes, then make yours again.";

/**
 * Saves the employer's name, accent colour and alumni sender. `version` is the one the form was
 * showing (0 before the first save): a save over someone else's newer change is refused.
 */
export async function saveBranding(options: { actor: StaffUser; input: BrandingInput }) {
  const { input } = options;
  const values = {
    companyName: input.companyName,
    accentColor: input.accentColor,
    senderName: input.senderName,
    senderEmail: input.senderEmail,
  };
  return db.$transaction(async (tx) => {
    const current = await tx.branding.findUnique({
      where: { id: BRANDING_ID },
      select: { companyName: true, accentColor: true, senderName: true, senderEmail: true, version: true },
    });
    if ((current?.version ?? 0) !== input.version) throw conflict(STALE);
    const before = current
      ? {
          companyName: current.companyName,
          accentColor: current.accentColor,
          senderName: current.senderName,
          senderEmail: current.senderEmail,
        }
      : { ...DEFAULT_BRANDING };
    const changed = Object.keys(values).filter(
      (key) => before[key as keyof typeof before] !== values[key as keyof typeof values],
    );
    if (current && changed.length === 0) return { changed: [] as string[], version: current.version };
    let version = 1;
    if (current) {
      // Two saves from the same version: the second waits for the first's row lock, then finds
      // a newer version and writes nothing. That is the conflict, not a missing row.
      const updated = await tx.branding.updateMany({
        where: { id: BRANDING_ID, version: current.version },
        data: { ...values, version: { increment: 1 }, updatedById: options.actor.id },
      });
      if (updated.count === 0) throw conflict(STALE);
      version = current.version + 1;
    } else {
      // Two first saves at once: the second hits the row the first created.
      await tx.branding
        .create({ data: { id: BRANDING_ID, ...values, version: 1, updatedById: options.actor.id } })
        .catch((error: unknown) => {
          throw (error as { code?: string }).code === "P2002" ? conflict(STALE) : error;
        });
    }
    await recordAudit(tx, {
      actor: actorOf(options.actor),
      action: "branding.updated",
      entityType: "branding",
      entityId: BRANDING_ID,
      before: Object.fromEntries(changed.map((key) => [key, before[key as keyof typeof before]])),
      after: Object.fromEntries(changed.map((key) => [key, values[key as keyof typeof values]])),
    });
    return { changed, version };
  });
}
