import { alumniSender, emailBrand, getBranding } from "~/modules/portal/get-branding.server";
import { renderTemplate } from "~/modules/outreach/render-template.server";
import {
  alumnusEmail,
  auditActorOf,
  auditMove,
  contractFor,
  lockContract,
  portalContractUrl,
  writeMove,
  type ContractActor,
  type LoadedContract,
  type Locked,
} from "~/modules/contracts/contract-record.server";
import type { AlumnusUser, StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { sha256Bytes } from "~/platform/crypto.server";
import { db, type Prisma } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { t } from "~/modules/portal/strings";
import { AppError, conflict } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { can } from "~/platform/permissions";
import { dueDay, sniffDocument, type OnboardingOwner } from "./checklist";
import { checklistForProgram, type CurrentChecklist } from "./checklist-versions.server";

/**
 * Onboarding (ADR 067): acceptance copies the program's checklist (ADR 079: the version it chose,
 * else the current one) into the contract's tasks and
 * moves it to "onboarding"; each task is done by its owner (the person in the portal, HR or the
 * hiring manager on the contract page), or carried over by HR with a note; a document task is
 * done by uploading a PDF, PNG or JPEG judged by its bytes. Every completion locks the
 * contract's row, so when the last required task is done the contract becomes active exactly
 * once, however many completions arrive together, with the "all set" email (rendered before the
 * transaction only when that completion is the likely last, see withAllSet).
 */

type Tx = Prisma.TransactionClient;
const SYSTEM = { kind: "system", name: "Onboarding" } as const;

export const portalOnboardingUrl = (contractId: string) => `${env().appUrl}/portal/onboarding/${contractId}`;

const firstName = (c: LoadedContract) => c.alumnus.preferredName || c.alumnus.firstName;

/** Who the person's onboarding emails name as their contact: the draft's author (HR), else the hiring manager. */
function emailContact(c: LoadedContract) {
  const contact = c.creator ?? c.program.hiringManager;
  return {
    name: contact.name,
    role: contact.id === c.createdById ? "HR" : "Hiring manager",
    email: contact.email,
  };
}

/** The "all set" email was not rendered before the transaction (null: rendered, but no address). */
const NOT_RENDERED = Object.freeze({ notRendered: true as const });

/** Before the acceptance transaction: the checklist to copy, and the welcome email listing the person's steps. */
export async function prepareOnboarding(contract: LoadedContract, acceptedAt: Date) {
  const checklist = await checklistForProgram(contract.program.checklistTemplateId);
  const address = alumnusEmail(contract);
  const mine = checklist.items.filter((i) => i.owner === "alumnus");
  const branding = address ? await getBranding() : null;
  const email =
    address && branding
      ? await renderTemplate(
          "onboarding-welcome",
          {
            firstName: firstName(contract),
            companyName: branding.companyName,
            role: contract.terms.role,
            startDate: contract.terms.startsOn ?? acceptedAt.toISOString().slice(0, 10),
            tasks: mine.map((i) => ({
              title: i.title,
              dueDate: dueDay(acceptedAt, i.dueOffsetDays).toISOString().slice(0, 10),
            })),
            checklistUrl: portalOnboardingUrl(contract.id),
            contact: emailContact(contract),
          },
          { brand: emailBrand(branding) },
        )
      : null;
  // A checklist with no required step activates at acceptance: the "all set" email goes with it.
  const allSet: AllSetSlot = checklist.items.some((i) => i.required)
    ? NOT_RENDERED
    : await prepareAllSet(contract);
  const from = email ? await alumniSender() : null;
  return { checklist, email, address, from, allSet };
}

export type PreparedOnboarding = Awaited<ReturnType<typeof prepareOnboarding>>;

/**
 * In the acceptance transaction, right after the contract became "accepted": copy the
 * checklist, move to "onboarding", queue the welcome. A checklist with no required step
 * activates at once.
 */
export async function startOnboarding(
  tx: Tx,
  input: { contract: LoadedContract; locked: Locked; prepared: PreparedOnboarding; acceptedAt: Date },
) {
  const { contract, locked, prepared, acceptedAt } = input;
  const checklist: CurrentChecklist = prepared.checklist;
  await tx.onboardingTask.createMany({
    data: checklist.items.map((item, position) => ({
      contractId: contract.id,
      checklistVersionId: checklist.id,
      position,
      title: item.title,
      owner: item.owner,
      kind: item.kind,
      required: item.required,
      dueOn: dueDay(acceptedAt, item.dueOffsetDays),
    })),
  });
  const moved = await writeMove(tx, { actor: SYSTEM, locked, action: "start_onboarding", to: "onboarding" });
  if (prepared.email && prepared.address)
    await queueEmail(tx, {
      template: prepared.email.template,
      purpose: prepared.email.purpose,
      to: { address: prepared.address, name: firstName(contract) },
      alumnusId: contract.alumnusId,
      email: prepared.email,
      from: prepared.from ?? undefined,
    });
  await auditMove(tx, {
    actor: SYSTEM,
    action: "contract.onboarding_started",
    locked,
    to: "onboarding",
    after: {
      checklistVersion: checklist.version,
      tasks: checklist.items.length,
      welcomeQueued: !!prepared.email,
    },
  });
  const next: Locked = { ...locked, status: "onboarding", version: moved.version };
  const activated = await activateIfComplete(tx, next, prepared.allSet);
  return { version: activated ? next.version + 1 : next.version, activated };
}

/**
 * Under the contract's row lock: when no required task is open, onboarding -> active (once), with
 * the "all set" email in the same transaction. The email is rendered before the transaction only
 * when the change looked likely to activate; if it activates without one (another owner finished
 * the other last step meanwhile), AllSetNeeded rolls the transaction back so the caller renders
 * it and runs the change again.
 */
async function activateIfComplete(tx: Tx, locked: Locked, allSet: AllSetSlot) {
  if (locked.status !== "onboarding") return false;
  const open = await tx.onboardingTask.count({
    where: { contractId: locked.id, required: true, status: "open" },
  });
  if (open > 0) return false;
  if (isNotRendered(allSet)) throw new AllSetNeeded();
  const now = new Date();
  await writeMove(tx, {
    actor: SYSTEM,
    locked,
    action: "activate",
    to: "active",
    data: { activatedAt: now },
  });
  await auditMove(tx, { actor: SYSTEM, action: "contract.activated", locked, to: "active" });
  if (allSet)
    await queueEmail(tx, {
      template: allSet.email.template,
      purpose: allSet.email.purpose,
      to: { address: allSet.address, name: allSet.name },
      alumnusId: allSet.alumnusId,
      email: allSet.email,
      from: allSet.from,
    });
  return true;
}

/**
 * Before a completion's transaction (never under the row lock, which would hold a connection while
 * reading settings): the "you're all set" email, queued only if this completion activates.
 */
async function prepareAllSet(contract: LoadedContract) {
  const address = alumnusEmail(contract);
  if (!address) return null;
  const branding = await getBranding();
  const email = await renderTemplate(
    "contract-active",
    {
      firstName: firstName(contract),
      companyName: branding.companyName,
      role: contract.terms.role,
      startDate: contract.terms.startsOn ?? new Date().toISOString().slice(0, 10),
      contractUrl: portalContractUrl(contract.id),
      contact: emailContact(contract),
    },
    { brand: emailBrand(branding) },
  );
  return {
    email,
    address,
    name: firstName(contract),
    alumnusId: contract.alumnusId,
    from: await alumniSender(),
  };
}

type PreparedAllSet = Awaited<ReturnType<typeof prepareAllSet>>;

type AllSetSlot = PreparedAllSet | typeof NOT_RENDERED;
const isNotRendered = (slot: AllSetSlot): slot is typeof NOT_RENDERED => slot === NOT_RENDERED;

/** Thrown inside a completion's transaction that would activate without its email rendered. */
class AllSetNeeded extends Error {
  constructor() {
    super("The all-set email must be rendered before this completion activates the contract.");
  }
}

/**
 * Runs a completion of `taskId`, rendering the "all set" email first only when no other required
 * step is open (so this completion will likely activate). When the guess was wrong because
 * another last step was finished meanwhile, the rolled-back change runs once more with the email.
 */
async function withAllSet<T>(
  contract: LoadedContract,
  taskId: string,
  run: (allSet: AllSetSlot) => Promise<T>,
): Promise<T> {
  const othersOpen = await db.onboardingTask.count({
    where: { contractId: contract.id, required: true, status: "open", id: { not: taskId } },
  });
  const allSet = othersOpen === 0 ? await prepareAllSet(contract) : NOT_RENDERED;
  try {
    return await run(allSet);
  } catch (error) {
    if (!(error instanceof AllSetNeeded) || !isNotRendered(allSet)) throw error;
    return run(await prepareAllSet(contract));
  }
}

// ---------------------------------------------------------------------------------------------
// Who may act on a task
// ---------------------------------------------------------------------------------------------

/** Does this actor own tasks of this owner on this contract? */
export function ownsTasks(
  actor: StaffUser | AlumnusUser,
  owner: OnboardingOwner,
  contract: { alumnusId: string; program: { hiringManagerId: string } },
) {
  if (actor.kind === "alumnus") return owner === "alumnus" && actor.id === contract.alumnusId;
  if (owner === "hr") return can(actor, "manage:contract");
  if (owner === "manager")
    return can(actor, "approve:contract:team") && contract.program.hiringManagerId === actor.id;
  return false;
}

const RUNNING = ["onboarding", "active"];
// Refusals of a step are in the portal's catalogue: the person reads them there (staff see the
// same English sentences on the contract's page).

async function taskFor(actor: StaffUser | AlumnusUser, taskId: string) {
  const task = await db.onboardingTask.findUnique({ where: { id: taskId } });
  if (!task) throw new AppError("not_found", t("onboarding.refused.noStep"));
  // The contract check answers 404 to anyone who may not see the contract at all.
  const contract = await contractFor(actor, task.contractId);
  return { task, contract };
}

const done = (who: string | null) =>
  conflict(who ? t("onboarding.refused.alreadyDoneBy", { name: who }) : t("onboarding.refused.alreadyDone"));

/** Marks the task done under the contract's lock, audits it, and activates when it was the last. */
async function finishTask(
  tx: Tx,
  input: {
    actor: ContractActor;
    taskId: string;
    contractId: string;
    status: "done" | "carried_over";
    note?: string | null;
    audit: "onboarding.task_done" | "onboarding.task_carried_over" | "onboarding.document_uploaded";
    after?: Record<string, unknown>;
    allSet: AllSetSlot;
  },
) {
  const locked = await lockContract(tx, input.contractId);
  if (!locked) throw new AppError("not_found", t("notFound.contract"));
  if (!RUNNING.includes(locked.status)) throw conflict(t("onboarding.refused.notRunning"));
  const who = input.actor.kind === "system" ? null : input.actor;
  const updated = await tx.onboardingTask.updateMany({
    where: { id: input.taskId, status: "open" },
    data: {
      status: input.status,
      doneAt: new Date(),
      doneById: who?.id ?? null,
      doneByName: who?.name ?? null,
      note: input.note ?? null,
    },
  });
  if (updated.count !== 1) {
    const row = await tx.onboardingTask.findUnique({
      where: { id: input.taskId },
      select: { doneByName: true },
    });
    throw done(row?.doneByName ?? null);
  }
  await recordAudit(tx, {
    actor: auditActorOf(input.actor),
    action: input.audit,
    entityType: "onboarding_task",
    entityId: input.taskId,
    before: { status: "open" },
    after: { status: input.status, contractId: input.contractId, ...(input.after ?? {}) },
    reason: input.note ?? null,
  });
  const activated = await activateIfComplete(tx, locked, input.allSet);
  return { activated };
}

/** The owner marks a task done (a document task is done by uploading its document). */
export async function completeOnboardingTask({
  actor,
  taskId,
}: {
  actor: StaffUser | AlumnusUser;
  taskId: string;
}) {
  const { task, contract } = await taskFor(actor, taskId);
  if (!ownsTasks(actor, task.owner, contract))
    throw new AppError("forbidden", t("onboarding.refused.notYours"));
  if (task.kind === "document") throw new AppError("validation", t("onboarding.refused.uploadInstead"));
  if (task.status !== "open") throw done(task.doneByName);
  return withAllSet(contract, taskId, (allSet) =>
    db.$transaction((tx) =>
      finishTask(tx, {
        actor,
        taskId,
        contractId: task.contractId,
        allSet,
        status: "done",
        audit: "onboarding.task_done",
      }),
    ),
  );
}

/** HR marks a step as already satisfied by the person's earlier employment, with a note. */
export async function carryOverOnboardingTask({
  actor,
  taskId,
  note,
}: {
  actor: StaffUser;
  taskId: string;
  note: string;
}) {
  const { task, contract } = await taskFor(actor, taskId);
  if (!can(actor, "manage:contract"))
    throw new AppError("forbidden", "Only HR can carry a step over from an earlier employment.");
  if (task.status !== "open") throw done(task.doneByName);
  return withAllSet(contract, taskId, (allSet) =>
    db.$transaction((tx) =>
      finishTask(tx, {
        actor,
        taskId,
        contractId: task.contractId,
        allSet,
        status: "carried_over",
        note,
        audit: "onboarding.task_carried_over",
      }),
    ),
  );
}

/**
 * The person uploads the document a task asks for: refused unless its first bytes say PDF,
 * PNG or JPEG and its name's extension agrees; kept in the database, never served inline.
 */
export async function uploadOnboardingDocument({
  alumnus,
  taskId,
  fileName,
  bytes,
}: {
  alumnus: AlumnusUser;
  taskId: string;
  fileName: string;
  bytes: Uint8Array;
}) {
  const { task, contract } = await taskFor(alumnus, taskId);
  if (!ownsTasks(alumnus, task.owner, contract) || task.kind !== "document")
    throw new AppError("forbidden", t("onboarding.refused.noDocumentAsked"));
  const sniffed = sniffDocument(bytes, fileName);
  if (!sniffed.ok)
    throw new AppError("validation", sniffed.message, { fieldErrors: { document: [sniffed.message] } });
  if (task.status !== "open") throw done(task.doneByName);
  const sha256 = sha256Bytes(bytes);
  const name = fileName.replace(/[^\p{L}\p{N}._ -]+/gu, "_").slice(-120) || "document";
  return withAllSet(contract, taskId, (allSet) =>
    db.$transaction(async (tx) => {
      const doc = await tx.onboardingDocument.create({
        data: {
          taskId,
          contractId: task.contractId,
          alumnusId: alumnus.id,
          fileName: name,
          mediaType: sniffed.mediaType,
          size: bytes.byteLength,
          sha256,
          bytes: Buffer.from(bytes),
        },
        select: { id: true },
      });
      const result = await finishTask(tx, {
        actor: alumnus,
        taskId,
        contractId: task.contractId,
        status: "done",
        allSet,
        audit: "onboarding.document_uploaded",
        after: { documentId: doc.id, mediaType: sniffed.mediaType, size: bytes.byteLength, sha256 },
      });
      return { ...result, documentId: doc.id };
    }),
  );
}

/** A document for the person who uploaded it or for HR; 404 for anyone else. Audited. */
export async function downloadOnboardingDocument({
  actor,
  documentId,
}: {
  actor: StaffUser | AlumnusUser;
  documentId: string;
}) {
  const doc = await db.onboardingDocument.findUnique({ where: { id: documentId } });
  const allowed =
    !!doc && (actor.kind === "alumnus" ? doc.alumnusId === actor.id : can(actor, "manage:contract"));
  if (!doc || !allowed) throw new AppError("not_found", t("onboarding.refused.noDocument"));
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: auditActorOf(actor),
      action: "onboarding.document_downloaded",
      entityType: "onboarding_document",
      entityId: doc.id,
      after: { sha256: doc.sha256, taskId: doc.taskId },
    }),
  );
  return doc;
}

