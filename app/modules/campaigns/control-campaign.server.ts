import { Prisma } from "~/generated/prisma/client";
import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { conflict, notFound } from "~/platform/errors";
import { cancelJob, enqueueJob } from "~/platform/jobs.server";
import { CAMPAIGN_SETTLE_JOB } from "./run-campaign.server";
import { HELD_UNTIL } from "./throttle";

/**
 * Pause, resume and cancel (ADR 024). Each takes a lock on the campaign row, so it is ordered
 * with the launch job's batches: a batch queued after a pause is held, a batch after a cancel
 * is never queued. Messages already handed to the SMTP server (status "sending" or "sent")
 * cannot be called back: they stay as they are.
 *
 * Pause holds the campaign's waiting messages (queued, or failed and waiting to retry) by
 * moving nextAttemptAt to HELD_UNTIL; the dispatcher only claims messages whose time has come.
 * Resume puts them back on the throttle schedule from now.
 */

type Locked = { id: string; status: string; sendAt: Date | null; snapshotAt: Date | null; fannedOutAt: Date | null; throttlePerHour: number; jobId: string | null };

async function lockForChange(tx: Prisma.TransactionClient, campaignId: string): Promise<Locked> {
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT "id", "status"::text AS "status", "sendAt", "snapshotAt", "fannedOutAt", "throttlePerHour", "jobId"
    FROM "Campaign" WHERE "id" = ${campaignId} FOR UPDATE`;
  if (!rows[0]) throw notFound("That campaign");
  return rows[0];
}

const WAITING = Prisma.sql`('queued', 'failed')`;

export async function pauseCampaign(input: { actor: StaffUser; campaignId: string }) {
  return db.$transaction(async (tx) => {
    const campaign = await lockForChange(tx, input.campaignId);
    if (campaign.status !== "sending" && campaign.status !== "scheduled") {
      throw conflict(campaign.status === "paused" ? "This campaign is already paused." : `A ${campaign.status} campaign cannot be paused.`);
    }
    const held = await tx.$executeRaw`
      UPDATE "OutboxMessage" SET "nextAttemptAt" = ${HELD_UNTIL}
      WHERE "campaignId" = ${campaign.id} AND "status" IN ${WAITING}`;
    await tx.campaign.update({ where: { id: campaign.id }, data: { status: "paused", pausedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "campaign.paused",
      entityType: "campaign",
      entityId: campaign.id,
      before: { status: campaign.status },
      after: { status: "paused", messagesHeld: held },
    });
    return { held };
  });
}

export async function resumeCampaign(input: { actor: StaffUser; campaignId: string }) {
  return db.$transaction(async (tx) => {
    const campaign = await lockForChange(tx, input.campaignId);
    if (campaign.status !== "paused") throw conflict(`Only a paused campaign can be resumed; this one is ${campaign.status}.`);
    const now = new Date();
    const anchorAt = campaign.sendAt && campaign.sendAt > now ? campaign.sendAt : now;
    const [{ first }] = await tx.$queryRaw<{ first: number | null }[]>`
      SELECT min(r."sequence")::int AS "first"
      FROM "CampaignRecipient" r
      LEFT JOIN "OutboxMessage" m ON m."campaignId" = r."campaignId" AND m."alumnusId" = r."alumnusId"
      WHERE r."campaignId" = ${campaign.id} AND (r."status" = 'pending' OR m."status" IN ${WAITING})`;
    const anchorSeq = first ?? 0;
    const perHour = Math.max(1, campaign.throttlePerHour);
    const released = await tx.$executeRaw`
      UPDATE "OutboxMessage" AS m
      SET "nextAttemptAt" = ${anchorAt}::timestamptz + make_interval(hours => (GREATEST(r."sequence" - ${anchorSeq}, 0) / ${perHour})::int)
      FROM "CampaignRecipient" r
      WHERE m."campaignId" = ${campaign.id} AND r."campaignId" = m."campaignId" AND r."alumnusId" = m."alumnusId"
        AND m."status" IN ${WAITING}`;
    const status = campaign.snapshotAt || anchorAt <= now ? "sending" : "scheduled";
    await tx.campaign.update({
      where: { id: campaign.id },
      data: { status, pausedAt: null, throttleAnchorAt: anchorAt, throttleAnchorSeq: anchorSeq, version: { increment: 1 } },
    });
    if (campaign.fannedOutAt) {
      await enqueueJob(tx, { kind: CAMPAIGN_SETTLE_JOB, payload: { campaignId: campaign.id }, runAfter: new Date(now.getTime() + 15_000) });
    }
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "campaign.resumed",
      entityType: "campaign",
      entityId: campaign.id,
      before: { status: "paused" },
      after: { status, messagesReleased: released, from: anchorAt.toISOString() },
    });
    return { released, status };
  });
}

export async function cancelCampaign(input: { actor: StaffUser; campaignId: string; reason?: string }) {
  return db.$transaction(async (tx) => {
    const campaign = await lockForChange(tx, input.campaignId);
    if (campaign.status === "cancelled" || campaign.status === "completed") {
      throw conflict(`This campaign is already ${campaign.status}.`);
    }
    const messagesCancelled = await tx.$executeRaw`
      UPDATE "OutboxMessage" SET "status" = 'cancelled', "lastError" = 'The campaign was cancelled.', "leaseUntil" = NULL
      WHERE "campaignId" = ${campaign.id} AND "status" IN ${WAITING}`;
    const recipientsCancelled = await tx.campaignRecipient.updateMany({ where: { campaignId: campaign.id, status: "pending" }, data: { status: "cancelled" } });
    if (campaign.jobId) await cancelJob(campaign.jobId, tx);
    await tx.campaign.update({ where: { id: campaign.id }, data: { status: "cancelled", cancelledAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "campaign.cancelled",
      entityType: "campaign",
      entityId: campaign.id,
      before: { status: campaign.status },
      after: { status: "cancelled", messagesCancelled, recipientsNotQueued: recipientsCancelled.count },
      reason: input.reason,
    });
    return { messagesCancelled };
  });
}
