import { describe, expect, it, vi } from "vitest";
import { renderTemplate } from "~/modules/outreach/render-template.server";
import { acceptContract, declineContract } from "~/modules/contracts/answer-offer.server";
import { decideContract } from "~/modules/contracts/decide-contract.server";
import { sendContractOffer } from "~/modules/contracts/send-contract-offer.server";
import { submitContract } from "~/modules/contracts/submit-contract.server";
import type { AlumnusUser, StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { createStaffUser, staffActor } from "../../../test/factories";
import { createDraftContract } from "../../../test/factories/contracts";
import { BUILT_IN_CHECKLIST, MAX_DOCUMENT_BYTES, sniffDocument, type ChecklistItem } from "./checklist";
import { currentChecklist, saveChecklist } from "./checklist-versions.server";
import {
  carryOverOnboardingTask,
  completeOnboardingTask,
  countManagerOnboardingTasks,
  downloadOnboardingDocument,
  listManagerOnboardingTasks,
  getPortalOnboarding,
  uploadOnboardingDocument,
} from "./onboarding.server";
import { sendOnboardingReminders } from "./onboarding-reminders.server";
import { listTodos, todoBadges } from "~/modules/home/list-todos.server";
import { phaseProgress, progressByProgram } from "~/modules/applications/program-progress.server";

// The real renderer, counted: the "all set" email should be rendered only when it will be sent.
vi.mock("~/modules/outreach/render-template.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/modules/outreach/render-template.server")>();
  return { ...real, renderTemplate: vi.fn(real.renderTemplate) };
});
const allSetRenders = () =>
  vi.mocked(renderTemplate).mock.calls.filter(([key]) => key === "contract-active").length;

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A step of a checklist (the person's training unless told). */
const step = (title: string, more: Partial<ChecklistItem> = {}): ChecklistItem => ({
  title,
  owner: "alumnus",
  kind: "training",
  dueOffsetDays: 3,
  required: true,
  ...more,
});

const row = (id: string) => db.gigContract.findUniqueOrThrow({ where: { id } });

/** A contract offered to a person, approved by its hiring manager; the person signed in. */
async function offeredContract(checklistTemplateId: string | null = null) {
  const hr = staffActor(await createStaffUser(db, { role: "hr", name: "Hanna Berg" }));
  const manager = staffActor(await createStaffUser(db, { role: "manager", name: "Mats Lindqvist" }));
  const made = await createDraftContract(db, {
    hiringManagerId: manager.id,
    createdById: hr.id,
    program: { checklistTemplateId },
  });
  const id = made.contract.id;
  const submitted = await submitContract({ actor: hr, contractId: id, version: 1 });
  const approved = await decideContract({
    actor: manager,
    contractId: id,
    input: { version: submitted.version, decision: "approve", comment: null },
  });
  await sendContractOffer({ actor: hr, contractId: id, version: approved.version });
  const alumnus: AlumnusUser = {
    kind: "alumnus",
    id: made.person.id,
    sessionId: "t",
    name: made.person.firstName,
  };
  return { hr, manager, alumnus, ...made };
}

async function accepted(now = new Date(), checklistTemplateId: string | null = null) {
  const o = await offeredContract(checklistTemplateId);
  const result = await acceptContract({
    alumnus: o.alumnus,
    contractId: o.contract.id,
    shownHash: (await row(o.contract.id)).termsHash!,
    ip: null,
    userAgent: null,
    now,
  });
  const tasks = await db.onboardingTask.findMany({
    where: { contractId: o.contract.id },
    orderBy: { position: "asc" },
  });
  return { ...o, result, tasks };
}

const PDF = Buffer.from("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const ownerOf = (o: Awaited<ReturnType<typeof accepted>>, owner: string): StaffUser | AlumnusUser =>
  owner === "alumnus" ? o.alumnus : owner === "hr" ? o.hr : o.manager;

/** Finishes every task but those given, each by its owner. */
async function finishAllBut(o: Awaited<ReturnType<typeof accepted>>, keep: string[] = []) {
  for (const task of o.tasks) {
    if (keep.includes(task.id)) continue;
    if (task.kind === "document")
      await uploadOnboardingDocument({ alumnus: o.alumnus, taskId: task.id, fileName: "id.pdf", bytes: PDF });
    else await completeOnboardingTask({ actor: ownerOf(o, task.owner), taskId: task.id });
  }
}

describe("onboarding from acceptance to active", () => {
  it("accepting copies the current checklist, moves to onboarding and welcomes the person", async () => {
    const o = await accepted();
    expect(o.result.status).toBe("onboarding");
    expect((await row(o.contract.id)).status).toBe("onboarding");
    expect(o.tasks.map((t) => [t.title, t.owner, t.required])).toEqual(
      BUILT_IN_CHECKLIST.map((i) => [i.title, i.owner, i.required]),
    );
    expect(o.tasks[0].dueOn.toISOString().slice(0, 10)).toBe(
      new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
    );
    expect(
      await db.outboxMessage.count({
        where: { toAddress: o.person.personalEmail!, template: "onboarding-welcome" },
      }),
    ).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { entityId: o.contract.id, action: "contract.onboarding_started" },
      }),
    ).toBe(1);
    const page = await getPortalOnboarding({ alumnus: o.alumnus, contractId: o.contract.id });
    expect(page.mine.map((t) => t.owner)).toEqual(["alumnus", "alumnus"]);
    expect(page.others.every((t) => t.owner !== "alumnus")).toBe(true);
  });

  it("each task is done by its owner only; a document task only by an upload", async () => {
    const o = await accepted();
    const hrTask = o.tasks.find((t) => t.owner === "hr")!;
    const managerTask = o.tasks.find((t) => t.owner === "manager")!;
    const docTask = o.tasks.find((t) => t.kind === "document")!;
    expect((await failure(completeOnboardingTask({ actor: o.alumnus, taskId: hrTask.id }))).code).toBe(
      "forbidden",
    );
    expect((await failure(completeOnboardingTask({ actor: o.hr, taskId: managerTask.id }))).code).toBe(
      "forbidden",
    );
    const stranger = staffActor(await createStaffUser(db, { role: "manager", name: "Other Manager" }));
    expect((await failure(completeOnboardingTask({ actor: stranger, taskId: managerTask.id }))).code).toBe(
      "not_found",
    );
    const otherPerson: AlumnusUser = { kind: "alumnus", id: "someone-else", sessionId: "t", name: "X" };
    expect((await failure(completeOnboardingTask({ actor: otherPerson, taskId: docTask.id }))).code).toBe(
      "not_found",
    );
    expect((await failure(completeOnboardingTask({ actor: o.alumnus, taskId: docTask.id }))).message).toMatch(
      /Upload the document/,
    );
    await completeOnboardingTask({ actor: o.hr, taskId: hrTask.id });
    expect((await failure(completeOnboardingTask({ actor: o.hr, taskId: hrTask.id }))).message).toMatch(
      /Hanna Berg already finished this step/,
    );
    expect(
      await db.auditEvent.count({ where: { entityId: hrTask.id, action: "onboarding.task_done" } }),
    ).toBe(1);
  });

  it("an upload is judged by its bytes: type, size, and a name that does not match the content", async () => {
    expect(sniffDocument(Buffer.from("hello, I am text"), "id.pdf")).toMatchObject({
      ok: false,
      message: /not a PDF/,
    });
    expect(sniffDocument(PNG, "id.pdf")).toMatchObject({ ok: false, message: /name says one type/ });
    expect(sniffDocument(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), "photo.JPG")).toEqual({
      ok: true,
      mediaType: "image/jpeg",
    });
    expect(sniffDocument(new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x25), "x.pdf")).toMatchObject({
      ok: false,
      message: /larger than 5 MB/,
    });
    const o = await accepted();
    const docTask = o.tasks.find((t) => t.kind === "document")!;
    const exe = Buffer.from("MZ\x90\x00 this is a program");
    const refused = await failure(
      uploadOnboardingDocument({
        alumnus: o.alumnus,
        taskId: docTask.id,
        fileName: "passport.pdf",
        bytes: exe,
      }),
    );
    expect(refused.code).toBe("validation");
    expect(await db.onboardingDocument.count({ where: { taskId: docTask.id } })).toBe(0);
    const { documentId } = await uploadOnboardingDocument({
      alumnus: o.alumnus,
      taskId: docTask.id,
      fileName: "passport.png",
      bytes: PNG,
    });
    const stored = await db.onboardingDocument.findUniqueOrThrow({ where: { id: documentId } });
    expect(stored).toMatchObject({ mediaType: "image/png", size: PNG.length, fileName: "passport.png" });
    expect((await db.onboardingTask.findUniqueOrThrow({ where: { id: docTask.id } })).status).toBe("done");
    // The person and HR may download it; the hiring manager may not.
    expect((await downloadOnboardingDocument({ actor: o.alumnus, documentId })).bytes).toEqual(stored.bytes);
    await downloadOnboardingDocument({ actor: o.hr, documentId });
    expect((await failure(downloadOnboardingDocument({ actor: o.manager, documentId }))).code).toBe(
      "not_found",
    );
    expect(
      await db.auditEvent.count({
        where: { entityId: documentId, action: "onboarding.document_downloaded" },
      }),
    ).toBe(2);
  });

  it("completing the last two required tasks at once activates the contract exactly once", async () => {
    const o = await accepted();
    const last = o.tasks.filter((t) => t.owner !== "alumnus").slice(-2);
    await finishAllBut(
      o,
      last.map((t) => t.id),
    );
    expect((await row(o.contract.id)).status).toBe("onboarding");
    const rendersBefore = allSetRenders();
    const results = await Promise.allSettled(
      last.map((t) => completeOnboardingTask({ actor: ownerOf(o, t.owner), taskId: t.id })),
    );
    // Rendered once, for the completion that activated (whichever of the two it was).
    expect(allSetRenders() - rendersBefore).toBe(1);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const activations = results.filter((r) => r.status === "fulfilled" && r.value.activated);
    expect(activations).toHaveLength(1);
    const contract = await row(o.contract.id);
    expect(contract.status).toBe("active");
    expect(contract.activatedAt).not.toBeNull();
    expect(
      await db.auditEvent.count({ where: { entityId: o.contract.id, action: "contract.activated" } }),
    ).toBe(1);
    expect(await db.contractNote.count({ where: { contractId: o.contract.id, action: "activate" } })).toBe(1);
    // The person hears once that they are all set, with the start date.
    const allSet = await db.outboxMessage.findMany({
      where: { alumnusId: o.person.id, template: "contract-active" },
    });
    expect(allSet).toHaveLength(1);
    expect(allSet[0].subject).toBe(`You're all set, ${o.person.preferredName || o.person.firstName}`);
  });

  it("twenty parallel completions of the same last task: one wins, one activation", async () => {
    const o = await accepted();
    const last = o.tasks.find((t) => t.owner === "hr")!;
    await finishAllBut(o, [last.id]);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => completeOnboardingTask({ actor: o.hr, taskId: last.id })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    expect(
      await db.auditEvent.count({ where: { entityId: o.contract.id, action: "contract.activated" } }),
    ).toBe(1);
    expect(
      await db.outboxMessage.count({ where: { alumnusId: o.person.id, template: "contract-active" } }),
    ).toBe(1);
  });

  it("HR carries a step over from the earlier employment with a note", async () => {
    const o = await accepted();
    const task = o.tasks.find((t) => t.owner === "manager")!;
    expect(
      (await failure(carryOverOnboardingTask({ actor: o.manager, taskId: task.id, note: "held" }))).code,
    ).toBe("forbidden");
    await carryOverOnboardingTask({ actor: o.hr, taskId: task.id, note: "Still has the laptop from 2024." });
    expect(await db.onboardingTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "carried_over",
      note: "Still has the laptop from 2024.",
      doneByName: "Hanna Berg",
    });
  });
});

