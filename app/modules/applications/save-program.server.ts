import { actorOf, type StaffUser } from "~/platform/auth.server";
import { changedFields, recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, conflict, notFound } from "~/platform/errors";
import type { EngagementType } from "./labels";
import type { ProgramInput } from "./schemas";

export const STALE_PROGRAM_MESSAGE =
  "Someone else saved this program after you opened it, so your changes were not saved. They are still in the form: check them against the program as it is now, then save again.";

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/** The program's fields as the audit trail and the form compare them. */
function comparable(p: {
  title: string;
  description: string;
  phaseId: string;
  engagementType: EngagementType;
  remote: boolean;
  place: string | null;
  rateMin: string;
  rateMax: string;
  currency: string;
  openings: number;
  hiringManagerId: string;
  closesOn: string | null;
  checklistTemplateId: string | null;
}) {
  return { ...p };
}

/** Checks the phase, the hiring manager and the checklist exist and fit; field errors otherwise. */
async function resolveReferences(input: ProgramInput) {
  const [phase, manager, checklist] = await Promise.all([
    db.decisionPhase.findUnique({ where: { id: input.phaseId }, select: { id: true, decisionId: true } }),
    db.user.findUnique({
      where: { id: input.hiringManagerId },
      select: { id: true, roleId: true, status: true },
    }),
    input.checklistTemplateId
      ? db.onboardingChecklistVersion.findUnique({
          where: { id: input.checklistTemplateId },
          select: { id: true },
        })
      : null,
  ]);
  const fieldErrors: Record<string, string[]> = {};
  if (!phase) fieldErrors.phaseId = ["Choose a phase from the list."];
  if (!manager || manager.roleId !== "manager" || manager.status === "deactivated")
    fieldErrors.hiringManagerId = ["Choose a hiring manager from the list (staff with the manager role)."];
  if (input.checklistTemplateId && !checklist)
    fieldErrors.checklistTemplateId = [
      "Choose a saved onboarding checklist from the list, or the current checklist.",
    ];
  if (Object.keys(fieldErrors).length)
    throw new AppError("validation", "Some choices are no longer available. Choose again.", { fieldErrors });
  return { decisionId: phase!.decisionId };
}

/**
 * Creates a return program as a draft, or updates one (optimistic concurrency on its version).
 * manage:program; audited as program.created / program.updated.
 */
export async function saveProgram({
  actor,
  programId,
  input,
}: {
  actor: StaffUser;
  programId?: string;
  input: ProgramInput;
}) {
  const { decisionId } = await resolveReferences(input);
  const next = comparable({
    title: input.title,
    description: input.description,
    phaseId: input.phaseId,
    engagementType: input.engagementType,
    remote: input.workplace === "remote",
    place: input.workplace === "remote" ? null : input.place,
    rateMin: input.rateMin,
    rateMax: input.rateMax,
    currency: input.currency,
    openings: input.openings,
    hiringManagerId: input.hiringManagerId,
    closesOn: input.closesOn,
    checklistTemplateId: input.checklistTemplateId,
  });
  const columns = {
    ...next,
    decisionId,
    closesOn: next.closesOn ? new Date(`${next.closesOn}T00:00:00Z`) : null,
  };
  return db.$transaction(async (tx) => {
    if (!programId) {
      const created = await tx.returnProgram.create({
        data: { ...columns, createdById: actor.id, status: "draft" },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: "program.created",
        entityType: "program",
        entityId: created.id,
        after: { ...next, decisionId, status: "draft" },
      });
      return { id: created.id, changed: true };
    }
    const current = await tx.returnProgram.findUnique({ where: { id: programId } });
    if (!current) throw notFound("That program");
    if (current.version !== input.version) throw conflict(STALE_PROGRAM_MESSAGE);
    const before = comparable({
      title: current.title,
      description: current.description,
      phaseId: current.phaseId,
      engagementType: current.engagementType,
      remote: current.remote,
      place: current.place,
      rateMin: current.rateMin.toFixed(2),
      rateMax: current.rateMax.toFixed(2),
      currency: current.currency,
      openings: current.openings,
      hiringManagerId: current.hiringManagerId,
      closesOn: day(current.closesOn),
      checklistTemplateId: current.checklistTemplateId,
    });
    const diff = changedFields(before, {
      ...next,
      rateMin: Number(next.rateMin).toFixed(2),
      rateMax: Number(next.rateMax).toFixed(2),
    });
    if (!diff.changed) return { id: current.id, changed: false };
    const updated = await tx.returnProgram.updateMany({
      where: { id: current.id, version: input.version },
      data: { ...columns, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict(STALE_PROGRAM_MESSAGE);
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "program.updated",
      entityType: "program",
      entityId: current.id,
      before: { ...diff.before, version: current.version },
      after: { ...diff.after, version: current.version + 1 },
    });
    return { id: current.id, changed: true };
  });
}
