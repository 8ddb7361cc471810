import { renderContractPdf } from "~/modules/contracts/contract-pdf.server";
import { BUILT_IN_CHECKLIST, dueDay } from "~/modules/onboarding/checklist";
import { sha256, sha256Bytes } from "~/platform/crypto.server";
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

/**
 * A contract the person has accepted, on an existing application: the stored text and hash, the
 * acceptance record and its PDF, as the portal leaves them.
 */
export async function createAcceptedContract(tx: Db, input: { applicationId: string }) {
  const application = await tx.application.findUniqueOrThrow({
    where: { id: input.applicationId },
    include: { program: true, alumnus: true },
  });
  const text = `## Gig contract\n\n${application.alumnus.firstName} ${application.alumnus.lastName} works as ${application.program.title} for €20.00 an hour.`;
  const textSha256 = sha256(text);
  const acceptedAt = new Date("2027-01-10T09:30:00Z");
  const { pdf, sha256: pdfSha256 } = await renderContractPdf({
    employer: "Fixture employer",
    person: `${application.alumnus.firstName} ${application.alumnus.lastName}`,
    role: application.program.title,
    program: application.program.title,
    text,
    textSha256,
    termsVersion: 1,
    template: null,
    acceptedAt,
  });
  const contract = await tx.gigContract.create({
    data: {
      applicationId: application.id,
      programId: application.programId,
      alumnusId: application.alumnusId,
      status: "onboarding",
      role: application.program.title,
      hourlyRate: "20.00",
      currency: application.program.currency,
      minHoursPerWeek: 10,
      maxHoursPerWeek: 25,
      startsOn: new Date("2027-03-01T00:00:00Z"),
      noticeDays: 14,
      termsText: text,
      termsHash: textSha256,
      offeredAt: new Date("2027-01-05T09:00:00Z"),
      offerExpiresAt: new Date("2027-01-19T09:00:00Z"),
      acceptedAt,
    },
  });
  await tx.contractAcceptance.create({
    data: {
      contractId: contract.id,
      alumnusId: application.alumnusId,
      acceptedAt,
      ip: "192.0.2.10",
      userAgent: "Fixture browser",
      termsVersion: 1,
      text,
      textSha256,
      pdf: Buffer.from(pdf),
      pdfSha256,
    },
  });
  // Onboarding started: the built-in checklist, the person's document uploaded.
  const tasks = await Promise.all(
    BUILT_IN_CHECKLIST.map(({ dueOffsetDays, ...item }, position) =>
      tx.onboardingTask.create({
        data: { contractId: contract.id, position, ...item, dueOn: dueDay(acceptedAt, dueOffsetDays) },
      }),
    ),
  );
  const bytes = Buffer.from("%PDF-1.7\n%fixture\n%%EOF\n");
  const document = await tx.onboardingDocument.create({
    data: {
      taskId: tasks[0].id,
      contractId: contract.id,
      alumnusId: application.alumnusId,
      fileName: "identity.pdf",
      mediaType: "application/pdf",
      size: bytes.length,
      sha256: sha256Bytes(bytes),
      bytes,
    },
  });
  return { contract, pdfSha256, tasks, document };
}

/** A document another person uploaded for their own onboarding (for record-level checks). */
export async function createOnboardingDocument(tx: Db, input: { contractId: string; alumnusId: string }) {
  const { dueOffsetDays: _offset, ...item } = BUILT_IN_CHECKLIST[0];
  const task = await tx.onboardingTask.create({
    data: { contractId: input.contractId, position: 0, ...item, dueOn: new Date("2027-01-13T00:00:00Z") },
  });
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return tx.onboardingDocument.create({
    data: {
      taskId: task.id,
      contractId: input.contractId,
      alumnusId: input.alumnusId,
      fileName: "photo.png",
      mediaType: "image/png",
      size: bytes.length,
      sha256: sha256Bytes(bytes),
      bytes,
    },
  });
}