describe("the checklist's versions", () => {
  it("a saved version applies to later acceptances only; saved versions never change; a stale page is refused", async () => {
    const running = await accepted();
    const before = running.tasks.map((t) => t.title);
    const hr = running.hr;
    const current = await currentChecklist();
    const tasks: ChecklistItem[] = [
      ...current.items,
      step(`Watch the welcome video ${Date.now()}`, { dueOffsetDays: 2, required: false }),
    ];
    const saved = await saveChecklist({ actor: hr, input: { version: current.version, tasks } });
    expect(saved).toMatchObject({ changed: true, version: current.version + 1 });
    expect(
      (await failure(saveChecklist({ actor: hr, input: { version: current.version, tasks } }))).code,
    ).toBe("conflict");
    const after = await db.onboardingTask.findMany({
      where: { contractId: running.contract.id },
      orderBy: { position: "asc" },
    });
    expect(after.map((t) => t.title)).toEqual(before);
    const later = await accepted();
    expect(later.tasks).toHaveLength(current.items.length + 1);
    expect(later.tasks.at(-1)).toMatchObject({ required: false, owner: "alumnus" });
    await expect(
      db.$executeRaw`UPDATE "OnboardingChecklistVersion" SET "tasks" = '[]' WHERE "version" = ${saved.version}`,
    ).rejects.toThrow(/cannot be changed/);
  });
});

