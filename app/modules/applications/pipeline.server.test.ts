import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import type { AlumnusUser } from "~/platform/auth.server";
import { saveDecision } from "~/modules/decisions/save-decision.server";
import { createAlumnus, createStaffUser, staffActor, unique } from "../../../test/factories";
import { createApplication, createProgram } from "../../../test/factories/pipeline";
import { addApplicationNote } from "./add-application-note.server";
import { declineApplication } from "./decline-application.server";
import { makeOffer } from "./make-offer.server";
import { markApplicationHired } from "./mark-application-hired.server";
import { moveApplication } from "./move-application.server";
import { moveApplications } from "./move-applications.server";
import { withdrawApplication } from "./withdraw-application.server";
import { currentChecklist, saveChecklist } from "~/modules/onboarding/checklist-versions.server";
import { changeProgramStatus } from "./change-program-status.server";
import { saveProgram } from "./save-program.server";
import { ApplySchema, DeclineSchema, OfferSchema, ProgramSchema } from "./schemas";
import {
  ALREADY_APPLIED_MESSAGE,
  NOT_ELIGIBLE_FOR_APPLICANT,
  submitApplication,
} from "./submit-application.server";

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const hrUser = async () => staffActor(await createStaffUser(db, { role: "hr", name: "Hanna Berg" }));
const managerUser = async () =>
  staffActor(await createStaffUser(db, { role: "manager", name: "Mats Lindqvist" }));
const alumnusActor = (a: { id: string; firstName: string; lastName: string }): AlumnusUser => ({
  kind: "alumnus",
  id: a.id,
  sessionId: unique("s"),
  name: `${a.firstName} ${a.lastName}`,
});

const decline = DeclineSchema.parse({
  reason:
    "This program needs people for two weekend shifts a month, and you told us you can only work on weekdays.",
  whatCouldChange: "If your weekends free up, tell us and we will look at your application again.",
});
const apply = ApplySchema.parse({
  motivation: "I enjoyed the work and the people, and I have evenings free again.",
  availabilityHours: "12",
  availabilityDays: ["sat", "sun"],
  earliestStart: "2026-02-01",
});

async function setup() {
  const manager = await managerUser();
  const program = await createProgram(db, { hiringManagerId: manager.id });
  const person = await createAlumnus(db, { personalEmail: `${unique("p")}@example.org` });
  const application = await createApplication(db, { programId: program.id, alumnusId: person.id });
  return { manager, program, person, application };
}

afterAll(() => undefined);

