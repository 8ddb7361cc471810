import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { conflict, notFound } from "~/platform/errors";

/** Changes only the personal note of a draft. */
export async function updateCampaignNote(input: { actor: StaffUser; campaignId: string; note: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.campaign.findUnique({
      where: { id: input.campaignId },
      select: { id: true, status: true, version: true, note: true },
    });
    if (!before) throw notFound("That campaign");
    if (before.status !== "draft")
      throw conflict("This campaign has been launched; its note can no longer be changed.");
    const moved = await tx.campaign.updateMany({
      where: { id: before.id, status: "draft", version: before.version },
      data: { note: input.note, version: { increment: 1 } },
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
      before: { noteLength: before.note.length },
      after: { noteLength: input.note.length },
    });
  });
}
