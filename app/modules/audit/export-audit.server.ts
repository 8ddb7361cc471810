import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { csvStream, type CsvColumn } from "~/platform/csv";
import { db, type Prisma } from "~/platform/db.server";
import { auditWhere, filterParams, type AuditFilters } from "./audit-filters.server";

type Row = Prisma.AuditEventGetPayload<object>;

const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

export const AUDIT_CSV_COLUMNS: readonly CsvColumn<Row>[] = [
  { header: "Event", value: (r) => r.id.toString() },
  { header: "Time (UTC)", value: (r) => r.occurredAt.toISOString() },
  { header: "Actor type", value: (r) => r.actorType },
  { header: "Actor id", value: (r) => r.actorId },
  { header: "Actor name", value: (r) => r.actorName },
  { header: "Actor role", value: (r) => r.actorRole },
  { header: "Action", value: (r) => r.action },
  { header: "Entity type", value: (r) => r.entityType },
  { header: "Entity id", value: (r) => r.entityId },
  { header: "Before", value: (r) => json(r.before) },
  { header: "After", value: (r) => json(r.after) },
  { header: "Reason", value: (r) => r.reason },
  { header: "IP", value: (r) => r.ip },
  { header: "User agent", value: (r) => r.userAgent },
  { header: "Correlation id", value: (r) => r.correlationId },
  { header: "Payload version", value: (r) => r.payloadVersion },
  { header: "Previous hash", value: (r) => r.prevHash },
  { header: "Hash", value: (r) => r.hash },
  // The chain's order is the order events were linked in, not their ids (ADR 084); blank until linked.
  { header: "Chain position", value: (r) => r.chainPosition?.toString() ?? null },
];

const EXPORT_PAGE = 1000;

/**
 * The filtered audit trail as CSV (formula-injection safe), streamed in pages. The export covers
 * the events that existed when it started, and is itself audited with its filters and row count.
 */
export async function exportAuditCsv({ actor, filters }: { actor: StaffUser; filters: AuditFilters }) {
  const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const upTo = last?.id ?? 0n;
  const where = auditWhere(filters);
  const rows = await db.auditEvent.count({ where: { AND: [where, { id: { lte: upTo } }] } });
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(actor),
      action: "audit.exported",
      entityType: "audit",
      after: { filters: filterParams(filters), rows, upToEvent: upTo.toString() },
    }),
  );
  async function* pages() {
    let cursor = 0n;
    for (;;) {
      const page = await db.auditEvent.findMany({
        where: { AND: [where, { id: { gt: cursor, lte: upTo } }] },
        orderBy: { id: "asc" },
        take: EXPORT_PAGE,
      });
      if (page.length === 0) return;
      yield page;
      cursor = page[page.length - 1].id;
    }
  }
  return { stream: csvStream(pages(), AUDIT_CSV_COLUMNS), rows };
}
