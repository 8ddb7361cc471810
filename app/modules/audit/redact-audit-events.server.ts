import { linkAuditChainInTx } from "~/platform/audit-chain.server";
import {
  hashAuditEvent,
  hashedFieldsOf,
  recordAudit,
  type AuditActor,
  type HashedFields,
} from "~/platform/audit.server";
import { Prisma, type Db } from "~/platform/db.server";

/**
 * Erasing personal data from audit events without breaking the hash chain (ADR 039).
 *
 * An event's `hash` covers its content, so changing the content would break it. Instead the
 * redaction is itself an audited act: a new `audit.redacted` event, written into the chain, lists
 * every redacted event as `[id, hash it was written with, hash of its content after redaction]`.
 * The redacted row keeps its original `hash` (its successor still links to it) and points to
 * that attestation in `redactedBy`. The verifier checks a redacted row against its attestation
 * instead of its own hash, so an erased row cannot be edited further without detection, and the
 * attestation cannot be edited because the chain covers it.
 *
 * Events are linked into the chain after their transaction commits (ADR 084); an event not linked
 * yet has no hash to attest, so the redaction first links everything waiting, holding the chain
 * lock until the erasure commits.
 */

/** The parts of an event that may carry personal data and can be erased. */
export type RedactableFields = Pick<
  HashedFields,
  "before" | "after" | "reason" | "actorName" | "ip" | "userAgent"
>;

export type Redaction = { id: bigint; fields: Partial<RedactableFields> };

/** How an attestation lists one event: [event id, original hash, hash of the redacted content]. */
export type AttestedEvent = [string, string, string];

/** Events listed per attestation, so no single audit row grows without bound. */
const PER_ATTESTATION = 500;

/** Reads an attestation's list; anything malformed reads as empty (and fails verification). */
export function attestedEvents(after: unknown): AttestedEvent[] {
  const events = (after as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return [];
  return events.filter(
    (e): e is AttestedEvent => Array.isArray(e) && e.length === 3 && e.every((x) => typeof x === "string"),
  );
}

const json = (value: unknown) =>
  value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);

/**
 * Redacts the given events inside the caller's transaction and writes the attestation(s).
 * `reference` is the pseudonymous reference the erased person keeps (an erasure request's).
 * Returns how many events were redacted.
 */
export async function redactAuditEvents(options: {
  tx: Db;
  actor: AuditActor;
  reference: string;
  redactions: Redaction[];
}): Promise<number> {
  const { tx, actor, reference, redactions } = options;
  if (redactions.length === 0) return 0;
  const byId = new Map(redactions.map((r) => [r.id, r.fields]));
  await linkAuditChainInTx(tx);
  const rows = await tx.auditEvent.findMany({
    where: { id: { in: [...byId.keys()] } },
    orderBy: { id: "asc" },
  });
  for (let start = 0; start < rows.length; start += PER_ATTESTATION) {
    const chunk = rows.slice(start, start + PER_ATTESTATION).map((row) => {
      // jsonb reads back as plain JSON: round-trip the new values so the sealed hash matches what is stored
      const fields = JSON.parse(JSON.stringify(byId.get(row.id) ?? {})) as Partial<RedactableFields>;
      const redacted: HashedFields = { ...hashedFieldsOf(row), ...fields };
      if (row.hash === null) throw new Error(`Audit event ${row.id} is not linked into the chain.`);
      return { row, hash: row.hash, fields, sealed: hashAuditEvent(redacted) };
    });
    const attestationId = await recordAudit(tx, {
      actor,
      action: "audit.redacted",
      entityType: "audit",
      after: {
        reference,
        events: chunk.map(({ row, hash, sealed }): AttestedEvent => [row.id.toString(), hash, sealed]),
      },
      reason: "Personal data erased at the person's request",
    });
    for (const { row, fields } of chunk) {
      await tx.auditEvent.update({
        where: { id: row.id },
        data: {
          ...("before" in fields ? { before: json(fields.before) } : {}),
          ...("after" in fields ? { after: json(fields.after) } : {}),
          ...("reason" in fields ? { reason: fields.reason } : {}),
          ...("actorName" in fields ? { actorName: fields.actorName } : {}),
          ...("ip" in fields ? { ip: fields.ip } : {}),
          ...("userAgent" in fields ? { userAgent: fields.userAgent } : {}),
          redactedBy: attestationId,
        },
      });
    }
  }
  return rows.length;
}