describe("phase progress", () => {
  it("counts the person as contracted from acceptance, and as active once onboarding is done", async () => {
    const o = await accepted();
    const phaseOf = async () =>
      (await phaseProgress(o.program.decisionId)).find((p) => p.id === o.program.phaseId)!.progress;
    expect(await phaseOf()).toMatchObject({ hired: 1, contracted: 1, active: 0 });
    await finishAllBut(o);
    expect((await row(o.contract.id)).status).toBe("active");
    expect(await phaseOf()).toMatchObject({ applied: 1, hired: 1, contracted: 1, active: 1 });
    expect((await progressByProgram({ id: o.program.id })).get(o.program.id)).toMatchObject({
      contracted: 1,
      active: 1,
    });
    // An ended contract leaves both counts; the application stays hired.
    await db.gigContract.update({ where: { id: o.contract.id }, data: { status: "ended" } });
    expect(await phaseOf()).toMatchObject({ hired: 1, contracted: 0, active: 0 });
  });
});

describe("the program's checklist", () => {
  it("a program that chose a saved version copies that version at acceptance, whatever is saved later; one that chose none copies the current", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr", name: "Hanna Berg" }));
    const start = await currentChecklist();
    const pinned = await saveChecklist({
      actor: hr,
      input: {
        version: start.version,
        tasks: [...start.items, step(`Meet the team ${Date.now()}`, { dueOffsetDays: 1, required: false })],
      },
    });
    const pinnedRow = await db.onboardingChecklistVersion.findUniqueOrThrow({
      where: { version: pinned.version },
    });
    // HR saves a later version with one step fewer: the pinned program keeps its own.
    const later = await saveChecklist({
      actor: hr,
      input: { version: pinned.version, tasks: start.items.slice(1) },
    });
    expect(later.changed).toBe(true);

    const chosen = await accepted(new Date(), pinnedRow.id);
    expect(chosen.tasks.map((t) => t.title)).toEqual([
      ...start.items.map((i) => i.title),
      expect.stringMatching(/^Meet the team/),
    ]);
    expect(new Set(chosen.tasks.map((t) => t.checklistVersionId))).toEqual(new Set([pinnedRow.id]));
    const welcome = await db.outboxMessage.findFirstOrThrow({
      where: { toAddress: chosen.person.personalEmail!, template: "onboarding-welcome" },
    });
    expect(welcome.text).toContain("Meet the team");

    const current = await accepted(new Date(), null);
    expect(current.tasks.map((t) => t.title)).toEqual(start.items.slice(1).map((i) => i.title));
    const laterRow = await db.onboardingChecklistVersion.findUniqueOrThrow({
      where: { version: later.version },
    });
    expect(current.tasks[0].checklistVersionId).toBe(laterRow.id);
  });
});

