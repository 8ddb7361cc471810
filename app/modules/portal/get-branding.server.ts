import { logoSize, PRODUCT_ACCENT, type EmailBrand } from "#emails/components/brand";
import { db, type Db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { contrastRatio, DEFAULT_BRANDING, LOGO_PATH, MIN_ACCENT_CONTRAST, type Branding } from "./branding";

export const BRANDING_ID = "default";

/**
 * The employer's branding for every alumni-facing page and email. Until an administrator saves
 * their own, the demo employer's (DEFAULT_BRANDING). One small read; pages call it per request.
 */
export async function getBranding(options: { tx?: Db } = {}): Promise<Branding> {
  const row = await (options.tx ?? db).branding.findUnique({
    where: { id: BRANDING_ID },
    select: {
      companyName: true,
      accentColor: true,
      senderName: true,
      senderEmail: true,
      logoSha256: true,
      logoWidth: true,
      logoHeight: true,
    },
  });
  if (!row) {
    return { ...DEFAULT_BRANDING, logoUrl: null, logoWidth: null, logoHeight: null, isDefault: true };
  }
  return {
    companyName: row.companyName,
    accentColor: row.accentColor,
    senderName: row.senderName,
    senderEmail: row.senderEmail,
    logoUrl: row.logoSha256 ? `${LOGO_PATH}?v=${row.logoSha256.slice(0, 16)}` : null,
    logoWidth: row.logoWidth,
    logoHeight: row.logoHeight,
    isDefault: false,
  };
}

/** The branding form's starting values, with the row's version for optimistic concurrency. */
export async function getBrandingSettings() {
  const [branding, row] = await Promise.all([
    getBranding(),
    db.branding.findUnique({
      where: { id: BRANDING_ID },
      select: { version: true, updatedAt: true, logoType: true, logo: false },
    }),
  ]);
  return {
    branding,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    logoType: row?.logoType ?? null,
  };
}

/** The stored logo, for the logo route. */
export async function getBrandingLogo(): Promise<{ bytes: Uint8Array; type: string; sha256: string } | null> {
  const row = await db.branding.findUnique({
    where: { id: BRANDING_ID },
    select: { logo: true, logoType: true, logoSha256: true },
  });
  if (!row?.logo || !row.logoType || !row.logoSha256) return null;
  return { bytes: row.logo, type: row.logoType, sha256: row.logoSha256 };
}

/** The From of alumni email: the employer's sender. */
export async function alumniSender(): Promise<{ name: string; address: string }> {
  const branding = await getBranding();
  return { name: branding.senderName, address: branding.senderEmail };
}

/**
 * The branding as alumni email shows it (ADR 036): the logo at its public address under APP_URL
 * (mail clients load it from there; nothing is embedded), fitted to the email's header, and the
 * accent colour, kept only while white text on it stays readable (the save refuses lighter ones).
 */
export function emailBrand(branding: Branding): EmailBrand {
  const readable = contrastRatio(branding.accentColor, "#ffffff") >= MIN_ACCENT_CONTRAST;
  return {
    companyName: branding.companyName,
    accentColor: readable ? branding.accentColor : PRODUCT_ACCENT,
    logo: branding.logoUrl
      ? { url: `${env().appUrl}${branding.logoUrl}`, ...logoSize(branding.logoWidth, branding.logoHeight) }
      : null,
  };
}

/** The saved branding as alumni email shows it: pass it to renderTemplate as `brand`. */
export async function alumniEmailBrand(): Promise<EmailBrand> {
  return emailBrand(await getBranding());
}
