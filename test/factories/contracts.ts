import type { Db, Prisma } from "~/platform/db.server";
import { createAlumnus, createStaffUser, unique } from "./index";
import { createApplication, createProgram } from "./pipeline";

/**
 * A draft gig contract as "Make an offer" leaves it (an offered application, its draft), with
 * complete terms unless told otherwise: a program with a hiring manager, a person with an email.
 */
export async function createDraftContract(
  tx: Db,
  input: {
    hiringManagerId?: string;
    /** An existing program (its hiring manager is used). */
    programId?: string;
    createdById?: string;
    program?: Partial<Prisma.ReturnProgramUncheckedCreateInput>;
    terms?: Partial<Prisma.GigContractUncheckedCreateInput>;
  } = {},
) {
  const program = input.programId
    ? await tx.returnProgram.findUniqueOrThrow({ where: { id: input.programId } })
    : await createProgram(tx, {
        hiringManagerId: input.hiringManagerId ?? (await createStaffUser(tx, { role: "manager" })).id,
        ...input.program,
      });
  const hiringManagerId = program.hiringManagerId;
  const person = await createAlumnus(tx, { personalEmail: `${unique("p")}@example.org` });
  const application = await createApplication(tx, {
    programId: program.id,
    alumnusId: person.id,
    status: "offered",
  });
  const contract = await tx.gigContract.create({
    data: {
      applicationId: application.id,
      programId: program.id,
      alumnusId: person.id,
      status: "draft",
      role: program.title,
      hourlyRate: "20.00",
      currency: program.currency,
      minHoursPerWeek: 10,
      maxHoursPerWeek: 25,
      startsOn: new Date("2027-03-01T00:00:00Z"),
      noticeDays: 14,
      remote: true,
      createdById: input.createdById ?? null,
      ...input.terms,
    },
  });
  return { contract, program, person, application, hiringManagerId };
}
