import type { EmailBrand } from "#emails/components/brand";
import { checkTone } from "~/modules/outreach/tone";
import { renderTemplate, type RenderedTemplate } from "~/modules/outreach/render-template.server";
import { actorOf, type AlumnusUser, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db, type Prisma } from "~/platform/db.server";
import { AppError, conflict, notFound } from "~/platform/errors";
import { alumnusAddress } from "./employer.server";
import { APPLICATION_STATUS_LABELS } from "./labels";
import { canTransition, findTransition, type ApplicationStatus, type PipelineRole } from "./pipeline";
import { staffPipelineRole } from "./pipeline-access.server";

/**
 * Every change of an application's status goes through here (ADR 042): the row is locked, the
 * version the person saw must still be current, the pipeline table must allow the move for the
 * actor's role, and the move, its note, any email and the audit event commit together. When two
 * people move the same application at once, exactly one wins; the other is told what happened.
 * Each move is its own module (`move-application`, `withdraw-application`, `decline-application`,
 * `move-applications`, `make-offer`, `mark-application-hired`, `mark-application-withdrawn`);
 * these are the steps they share.
 */
export type Tx = Prisma.TransactionClient;
export type PipelineActor = StaffUser | AlumnusUser;

export type Locked = {
  id: string;
  status: ApplicationStatus;
  version: number;
  alumnusId: string;
  programId: string;
  hiringManagerId: string;
};

export async function lockApplication(tx: Tx, applicationId: string): Promise<Locked | null> {
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
export function assertMove(
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
export async function writeMove(
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

export async function auditMove(
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

/** Contract states an application's decline or withdrawal may still end. */
const OPEN_CONTRACT_STATUSES = [
  "draft",
  "pending_approval",
  "changes_requested",
  "approved",
  "offered",
] as const;

const CLOSED_CONTRACT_STATUSES = ["rejected", "cancelled", "expired", "withdrawn"] as const;

export async function settleContract(tx: Tx, applicationId: string, status: "withdrawn" | "cancelled") {
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

export type DeclineTarget = {
  id: string;
  firstName: string;
  preferredName: string | null;
  address: string | null;
  programTitle: string;
};

export async function declineEmail(
  target: DeclineTarget,
  input: { reason: string; whatCouldChange: string; note: string | null },
  actor: StaffUser,
  employer: { companyName: string; brand: EmailBrand },
) {
  return renderTemplate(
    "application-decline",
    {
      firstName: target.preferredName || target.firstName,
      companyName: employer.companyName,
      opportunityTitle: target.programTitle,
      reason: input.reason,
      whatCouldChange: input.whatCouldChange,
      contact: { name: actor.name, role: actor.roleLabel, email: actor.email },
      note: input.note ?? undefined,
    },
    { brand: employer.brand },
  );
}

/** The tone check on the decline as the applicant will read it; errors block, next to their field. */
export function assertKindDecline(
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

export async function declineTargets(ids: string[]): Promise<DeclineTarget[]> {
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
