import { GENESIS_HASH, hashAuditEvent, type HashedFields } from "~/platform/audit.server";
import { db } from "~/platform/db.server";

export type ChainReport =
  | { ok: true; checked: number; lastId: string | null }
  | { ok: false; checked: number; brokenAt: string; problem: string };

/**
 * Walks the audit trail in order and recomputes every hash. A row that was altered no longer
 * matches its hash; a row that was deleted leaves the next row pointing at a hash that is not
 * its predecessor's. Reports the first broken link. Reads in pages, so it runs in bounded memory.
 */
export async function verifyAuditChain(options: { pageSize?: number } = {}): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 2000;
  let previousHash = GENESIS_HASH;
  let cursor: bigint | undefined;
  let checked = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const fields: HashedFields = {
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
        prevHash: row.prevHash,
      };
      if (row.prevHash !== previousHash) {
        return {
          ok: false,
          checked,
          brokenAt: row.id.toString(),
          problem: `Event ${row.id} does not follow the event before it: an event was deleted or reordered just before it.`,
        };
      }
      if (hashAuditEvent(fields) !== row.hash) {
        return {
          ok: false,
          checked,
          brokenAt: row.id.toString(),
          problem: `Event ${row.id} was changed after it was written.`,
        };
      }
      previousHash = row.hash;
      checked++;
    }
    cursor = rows[rows.length - 1].id;
  }
  return { ok: true, checked, lastId: cursor?.toString() ?? null };
}
