import { GENESIS_HASH, hashAuditEvent } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { attestedEvents, hashedFieldsOf } from "./redact-audit-events.server";

export type ChainReport =
  | { ok: true; checked: number; lastId: string | null; redacted: number }
  | { ok: false; checked: number; brokenAt: string; problem: string };

/**
 * Walks the audit trail in order and recomputes every hash. A row that was altered no longer
 * matches its hash; a row that was deleted leaves the next row pointing at a hash that is not
 * its predecessor's. A row whose personal data was erased (ADR 039) is checked against the
 * later `audit.redacted` event that attests it: that event lists the row's original hash and the
 * hash of its content after the erasure, and is itself covered by the chain. Reports the first
 * broken link. Reads in pages, so it runs in bounded memory.
 */
export async function verifyAuditChain(options: { pageSize?: number } = {}): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 2000;
  let previousHash = GENESIS_HASH;
  let cursor: bigint | undefined;
  let checked = 0;
  let redacted = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    if (rows.length === 0) break;
    const attestationIds = [...new Set(rows.flatMap((r) => (r.redactedBy === null ? [] : [r.redactedBy])))];
    const attestations = new Map(
      (attestationIds.length
        ? await db.auditEvent.findMany({
            where: { id: { in: attestationIds } },
            select: { id: true, action: true, after: true },
          })
        : []
      ).map((a) => [
        a.id,
        {
          action: a.action,
          events: new Map(
            attestedEvents(a.after).map(([id, original, sealed]) => [id, { original, sealed }]),
          ),
        },
      ]),
    );
    for (const row of rows) {
      if (row.prevHash !== previousHash) {
        return {
          ok: false,
          checked,
          brokenAt: row.id.toString(),
          problem: `Event ${row.id} does not follow the event before it: an event was deleted or reordered just before it.`,
        };
      }
      const content = hashAuditEvent(hashedFieldsOf(row));
      if (row.redactedBy === null) {
        if (content !== row.hash) {
          return {
            ok: false,
            checked,
            brokenAt: row.id.toString(),
            problem: `Event ${row.id} was changed after it was written.`,
          };
        }
      } else {
        const attestation = attestations.get(row.redactedBy);
        const entry = attestation?.events.get(row.id.toString());
        if (
          !attestation ||
          attestation.action !== "audit.redacted" ||
          row.redactedBy <= row.id ||
          !entry ||
          entry.original !== row.hash ||
          entry.sealed !== content
        ) {
          return {
            ok: false,
            checked,
            brokenAt: row.id.toString(),
            problem: `Event ${row.id} was changed after it was written (its erased content does not match the erasure recorded in event ${row.redactedBy}).`,
          };
        }
        redacted++;
      }
      previousHash = row.hash;
      checked++;
    }
    cursor = rows[rows.length - 1].id;
  }
  return { ok: true, checked, lastId: cursor?.toString() ?? null, redacted };
}
