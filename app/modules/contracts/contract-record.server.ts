import { alumnusAddress } from "~/modules/applications/employer.server";
import { getBranding } from "~/modules/portal/get-branding.server";
import type { AlumnusUser, StaffUser } from "~/platform/auth.server";
import { actorOf } from "~/platform/auth.server";
import { auditEventData, recordAudit, requestAuditLink, type AuditAction } from "~/platform/audit.server";
import { sha256 } from "~/platform/crypto.server";
import { afterCommit, db, Prisma, type Db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { AppError, conflict, notFound } from "~/platform/errors";
import { can } from "~/platform/permissions";
import {
  approvalLines,
  requiredApprovals,
  type ApprovalLine,
  type ApproverFacts,
  type RuleSettings,
} from "./approval-rules";
import {
  canAct,
  findMove,
  type ContractAction,
  type ContractRole,
  type ContractStatus,
} from "./contract-machine";
import { renderContractText, type ContractTerms } from "./contract-text";
import { CONTRACT_ACTION_PAST, CONTRACT_STATUS_LABELS } from "./labels";

/**
 * The contract as the rules see it, and the plumbing every contract change shares (ADR 045):
 * who the actor is to this contract, the row lock and version check, the history row and the
 * audit event. Record-level access lives here: a manager only ever reaches contracts of the
 * programs they hire for; anyone else answers 404, as if the contract did not exist.
 */

type Tx = Prisma.TransactionClient;
export type ContractActor = StaffUser | AlumnusUser | { kind: "system"; name: string };

export const DEFAULT_SETTINGS = { hoursLimitPerWeek: 30, approvalReminderDays: 2, offerValidDays: 14 };

export async function contractSettings(client: Db = db) {
  const row = await client.contractSettings.findUnique({ where: { id: 1 } });
  return row ?? { id: 1, ...DEFAULT_SETTINGS, updatedById: null, updatedAt: new Date(0) };
}

/** The related rows a loaded contract carries (read by `loadContract` in one statement). */
type ContractInclude = {
  program: {
    select: {
      id: true;
      title: true;
      rateMin: true;
      rateMax: true;
      currency: true;
      hiringManagerId: true;
      hiringManager: { select: { id: true; name: true; email: true; status: true } };
      phaseId: true;
      decisionId: true;
      checklistTemplateId: true;
    };
  };
  alumnus: {
    select: {
      id: true;
      firstName: true;
      lastName: true;
      preferredName: true;
      personalEmail: true;
      workEmail: true;
    };
  };
  templateVersion: { select: { id: true; version: true; body: true; template: { select: { name: true } } } };
};

export type ContractRow = Prisma.GigContractGetPayload<{ include: ContractInclude }>;

export type LoadedContract = ContractRow & {
  terms: ContractTerms;
  lines: ApprovalLine[];
  creator: { id: string; name: string; email: string; status: string } | null;
  settings: RuleSettings & { approvalReminderDays: number; offerValidDays: number };
};

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function termsOf(c: {
  role: string;
  hourlyRate: { toFixed(n: number): string } | string;
  currency: string;
  minHoursPerWeek: number | null;
  maxHoursPerWeek: number | null;
  startsOn: Date | null;
  endsOn: Date | null;
  noticeDays: number | null;
  remote: boolean;
  place: string | null;
  equipmentStipend: { toFixed(n: number): string } | string | null;
}): ContractTerms {
  const amount = (v: { toFixed(n: number): string } | string) => (typeof v === "string" ? v : v.toFixed(2));
  return {
    role: c.role,
    hourlyRate: amount(c.hourlyRate),
    currency: c.currency,
    minHoursPerWeek: c.minHoursPerWeek,
    maxHoursPerWeek: c.maxHoursPerWeek,
    startsOn: iso(c.startsOn),
    endsOn: iso(c.endsOn),
    noticeDays: c.noticeDays,
    remote: c.remote,
    place: c.remote ? null : c.place,
    equipmentStipend: c.equipmentStipend === null ? null : amount(c.equipmentStipend),
  };
}

type Person = { id: string; name: string; email: string; status: string };

type ContractReadRow = Omit<ContractRow, "program" | "alumnus" | "templateVersion"> & {
  __program: Omit<ContractRow["program"], "rateMin" | "rateMax"> & { rateMin: string; rateMax: string };
  __alumnus: ContractRow["alumnus"];
  __templateVersion: ContractRow["templateVersion"];
  __creator: Person | null;
  __approvals: { capacity: string; approverId: string; approverName: string; createdAt: string }[];
  __settings: { hoursLimitPerWeek: number; approvalReminderDays: number; offerValidDays: number } | null;
};

/**
 * The contract's columns as this version knows them, named rather than `c.*`: a prepared statement
 * (ADR 093) selecting `*` fails once a newer version's migration adds a column.
 */
const CONTRACT_COLUMNS = Prisma.raw(
  Object.values(Prisma.GigContractScalarFieldEnum)
    .map((column) => `c."${column}"`)
    .join(", "),
);

/**
 * Everything a decision on the contract reads, with the approvals of the current terms version:
 * the contract, its program (and hiring manager), the person, the template version, the draft's
 * author, the approvals and the contract settings, in one statement (every decision and every
 * contract page reads it first).
 */
export async function loadContract(contractId: string, client: Db = db): Promise<LoadedContract | null> {
  const rows = await client.$queryRaw<ContractReadRow[]>`
    SELECT ${CONTRACT_COLUMNS},
      json_build_object(
        'id', p."id", 'title', p."title", 'rateMin', p."rateMin"::text, 'rateMax', p."rateMax"::text,
        'currency', p."currency", 'hiringManagerId', p."hiringManagerId",
        'hiringManager', json_build_object('id', m."id", 'name', m."name", 'email', m."email", 'status', m."status"::text),
        'phaseId', p."phaseId", 'decisionId', p."decisionId", 'checklistTemplateId', p."checklistTemplateId"
      ) AS "__program",
      json_build_object(
        'id', a."id", 'firstName', a."firstName", 'lastName', a."lastName", 'preferredName', a."preferredName",
        'personalEmail', a."personalEmail", 'workEmail', a."workEmail"
      ) AS "__alumnus",
      (SELECT json_build_object('id', v."id", 'version', v."version", 'body', v."body", 'template', json_build_object('name', t."name"))
         FROM "ContractTemplateVersion" v JOIN "ContractTemplate" t ON t."id" = v."templateId"
         WHERE v."id" = c."templateVersionId") AS "__templateVersion",
      (SELECT json_build_object('id', u."id", 'name', u."name", 'email', u."email", 'status', u."status"::text)
         FROM "User" u WHERE u."id" = c."createdById") AS "__creator",
      COALESCE((SELECT json_agg(json_build_object('capacity', ca."capacity", 'approverId', ca."approverId",
           'approverName', ca."approverName", 'createdAt', ca."createdAt") ORDER BY ca."createdAt")
         FROM "ContractApproval" ca WHERE ca."contractId" = c."id" AND ca."termsVersion" = c."termsVersion"), '[]'::json) AS "__approvals",
      (SELECT json_build_object('hoursLimitPerWeek', st."hoursLimitPerWeek", 'approvalReminderDays', st."approvalReminderDays",
           'offerValidDays', st."offerValidDays")
         FROM "ContractSettings" st WHERE st."id" = 1) AS "__settings"
    FROM "GigContract" c
    JOIN "ReturnProgram" p ON p."id" = c."programId"
    JOIN "User" m ON m."id" = p."hiringManagerId"
    JOIN "Alumnus" a ON a."id" = c."alumnusId"
    WHERE c."id" = ${contractId}`;
  const row = rows[0];
  if (!row) return null;
  const { __program, __alumnus, __templateVersion, __creator, __approvals, __settings, ...scalars } = row;
  const contract: ContractRow = {
    ...scalars,
    program: {
      ...__program,
      rateMin: new Prisma.Decimal(__program.rateMin),
      rateMax: new Prisma.Decimal(__program.rateMax),
    },
    alumnus: __alumnus,
    templateVersion: __templateVersion,
  };
  const settings = __settings ?? DEFAULT_SETTINGS;
  const terms = termsOf(contract);
  const requirements = requiredApprovals(
    terms,
    {
      rateMin: contract.program.rateMin.toFixed(2),
      rateMax: contract.program.rateMax.toFixed(2),
      currency: contract.program.currency,
    },
    settings,
  );
  return {
    ...contract,
    terms,
    lines: approvalLines(requirements, __approvals),
    creator: __creator,
    settings,
  };
}

/** May this staff member see the contract at all? HR sees all; a manager their programs' contracts. */
export function staffSeesContract(actor: StaffUser, contract: { program: { hiringManagerId: string } }) {
  if (can(actor, "read:contract:any")) return true;
  return can(actor, "approve:contract:team") && contract.program.hiringManagerId === actor.id;
}

/** Where-clause for lists: the contracts this staff member may see. */
export function contractsVisibleTo(actor: StaffUser): Prisma.GigContractWhereInput {
  if (can(actor, "read:contract:any")) return {};
  if (can(actor, "approve:contract:team")) return { program: { hiringManagerId: actor.id } };
  return { id: "" };
}

export function approverFacts(actor: StaffUser, contract: LoadedContract): ApproverFacts {
  return {
    actorId: actor.id,
    approvesTeam: can(actor, "approve:contract:team"),
    approvesSecond: can(actor, "approve:contract:second"),
    hiringManagerId: contract.program.hiringManagerId,
    createdById: contract.createdById,
  };
}

/** The roles this actor plays on this contract (a staff member may hold several). */
export function rolesOn(actor: ContractActor, contract: LoadedContract): ContractRole[] {
  if (actor.kind === "system") return ["system"];
  if (actor.kind === "alumnus") return actor.id === contract.alumnusId ? ["alumnus"] : [];
  const roles: ContractRole[] = [];
  if (can(actor, "manage:contract")) roles.push("hr");
  if (can(actor, "approve:contract:team") && contract.program.hiringManagerId === actor.id)
    roles.push("manager");
  if (can(actor, "approve:contract:second")) roles.push("hr_lead");
  return roles;
}

/** Loads the contract for an actor, or 404 when it does not exist or is not theirs to see. */
export async function contractFor(actor: ContractActor, contractId: string): Promise<LoadedContract> {
  const contract = await loadContract(contractId);
  if (!contract) throw notFound("That contract");
  if (actor.kind === "staff" && !staffSeesContract(actor, contract)) throw notFound("That contract");
  if (actor.kind === "alumnus" && (actor.id !== contract.alumnusId || contract.status === "draft"))
    throw notFound("That contract");
  return contract;
}

export function personName(a: { firstName: string; lastName: string; preferredName: string | null }) {
  return `${a.preferredName || a.firstName} ${a.lastName}`;
}

export function legalName(a: { firstName: string; lastName: string }) {
  return `${a.firstName} ${a.lastName}`;
}

export function alumnusEmail(contract: LoadedContract) {
  return alumnusAddress(contract.alumnus);
}

export const staffContractUrl = (id: string) => `${env().appUrl}/staff/contracts/${id}`;
export const portalContractUrl = (id: string) => `${env().appUrl}/portal/contracts/${id}`;

/** The text the alumnus will read, from the template version and the terms, with its SHA-256. */
export async function renderTerms(
  client: Db,
  input: {
    terms: ContractTerms;
    templateVersionId: string | null;
    alumnus: LoadedContract["alumnus"];
    programTitle: string;
  },
) {
  const version = input.templateVersionId
    ? await client.contractTemplateVersion.findUnique({ where: { id: input.templateVersionId } })
    : await currentDefaultVersion(client);
  if (!version)
    throw new AppError("conflict", "No published contract template exists yet. Publish one first.");
  const text = renderContractText(version.body, input.terms, {
    employer: (await getBranding({ tx: client })).companyName,
    person: legalName(input.alumnus),
    program: input.programTitle,
  });
  return { text, hash: sha256(text), templateVersionId: version.id };
}

/** The latest published version of the default template (or of any template, if none is marked). */
export async function currentDefaultVersion(client: Db) {
  return client.contractTemplateVersion.findFirst({
    where: { status: "published" },
    orderBy: [{ template: { isDefault: "desc" } }, { version: "desc" }, { publishedAt: "desc" }],
  });
}

// ---------------------------------------------------------------------------------------------
// Moves
// ---------------------------------------------------------------------------------------------

export type Locked = { id: string; status: ContractStatus; version: number; termsVersion: number };

export async function lockContract(tx: Tx, contractId: string): Promise<Locked | null> {
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT "id", "status"::text AS "status", "version", "termsVersion"
    FROM "GigContract" WHERE "id" = ${contractId} FOR UPDATE`;
  return rows[0] ?? null;
}

/** The sentence the person who lost a race reads: who did what, and that nothing of theirs was saved. */
export async function movedMessage(client: Db, contractId: string, status: ContractStatus) {
  const last = await client.contractNote.findFirst({
    where: { contractId },
    orderBy: { createdAt: "desc" },
    select: { action: true, authorName: true },
  });
  const what =
    last && last.authorName
      ? `${last.authorName} ${CONTRACT_ACTION_PAST[last.action as ContractAction] ?? "changed it"} a moment ago`
      : "someone else changed it";
  return `This contract changed while you were looking at it: ${what}, and it is now “${CONTRACT_STATUS_LABELS[status]}”. Nothing of yours was saved. Look at the contract as it is now, then decide again.`;
}

/** Refuses a stale version (409 with what happened) and a move the table does not allow. */
export async function assertCurrent(
  client: Db,
  contract: { id: string; status: ContractStatus; version: number },
  version: number,
) {
  if (contract.version !== version) throw conflict(await movedMessage(client, contract.id, contract.status));
}

export function assertAllowed(roles: ContractRole[], action: ContractAction, status: ContractStatus) {
  if (roles.some((role) => canAct(role, action, status))) return;
  const move = findMove(action);
  const label = CONTRACT_STATUS_LABELS[status];
  if (!move.from.includes(status))
    throw conflict(`A contract that is “${label}” cannot be changed that way (${move.label.toLowerCase()}).`);
  throw new AppError("forbidden", "You cannot do that on this contract.");
}

export type WriteMoveInput = {
  actor: ContractActor;
  locked: Locked;
  action: ContractAction;
  to: ContractStatus;
  note?: string | null;
  data?: Prisma.GigContractUncheckedUpdateManyInput;
  /** The terms version the history row is about (after a change of terms, the new one). */
  termsVersion?: number;
};

function authorOf(actor: ContractActor) {
  if (actor.kind === "system")
    return { authorType: "system", authorId: null, authorName: actor.name, authorRole: null };
  const who = actorOf(actor);
  return {
    authorType: who.type,
    authorId: "id" in who ? who.id : null,
    authorName: "name" in who ? who.name : null,
    authorRole: who.type === "staff" ? who.role : "alumnus",
  };
}

export function auditActorOf(actor: ContractActor) {
  return actor.kind === "system" ? ({ type: "system", name: actor.name } as const) : actorOf(actor);
}

/** The status change (compare-and-set on the version), its history row. Returns the new version. */
export async function writeMove(tx: Tx, input: WriteMoveInput) {
  const { locked } = input;
  const now = new Date();
  const statusChanged = input.to !== locked.status;
  const updated = await tx.gigContract.updateMany({
    where: { id: locked.id, version: locked.version, status: locked.status },
    data: {
      ...(input.data ?? {}),
      status: input.to,
      ...(statusChanged ? { statusChangedAt: now } : {}),
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) await refuseMovedMeanwhile(tx, locked.id);
  await tx.contractNote.create({
    data: {
      contractId: locked.id,
      action: input.action,
      fromStatus: locked.status,
      toStatus: input.to,
      termsVersion: input.termsVersion ?? locked.termsVersion,
      body: input.note || null,
      ...authorOf(input.actor),
    },
  });
  return { version: locked.version + 1, at: now };
}

/** Someone else moved the contract first (the compare-and-set found another version): say what it is now. */
async function refuseMovedMeanwhile(client: Db, contractId: string): Promise<never> {
  const now = await client.gigContract.findUnique({ where: { id: contractId }, select: { status: true } });
  if (!now) throw notFound("That contract");
  throw conflict(await movedMessage(client, contractId, now.status));
}

/**
 * An approver's decision in ONE statement (ADR 092): the compare-and-set on the version, the
 * history row, the approval row when it fills a capacity, and the audit event. A statement is
 * atomic on its own, so a decision that sends no email needs no transaction; one that does runs
 * this and the outbox row in one. Nothing is written when someone else moved the contract first.
 * Returns the new version.
 */
export async function writeDecision(
  client: Db,
  input: Omit<WriteMoveInput, "data" | "termsVersion"> & {
    approval: { capacity: string; approverId: string; approverName: string } | null;
    audit: { action: AuditAction; after: Record<string, unknown> };
  },
): Promise<number> {
  const { locked, actor } = input;
  const now = new Date();
  const note = input.note || null;
  const author = authorOf(actor);
  const event = auditEventData({
    actor: auditActorOf(actor),
    action: input.audit.action,
    entityType: "contract",
    entityId: locked.id,
    before: { status: locked.status, version: locked.version },
    after: { status: input.to, version: locked.version + 1, ...input.audit.after },
    reason: note,
  });
  const json = (value: Prisma.InputJsonValue | undefined) =>
    value === undefined ? null : JSON.stringify(value);
  const rows = await client.$queryRaw<{ moved: number }[]>`
    WITH moved AS (
      UPDATE "GigContract"
      SET "status" = ${input.to}::"ContractStatus", "version" = "version" + 1, "updatedAt" = ${now},
          "statusChangedAt" = CASE WHEN ${input.to !== locked.status} THEN ${now} ELSE "statusChangedAt" END
      WHERE "id" = ${locked.id} AND "version" = ${locked.version} AND "status" = ${locked.status}::"ContractStatus"
      RETURNING "id"
    ), history AS (
      INSERT INTO "ContractNote" ("id", "contractId", "action", "fromStatus", "toStatus", "termsVersion", "body",
        "authorType", "authorId", "authorName", "authorRole")
      SELECT gen_random_uuid()::text, "id", ${input.action}, ${locked.status}::"ContractStatus", ${input.to}::"ContractStatus",
        ${locked.termsVersion}, ${note}, ${author.authorType}, ${author.authorId}, ${author.authorName}, ${author.authorRole}
      FROM moved
    ), approval AS (
      INSERT INTO "ContractApproval" ("id", "contractId", "termsVersion", "capacity", "approverId", "approverName", "comment")
      SELECT gen_random_uuid()::text, "id", ${locked.termsVersion}, ${input.approval?.capacity ?? null},
        ${input.approval?.approverId ?? null}, ${input.approval?.approverName ?? null}, ${note}
      FROM moved WHERE ${input.approval !== null}
    ), audit AS (
      INSERT INTO "AuditEvent" ("occurredAt", "actorType", "actorId", "actorName", "actorRole", "action", "entityType",
        "entityId", "before", "after", "reason", "ip", "userAgent", "correlationId", "payloadVersion")
      SELECT ${event.occurredAt}, ${event.actorType}, ${event.actorId}, ${event.actorName}, ${event.actorRole},
        ${event.action}, ${event.entityType}, ${event.entityId}, ${json(event.before)}::jsonb, ${json(event.after)}::jsonb,
        ${event.reason}, ${event.ip}, ${event.userAgent}, ${event.correlationId}, ${event.payloadVersion}
      FROM moved
    )
    SELECT count(*)::int AS "moved" FROM moved`;
  if (rows[0]?.moved !== 1) await refuseMovedMeanwhile(client, locked.id);
  afterCommit(client, requestAuditLink);
  return locked.version + 1;
}

export async function auditMove(
  tx: Tx,
  input: {
    actor: ContractActor;
    action: AuditAction;
    locked: Locked;
    to: ContractStatus;
    note?: string | null;
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
  },
) {
  await recordAudit(tx, {
    actor: auditActorOf(input.actor),
    action: input.action,
    entityType: "contract",
    entityId: input.locked.id,
    before: { status: input.locked.status, version: input.locked.version, ...(input.before ?? {}) },
    after: { status: input.to, version: input.locked.version + 1, ...(input.after ?? {}) },
    reason: input.note ?? null,
  });
}

/** Active staff who hold a permission (HR leads for a second approval), except some people. */
export async function staffHolding(permission: string, except: (string | null)[] = []) {
  return db.user.findMany({
    where: {
      status: "active",
      role: { permissions: { some: { permissionKey: permission } } },
      id: { notIn: except.filter((v): v is string => !!v) },
    },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}
