import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { can } from "~/platform/permissions";
import { journeyLine, journeyStep, JOURNEY_MEANING } from "./journey";
import { applicationsVisibleTo } from "./pipeline-access.server";

/**
 * The "way back" card on HR's profile of one person: the status line (contacted -> interested ->
 * applied -> offered -> contracted -> active) and their applications the viewer may see. Null
 * for staff who see no pipeline at all. The facts are counted over everything (the line is about
 * the person); the list of applications follows the viewer's scope (ADR 041).
 */
export async function getReturnJourney(input: { actor: StaffUser; alumnusId: string }) {
  if (!can(input.actor, "read:pipeline:any") && !can(input.actor, "read:pipeline:own")) return null;
  const alumnusId = input.alumnusId;
  const [invitations, answers, applications, contracts, visible] = await Promise.all([
    db.campaignRecipient.count({ where: { alumnusId } }),
    db.invitationAnswer.count({ where: { alumnusId, answer: "interested" } }),
    db.application.findMany({ where: { alumnusId }, select: { status: true } }),
    db.gigContract.findMany({ where: { alumnusId }, select: { status: true } }),
    db.application.findMany({
      where: { AND: [applicationsVisibleTo(input.actor), { alumnusId }] },
      orderBy: { submittedAt: "desc" },
      take: 20,
      select: {
        id: true,
        status: true,
        submittedAt: true,
        source: true,
        program: { select: { id: true, title: true } },
      },
    }),
  ]);
  const facts = {
    invitations,
    interestedAnswers: answers,
    applications: applications.map((a) => a.status),
    contracts: contracts.map((c) => c.status),
  };
  const step = journeyStep(facts);
  return {
    step,
    meaning: step ? JOURNEY_MEANING[step] : "Not contacted about a return yet.",
    line: journeyLine(facts),
    applications: visible.map((a) => ({
      id: a.id,
      status: a.status,
      source: a.source,
      submittedAt: a.submittedAt.toISOString(),
      program: a.program,
    })),
  };
}

export type ReturnJourney = NonNullable<Awaited<ReturnType<typeof getReturnJourney>>>;
