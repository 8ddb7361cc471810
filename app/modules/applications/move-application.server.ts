import { checkTone } from "~/modules/outreach/tone";
import { renderTemplate, type RenderedTemplate } from "~/modules/outreach/render-template.server";
import { actorOf, type AlumnusUser, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db, type Prisma } from "~/platform/db.server";
import { AppError, conflict, notFound } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { alumnusAddress, employerForEmail } from "./employer.server";
import { APPLICATION_STATUS_LABELS } from "./labels";
import { canTransition, findTransition, type ApplicationStatus, type PipelineRole } from "./pipeline";
import { staffPipelineRole } from "./pipeline-access.server";
import type { DeclineInput, OfferInput } from "./schemas";

/**
 * Every change of an application's status goes through here (ADR 042): the row is locked, the
 * version the person saw must still be current, the pipeline table must allow the move for the
 * actor's role, and the move, its note, any email and the audit event commit together. When two
 * people move the same application at once, exactly one wins; the other is told what happened.
 */

type Tx = Prisma.TransactionClient;
export type PipelineActor = StaffUser | AlumnusUser;

type Locked = {
  id: string;
  status: ApplicationStatus;
  version: number;
  alumnusId: string;
  programId: string;
  hiringManagerId: string;
};

async function lockApplication(tx: Tx, applicationId: string): Promise<Locked | null> {
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT a."id", a."status"::text AS "status", a."version", a."alumnusId", a."programId", p."hiringManagerId"
    FROM "Application" a JOIN "ReturnProgram" p ON p."id" = a."programId"
    WHERE a."id" = ${applicationId} FOR UPDATE OF a`;
  return rows[0] ?? null;
}

function roleOf(
  actor: PipelineActor,
  app: { alumnusId: string; hiringManagerId: string },
): PipelineRole | null {
  if (actor.kind === "alumnus") return actor.id === app.alumnusId ? "alumnus" : null;
  return staffPipelineRole(actor, app);
}

const MOVED_MESSAGE = (status: ApplicationStatus) =>
  `Someone else changed this application while you were looking at it: it is now “${APPLICATION_STATUS_LABELS[status]}”. Nothing was changed. Check the application as it is now, then decide again.`;

/** Checks a move against the locked row; throws the sentence the person should read. */
function assertMove(
  app: Locked | null,
  actor: PipelineActor,
  to: ApplicationStatus,
  expectedVersion: number | undefined,
): { app: Locked; role: PipelineRole } {
  const role = app ? roleOf(actor, app) : null;
  if (!app || !role) throw notFound("That application");
  if (expectedVersion !== undefined && app.version !== expectedVersion)
    throw conflict(MOVED_MESSAGE(app.status));
  if (!canTransition(role, app.status, to)) {
    const from = APPLICATION_STATUS_LABELS[app.status];
    if (app.status === to) throw conflict(`This application is already “${from}”.`);
    if (findTransition(app.status, to)) {
      throw new AppError(
        "forbidden",
        role === "manager"
          ? "Only HR can do that. Ask HR, or add a note for them."
          : "You cannot make this change to the application.",
      );
    }
    throw conflict(`An application that is “${from}” cannot be moved to “${APPLICATION_STATUS_LABELS[to]}”.`);
  }
  return { app, role };
}

/** The status change itself, its history row and its audit event (inside the caller's transaction). */
async function writeMove(
  tx: Tx,
  input: { actor: PipelineActor; app: Locked; to: ApplicationStatus; note?: string | null; bulk?: number },
) {
  const { actor, app, to } = input;
  const now = new Date();
  const updated = await tx.application.updateMany({
    where: { id: app.id, version: app.version, status: app.status },
    data: { status: to, statusChangedAt: now, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw conflict(MOVED_MESSAGE(app.status));
  const who = actorOf(actor);
  await tx.applicationNote.create({
    data: {
      applicationId: app.id,
      kind: "move",
      fromStatus: app.status,
      toStatus: to,
      body: input.note || null,
      authorType: who.type,
      authorId: "id" in who ? who.id : null,
      authorName: "name" in who ? who.name : null,
      authorRole: who.type === "staff" ? who.role : who.type,
    },
  });
  return { at: now, version: app.version + 1 };
}

async function audit(
  tx: Tx,
  input: {
    actor: PipelineActor;
    app: Locked;
    to: ApplicationStatus;
    action: "application.moved" | "application.declined" | "application.offer_made" | "application.withdrawn";
    note?: string | null;
    extra?: Record<string, unknown>;
    bulk?: number;
  },
) {
  await recordAudit(tx, {
    actor: actorOf(input.actor),
    action: input.action,
    entityType: "application",
    entityId: input.app.id,
    before: { status: input.app.status, version: input.app.version },
    after: {
      status: input.to,
      version: input.app.version + 1,
      programId: input.app.programId,
      alumnusId: input.app.alumnusId,
      ...(input.bulk ? { bulk: input.bulk } : {}),
      ...(input.extra ?? {}),
    },
    reason: input.note ?? null,
  });
}

/** A plain move (review, shortlist, back to review, withdraw): no email, no contract. */
export async function moveApplication({
  actor,
  applicationId,
  version,
  to,
  note,
}: {
  actor: PipelineActor;
  applicationId: string;
  version: number;
  to: ApplicationStatus;
  note?: string | null;
}) {
  if (to === "declined")
    throw new AppError("validation", "Use “Decline” to decline: the applicant is told why.");
  if (to === "offered") throw new AppError("validation", "Use “Make an offer” to make an offer.");
  if (to === "withdrawn") return withdrawApplication({ actor, applicationId, version, note });
  return db.$transaction(async (tx) => {
    const { app } = assertMove(await lockApplication(tx, applicationId), actor, to, version);
    const moved = await writeMove(tx, { actor, app, to, note });
    await audit(tx, { actor, app, to, action: "application.moved", note });
    return { status: to, version: moved.version };
  });
}

/** The person (or HR for them) withdraws; an offer's contract is withdrawn with it. */
export async function withdrawApplication({
  actor,
  applicationId,
  version,
  note,
}: {
  actor: PipelineActor;
  applicationId: string;
  version?: number;
  note?: string | null;
}) {
  return db.$transaction(async (tx) => {
    const { app } = assertMove(await lockApplication(tx, applicationId), actor, "withdrawn", version);
    const moved = await writeMove(tx, { actor, app, to: "withdrawn", note });
    const contract = await settleContract(tx, app.id, "withdrawn");
    await audit(tx, {
      actor,
      app,
      to: "withdrawn",
      action: "application.withdrawn",
      note,
      extra: contract ? { contractId: contract.id, contractStatus: "withdrawn" } : undefined,
    });
    return { status: "withdrawn" as const, version: moved.version };
  });
}

/** Contract states an application's decline or withdrawal may still end. */
const OPEN_CONTRACT_STATUSES = [
  "draft",
  "pending_approval",
  "changes_requested",
  "approved",
  "offered",
] as const;

const CLOSED_CONTRACT_STATUSES = ["rejected", "cancelled", "expired", "withdrawn"] as const;

async function settleContract(tx: Tx, applicationId: string, status: "withdrawn" | "cancelled") {
  const contract = await tx.gigContract.findUnique({
    where: { applicationId },
    select: { id: true, status: true },
  });
  if (!contract) return null;
  // A contract that already ended its course (rejected, cancelled, expired, withdrawn) stays as it is.
  if ((CLOSED_CONTRACT_STATUSES as readonly string[]).includes(contract.status)) return null;
  if (!(OPEN_CONTRACT_STATUSES as readonly string[]).includes(contract.status)) {
    throw conflict(
      "The contract for this application has already been accepted, so the application cannot change here. Use the contract's page.",
    );
  }
  await tx.gigContract.update({
    where: { id: contract.id },
    data: { status, version: { increment: 1 } },
  });
  return contract;
}

type DeclineTarget = {
  id: string;
  firstName: string;
  preferredName: string | null;
  address: string | null;
  programTitle: string;
};

async function declineEmail(
  target: DeclineTarget,
  input: { reason: string; whatCouldChange: string; note: string | null },
  actor: StaffUser,
  companyName: string,
) {
  return renderTemplate("application-decline", {
    firstName: target.preferredName || target.firstName,
    companyName,
    opportunityTitle: target.programTitle,
    reason: input.reason,
    whatCouldChange: input.whatCouldChange,
    contact: { name: actor.name, role: actor.roleLabel, email: actor.email },
    note: input.note ?? undefined,
  });
}

/** The tone check on the decline as the applicant will read it; errors block, next to their field. */
function assertKindDecline(
  email: RenderedTemplate,
  input: { reason: string; whatCouldChange: string; note: string | null },
) {
  const report = checkTone({
    kind: "decline",
    purpose: "transactional",
    subject: email.subject,
    text: email.text,
    note: input.note,
  });
  if (report.ok) return;
  const fieldErrors: Record<string, string[]> = {};
  for (const finding of report.findings.filter((f) => f.severity === "error")) {
    const field =
      finding.source === "note"
        ? "note"
        : finding.match && input.reason.includes(finding.match)
          ? "reason"
          : finding.match && input.whatCouldChange.includes(finding.match)
            ? "whatCouldChange"
            : "_form";
    (fieldErrors[field] ??= []).push(`${finding.message} ${finding.suggestion}`.trim());
  }
  throw new AppError(
    "validation",
    "The decline email would not read kindly yet. Change the words shown, then decline again.",
    { fieldErrors },
  );
}

async function declineTargets(ids: string[]): Promise<DeclineTarget[]> {
  const rows = await db.application.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      program: { select: { title: true } },
      alumnus: { select: { firstName: true, preferredName: true, personalEmail: true, workEmail: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    firstName: r.alumnus.firstName,
    preferredName: r.alumnus.preferredName,
    address: alumnusAddress(r.alumnus),
    programTitle: r.program.title,
  }));
}

/**
 * Declines one application (or takes back an offer) and queues the kind decline email through
 * the outbox in the same transaction: once per decline, since a second decline of the same
 * application is refused by the pipeline.
 */
export async function declineApplication({
  actor,
  applicationId,
  input,
}: {
  actor: StaffUser;
  applicationId: string;
  input: DeclineInput;
}) {
  const [target] = await declineTargets([applicationId]);
  if (!target) throw notFound("That application");
  const employer = await employerForEmail();
  const email = await declineEmail(target, input, actor, employer.companyName);
  assertKindDecline(email, input);
  return db.$transaction(async (tx) => {
    const { app } = assertMove(await lockApplication(tx, applicationId), actor, "declined", input.version);
    const moved = await writeMove(tx, { actor, app, to: "declined", note: input.reason });
    const contract = app.status === "offered" ? await settleContract(tx, app.id, "cancelled") : null;
    const queued = target.address
      ? await queueEmail(tx, {
          template: email.template,
          purpose: email.purpose,
          to: { address: target.address, name: target.preferredName || target.firstName },
          alumnusId: app.alumnusId,
          email,
          from: employer.from,
        })
      : null;
    await audit(tx, {
      actor,
      app,
      to: "declined",
      action: "application.declined",
      note: input.reason,
      extra: {
        emailQueued: !!queued,
        ...(contract ? { contractId: contract.id, contractStatus: "cancelled" } : {}),
      },
    });
    return { status: "declined" as const, version: moved.version, emailed: !!queued };
  });
}

/**
 * Moves several applications at once with one note (review, shortlist, decline). Each is checked
 * on its own; those that cannot move (moved meanwhile, not the actor's, a final status) are
 * listed and left as they are. Declines queue one email each.
 */
export async function moveApplications({
  actor,
  applicationIds,
  to,
  note,
  decline,
}: {
  actor: StaffUser;
  applicationIds: string[];
  to: "in_review" | "shortlisted" | "declined";
  note?: string | null;
  decline?: { reason: string; whatCouldChange: string };
}) {
  const ids = [...new Set(applicationIds)];
  const employer = await employerForEmail();
  const emails = new Map<string, { email: RenderedTemplate; target: DeclineTarget }>();
  if (to === "declined") {
    if (!decline)
      throw new AppError("validation", "Say why, and what could change it: each applicant reads it.");
    const declineInput = { ...decline, note: note ?? null };
    const targets = await declineTargets(ids);
    for (const target of targets) {
      const email = await declineEmail(target, declineInput, actor, employer.companyName);
      if (emails.size === 0) assertKindDecline(email, declineInput);
      emails.set(target.id, { email, target });
    }
  }
  return db.$transaction(async (tx) => {
    const moved: string[] = [];
    const skipped: { id: string; reason: string }[] = [];
    for (const id of ids) {
      const locked = await lockApplication(tx, id);
      let checked: Locked;
      try {
        checked = assertMove(locked, actor, to, undefined).app;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        skipped.push({ id, reason: error.message });
        continue;
      }
      await writeMove(tx, {
        actor,
        app: checked,
        to,
        note: to === "declined" ? decline?.reason : note,
        bulk: ids.length,
      });
      let emailQueued = false;
      const pending = emails.get(id);
      if (pending?.target.address) {
        await queueEmail(tx, {
          template: pending.email.template,
          purpose: pending.email.purpose,
          to: {
            address: pending.target.address,
            name: pending.target.preferredName || pending.target.firstName,
          },
          alumnusId: checked.alumnusId,
          email: pending.email,
          from: employer.from,
        });
        emailQueued = true;
      }
      await audit(tx, {
        actor,
        app: checked,
        to,
        action: to === "declined" ? "application.declined" : "application.moved",
        note: to === "declined" ? decline?.reason : note,
        bulk: ids.length,
        extra: to === "declined" ? { emailQueued } : undefined,
      });
      moved.push(id);
    }
    return { moved, skipped };
  });
}

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
    await audit(tx, {
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

/**
 * For the contracts module: the person accepted the contract, so the application is hired.
 * Runs inside the contract's own transaction (`tx`), so both change together.
 */
export async function markApplicationHired({
  tx,
  applicationId,
  contractId,
}: {
  tx: Tx;
  applicationId: string;
  contractId: string;
}) {
  const app = await lockApplication(tx, applicationId);
  if (!app) throw notFound("That application");
  if (!canTransition("contract", app.status, "hired")) {
    throw conflict(
      `The application is “${APPLICATION_STATUS_LABELS[app.status]}”, so accepting its contract cannot make it hired.`,
    );
  }
  const system = { type: "system", name: "Contract acceptance" } as const;
  const now = new Date();
  await tx.application.update({
    where: { id: app.id },
    data: { status: "hired", statusChangedAt: now, version: { increment: 1 } },
  });
  await tx.applicationNote.create({
    data: {
      applicationId: app.id,
      kind: "move",
      fromStatus: app.status,
      toStatus: "hired",
      body: null,
      authorType: "system",
      authorName: system.name,
    },
  });
  await recordAudit(tx, {
    actor: system,
    action: "application.hired",
    entityType: "application",
    entityId: app.id,
    before: { status: app.status, version: app.version },
    after: { status: "hired", version: app.version + 1, contractId },
  });
}

/**
 * The person declined the offer in the portal (contracts module, inside its transaction): the
 * application leaves "offered" as withdrawn, by them. An application that already left
 * "offered" (HR took the offer back meanwhile) stays as it is.
 */
export async function markApplicationWithdrawn({
  tx,
  applicationId,
  contractId,
  actor,
}: {
  tx: Tx;
  applicationId: string;
  contractId: string;
  actor: PipelineActor;
}) {
  const app = await lockApplication(tx, applicationId);
  if (!app) throw notFound("That application");
  if (app.status !== "offered") return false;
  assertMove(app, actor, "withdrawn", undefined);
  await writeMove(tx, { actor, app, to: "withdrawn", note: "Declined the offered contract." });
  await audit(tx, {
    actor,
    app,
    to: "withdrawn",
    action: "application.withdrawn",
    extra: { contractId, contractStatus: "withdrawn" },
  });
  return true;
}
