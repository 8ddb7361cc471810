import type { Prisma } from "~/generated/prisma/client";
import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { conflict, notFound } from "~/platform/errors";
import { cancelJob, enqueueJob } from "~/platform/jobs.server";
import {
  cancelThrottledEmails,
  holdThrottledEmails,
  rescheduleThrottledEmails,
} from "~/platform/mailer/throttle.server";
import { CAMPAIGN_SETTLE_JOB, campaignThrottleKey } from "./run-campaign.server";

/**
 * Pause, resume and cancel (ADR 024). Each takes a lock on the campaign row, so it is ordered
 * with the launch job's batches: a batch queued after a pause is held, a batch after a cancel
 * is never queued. Messages already handed to the SMTP server (status "sending" or "sent")
 * cannot be called back: they stay as they are.
 *
 * All three act on the campaign's messages through the outbox throttle (ADR 021), under the
 * key "campaign:<id>": pause holds the waiting ones (queued, or failed and waiting to retry),
 * resume spaces them again from now at the campaign's rate, cancel cancels them.
 */

type Locked = {
  id: string;
  status: string;
  sendAt: Date | null;
  snapshotAt: Date | null;
  fannedOutAt: Date | null;
  throttlePerHour: number;
  jobId: string | null;
};

async function lockForChange(tx: Prisma.TransactionClient, campaignId: string): Promise<Locked> {
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT "id", "status"::text AS "status", "sendAt", "snapshotAt", "fannedOutAt", "throttlePerHour", "jobId"
    FROM "Campaign" WHERE "id" = ${campaignId} FOR UPDATE`;
  if (!rows[0]) throw notFound("That campaign");
  return rows[0];
}

export async function pauseCampaign(input: { actor: StaffUser; campaignId: string }) {
  return db.$transaction(async (tx) => {
    const campaign = await lockForChange(tx, input.campaignId);
    if (campaign.status !== "sending" && campaign.status !== "scheduled") {
      throw conflict(
        campaign.status === "paused"
          ? "This campaign is already paused."
          : `A ${campaign.status} campaign cannot be paused.`,
      );
    }
    const { held } = await holdThrottledEmails(tx, campaignThrottleKey(campaign.id));
    await tx.campaign.update({
      where: { id: campaign.id },
      data: { status: "paused", pausedAt: new Date(), version: { increment: 1 } },
    });
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
    if (campaign.status !== "paused")
      throw conflict(`Only a paused campaign can be resumed; this one is ${campaign.status}.`);
    const now = new Date();
    const anchorAt = campaign.sendAt && campaign.sendAt > now ? campaign.sendAt : now;
    const { rescheduled: released } = await rescheduleThrottledEmails(tx, {
      throttleKey: campaignThrottleKey(campaign.id),
      perHour: campaign.throttlePerHour,
      startAt: anchorAt,
    });
    const status = campaign.snapshotAt || anchorAt <= now ? "sending" : "scheduled";
    await tx.campaign.update({
      where: { id: campaign.id },
      data: { status, pausedAt: null, throttleAnchorAt: anchorAt, version: { increment: 1 } },
    });
    if (campaign.fannedOutAt) {
      await enqueueJob(tx, {
        kind: CAMPAIGN_SETTLE_JOB,
        payload: { campaignId: campaign.id },
        runAfter: new Date(now.getTime() + 15_000),
      });
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
    const { cancelled: messagesCancelled } = await cancelThrottledEmails(tx, {
      throttleKey: campaignThrottleKey(campaign.id),
      reason: "The campaign was cancelled.",
    });
    const recipientsCancelled = await tx.campaignRecipient.updateMany({
      where: { campaignId: campaign.id, status: "pending" },
      data: { status: "cancelled" },
    });
    if (campaign.jobId) await cancelJob(campaign.jobId, tx);
    await tx.campaign.update({
      where: { id: campaign.id },
      data: { status: "cancelled", cancelledAt: new Date(), version: { increment: 1 } },
    });
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