describe("overdue reminders", () => {
  it("remind each owner, at most once a day per task", async () => {
    const o = await accepted(new Date());
    const inTen = new Date(Date.now() + 10 * 86_400_000);
    await sendOnboardingReminders({ now: inTen });
    const toPerson = () =>
      db.outboxMessage.count({
        where: { toAddress: o.person.personalEmail!, template: "onboarding-reminder" },
      });
    const toManager = () =>
      db.outboxMessage.count({ where: { toAddress: o.manager.email, template: "onboarding-task-reminder" } });
    const toHr = () =>
      db.outboxMessage.count({ where: { toAddress: o.hr.email, template: "onboarding-task-reminder" } });
    expect([await toPerson(), await toManager(), await toHr()]).toEqual([1, 1, 1]);
    await Promise.all([sendOnboardingReminders({ now: inTen }), sendOnboardingReminders({ now: inTen })]);
    await sendOnboardingReminders({ now: new Date(inTen.getTime() + 5 * 3_600_000) });
    expect([await toPerson(), await toManager(), await toHr()]).toEqual([1, 1, 1]);
    // A day later, what is still overdue reminds again; a done step does not.
    await completeOnboardingTask({ actor: o.hr, taskId: o.tasks.find((t) => t.owner === "hr")!.id });
    await sendOnboardingReminders({ now: new Date(inTen.getTime() + 24 * 3_600_000) });
    expect([await toPerson(), await toManager(), await toHr()]).toEqual([2, 2, 1]);
  });
});

describe("declining", () => {
  it("moves the application out of offered, as withdrawn by the person", async () => {
    const o = await offeredContract();
    await declineContract({
      alumnus: o.alumnus,
      contractId: o.contract.id,
      shownHash: (await row(o.contract.id)).termsHash!,
      comment: "I found another job.",
    });
    expect((await db.application.findUniqueOrThrow({ where: { id: o.application.id } })).status).toBe(
      "withdrawn",
    );
    expect(
      await db.auditEvent.count({ where: { entityId: o.application.id, action: "application.withdrawn" } }),
    ).toBe(1);
  });
});

