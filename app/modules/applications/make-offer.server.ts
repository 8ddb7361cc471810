import { type StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import type { OfferInput } from "./schemas";
import { assertMove, auditMove, lockApplication, writeMove } from "./move-steps.server";

/**
 * "Make an offer": HR moves a shortlisted application to offered and drafts its gig contract
 * with the program's terms (ADR 043). The contracts module takes the draft from there.
 */
export async function makeOffer({
  actor,
  applicationId,
  input,
}: {
  actor: StaffUser;
  applicationId: string;
  input: OfferInput;
}) {
  return db.$transaction(async (tx) => {
    const { app } = assertMove(await lockApplication(tx, applicationId), actor, "offered", input.version);
    const program = await tx.returnProgram.findUniqueOrThrow({
      where: { id: app.programId },
      select: { title: true, currency: true, remote: true, place: true },
    });
    const moved = await writeMove(tx, { actor, app, to: "offered", note: input.note });
    const contract = await tx.gigContract.create({
      data: {
        applicationId: app.id,
        programId: app.programId,
        alumnusId: app.alumnusId,
        status: "draft",
        role: program.title,
        hourlyRate: input.hourlyRate,
        currency: program.currency,
        minHoursPerWeek: input.minHoursPerWeek,
        maxHoursPerWeek: input.maxHoursPerWeek,
        startsOn: input.startsOn ? new Date(`${input.startsOn}T00:00:00Z`) : null,
        remote: program.remote,
        place: program.place,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await auditMove(tx, {
      actor,
      app,
      to: "offered",
      action: "application.offer_made",
      note: input.note,
      extra: {
        contractId: contract.id,
        hourlyRate: input.hourlyRate,
        currency: program.currency,
        minHoursPerWeek: input.minHoursPerWeek,
        maxHoursPerWeek: input.maxHoursPerWeek,
        startsOn: input.startsOn,
      },
    });
    return { status: "offered" as const, version: moved.version, contractId: contract.id };
  });
}
