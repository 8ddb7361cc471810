import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db, type Db } from "~/platform/db.server";
import { AppError, conflict, notFound } from "~/platform/errors";
import type { CampaignContent } from "./campaign-email.server";
import type { CampaignFormInput } from "./schemas";

/** Content and settings of a campaign as stored (shared by create and update). */
function campaignData(input: CampaignFormInput) {
  return {
    name: input.name,
    segmentId: input.segmentId,
    template: input.template,
    subject: input.subject ?? null,
    note: input.note,
    senderName: input.senderName,
    senderRole: input.senderRole,
    senderEmail: input.senderEmail,
    senderPhone: input.senderPhone ?? null,
    companyName: input.companyName,
    teamName: input.teamName,
    whatChanged: input.whatChanged,
    opportunity: input.opportunity,
    respondBy: new Date(`${input.respondBy}T00:00:00Z`),
    invitedOn: input.invitedOn ? new Date(`${input.invitedOn}T00:00:00Z`) : null,
    sendAt: input.sendAt ?? null,
    throttlePerHour: input.throttlePerHour,
    quietDays: input.quietDays,
    onlyEligible: input.onlyEligible,
    programId: input.programId ?? null,
  };
}

async function assertProgram(tx: Db, programId: string | undefined) {
  if (!programId) return;
  const program = await tx.returnProgram.findUnique({ where: { id: programId }, select: { status: true } });
  if (!program || program.status === "closed") {
    throw new AppError("validation", "Choose an open or draft return program, or none.", {
      fieldErrors: { programId: ["That program is closed or no longer exists. Choose another, or none."] },
    });
  }
}

async function assertSegment(tx: Db, segmentId: string) {
  const segment = await tx.segment.findUnique({ where: { id: segmentId }, select: { id: true } });
  if (!segment) {
    throw new AppError("validation", "That segment no longer exists. Choose another saved segment.", {
      fieldErrors: { segmentId: ["That segment no longer exists. Choose another saved segment."] },
    });
  }
}

function summary(data: ReturnType<typeof campaignData>) {
  return {
    name: data.name,
    segmentId: data.segmentId,
    template: data.template,
    sendAt: data.sendAt?.toISOString() ?? null,
    throttlePerHour: data.throttlePerHour,
    quietDays: data.quietDays,
    onlyEligible: data.onlyEligible,
    programId: data.programId,
    noteLength: data.note.length,
  };
}

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
      after: summary(data),
    });
    return campaign;
  });
}

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
      before: summary(campaignData(formValuesOf(before))),
      after: summary(data),
    });
  });
}

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

/** A stored campaign: its email content and how it is sent. */
type StoredCampaign = CampaignContent & {
  name: string;
  segmentId: string;
  sendAt: Date | null;
  throttlePerHour: number;
  quietDays: number;
  onlyEligible: boolean;
  programId?: string | null;
};

/** A stored campaign as the form's parsed values (for the edit form and audit "before"). */
export function formValuesOf(c: StoredCampaign): CampaignFormInput {
  return {
    name: c.name,
    segmentId: c.segmentId,
    template: c.template as CampaignFormInput["template"],
    subject: c.subject ?? undefined,
    note: c.note,
    senderName: c.senderName,
    senderRole: c.senderRole,
    senderEmail: c.senderEmail,
    senderPhone: c.senderPhone ?? undefined,
    companyName: c.companyName,
    teamName: c.teamName,
    whatChanged: c.whatChanged,
    opportunity: c.opportunity,
    respondBy: c.respondBy.toISOString().slice(0, 10),
    invitedOn: c.invitedOn ? c.invitedOn.toISOString().slice(0, 10) : undefined,
    sendAt: c.sendAt ?? undefined,
    throttlePerHour: c.throttlePerHour,
    quietDays: c.quietDays,
    onlyEligible: c.onlyEligible,
    programId: c.programId ?? undefined,
  };
}