describe("the manager's home: their onboarding steps and their team's approvals", () => {
  it("counts only the manager's own open steps and their own team's pending contracts", async () => {
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    const mine = await accepted(tenDaysAgo);
    const theirs = await accepted();
    const managerTasks = mine.tasks.filter((t) => t.owner === "manager");
    expect(managerTasks.length).toBeGreaterThanOrEqual(2);
    // One of the manager's steps is done already; the other manager's steps never count.
    await completeOnboardingTask({ actor: mine.manager, taskId: managerTasks[0].id });
    // A contract waiting for this manager, and one waiting for the other manager.
    for (const [manager, hr] of [
      [mine.manager, mine.hr],
      [theirs.manager, theirs.hr],
    ]) {
      const draft = await createDraftContract(db, { hiringManagerId: manager.id, createdById: hr.id });
      await submitContract({ actor: hr, contractId: draft.contract.id, version: 1 });
    }

    expect(await countManagerOnboardingTasks(mine.manager)).toBe(managerTasks.length - 1);
    expect(await countManagerOnboardingTasks(mine.hr)).toBe(0);
    const listed = await listManagerOnboardingTasks({ actor: mine.manager });
    expect(listed.map((t) => t.id)).toEqual(managerTasks.slice(1).map((t) => t.id));
    expect(listed[0]).toMatchObject({
      title: managerTasks[1].title,
      overdue: true,
      person: expect.stringContaining(mine.person.lastName),
      to: `/staff/contracts/${mine.contract.id}#onboarding`,
    });
    expect((await listManagerOnboardingTasks({ actor: theirs.manager })).every((t) => !t.overdue)).toBe(true);

    const todos = await listTodos({ actor: mine.manager });
    const count = (key: string) => todos.find((t) => t.key === key)?.count;
    expect(count("onboarding-tasks")).toBe(managerTasks.length - 1);
    expect(count("contract-approvals")).toBe(1);
    expect(todoBadges(todos)["/staff/contracts"].count).toBe(managerTasks.length);

    // Once the contract is no longer onboarding, its steps leave the list.
    await finishAllBut(mine, [managerTasks[0].id]);
    expect((await row(mine.contract.id)).status).toBe("active");
    expect(await countManagerOnboardingTasks(mine.manager)).toBe(0);
  });
});

describe("the all-set email", () => {
  it("is rendered only for the completion that activates the contract", async () => {
    const o = await accepted();
    const last = o.tasks.find((t) => t.owner === "hr")!;
    const before = allSetRenders();
    await finishAllBut(o, [last.id]);
    expect((await row(o.contract.id)).status).toBe("onboarding");
    expect(allSetRenders() - before).toBe(0);
    await carryOverOnboardingTask({ actor: o.hr, taskId: last.id, note: "Accounts kept from 2024." });
    expect((await row(o.contract.id)).status).toBe("active");
    expect(allSetRenders() - before).toBe(1);
    expect(
      await db.outboxMessage.count({ where: { alumnusId: o.person.id, template: "contract-active" } }),
    ).toBe(1);
  });

  it("is sent once when a checklist with no required step activates the contract at acceptance", async () => {
    const current = await currentChecklist();
    const optional = await db.onboardingChecklistVersion.create({
      data: {
        version: current.version + 1,
        tasks: [
          {
            title: "Watch the welcome video",
            owner: "alumnus",
            kind: "training",
            dueOffsetDays: 2,
            required: false,
          },
        ],
      },
    });
    const o = await accepted(new Date(), optional.id);
    expect(o.result.status).toBe("active");
    const contract = await row(o.contract.id);
    expect(contract.status).toBe("active");
    const allSet = await db.outboxMessage.findMany({
      where: { alumnusId: o.person.id, template: "contract-active" },
    });
    expect(allSet).toHaveLength(1);
    expect(allSet[0].toAddress).toBe(o.person.personalEmail);
    expect(
      await db.outboxMessage.count({ where: { alumnusId: o.person.id, template: "onboarding-welcome" } }),
    ).toBe(1);
    // Finishing the optional step afterwards sends nothing more.
    await completeOnboardingTask({ actor: o.alumnus, taskId: o.tasks[0].id });
    expect(
      await db.outboxMessage.count({ where: { alumnusId: o.person.id, template: "contract-active" } }),
    ).toBe(1);
  });
});
