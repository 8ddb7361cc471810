import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/platform/db.server";

/**
 * Progress as a funnel: everyone who applied; of them, who reached the shortlist (or further),
 * an offer (or further), and who was hired. A later decline or withdrawal leaves the funnel.
 */
export type Progress = { applied: number; shortlisted: number; offered: number; hired: number };

export const EMPTY_PROGRESS: Progress = { applied: 0, shortlisted: 0, offered: 0, hired: 0 };

function add(progress: Progress, status: string, n: number): Progress {
  return {
    applied: progress.applied + n,
    shortlisted: progress.shortlisted + (["shortlisted", "offered", "hired"].includes(status) ? n : 0),
    offered: progress.offered + (["offered", "hired"].includes(status) ? n : 0),
    hired: progress.hired + (status === "hired" ? n : 0),
  };
}

/** Progress per program, for the programs matching `where`. */
export async function progressByProgram(
  where: Prisma.ReturnProgramWhereInput,
): Promise<Map<string, Progress>> {
  const groups = await db.application.groupBy({
    by: ["programId", "status"],
    where: { program: where },
    _count: { _all: true },
  });
  const out = new Map<string, Progress>();
  for (const g of groups)
    out.set(g.programId, add(out.get(g.programId) ?? EMPTY_PROGRESS, g.status, g._count._all));
  return out;
}

/** Each phase of a decision: its target headcount against the progress across its programs. */
export async function phaseProgress(decisionId: string) {
  const [phases, programs] = await Promise.all([
    db.decisionPhase.findMany({
      where: { decisionId },
      orderBy: { position: "asc" },
      select: { id: true, name: true, targetHeadcount: true },
    }),
    db.returnProgram.findMany({
      where: { decisionId },
      select: { id: true, phaseId: true, title: true, status: true, openings: true },
      orderBy: { title: "asc" },
    }),
  ]);
  const byProgram = await progressByProgram({ decisionId });
  return phases.map((phase) => {
    const mine = programs.filter((p) => p.phaseId === phase.id);
    let progress = EMPTY_PROGRESS;
    for (const p of mine) {
      const pp = byProgram.get(p.id) ?? EMPTY_PROGRESS;
      progress = {
        applied: progress.applied + pp.applied,
        shortlisted: progress.shortlisted + pp.shortlisted,
        offered: progress.offered + pp.offered,
        hired: progress.hired + pp.hired,
      };
    }
    return {
      id: phase.id,
      name: phase.name,
      targetHeadcount: phase.targetHeadcount,
      openings: mine.reduce((n, p) => n + p.openings, 0),
      programs: mine.map((p) => ({ id: p.id, title: p.title, status: p.status })),
      progress,
    };
  });
}
