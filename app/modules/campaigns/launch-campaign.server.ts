import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, conflict, forbidden, notFound } from "~/platform/errors";
import { enqueueJob } from "~/platform/jobs.server";
import { can } from "~/platform/permissions";
import { PROGRAM_STATUS_LABELS } from "~/modules/applications/labels";
import { audienceRules, countAudience } from "./audience.server";
import { campaignTone, renderCampaignEmail, SAMPLE_PERSON } from "./campaign-email.server";

export const CAMPAIGN_LAUNCH_JOB = "campaign.launch";

/**
 * Launches a draft (ADR 024). Checks the whole email's tone first: errors block the launch
 * unless someone holding override:tone-check gives a reason (audited as
 * campaign.tone_overridden). The launch itself is one guarded transition draft -> scheduled
 * (send time ahead) or sending, plus one background job that snapshots the audience at the send
 * time and queues the messages. Two launches at once: one wins, the other gets a conflict.
 */
export async function launchCampaign(input: {
  actor: StaffUser;
  campaignId: string;
  overrideReason?: string;
}) {
  const campaign = await db.campaign.findUnique({
    where: { id: input.campaignId },
    include: {
      segment: { select: { query: true } },
      program: { select: { title: true, status: true } },
    },
  });
  if (!campaign) throw notFound("That campaign");
  if (campaign.status !== "draft") throw conflict("This campaign has already been launched.");
  // People who say yes are sent to the program to apply: it must take applications.
  if (campaign.program && campaign.program.status !== "open") {
    throw new AppError(
      "validation",
      `The invitation points at “${campaign.program.title}”, which is ${PROGRAM_STATUS_LABELS[campaign.program.status].toLowerCase()}. Open the program first (people who say yes are sent there to apply), or edit the campaign to point at another program or none.`,
    );
  }

  const audience = await countAudience(db, {
    query: campaign.segment.query,
    quietDays: campaign.quietDays,
    onlyEligible: campaign.onlyEligible,
  });
  if (audience.recipients === 0) {
    throw new AppError(
      "validation",
      "Nobody in this audience can receive the email (see the exclusions). Choose another segment or change the settings.",
    );
  }
  // The tone is judged on a real recipient's email when there is one.
  const first = await db.alumnus.findFirst({
    where: audienceRules({
      query: campaign.segment.query,
      quietDays: campaign.quietDays,
      onlyEligible: campaign.onlyEligible,
    }).recipients,
    orderBy: { id: "asc" },
    select: { id: true, firstName: true, preferredName: true },
  });
  const email = await renderCampaignEmail(campaign, first ?? SAMPLE_PERSON);
  const { tone } = campaignTone(campaign, email);
  let override: string | null = null;
  if (!tone.ok) {
    const reason = input.overrideReason?.trim();
    if (!reason) {
      const message = `The email has ${tone.errors === 1 ? "1 tone error" : `${tone.errors} tone errors`}. Fix the note, or give a reason to launch it anyway.`;
      throw new AppError("validation", message, { fieldErrors: { overrideReason: [message] } });
    }
    if (!can(input.actor, "override:tone-check")) {
      throw forbidden(
        "Only someone allowed to override the tone check can launch an email with tone errors. Fix the note instead.",
      );
    }
    override = reason;
  }

  const now = new Date();
  const sendAt = campaign.sendAt && campaign.sendAt > now ? campaign.sendAt : now;
  const status = sendAt > now ? ("scheduled" as const) : ("sending" as const);
  return db.$transaction(async (tx) => {
    const moved = await tx.campaign.updateMany({
      where: { id: campaign.id, status: "draft", version: campaign.version },
      data: {
        status,
        launchedAt: now,
        launchedById: input.actor.id,
        throttleAnchorAt: sendAt,
        toneOverrideReason: override,
        toneOverriddenById: override ? input.actor.id : null,
        version: { increment: 1 },
      },
    });
    if (moved.count !== 1)
      throw conflict(
        "This campaign was launched or changed a moment ago. Reload the page to see where it stands.",
      );
    const job = await enqueueJob(tx, {
      kind: CAMPAIGN_LAUNCH_JOB,
      payload: { campaignId: campaign.id },
      createdById: input.actor.id,
      runAfter: sendAt,
    });
    await tx.campaign.update({ where: { id: campaign.id }, data: { jobId: job.id } });
    if (override) {
      await recordAudit(tx, {
        actor: actorOf(input.actor),
        action: "campaign.tone_overridden",
        entityType: "campaign",
        entityId: campaign.id,
        after: {
          errors: tone.errors,
          rules: [...new Set(tone.findings.filter((f) => f.severity === "error").map((f) => f.ruleId))],
        },
        reason: override,
      });
    }
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "campaign.launched",
      entityType: "campaign",
      entityId: campaign.id,
      before: { status: "draft" },
      after: {
        status,
        sendAt: sendAt.toISOString(),
        throttlePerHour: campaign.throttlePerHour,
        expectedRecipients: audience.recipients,
        excluded: audience.byReason,
        toneErrors: tone.errors,
        toneWarnings: tone.warnings,
      },
    });
    return { status, sendAt, jobId: job.id };
  });
}
