import { AUDIT_LINK_GRACE_MS, linkPendingAuditEvents } from "~/platform/audit-chain.server";
import { GENESIS_HASH, hashAuditEvent, hashedFieldsOf } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { attestedEvents } from "./redact-audit-events.server";

export type ChainReport =
  | {
      ok: true;
      checked: number;
      lastId: string | null;
      redacted: number;
      /** Events written in the last minute and not linked into the chain yet (ADR 084). */
      waiting: number;
      /** Events this verification linked before checking (`linkPending`). */
      linked: number;
    }
  | { ok: false; checked: number; brokenAt: string; problem: string };

/**
 * Walks the audit trail in chain order and recomputes every hash. A row that was altered no longer
 * matches its hash; a row that was deleted leaves the next row pointing at a hash that is not
 * its predecessor's. A row whose personal data was erased (ADR 039) is checked against the
 * later `audit.redacted` event that attests it: that event lists the row's original hash and the
 * hash of its content after the erasure, and is itself covered by the chain. Reports the first
 * broken link. Reads in pages, so it runs in bounded memory.
 *
 * Events are linked into the chain just after their transaction commits (ADR 084). With
 * `linkPending` (the default) the verification first links whatever is still waiting; without it
 * (the admin page, whose GET changes nothing) events waiting less than a minute are counted as
 * waiting, and an event waiting longer is reported as a problem: until it is linked, nothing
 * would show a change to it.
 */
export async function verifyAuditChain(
  options: { pageSize?: number; linkPending?: boolean; now?: Date } = {},
): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 2000;
  const linked = options.linkPending === false ? 0 : (await linkPendingAuditEvents({ wait: true })).linked;
  let previousHash = GENESIS_HASH;
  let cursor: bigint | undefined;
  let lastId: bigint | undefined;
  let checked = 0;
  let redacted = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: cursor === undefined ? { chainPosition: { not: null } } : { chainPosition: { gt: cursor } },
      orderBy: { chainPosition: "asc" },
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
      if (row.hash === null) {
        return {
          ok: false,
          checked,
          brokenAt: row.id.toString(),
          problem: `Event ${row.id} has a place in the chain but no hash: its link was removed after it was written.`,
        };
      }
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
      lastId = row.id;
      checked++;
    }
    cursor = rows[rows.length - 1].chainPosition!;
  }
  const now = options.now ?? new Date();
  const waitingSince = new Date(now.getTime() - AUDIT_LINK_GRACE_MS);
  const [stale, waiting] = await Promise.all([
    db.auditEvent.findFirst({
      where: { chainPosition: null, occurredAt: { lt: waitingSince } },
      orderBy: { id: "asc" },
      select: { id: true },
    }),
    db.auditEvent.count({ where: { chainPosition: null } }),
  ]);
  if (stale)
    return {
      ok: false,
      checked,
      brokenAt: stale.id.toString(),
      problem: `Event ${stale.id} was written more than a minute ago and is still not linked into the chain, so a change to it would go unnoticed. Run npm run audit:verify on the server to link it, and check that the app is running.`,
    };
  return { ok: true, checked, lastId: lastId?.toString() ?? null, redacted, waiting, linked };
}
