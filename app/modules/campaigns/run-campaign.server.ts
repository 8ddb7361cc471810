import { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { enqueueJob, type JobContext } from "~/platform/jobs.server";
import { log } from "~/platform/logging.server";
import { assertDeliverableAddress } from "~/platform/mailer/mailer.server";
import {
  countThrottledEmails,
  holdThrottledEmails,
  queueThrottledEmails,
} from "~/platform/mailer/throttle.server";
import { alumniSender } from "~/modules/portal/get-branding.server";
import { audienceRules, campaignAddress, countAudience } from "./audience.server";
import { CAMPAIGN_PURPOSE, campaignRenderer } from "./campaign-email.server";

/**
 * The launch job (ADR 024), resumable at every step:
 *  1. snapshot: the audience at send time becomes CampaignRecipient rows (one transaction; the
 *     unique (campaignId, alumnusId) key and the snapshotAt guard make a retry a no-op);
 *  2. fan-out: batches of pending recipients get their OutboxMessage in the same transaction
 *     that moves them pending -> queued (a guarded UPDATE ... WHERE status = 'pending'), under a
 *     lock on the campaign row, so a retried or parallel job never queues anyone twice, and a
 *     pause or cancel is seen by the next batch. The outbox's throttle spaces them
 *     (queueThrottledEmails under the key "campaign:<id>", ADR 021); a batch queued while the
 *     campaign is paused is held at once;
 *  3. settle: the campaign is completed once none of its messages is waiting.
 */

export const CAMPAIGN_SETTLE_JOB = "campaign.settle";
export const FAN_OUT_BATCH = 200;
const SNAPSHOT_CHUNK = 5000;

/** The outbox throttle key of a campaign's messages: scheduling, holding, cancelling, counting. */
export function campaignThrottleKey(campaignId: string) {
  return `campaign:${campaignId}`;
}

type LockedCampaign = {
  status: string;
  throttleAnchorAt: Date | null;
  throttlePerHour: number;
  snapshotAt: Date | null;
};

async function lockCampaign(
  tx: Prisma.TransactionClient,
  campaignId: string,
): Promise<LockedCampaign | null> {
  const rows = await tx.$queryRaw<LockedCampaign[]>`
    SELECT "status"::text AS "status", "throttleAnchorAt", "throttlePerHour", "snapshotAt"
    FROM "Campaign" WHERE "id" = ${campaignId} FOR UPDATE`;
  return rows[0] ?? null;
}

export async function snapshotAudience(campaignId: string) {
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    include: { segment: { select: { query: true } } },
  });
  if (!campaign || campaign.snapshotAt || campaign.status === "cancelled" || campaign.status === "draft")
    return;
  const options = {
    query: campaign.segment.query,
    quietDays: campaign.quietDays,
    onlyEligible: campaign.onlyEligible,
    now: new Date(),
  };
  await db.$transaction(
    async (tx) => {
      const locked = await lockCampaign(tx, campaignId);
      if (!locked || locked.snapshotAt || locked.status === "cancelled") return;
      const counts = await countAudience(tx, options);
      const people = await tx.alumnus.findMany({
        where: audienceRules(options).recipients,
        select: { id: true, personalEmail: true, workEmail: true },
        orderBy: { id: "asc" },
      });
      const rows: Prisma.CampaignRecipientCreateManyInput[] = [];
      let undeliverable = 0;
      for (const person of people) {
        const raw = campaignAddress(person);
        let address: string | null = null;
        try {
          address = raw ? assertDeliverableAddress(raw) : null;
        } catch {
          address = null;
        }
        if (!address) {
          undeliverable++;
          continue;
        }
        rows.push({ campaignId, alumnusId: person.id, sequence: rows.length, address });
      }
      for (let i = 0; i < rows.length; i += SNAPSHOT_CHUNK) {
        await tx.campaignRecipient.createMany({
          data: rows.slice(i, i + SNAPSHOT_CHUNK),
          skipDuplicates: true,
        });
      }
      const exclusions = { ...counts.byReason, no_email: counts.byReason.no_email + undeliverable };
      await tx.campaign.update({
        where: { id: campaignId },
        data: {
          snapshotAt: new Date(),
          ...(locked.status === "scheduled" ? { status: "sending" } : {}),
          audienceCount: counts.inSegment,
          recipientCount: rows.length,
          excludedCount: counts.excluded + undeliverable,
          exclusions,
        },
      });
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

/** Queues messages for pending recipients, batch by batch. Returns false when the campaign was cancelled. */
export async function fanOut(campaignId: string, context?: Pick<JobContext, "progress" | "signal">) {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  if (!campaign || campaign.status === "cancelled") return false;
  const render = await campaignRenderer(campaign);
  // Alumni email comes from the employer's sender (ADR 036), read once per run.
  const from = await alumniSender();
  let done = await db.campaignRecipient.count({ where: { campaignId, status: { not: "pending" } } });
  for (;;) {
    if (context?.signal.aborted)
      throw new Error("The campaign job was stopped; it will continue where it left off.");
    const batch = await db.campaignRecipient.findMany({
      where: { campaignId, status: "pending" },
      orderBy: { sequence: "asc" },
      take: FAN_OUT_BATCH,
      select: {
        id: true,
        alumnusId: true,
        sequence: true,
        address: true,
        alumnus: { select: { id: true, firstName: true, lastName: true, preferredName: true } },
      },
    });
    if (batch.length === 0) break;
    // Render before the transaction: it holds locks only for the writes.
    const emails = await Promise.all(batch.map((r) => render(r.alumnus)));
    const outcome = await db.$transaction(
      async (tx) => {
        const state = await lockCampaign(tx, campaignId);
        if (!state || state.status === "cancelled") return "cancelled" as const;
        const claimed = await tx.$queryRaw<{ id: string }[]>`
          UPDATE "CampaignRecipient" SET "status" = 'queued', "queuedAt" = now()
          WHERE "id" IN (${Prisma.join(batch.map((r) => r.id))}) AND "status" = 'pending'
          RETURNING "id"`;
        const mine = new Set(claimed.map((r) => r.id));
        const key = campaignThrottleKey(campaignId);
        const now = new Date();
        const messages = batch.flatMap((recipient, i) => {
          if (!mine.has(recipient.id)) return [];
          const person = recipient.alumnus;
          return [
            {
              template: emails[i].template,
              purpose: CAMPAIGN_PURPOSE,
              to: {
                address: recipient.address,
                name: `${person.preferredName?.trim() || person.firstName} ${person.lastName}`,
              },
              email: emails[i],
              from,
              alumnusId: recipient.alumnusId,
            },
          ];
        });
        if (messages.length === 0) return 0;
        // Spaced after whatever of this campaign is still waiting, from the send time at the earliest.
        const { ids } = await queueThrottledEmails(tx, {
          throttleKey: key,
          perHour: state.throttlePerHour,
          startAt: state.throttleAnchorAt && state.throttleAnchorAt > now ? state.throttleAnchorAt : now,
          messages,
        });
        if (state.status === "paused") await holdThrottledEmails(tx, key);
        // The campaign link stays on each message for the person's timeline and the outbox page.
        await tx.outboxMessage.updateMany({ where: { id: { in: ids } }, data: { campaignId } });
        return ids.length;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
    if (outcome === "cancelled") return false;
    done += batch.length;
    await context?.progress(done, campaign.recipientCount || undefined);
  }
  await db.campaign.updateMany({
    where: { id: campaignId, fannedOutAt: null },
    data: { fannedOutAt: new Date() },
  });
  return true;
}

const OUTSTANDING = ["queued", "sending", "failed"] as const;

/**
 * Marks a sending campaign completed when all its recipients have their message and none of
 * those is still waiting (sent, set aside or cancelled). Returns when to look again, or null.
 */
export async function settleCampaign(campaignId: string): Promise<Date | null> {
  return db.$transaction(async (tx) => {
    const state = await lockCampaign(tx, campaignId);
    if (!state || state.status !== "sending") return null;
    const campaign = await tx.campaign.findUniqueOrThrow({
      where: { id: campaignId },
      select: { fannedOutAt: true },
    });
    if (!campaign.fannedOutAt) return new Date(Date.now() + 15_000);
    const next = await tx.outboxMessage.aggregate({
      where: { throttleKey: campaignThrottleKey(campaignId), status: { in: [...OUTSTANDING] } },
      _min: { nextAttemptAt: true },
      _count: { _all: true },
    });
    if (next._count._all > 0) {
      const earliest = next._min.nextAttemptAt?.getTime() ?? Date.now();
      return new Date(Math.max(Date.now() + 15_000, Math.min(earliest, Date.now() + 3_600_000)));
    }
    const counts = await countThrottledEmails(tx, campaignThrottleKey(campaignId));
    await tx.campaign.update({
      where: { id: campaignId },
      data: { status: "completed", completedAt: new Date() },
    });
    await recordAudit(tx, {
      actor: { type: "system", name: "campaign sender" },
      action: "campaign.completed",
      entityType: "campaign",
      entityId: campaignId,
      before: { status: "sending" },
      after: { status: "completed", messages: counts },
    });
    return null;
  });
}

/** Schedules the next look at a campaign that is still sending. */
export async function scheduleSettle(campaignId: string, at: Date) {
  await enqueueJob(db, { kind: CAMPAIGN_SETTLE_JOB, payload: { campaignId }, runAfter: at });
}

function campaignIdOf(context: JobContext) {
  const payload = context.job.payload as { campaignId?: unknown } | null;
  if (!payload || typeof payload.campaignId !== "string") throw new Error("The job carries no campaign id.");
  return payload.campaignId;
}

export async function runCampaignLaunchJob(context: JobContext) {
  const campaignId = campaignIdOf(context);
  await snapshotAudience(campaignId);
  const finished = await fanOut(campaignId, context);
  if (!finished) return "The campaign was cancelled.";
  const again = await settleCampaign(campaignId);
  if (again) await scheduleSettle(campaignId, again);
  log.info("campaign queued", { campaignId, jobId: context.job.id });
  return "Every recipient's email is queued.";
}

export async function runCampaignSettleJob(context: JobContext) {
  const campaignId = campaignIdOf(context);
  const again = await settleCampaign(campaignId);
  if (again) await scheduleSettle(campaignId, again);
}
