import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/platform/db.server";

/**
 * Progress as a funnel: everyone who applied; of them, who reached the shortlist (or further),
 * an offer (or further), and who was hired. A later decline or withdrawal leaves the funnel.
 * Then the contracts: people under contract now (accepted, onboarding or active) and, of them,
 * those active (onboarding done). An ended, cancelled or withdrawn contract leaves them.
 */
export type Progress = {
  applied: number;
  shortlisted: number;
  offered: number;
  hired: number;
  contracted: number;
  active: number;
};

export const EMPTY_PROGRESS: Progress = {
  applied: 0,
  shortlisted: 0,
  offered: 0,
  hired: 0,
  contracted: 0,
  active: 0,
};

/** Contract statuses that count as "under contract" in the funnel. */
export const CONTRACTED_STATUSES = ["accepted", "onboarding", "active"] as const;

function add(progress: Progress, status: string, n: number): Progress {
  return {
    applied: progress.applied + n,
    shortlisted: progress.shortlisted + (["shortlisted", "offered", "hired"].includes(status) ? n : 0),
    offered: progress.offered + (["offered", "hired"].includes(status) ? n : 0),
    hired: progress.hired + (status === "hired" ? n : 0),
    contracted: progress.contracted,
    active: progress.active,
  };
}

function sum(a: Progress, b: Progress): Progress {
  return {
    applied: a.applied + b.applied,
    shortlisted: a.shortlisted + b.shortlisted,
    offered: a.offered + b.offered,
    hired: a.hired + b.hired,
    contracted: a.contracted + b.contracted,
    active: a.active + b.active,
  };
}

/** Progress per program, for the programs matching `where`. */
export async function progressByProgram(
  where: Prisma.ReturnProgramWhereInput,
): Promise<Map<string, Progress>> {
  const [groups, contracts] = await Promise.all([
    db.application.groupBy({
      by: ["programId", "status"],
      where: { program: where },
      _count: { _all: true },
    }),
    db.gigContract.groupBy({
      by: ["programId", "status"],
      where: { program: where, status: { in: [...CONTRACTED_STATUSES] } },
      _count: { _all: true },
    }),
  ]);
  const out = new Map<string, Progress>();
  for (const g of groups)
    out.set(g.programId, add(out.get(g.programId) ?? EMPTY_PROGRESS, g.status, g._count._all));
  for (const c of contracts) {
    const n = c._count._all;
    out.set(
      c.programId,
      sum(out.get(c.programId) ?? EMPTY_PROGRESS, {
        ...EMPTY_PROGRESS,
        contracted: n,
        active: c.status === "active" ? n : 0,
      }),
    );
  }
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
    for (const p of mine) progress = sum(progress, byProgram.get(p.id) ?? EMPTY_PROGRESS);
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
