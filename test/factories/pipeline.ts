import type { Db, Prisma } from "~/platform/db.server";
import { createDecision, createStaffUser, isoDate, unique } from "./index";

/**
 * Return programs and applications for tests and the seed: a decision with two phases, a hiring
 * manager, and a program open on phase 2 unless told otherwise.
 */
export async function createProgram(
  tx: Db,
  overrides: Partial<Prisma.ReturnProgramUncheckedCreateInput> & { hiringManagerId?: string } = {},
) {
  let decisionId = overrides.decisionId;
  let phaseId = overrides.phaseId;
  if (!phaseId) {
    const decision = decisionId
      ? await tx.workforceDecision.findUniqueOrThrow({ where: { id: decisionId } })
      : await createDecision(tx);
    decisionId = decision.id;
    const phases = await tx.decisionPhase.findMany({ where: { decisionId }, orderBy: { position: "asc" } });
    if (phases.length < 2) {
      await tx.decisionPhase.createMany({
        data: [
          {
            decisionId,
            position: 1,
            name: "Phase 1: evenings",
            startsOn: isoDate(2025, 3, 1),
            targetHeadcount: 10,
          },
          {
            decisionId,
            position: 2,
            name: "Phase 2: weekends",
            startsOn: isoDate(2025, 9, 1),
            targetHeadcount: 20,
          },
        ],
        skipDuplicates: true,
      });
    }
    const second = await tx.decisionPhase.findFirstOrThrow({ where: { decisionId, position: 2 } });
    phaseId = second.id;
  } else if (!decisionId) {
    decisionId = (await tx.decisionPhase.findUniqueOrThrow({ where: { id: phaseId } })).decisionId;
  }
  const hiringManagerId = overrides.hiringManagerId ?? (await createStaffUser(tx, { role: "manager" })).id;
  return tx.returnProgram.create({
    data: {
      title: unique("Support specialist "),
      description: "Remote chat and phone support for merchants, in shifts you choose each week.",
      engagementType: "gig",
      remote: true,
      rateMin: "18.50",
      rateMax: "24.00",
      currency: "EUR",
      openings: 5,
      status: "open",
      openedAt: new Date(),
      ...overrides,
      decisionId: decisionId as string,
      phaseId: phaseId as string,
      hiringManagerId,
    },
  });
}

export async function createApplication(
  tx: Db,
  input: { programId: string; alumnusId: string } & Partial<Prisma.ApplicationUncheckedCreateInput>,
) {
  return tx.application.create({
    data: {
      motivation: "I liked the team and would gladly help on weekends again.",
      source: "portal",
      ...input,
    },
  });
}
