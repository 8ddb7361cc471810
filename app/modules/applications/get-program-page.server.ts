import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { can } from "~/platform/permissions";
import {
  checklistChoiceLabel,
  checklistChoices,
  currentChecklist,
} from "~/modules/onboarding/checklist-versions.server";
import { type ProgramStatus } from "./labels";
import { programsVisibleTo } from "./pipeline-access.server";
import { EMPTY_PROGRESS, progressByProgram } from "./program-progress.server";
import { PROGRAM_MOVES } from "./change-program-status.server";

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/** The programs list: every program the actor may see, with its progress. */
export async function getProgramsPage({ actor }: { actor: StaffUser }) {
  const where = programsVisibleTo(actor);
  const [programs, progress] = await Promise.all([
    db.returnProgram.findMany({
      where,
      orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
      select: {
        id: true,
        title: true,
        status: true,
        engagementType: true,
        openings: true,
        closesOn: true,
        decision: { select: { title: true } },
        phase: { select: { name: true } },
        hiringManager: { select: { name: true } },
      },
    }),
    progressByProgram(where),
  ]);
  return {
    mayManage: can(actor, "manage:program"),
    programs: programs.map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status as ProgramStatus,
      engagementType: p.engagementType,
      openings: p.openings,
      closesOn: day(p.closesOn),
      decision: p.decision.title,
      phase: p.phase.name,
      hiringManager: p.hiringManager.name,
      progress: progress.get(p.id) ?? EMPTY_PROGRESS,
    })),
  };
}

/** What the program form offers: decisions with their phases, active managers, saved checklists. */
export async function getProgramFormOptions() {
  const [decisions, managers, checklists, current] = await Promise.all([
    db.workforceDecision.findMany({
      orderBy: { title: "asc" },
      select: {
        id: true,
        title: true,
        phases: { orderBy: { position: "asc" }, select: { id: true, name: true, targetHeadcount: true } },
      },
    }),
    db.user.findMany({
      where: { roleId: "manager", status: { not: "deactivated" } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, team: { select: { name: true } } },
    }),
    checklistChoices(),
    currentChecklist(),
  ]);
  return {
    checklists: [
      { value: "", label: checklistChoiceLabel(null, current) },
      ...checklists.map((c) => ({ value: c.id, label: checklistChoiceLabel(c) })),
    ],
    phases: decisions.flatMap((d) =>
      d.phases.map((p) => ({ value: p.id, label: `${d.title} — ${p.name} (target ${p.targetHeadcount})` })),
    ),
    managers: managers.map((m) => ({ value: m.id, label: m.team ? `${m.name} (${m.team.name})` : m.name })),
  };
}

/** One program: its terms, progress, the moves of its status, and the form's options for HR. */
export async function getProgramPage({ actor, programId }: { actor: StaffUser; programId: string }) {
  const program = await db.returnProgram.findFirst({
    where: { AND: [{ id: programId }, programsVisibleTo(actor)] },
    include: {
      decision: { select: { id: true, title: true } },
      phase: { select: { id: true, name: true, targetHeadcount: true } },
      hiringManager: { select: { id: true, name: true, email: true } },
      campaigns: { select: { id: true, name: true, status: true }, orderBy: { createdAt: "desc" } },
    },
  });
  if (!program) throw notFound("That program");
  const mayManage = can(actor, "manage:program");
  const [progress, options, checklist] = await Promise.all([
    progressByProgram({ id: program.id }),
    mayManage ? getProgramFormOptions() : null,
    checklistOf(program.checklistTemplateId),
  ]);
  return {
    program: {
      id: program.id,
      title: program.title,
      description: program.description,
      status: program.status as ProgramStatus,
      engagementType: program.engagementType,
      remote: program.remote,
      place: program.place,
      rateMin: program.rateMin.toFixed(2),
      rateMax: program.rateMax.toFixed(2),
      currency: program.currency,
      openings: program.openings,
      closesOn: day(program.closesOn),
      checklistTemplateId: program.checklistTemplateId,
      checklist,
      version: program.version,
      decision: program.decision,
      phase: program.phase,
      hiringManager: { id: program.hiringManager.id, name: program.hiringManager.name },
      campaigns: program.campaigns,
      progress: progress.get(program.id) ?? EMPTY_PROGRESS,
      statusMoves: PROGRAM_MOVES[program.status as ProgramStatus],
    },
    mayManage,
    mayAddApplicant: can(actor, "move:application:any"),
    options,
  };
}

/** How the program's onboarding checklist reads on its page (ADR 079). */
async function checklistOf(checklistTemplateId: string | null) {
  const chosen = checklistTemplateId
    ? await db.onboardingChecklistVersion.findUnique({ where: { id: checklistTemplateId } })
    : null;
  if (chosen)
    return checklistChoiceLabel({
      id: chosen.id,
      version: chosen.version,
      steps: Array.isArray(chosen.tasks) ? chosen.tasks.length : 0,
      by: chosen.createdByName,
      at: chosen.createdAt.toISOString().slice(0, 10),
    });
  return checklistChoiceLabel(null, await currentChecklist());
}
