import { emailBrand, getBranding } from "~/modules/portal/get-branding.server";

/**
 * The employer as alumni-facing email speaks: its name, its branding for the email's look and its
 * alumni sender (ADR 036), read once
 * before the transaction that queues the email.
 */
export async function employerForEmail() {
  const branding = await getBranding();
  return {
    companyName: branding.companyName,
    brand: emailBrand(branding),
    from: { name: branding.senderName, address: branding.senderEmail },
  };
}

/** Where an alumnus reads email now: their personal address first (the work one has usually lapsed). */
export function alumnusAddress(a: { personalEmail: string | null; workEmail: string | null }) {
  return a.personalEmail || a.workEmail || null;
}