describe("moving applications", () => {
  it("HR and the program's hiring manager move it along; each move is noted and audited", async () => {
    const { manager, application } = await setup();
    const hr = await hrUser();
    const first = await moveApplication({
      actor: manager,
      applicationId: application.id,
      version: 1,
      to: "in_review",
    });
    expect(first).toEqual({ status: "in_review", version: 2 });
    await moveApplication({
      actor: hr,
      applicationId: application.id,
      version: 2,
      to: "shortlisted",
      note: "Strong on chargebacks.",
    });
    const notes = await db.applicationNote.findMany({
      where: { applicationId: application.id },
      orderBy: { createdAt: "asc" },
    });
    expect(notes.map((n) => [n.fromStatus, n.toStatus, n.body])).toEqual([
      ["submitted", "in_review", null],
      ["in_review", "shortlisted", "Strong on chargebacks."],
    ]);
    const events = await db.auditEvent.findMany({
      where: { entityType: "application", entityId: application.id },
    });
    expect(events.map((e) => e.action)).toEqual(["application.moved", "application.moved"]);
  });

  it("another manager cannot see or move the application (404), and cannot add notes", async () => {
    const { application } = await setup();
    const stranger = await managerUser();
    const error = await failure(
      moveApplication({ actor: stranger, applicationId: application.id, version: 1, to: "in_review" }),
    );
    expect(error.code).toBe("not_found");
    expect(
      (await failure(addApplicationNote({ actor: stranger, applicationId: application.id, body: "Hi" })))
        .code,
    ).toBe("not_found");
  });

  it("a manager cannot make an offer, and nobody but the contracts module hires", async () => {
    const { manager, application } = await setup();
    await moveApplication({ actor: manager, applicationId: application.id, version: 1, to: "shortlisted" });
    const offer = OfferSchema.parse({ version: "2", hourlyRate: "20.00" });
    const refused = await failure(makeOffer({ actor: manager, applicationId: application.id, input: offer }));
    expect(refused.code).toBe("forbidden");
    expect(refused.message).toMatch(/Only HR/);
    const hr = await hrUser();
    const hired = await failure(
      moveApplication({ actor: hr, applicationId: application.id, version: 2, to: "hired" }),
    );
    expect(hired.message).toMatch(/cannot be moved to “Hired”/);
  });

  it("two HR users moving the same application at once: exactly one wins, the other is told", async () => {
    const { application } = await setup();
    const [a, b] = [await hrUser(), await hrUser()];
    const results = await Promise.allSettled([
      moveApplication({ actor: a, applicationId: application.id, version: 1, to: "shortlisted" }),
      moveApplication({ actor: b, applicationId: application.id, version: 1, to: "in_review" }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(AppError);
    expect((lost[0].reason as AppError).code).toBe("conflict");
    expect((lost[0].reason as AppError).message).toMatch(/Someone else changed this application/);
    const row = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(row.version).toBe(2);
    expect(
      await db.auditEvent.count({ where: { entityType: "application", entityId: application.id } }),
    ).toBe(1);
  });

  it("a decline sends one kind email through the outbox; declining again sends none", async () => {
    const { application, person } = await setup();
    const [a, b] = [await hrUser(), await hrUser()];
    const results = await Promise.allSettled([
      declineApplication({ actor: a, applicationId: application.id, input: { ...decline, version: 1 } }),
      declineApplication({ actor: b, applicationId: application.id, input: { ...decline, version: 1 } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const again = await failure(
      declineApplication({ actor: a, applicationId: application.id, input: decline }),
    );
    expect(again.message).toMatch(/already “Declined”/);
    const emails = await db.outboxMessage.findMany({
      where: { alumnusId: person.id, template: "application-decline" },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0].toAddress).toBe(person.personalEmail);
    expect(emails[0].text).toContain("weekend shifts");
  });

  it("a decline that would not read kindly is refused next to the field, and nothing changes", async () => {
    const { application, person } = await setup();
    const hr = await hrUser();
    const harsh = DeclineSchema.parse({
      reason: "It was decided that your application does not fit the weekend roster we need.",
      whatCouldChange: "Nothing could change it.",
    });
    const error = await failure(
      declineApplication({ actor: hr, applicationId: application.id, input: harsh }),
    );
    expect(error.code).toBe("validation");
    expect(Object.keys(error.options.fieldErrors ?? {}).length).toBeGreaterThan(0);
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "submitted",
    );
    expect(await db.outboxMessage.count({ where: { alumnusId: person.id } })).toBe(0);
  });

  it("a bulk move with one note moves what it may and lists the rest; bulk declines email each person once", async () => {
    const manager = await managerUser();
    const program = await createProgram(db, { hiringManagerId: manager.id });
    const other = await createProgram(db);
    const people = await Promise.all(
      [1, 2, 3].map(() => createAlumnus(db, { personalEmail: `${unique("b")}@example.org` })),
    );
    const apps = await Promise.all(
      people.map((p) => createApplication(db, { programId: program.id, alumnusId: p.id })),
    );
    const foreign = await createApplication(db, { programId: other.id, alumnusId: people[0].id });
    await db.application.update({ where: { id: apps[2].id }, data: { status: "withdrawn" } });
    const result = await moveApplications({
      actor: manager,
      applicationIds: [apps[0].id, apps[1].id, apps[2].id, foreign.id],
      to: "declined",
      note: null,
      decline,
    });
    expect(result.moved.sort()).toEqual([apps[0].id, apps[1].id].sort());
    expect(result.skipped.map((s) => s.id).sort()).toEqual([apps[2].id, foreign.id].sort());
    for (const p of people.slice(0, 2))
      expect(
        await db.outboxMessage.count({ where: { alumnusId: p.id, template: "application-decline" } }),
      ).toBe(1);
    expect(await db.outboxMessage.count({ where: { alumnusId: people[2].id } })).toBe(0);
  });

  it("HR makes an offer: the application is offered and a draft contract holds the program's terms", async () => {
    const { application, program } = await setup();
    const hr = await hrUser();
    await moveApplication({ actor: hr, applicationId: application.id, version: 1, to: "shortlisted" });
    const offer = OfferSchema.parse({
      version: "2",
      hourlyRate: "21.25",
      minHoursPerWeek: "8",
      maxHoursPerWeek: "20",
    });
    const made = await makeOffer({ actor: hr, applicationId: application.id, input: offer });
    const contract = await db.gigContract.findUniqueOrThrow({ where: { id: made.contractId } });
    expect(contract).toMatchObject({
      status: "draft",
      role: program.title,
      currency: "EUR",
      minHoursPerWeek: 8,
    });
    expect(contract.hourlyRate.toFixed(2)).toBe("21.25");
    // The contracts module accepts it: the application is hired, once.
    await db.$transaction((tx) =>
      markApplicationHired({ tx, applicationId: application.id, contractId: contract.id }),
    );
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("hired");
    await expect(
      db.$transaction((tx) =>
        markApplicationHired({ tx, applicationId: application.id, contractId: contract.id }),
      ),
    ).rejects.toThrow(/cannot make it hired/);
  });

  it("the applicant withdraws their own application (an offer's draft contract is withdrawn too), never someone else's", async () => {
    const { application, person } = await setup();
    const someoneElse = await createAlumnus(db);
    const hr = await hrUser();
    await moveApplication({ actor: hr, applicationId: application.id, version: 1, to: "shortlisted" });
    await makeOffer({
      actor: hr,
      applicationId: application.id,
      input: OfferSchema.parse({ version: "2", hourlyRate: "19" }),
    });
    const notMine = await failure(
      withdrawApplication({ actor: alumnusActor(someoneElse), applicationId: application.id }),
    );
    expect(notMine.code).toBe("not_found");
    await withdrawApplication({ actor: alumnusActor(person), applicationId: application.id });
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "withdrawn",
    );
    expect(
      (await db.gigContract.findUniqueOrThrow({ where: { applicationId: application.id } })).status,
    ).toBe("withdrawn");
  });
});

describe("applying", () => {
  it("applies once; a second application is a clean message, and two at once make one row", async () => {
    const program = await createProgram(db);
    const person = await createAlumnus(db, { personalEmail: `${unique("a")}@example.org` });
    const me = alumnusActor(person);
    const results = await Promise.allSettled([
      submitApplication({ actor: me, programId: program.id, input: apply }),
      submitApplication({ actor: me, programId: program.id, input: apply }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const again = await failure(submitApplication({ actor: me, programId: program.id, input: apply }));
    expect(again.code).toBe("conflict");
    expect(again.message).toBe(ALREADY_APPLIED_MESSAGE);
    expect(await db.application.count({ where: { programId: program.id } })).toBe(1);
    expect(
      await db.outboxMessage.count({ where: { alumnusId: person.id, template: "application-received" } }),
    ).toBe(1);
  });

  it("refuses a paused, closed, past-closing-date or draft program with a message", async () => {
    const person = await createAlumnus(db);
    const me = alumnusActor(person);
    const paused = await createProgram(db, { status: "paused" });
    expect(
      (await failure(submitApplication({ actor: me, programId: paused.id, input: apply }))).message,
    ).toMatch(/paused for now/);
    const closed = await createProgram(db, { status: "closed" });
    expect(
      (await failure(submitApplication({ actor: me, programId: closed.id, input: apply }))).message,
    ).toMatch(/has closed/);
    const past = await createProgram(db, { closesOn: new Date("2020-01-31T00:00:00Z") });
    expect(
      (await failure(submitApplication({ actor: me, programId: past.id, input: apply }))).message,
    ).toMatch(/closing date/);
    const draft = await createProgram(db, { status: "draft" });
    expect((await failure(submitApplication({ actor: me, programId: draft.id, input: apply }))).code).toBe(
      "not_found",
    );
    expect(await db.application.count({ where: { alumnusId: person.id } })).toBe(0);
  });

  it("a person who is not eligible is told kindly and pointed to a review", async () => {
    const program = await createProgram(db);
    const person = await createAlumnus(db);
    const policy = await db.eligibilityPolicy.findFirst({ where: { status: "published" } });
    await db.eligibilityVerdict.create({
      data: {
        alumnusId: person.id,
        outcome: "not_eligible",
        reasons: [],
        policyId: policy?.id ?? "p",
        policyVersion: policy?.version ?? 1,
        computedAt: new Date(),
        decidedAt: new Date(),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const error = await failure(
      submitApplication({ actor: alumnusActor(person), programId: program.id, input: apply }),
    );
    expect(error.message).toBe(NOT_ELIGIBLE_FOR_APPLICANT);
  });

  it("HR enters an application for someone who answered an invitation", async () => {
    const program = await createProgram(db);
    const person = await createAlumnus(db);
    const hr = await hrUser();
    const created = await submitApplication({
      actor: hr,
      programId: program.id,
      alumnusId: person.id,
      input: apply,
    });
    const row = await db.application.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      source: "hr",
      createdById: hr.id,
      availabilityHours: 12,
      status: "submitted",
    });
    const manager = await managerUser();
    expect(
      (
        await failure(
          submitApplication({ actor: manager, programId: program.id, alumnusId: person.id, input: apply }),
        )
      ).code,
    ).toBe("forbidden");
  });
});

describe("programs", () => {
  it("a program chooses a saved onboarding checklist version; an unknown one is refused next to the field", async () => {
    const program = await createProgram(db);
    const hr = await hrUser();
    const saved0 = await saveChecklist({
      actor: hr,
      input: {
        version: (await currentChecklist()).version,
        tasks: [
          {
            title: `Sign the confidentiality agreement ${unique("v")}`,
            owner: "alumnus",
            kind: "document",
            dueOffsetDays: 2,
            required: true,
          },
        ],
      },
    });
    const version = await db.onboardingChecklistVersion.findUniqueOrThrow({
      where: { version: saved0.version },
    });
    const form = (checklistTemplateId: string) =>
      ProgramSchema.parse({
        version: String(program.version),
        title: program.title,
        description: program.description,
        phaseId: program.phaseId,
        engagementType: program.engagementType,
        workplace: "remote",
        rateMin: program.rateMin.toFixed(2),
        rateMax: program.rateMax.toFixed(2),
        currency: program.currency,
        openings: String(program.openings),
        hiringManagerId: program.hiringManagerId,
        checklistTemplateId,
      });
    expect(form("").checklistTemplateId).toBeNull();
    expect(ProgramSchema.safeParse({ ...form(""), checklistTemplateId: "x'; drop" }).success).toBe(false);
    const unknown = await failure(
      saveProgram({ actor: hr, programId: program.id, input: form("cknotachecklist0000000000") }),
    );
    expect(unknown.code).toBe("validation");
    expect(unknown.options.fieldErrors).toEqual({
      checklistTemplateId: ["Choose a saved onboarding checklist from the list, or the current checklist."],
    });
    expect(
      (await db.returnProgram.findUniqueOrThrow({ where: { id: program.id } })).checklistTemplateId,
    ).toBeNull();

    expect(await saveProgram({ actor: hr, programId: program.id, input: form(version.id) })).toMatchObject({
      changed: true,
    });
    const saved = await db.returnProgram.findUniqueOrThrow({ where: { id: program.id } });
    expect(saved).toMatchObject({ checklistTemplateId: version.id, version: program.version + 1 });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: program.id, action: "program.updated" },
      orderBy: { id: "desc" },
    });
    expect(audit.after).toMatchObject({ checklistTemplateId: version.id });
    // Back to the current checklist.
    await saveProgram({ actor: hr, programId: program.id, input: { ...form(""), version: saved.version } });
    expect(
      (await db.returnProgram.findUniqueOrThrow({ where: { id: program.id } })).checklistTemplateId,
    ).toBeNull();
  });

  it("open, pause and close with the version the page showed", async () => {
    const program = await createProgram(db, { status: "draft", openedAt: null });
    const hr = await hrUser();
    await changeProgramStatus({ actor: hr, programId: program.id, version: 1, status: "open" });
    const stale = await failure(
      changeProgramStatus({ actor: hr, programId: program.id, version: 1, status: "paused" }),
    );
    expect(stale.code).toBe("conflict");
    await changeProgramStatus({ actor: hr, programId: program.id, version: 2, status: "paused" });
    const row = await db.returnProgram.findUniqueOrThrow({ where: { id: program.id } });
    expect(row.status).toBe("paused");
    expect(row.openedAt).not.toBeNull();
  });

  it("a decision's phase with a program cannot be removed; editing phases keeps their ids", async () => {
    const program = await createProgram(db);
    const hr = await hrUser();
    const decision = await db.workforceDecision.findUniqueOrThrow({
      where: { id: program.decisionId },
      include: { phases: { orderBy: { position: "asc" } } },
    });
    const base = {
      version: decision.version,
      title: decision.title,
      kind: decision.kind,
      function: decision.function,
      rationale: decision.rationale,
      announcedOn: "2022-05-10",
      effectiveOn: "2022-06-30",
      rolesAffected: decision.rolesAffected,
      status: decision.status,
    };
    const phase = (p: (typeof decision.phases)[number], name = p.name) => ({
      name,
      startsOn: p.startsOn.toISOString().slice(0, 10),
      endsOn: null,
      targetHeadcount: p.targetHeadcount,
      notes: null,
    });
    const removed = await failure(
      saveDecision({
        actor: hr,
        decisionId: decision.id,
        input: { ...base, phases: [phase(decision.phases[0])] },
      }),
    );
    expect(removed.message).toMatch(/has a return program/);
    await saveDecision({
      actor: hr,
      decisionId: decision.id,
      input: {
        ...base,
        phases: [phase(decision.phases[0]), phase(decision.phases[1], "Phase 2: weekends and evenings")],
      },
    });
    const after = await db.decisionPhase.findUniqueOrThrow({ where: { id: program.phaseId } });
    expect(after.name).toBe("Phase 2: weekends and evenings");
  });
});
