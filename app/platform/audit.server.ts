import { createHash } from "node:crypto";
import type { Db } from "./db.server";
import { afterCommit, Prisma } from "./db.server";
import { requestContext } from "./request-context.server";

/**
 * The audit writer. Every state-changing domain function calls `recordAudit(tx, ...)` inside the
 * same transaction as its change, so a change and its event commit or vanish together.
 * Events are hash-chained (ADR 006): each row stores its place in the chain, the previous row's
 * hash and its own hash over its content; `npm run audit:verify` recomputes the chain. The writer
 * only inserts the event; the chain linker (audit-chain.server.ts) links committed events into the
 * chain right after their transaction commits, one linker at a time (ADR 084), so transactions
 * that write events run in parallel instead of waiting for each other.
 */

/** The typed event list. Add an action here before using it. */
export const AUDIT_ACTIONS = [
  // identity
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.sign_out_everywhere",
  "auth.locked_out",
  "auth.access_denied",
  "auth.password_reset_requested",
  "auth.sign_in_link_requested",
  "auth.password_reset",
  "auth.password_changed",
  "staff.invited",
  "staff.invitation_resent",
  "staff.invitation_accepted",
  "staff.password_reset_sent",
  "staff.role_changed",
  "staff.team_changed",
  "staff.time_zone_changed",
  "staff.deactivated",
  "staff.reactivated",
  "team.created",
  // alumni
  "alumnus.created",
  "alumnus.updated",
  "alumnus.restricted_updated",
  "alumnus.tagged",
  "alumnus.note_added",
  "alumnus.linked_to_decision",
  "alumnus.invited_to_program",
  "alumni.exported",
  "import.uploaded",
  "import.committed",
  "import.failed",
  "import.cancelled",
  "import.error_report_downloaded",
  "import_mapping.saved",
  "decision.created",
  "decision.updated",
  "segment.saved",
  "segment.deleted",
  // eligibility
  "policy.draft_saved",
  "policy.published",
  "verdict.overridden",
  "verdict.review_decided",
  "verdict.input_requested",
  "verdict.input_given",
  "verdicts.recomputed",
  "policy.draft_discarded",
  "verdict.override_cleared",
  // outreach
  "campaign.created",
  "campaign.updated",
  "campaign.launched",
  "campaign.paused",
  "campaign.resumed",
  "campaign.cancelled",
  "campaign.tone_overridden",
  "campaign.completed",
  "outbox.retried",
  "alumnus.unsubscribed",
  "alumnus.preferences_updated",
  // return programs and applications
  "program.created",
  "program.updated",
  "program.status_changed",
  "application.submitted",
  "application.moved",
  "application.declined",
  "application.withdrawn",
  "application.offer_made",
  "application.hired",
  "application.note_added",
  // alumni portal
  "branding.updated",
  "branding.logo_changed",
  "portal.welcome_updated",
  // the person's own changes and data rights (alumni portal)
  "alumnus.profile_updated",
  "alumnus.data_exported",
  "eligibility.review_requested",
  "eligibility.review_answered",
  "erasure.requested",
  "erasure.refused",
  "erasure.completed",
  // gig contracts
  "contract.terms_changed",
  "contract.submitted",
  "contract.approved",
  "contract.changes_requested",
  "contract.rejected",
  "contract.offered",
  "contract.accepted",
  "contract.declined",
  "contract.withdrawn",
  "contract.cancelled",
  "contract.expired",
  "contract.onboarding_started",
  "contract.activated",
  "contract.ended",
  "contract.pdf_downloaded",
  "contract_template.saved",
  "contract_template.published",
  "contract_settings.updated",
  // onboarding
  "onboarding.task_done",
  "onboarding.task_carried_over",
  "onboarding.document_uploaded",
  "onboarding.document_downloaded",
  "onboarding_checklist.saved",
  // invitation answers
  "invitation.answered",
  "invitation.answer_handled",
  "invitation.answer_link_sent",
  // refusals (429, cross-site 403, permission 403), one event per actor or address and minute
  "refusal.rate_limited",
  "refusal.cross_site",
  "refusal.forbidden",
  // system
  "system.seeded",
  // reports
  "report.exported",
  // audit itself
  "audit.exported",
  "audit.redacted",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActor =
  | { type: "staff"; id: string; name: string; role: string }
  | { type: "alumnus"; id: string; name: string }
  | { type: "system"; name: string }
  | { type: "anonymous" };

export type AuditInput = {
  actor: AuditActor;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
};

/** Bumped when the meaning of `before`/`after` payloads changes. */
export const AUDIT_PAYLOAD_VERSION = 1;
export const GENESIS_HASH = "0".repeat(64);

export type HashedFields = {
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
  userAgent: string | null;
  correlationId: string | null;
  payloadVersion: number;
  prevHash: string;
};

/** JSON with sorted keys, so the hash does not depend on key order (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

export function hashAuditEvent(fields: HashedFields): string {
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}

/** The hashed fields of a stored event, as they read back from the database. */
export function hashedFieldsOf(
  row: Omit<HashedFields, "prevHash"> & { prevHash: string | null },
): HashedFields {
  return {
    occurredAt: row.occurredAt,
    actorType: row.actorType,
    actorId: row.actorId,
    actorName: row.actorName,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    reason: row.reason,
    ip: row.ip,
    userAgent: row.userAgent,
    correlationId: row.correlationId,
    payloadVersion: row.payloadVersion,
    prevHash: row.prevHash ?? "",
  };
}

/** Dates and other values as they will read back from jsonb. */
function toJson(value: Record<string, unknown> | null | undefined): Prisma.InputJsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

export function actorFields(actor: AuditActor) {
  switch (actor.type) {
    case "staff":
      return { actorType: "staff", actorId: actor.id, actorName: actor.name, actorRole: actor.role };
    case "alumnus":
      return { actorType: "alumnus", actorId: actor.id, actorName: actor.name, actorRole: "alumnus" };
    case "system":
      return { actorType: "system", actorId: null, actorName: actor.name, actorRole: null };
    default:
      return { actorType: "anonymous", actorId: null, actorName: null, actorRole: null };
  }
}

/** Only the fields that differ, for before/after snapshots of an update. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

/**
 * The chain linker running in this process, if any (audit-chain.server.ts starts it). On
 * globalThis, so the server's and the bundle's copies of this module reach the same one.
 */
type RunningLinker = { request(): void };
const linkerSlot = globalThis as unknown as { __comebackAuditLinker?: RunningLinker };

export function setAuditLinker(linker: RunningLinker) {
  linkerSlot.__comebackAuditLinker = linker;
}

export function clearAuditLinker(linker: RunningLinker) {
  if (linkerSlot.__comebackAuditLinker === linker) linkerSlot.__comebackAuditLinker = undefined;
}

/** Asks this process's linker, if it runs, to link what has committed. Cheap; safe to call often. */
export function requestAuditLink() {
  linkerSlot.__comebackAuditLinker?.request();
}

/**
 * Writes one audit event inside the caller's transaction. Returns its id. The event is linked into
 * the hash chain after the transaction commits (ADR 084): nothing here waits for other writers.
 */
export async function recordAudit(tx: Db, input: AuditInput): Promise<bigint> {
  const { before, after, ...fields } = auditEventData(input);
  const row = await tx.auditEvent.create({
    data: {
      ...fields,
      before: before === undefined ? Prisma.DbNull : before,
      after: after === undefined ? Prisma.DbNull : after,
    },
    select: { id: true },
  });
  afterCommit(tx, requestAuditLink);
  return row.id;
}

/**
 * The columns of an audit event as written (before it is linked into the chain): the actor, the
 * request's address, browser and correlation id, and the payloads as plain JSON. Callers that
 * write the event inside a larger statement use it too, then call `afterCommit(client,
 * requestAuditLink)` themselves.
 */
export function auditEventData(input: AuditInput) {
  const context = requestContext();
  return {
    occurredAt: new Date(),
    ...actorFields(input.actor),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: toJson(input.before),
    after: toJson(input.after),
    reason: input.reason ?? null,
    ip: context?.ip?.slice(0, 64) ?? null,
    userAgent: context?.userAgent?.slice(0, 300) ?? null,
    correlationId: context?.correlationId ?? null,
    payloadVersion: AUDIT_PAYLOAD_VERSION,
  };
}
