import { db } from "~/platform/db.server";
import { auditWhere, type AuditFilters } from "./audit-filters.server";
import { actionLabel, diffRows, entityLabel } from "./audit-words";
import { nameRecords } from "./record-names.server";

export const AUDIT_PAGE_SIZE = 50;

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
  // Names and links for the records and the people who acted (the event keeps its own snapshot
  // of the actor's name, shown when the account is gone).
  const names = await nameRecords([
    ...rows.map((e) => [e.entityType, e.entityId] as const),
    ...rows.map((e) => [e.actorType === "staff" ? "user" : "alumnus", e.actorId] as const),
  ]);
  const actorRecord = (type: string, id: string | null) =>
    id && (type === "staff" || type === "alumnus")
      ? (names.get(`${type === "staff" ? "user" : "alumnus"}:${id}`) ?? null)
      : null;
  return {
    events: rows.map((e) => ({
      id: e.id.toString(),
      occurredAt: e.occurredAt.toISOString(),
      actor: {
        type: e.actorType,
        id: e.actorId,
        name: e.actorName,
        role: e.actorRole,
        href: actorRecord(e.actorType, e.actorId)?.href ?? null,
      },
      action: e.action,
      actionLabel: actionLabel(e.action),
      entityType: e.entityType,
      entityLabel: entityLabel(e.entityType),
      entityId: e.entityId,
      entity: e.entityId ? (names.get(`${e.entityType}:${e.entityId}`) ?? null) : null,
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