/** The document as a download: private, never cached, never sniffed or shown inline. */
export function documentResponse(doc: Awaited<ReturnType<typeof downloadOnboardingDocument>>) {
  const ascii = doc.fileName.normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "_") || "document";
  return new Response(Buffer.from(doc.bytes), {
    headers: {
      "Content-Type": doc.mediaType,
      "Content-Length": String(doc.size),
      "Content-Disposition": `attachment; filename="${ascii}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
    },
  });
}

// ---------------------------------------------------------------------------------------------
// What each side sees
// ---------------------------------------------------------------------------------------------

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function tasksOf(contractId: string) {
  return db.onboardingTask.findMany({
    where: { contractId },
    orderBy: { position: "asc" },
    include: {
      documents: {
        select: { id: true, fileName: true, size: true, createdAt: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
}

function taskView(t: Awaited<ReturnType<typeof tasksOf>>[number], today: string, mine: boolean) {
  const due = t.dueOn.toISOString().slice(0, 10);
  return {
    id: t.id,
    title: t.title,
    owner: t.owner,
    kind: t.kind,
    required: t.required,
    dueOn: due,
    overdue: t.status === "open" && due < today,
    status: t.status,
    doneAt: iso(t.doneAt),
    doneBy: t.doneByName,
    note: t.note,
    mine,
    documents: t.documents.map((d) => ({
      id: d.id,
      fileName: d.fileName,
      size: d.size,
      at: d.createdAt.toISOString(),
    })),
  };
}

/** The onboarding section of the staff contract page (null before acceptance). */
export async function getStaffOnboarding({
  actor,
  contract,
  now = new Date(),
}: {
  actor: StaffUser;
  contract: LoadedContract;
  now?: Date;
}) {
  const tasks = await tasksOf(contract.id);
  if (tasks.length === 0) return null;
  const today = now.toISOString().slice(0, 10);
  const running = RUNNING.includes(contract.status);
  return {
    running,
    activatedAt: iso(contract.activatedAt),
    mayCarryOver: running && can(actor, "manage:contract"),
    mayReadDocuments: can(actor, "manage:contract"),
    tasks: tasks.map((t) => taskView(t, today, running && ownsTasks(actor, t.owner, contract))),
  };
}

/** The person's onboarding page in the portal: their steps, and what the others still do. */
export async function getPortalOnboarding({
  alumnus,
  contractId,
  now = new Date(),
}: {
  alumnus: AlumnusUser;
  contractId: string;
  now?: Date;
}) {
  const contract = await contractFor(alumnus, contractId);
  const tasks = await tasksOf(contractId);
  if (tasks.length === 0) throw new AppError("not_found", t("notFound.checklist"));
  const today = now.toISOString().slice(0, 10);
  const running = RUNNING.includes(contract.status);
  const views = tasks.map((t) => taskView(t, today, running && t.owner === "alumnus"));
  return {
    id: contract.id,
    role: contract.terms.role,
    startsOn: contract.terms.startsOn,
    status: contract.status,
    active: contract.status === "active",
    running,
    mine: views.filter((t) => t.owner === "alumnus"),
    others: views
      .filter((t) => t.owner !== "alumnus")
      .map(({ documents: _d, note: _n, doneBy: _b, ...t }) => t),
  };
}

// ---------------------------------------------------------------------------------------------
// The manager's own steps (home page and navigation)
// ---------------------------------------------------------------------------------------------

/** Open steps owned by this hiring manager, on contracts still onboarding. */
const managerTasksWhere = (actor: StaffUser) =>
  ({
    owner: "manager",
    status: "open",
    contract: { status: "onboarding", program: { hiringManagerId: actor.id } },
  }) satisfies Prisma.OnboardingTaskWhereInput;

/** How many onboarding steps wait for this manager (the navigation count). */
export async function countManagerOnboardingTasks(actor: StaffUser) {
  if (!can(actor, "approve:contract:team")) return 0;
  return db.onboardingTask.count({ where: managerTasksWhere(actor) });
}

/** The manager's open onboarding steps, soonest due first: the person, the step, its due day. */
export async function listManagerOnboardingTasks({
  actor,
  now = new Date(),
}: {
  actor: StaffUser;
  now?: Date;
}) {
  if (!can(actor, "approve:contract:team")) return [];
  const today = now.toISOString().slice(0, 10);
  const tasks = await db.onboardingTask.findMany({
    where: managerTasksWhere(actor),
    orderBy: [{ dueOn: "asc" }, { position: "asc" }],
    take: 50,
    select: {
      id: true,
      title: true,
      dueOn: true,
      contractId: true,
      contract: {
        select: { role: true, alumnus: { select: { firstName: true, lastName: true, preferredName: true } } },
      },
    },
  });
  return tasks.map((t) => {
    const due = t.dueOn.toISOString().slice(0, 10);
    const a = t.contract.alumnus;
    return {
      id: t.id,
      title: t.title,
      dueOn: due,
      overdue: due < today,
      person: `${a.preferredName || a.firstName} ${a.lastName}`,
      role: t.contract.role,
      to: `/staff/contracts/${t.contractId}#onboarding`,
    };
  });
}
