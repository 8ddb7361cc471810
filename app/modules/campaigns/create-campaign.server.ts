import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { assertProgram, assertSegment, campaignData, campaignSummary } from "./campaign-record.server";
import type { CampaignFormInput } from "./schemas";

/** A new campaign, as a draft: nothing is sent until someone launches it. */
export async function createCampaign(input: { actor: StaffUser; values: CampaignFormInput }) {
  return db.$transaction(async (tx) => {
    await assertSegment(tx, input.values.segmentId);
    await assertProgram(tx, input.values.programId);
    const data = campaignData(input.values);
    const campaign = await tx.campaign.create({
      data: { ...data, createdById: input.actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "campaign.created",
      entityType: "campaign",
      entityId: campaign.id,
      after: campaignSummary(data),
    });
    return campaign;
  });
}
