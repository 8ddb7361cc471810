import { db } from "~/platform/db.server";
import { auditWhere, type AuditFilters } from "./audit-filters.server";

export const AUDIT_PAGE_SIZE = 50;

type Json = unknown;

/** before/after as rows of field, old value, new value (values as short readable text). */
export function diffRows(before: Json, after: Json) {
  const b = (before && typeof before === "object" && !Array.isArray(before) ? before : {}) as Record<
    string,
    unknown
  >;
  const a = (after && typeof after === "object" && !Array.isArray(after) ? after : {}) as Record<
    string,
    unknown
  >;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const show = (v: unknown) => (v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v));
  return fields.map((field) => ({
    field,
    before: show(b[field]),
    after: show(a[field]),
    hasBefore: field in b,
    hasAfter: field in a,
  }));
}

/**
 * One page of the audit trail, newest first, paged by event id (keyset: stable while new events
 * arrive, and as fast on page 1,000 as on page 1).
 */
export async function listAuditEvents({
  filters,
  pageSize = AUDIT_PAGE_SIZE,
}: {
  filters: AuditFilters;
  pageSize?: number;
}) {
  const where = auditWhere(filters);
  const before = filters.before ? BigInt(filters.before) : undefined;
  const after = !before && filters.after ? BigInt(filters.after) : undefined;
  let rows;
  let hasOlder: boolean;
  let hasNewer: boolean;
  if (after !== undefined) {
    rows = await db.auditEvent.findMany({
      where: { AND: [where, { id: { gt: after } }] },
      orderBy: { id: "asc" },
      take: pageSize + 1,
    });
    hasNewer = rows.length > pageSize;
    rows = rows.slice(0, pageSize).reverse();
    hasOlder = !!(await db.auditEvent.findFirst({
      where: { AND: [where, { id: { lte: after } }] },
      select: { id: true },
    }));
  } else {
    rows = await db.auditEvent.findMany({
      where: before !== undefined ? { AND: [where, { id: { lt: before } }] } : where,
      orderBy: { id: "desc" },
      take: pageSize + 1,
    });
    hasOlder = rows.length > pageSize;
    rows = rows.slice(0, pageSize);
    hasNewer =
      before !== undefined &&
      !!(await db.auditEvent.findFirst({
        where: { AND: [where, { id: { gte: before } }] },
        select: { id: true },
      }));
  }
  return {
    events: rows.map((e) => ({
      id: e.id.toString(),
      occurredAt: e.occurredAt.toISOString(),
      actor: { type: e.actorType, id: e.actorId, name: e.actorName, role: e.actorRole },
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      changes: diffRows(e.before, e.after),
      reason: e.reason,
      ip: e.ip,
      userAgent: e.userAgent,
      correlationId: e.correlationId,
    })),
    olderCursor: hasOlder && rows.length ? rows[rows.length - 1].id.toString() : null,
    newerCursor: hasNewer && rows.length ? rows[0].id.toString() : null,
  };
}
