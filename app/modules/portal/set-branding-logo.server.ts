import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { sha256Bytes } from "~/platform/crypto.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { DEFAULT_BRANDING, LOGO_MESSAGES, MAX_LOGO_BYTES, MAX_LOGO_PIXELS, sniffLogo } from "./branding";
import { BRANDING_ID } from "./get-branding.server";

function refuse(message: string, code: "validation" | "payload_too_large" = "validation") {
  return new AppError(code, message, { fieldErrors: { logo: [message] } });
}

/**
 * Stores an uploaded logo in the database after checking what it really is (PNG, JPEG or WebP,
 * by its bytes; SVG refused), its size and its dimensions. Replaces any earlier logo.
 */
export async function setBrandingLogo(options: { actor: StaffUser; bytes: Uint8Array }) {
  const { bytes } = options;
  if (bytes.length === 0) throw refuse(LOGO_MESSAGES.missing);
  if (bytes.length > MAX_LOGO_BYTES) throw refuse(LOGO_MESSAGES.tooLarge, "payload_too_large");
  const sniffed = sniffLogo(bytes);
  if ("refused" in sniffed) throw refuse(LOGO_MESSAGES[sniffed.refused]);
  if ((sniffed.width ?? 0) > MAX_LOGO_PIXELS || (sniffed.height ?? 0) > MAX_LOGO_PIXELS) {
    throw refuse(LOGO_MESSAGES.tooBig);
  }
  const logo = {
    logo: Buffer.from(bytes),
    logoType: sniffed.type,
    logoSha256: sha256Bytes(bytes),
    logoWidth: sniffed.width,
    logoHeight: sniffed.height,
  };
  return db.$transaction(async (tx) => {
    const current = await tx.branding.findUnique({
      where: { id: BRANDING_ID },
      select: { logoSha256: true },
    });
    await tx.branding.upsert({
      where: { id: BRANDING_ID },
      create: { id: BRANDING_ID, ...DEFAULT_BRANDING, ...logo, updatedById: options.actor.id },
      update: { ...logo, updatedById: options.actor.id },
    });
    await recordAudit(tx, {
      actor: actorOf(options.actor),
      action: "branding.logo_changed",
      entityType: "branding",
      entityId: BRANDING_ID,
      before: { logoSha256: current?.logoSha256 ?? null },
      after: {
        logoSha256: logo.logoSha256,
        type: logo.logoType,
        bytes: bytes.length,
        width: logo.logoWidth,
        height: logo.logoHeight,
      },
    });
    return { type: logo.logoType, width: logo.logoWidth, height: logo.logoHeight };
  });
}
