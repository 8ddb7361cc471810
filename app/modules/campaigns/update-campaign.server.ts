import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { conflict, notFound } from "~/platform/errors";
import {
  assertProgram,
  assertSegment,
  campaignData,
  campaignSummary,
  formValuesOf,
} from "./campaign-record.server";
import type { CampaignFormInput } from "./schemas";

/** Changes a draft. Once launched, a campaign's content no longer changes. */
export async function updateCampaign(input: {
  actor: StaffUser;
  campaignId: string;
  values: CampaignFormInput;
}) {
  return db.$transaction(async (tx) => {
    const before = await tx.campaign.findUnique({ where: { id: input.campaignId } });
    if (!before) throw notFound("That campaign");
    if (before.status !== "draft")
      throw conflict("This campaign has been launched; its email can no longer be changed.");
    await assertSegment(tx, input.values.segmentId);
    await assertProgram(tx, input.values.programId);
    const data = campaignData(input.values);
    const moved = await tx.campaign.updateMany({
      where: { id: before.id, status: "draft", version: before.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (moved.count !== 1)
      throw conflict(
        "Someone changed or launched this campaign a moment ago. Reload the page and try again.",
      );
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "campaign.updated",
      entityType: "campaign",
      entityId: before.id,
      before: campaignSummary(campaignData(formValuesOf(before))),
      after: campaignSummary(data),
    });
  });
}
