import type { Db } from "~/platform/db.server";

/**
 * The employer's name for alumni-facing email. Campaigns carry the name HR gave them; until the
 * employer's branding is set, the latest campaign's name stands in, and "us" before any.
 */
export async function employerName(tx: Db): Promise<string> {
  const latest = await tx.campaign.findFirst({
    orderBy: { createdAt: "desc" },
    select: { companyName: true },
  });
  return latest?.companyName ?? "us";
}

/** Where an alumnus reads email now: their personal address first (the work one has usually lapsed). */
export function alumnusAddress(a: { personalEmail: string | null; workEmail: string | null }) {
  return a.personalEmail || a.workEmail || null;
}
