import type { Db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import type { CampaignContent } from "./campaign-email.server";
import type { CampaignFormInput } from "./schemas";

/** Content and settings of a campaign as stored (shared by create and update). */
export function campaignData(input: CampaignFormInput) {
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

/** The chosen return program is open or a draft (or none is chosen). */
export async function assertProgram(tx: Db, programId: string | undefined) {
  if (!programId) return;
  const program = await tx.returnProgram.findUnique({ where: { id: programId }, select: { status: true } });
  if (!program || program.status === "closed") {
    throw new AppError("validation", "Choose an open or draft return program, or none.", {
      fieldErrors: { programId: ["That program is closed or no longer exists. Choose another, or none."] },
    });
  }
}

/** The chosen segment still exists. */
export async function assertSegment(tx: Db, segmentId: string) {
  const segment = await tx.segment.findUnique({ where: { id: segmentId }, select: { id: true } });
  if (!segment) {
    throw new AppError("validation", "That segment no longer exists. Choose another saved segment.", {
      fieldErrors: { segmentId: ["That segment no longer exists. Choose another saved segment."] },
    });
  }
}

/** What the audit trail keeps of a campaign's settings (the note only by its length). */
export function campaignSummary(data: ReturnType<typeof campaignData>) {
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
