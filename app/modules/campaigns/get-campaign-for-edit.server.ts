import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";

/** A draft's stored values as the edit form shows them (strings, as a browser would send them). */
export async function getCampaignForEdit(campaignId: string) {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  if (!campaign) throw notFound("That campaign");
  const values: Record<string, string> = {
    name: campaign.name,
    segmentId: campaign.segmentId,
    template: campaign.template,
    subject: campaign.subject ?? "",
    note: campaign.note,
    senderName: campaign.senderName,
    senderRole: campaign.senderRole,
    senderEmail: campaign.senderEmail,
    senderPhone: campaign.senderPhone ?? "",
    companyName: campaign.companyName,
    teamName: campaign.teamName,
    whatChanged: campaign.whatChanged,
    opportunity: campaign.opportunity,
    respondBy: campaign.respondBy.toISOString().slice(0, 10),
    invitedOn: campaign.invitedOn?.toISOString().slice(0, 10) ?? "",
    sendAt: campaign.sendAt?.toISOString().slice(0, 16) ?? "",
    throttlePerHour: String(campaign.throttlePerHour),
    quietDays: String(campaign.quietDays),
    ...(campaign.onlyEligible ? { onlyEligible: "on" } : {}),
  };
  return { id: campaign.id, name: campaign.name, status: campaign.status, values };
}
