import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { BRANDING_ID } from "./get-branding.server";

/** Removes the logo: pages show the company name in its place. */
export async function removeBrandingLogo(options: { actor: StaffUser }) {
  return db.$transaction(async (tx) => {
    const current = await tx.branding.findUnique({
      where: { id: BRANDING_ID },
      select: { logoSha256: true },
    });
    if (!current?.logoSha256) return { removed: false };
    await tx.branding.update({
      where: { id: BRANDING_ID },
      data: {
        logo: null,
        logoType: null,
        logoSha256: null,
        logoWidth: null,
        logoHeight: null,
        updatedById: options.actor.id,
      },
    });
    await recordAudit(tx, {
      actor: actorOf(options.actor),
      action: "branding.logo_changed",
      entityType: "branding",
      entityId: BRANDING_ID,
      before: { logoSha256: current.logoSha256 },
      after: { logoSha256: null },
    });
    return { removed: true };
  });
}
