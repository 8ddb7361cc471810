import { getBranding } from "~/modules/portal/get-branding.server";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";

/**
 * What a new campaign's form starts with: the sender is the person writing it; the company name
 * and the sender's role are remembered from their last campaign (the company name otherwise from
 * the portal's branding); only people whose verdict is eligible are written to unless HR says so.
 */
export async function campaignFormDefaults({ actor }: { actor: StaffUser }) {
  const [last, branding] = await Promise.all([
    db.campaign.findFirst({
      where: { createdById: actor.id },
      orderBy: { createdAt: "desc" },
      select: { companyName: true, senderRole: true, senderPhone: true },
    }),
    getBranding(),
  ]);
  return {
    senderName: actor.name,
    senderEmail: actor.email,
    senderRole: last?.senderRole ?? "",
    senderPhone: last?.senderPhone ?? "",
    companyName: last?.companyName ?? branding.companyName,
    onlyEligible: "on",
  };
}
