import { redactAuditEvents, type Redaction } from "~/modules/audit/redact-audit-events.server";
import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db, Prisma, type Db } from "~/platform/db.server";
import { AppError, notFound } from "~/platform/errors";
import { log } from "~/platform/logging.server";
import { likeLiteral } from "~/platform/like";
import {
  ERASED_TEXT,
  eraseValues,
  likePatterns,
  mentions,
  personValues,
  searchTerms,
  valueMatcher,
  type PersonValues,
} from "./person-values";
import { ownedEntities, PERSONAL_DATA_SECTIONS, reminderKeys } from "./personal-data.server";
import { suppressionEntries } from "./suppression.server";

export const ERASED_ACTOR_NAME = "Erased person";

/** Imports that may still need their stored file; an erasure cannot remove it under them. */
const IMPORT_OPEN = ["uploaded", "checked", "failed", "invalid"] as const;

const IMPORT_FILE_REMOVED =
  "The stored file held data of a person whose data was erased at their request, so it was removed. Upload the file again: that person will be skipped.";

/**
 * HR approves an erasure request, and it is carried out in the same transaction (ADR 040):
 *
 *  - the suppression list gets keyed hashes of the person's employee ID and emails;
 *  - audit events about the person (their record, requests, applications, contracts, onboarding
 *    steps and documents) keep only the request's reference, other events lose the person's
 *    values; the chain still verifies (ADR 039);
 *  - outbox messages to or about them lose address, subject and body (waiting ones are cancelled);
 *  - staged import rows of theirs are deleted, and stored import files that hold them removed;
 *  - rate-limit counters keyed by their addresses are dropped, and reminder rows keyed by their
 *    id or their onboarding steps' ids;
 *  - HR's own free text elsewhere (saved views, campaigns, decisions, policy notes, jobs) loses
 *    the person's values where it quotes them;
 *  - the alumnus row is deleted, and with it (foreign keys, ON DELETE CASCADE) employment periods,
 *    notes, verdicts and their history, review requests, campaign recipients, invitation answers,
 *    applications and their history, contracts with their approvals, history, acceptance and
 *    onboarding steps and documents, sessions and links;
 *  - the request keeps its reference, dates, who decided and counts, and nothing personal.
 *
 * Refused when the person is under a legal hold, and while an import is being checked or applied
 * (it could bring the person back under the erasure's feet). Audited last.
 */
export async function approveErasure(options: { actor: StaffUser; requestId: string; note: string }) {
  const { actor, requestId } = options;
  const started = performance.now();
  const result = await db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT "id" FROM "ErasureRequest" WHERE "id" = ${requestId} FOR UPDATE`;
      if (locked.length === 0) throw notFound("That erasure request");
      const request = await tx.erasureRequest.findUniqueOrThrow({ where: { id: requestId } });
      if (request.status !== "requested" || !request.alumnusId)
        throw new AppError(
          "conflict",
          "This request has already been decided; reload the page to see what happened.",
        );
      const alumnusId = request.alumnusId;
      await tx.$executeRaw`SELECT 1 FROM "Alumnus" WHERE "id" = ${alumnusId} FOR UPDATE`;
      const person = await tx.alumnus.findUniqueOrThrow({ where: { id: alumnusId } });
      if (person.legalHold)
        throw new AppError(
          "conflict",
          "This person is under a legal hold, so their data must be kept for now. Refuse the request with that reason, or approve it once the hold is lifted.",
        );
      const busy = await tx.importRun.count({ where: { status: { in: ["checking", "committing"] } } });
      if (busy > 0)
        throw new AppError(
          "conflict",
          "An import is being checked or applied right now, and it may hold this person. Approve again when it has finished (usually within a minute or two).",
        );
      const values = personValues(person);
      const relatedIds = [
        alumnusId,
        ...(await tx.erasureRequest.findMany({ where: { alumnusId }, select: { id: true } })).map(
          (r) => r.id,
        ),
        ...(await tx.eligibilityReviewRequest.findMany({ where: { alumnusId }, select: { id: true } })).map(
          (r) => r.id,
        ),
        // their applications, contracts, onboarding steps and documents: events about them
        // carry notes and moves of the person's
        ...(await ownedEntities(tx, alumnusId)).flatMap(([, ids]) => ids),
      ];

      // What is held, counted before it goes (for the request's summary; no values).
      const summary: Record<string, number> = {};
      for (const section of PERSONAL_DATA_SECTIONS) {
        const rows = await section.read(tx, alumnusId);
        if (rows.length) summary[section.model] = rows.length;
      }

      const suppressions = suppressionEntries({
        hrId: person.hrId,
        emails: [person.workEmail, person.personalEmail],
      });
      await tx.suppression.createMany({
        data: suppressions.map((s) => ({ ...s, erasureRequestId: request.id })),
        skipDuplicates: true,
      });

      // What-if rows copy the name, department and location and hang off a run, not the person.
      await tx.whatIfChange.deleteMany({ where: { alumnusId } });
      // Reminders are keyed by text ("alumnus:<id>", "task:<id>"), so no foreign key removes them.
      await tx.reminderLog.deleteMany({ where: { recipientKey: { in: await reminderKeys(tx, alumnusId) } } });
      const outbox = await eraseOutbox(tx, alumnusId, values, request.reference);
      const imports = await eraseImports(tx, alumnusId, values);
      const otherRecordsEdited = await eraseFreeText(tx, values, request.reference);
      await tx.rateLimit.deleteMany({
        where: {
          OR: values.emails.map((email) => ({
            key: { contains: likeLiteral(email), mode: "insensitive" as const },
          })),
        },
      });

      // Cascades remove what hangs off the alumnus row; the requests lose the link (SET NULL).
      await tx.erasureRequest.updateMany({
        where: { alumnusId, id: { not: request.id } },
        data: { message: null, decisionNote: null },
      });
      await tx.alumnus.delete({ where: { id: alumnusId } });
      const now = new Date();
      const fullSummary = { ...summary, outboxMessagesErased: outbox, ...imports, otherRecordsEdited };
      await tx.erasureRequest.update({
        where: { id: request.id },
        data: {
          status: "done",
          message: null,
          decidedAt: now,
          completedAt: now,
          decidedById: actor.id,
          decidedByName: actor.name,
          decisionNote: options.note.trim() || null,
          summary: fullSummary as Prisma.InputJsonValue,
        },
      });

      const redacted = await redactAuditEvents({
        tx,
        actor: actorOf(actor),
        reference: request.reference,
        redactions: await auditRedactions(tx, relatedIds, values, request.reference),
      });
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: "erasure.completed",
        entityType: "erasure_request",
        entityId: request.id,
        after: {
          reference: request.reference,
          erased: fullSummary,
          auditEventsRedacted: redacted,
          suppressionEntries: suppressions.length,
        },
        reason: options.note.trim() || null,
      });
      return { reference: request.reference, summary: fullSummary, auditEventsRedacted: redacted };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  log.info("erasure carried out", { requestId, ms: Math.round(performance.now() - started) });
  return result;
}

/** Messages to the person or mentioning them: address, subject, body and errors go; waiting ones are cancelled. */
async function eraseOutbox(tx: Db, alumnusId: string, values: PersonValues, reference: string) {
  const patterns = likePatterns(values);
  const candidates = await tx.$queryRaw<
    { id: string; alumnusId: string | null; toAddress: string; subject: string; text: string }[]
  >`
    SELECT "id", "alumnusId", "toAddress", "subject", "text" FROM "OutboxMessage"
    WHERE "alumnusId" = ${alumnusId}
       OR lower("toAddress") = ANY(${values.emails}::text[])
       OR (cardinality(${patterns}::text[]) > 0 AND ("subject" ILIKE ANY(${patterns}::text[]) OR "text" ILIKE ANY(${patterns}::text[])))`;
  const matcher = valueMatcher(values);
  const ids = candidates
    .filter(
      (m) =>
        m.alumnusId === alumnusId ||
        values.emails.includes(m.toAddress.toLowerCase()) ||
        mentions(m.subject, matcher) ||
        mentions(m.text, matcher),
    )
    .map((m) => m.id);
  if (ids.length === 0) return 0;
  await tx.outboxMessage.updateMany({
    where: { id: { in: ids }, status: { in: ["queued", "failed", "sending"] } },
    data: { status: "cancelled", leaseUntil: null },
  });
  await tx.outboxMessage.updateMany({
    where: { id: { in: ids } },
    data: {
      toAddress: `erased-${reference.toLowerCase()}@erased.invalid`,
      toName: null,
      alumnusId: null,
      subject: ERASED_TEXT,
      html: "",
      text: "",
      headers: {},
      failures: [],
      lastError: "The recipient's data was erased at their request.",
    },
  });
  return ids.length;
}

/**
 * Staged import rows that are the person's (matched when staged, or carrying their employee ID or
 * an email) are deleted; so are rejected rows whose problems quote their values. Stored files
 * that hold them are removed; imports still waiting for that file are cancelled with the reason.
 */
async function eraseImports(tx: Db, alumnusId: string, values: PersonValues) {
  const patterns = likePatterns(values);
  const candidates = await tx.$queryRaw<
    {
      importId: string;
      rowNumber: number;
      alumnusId: string | null;
      hrId: string | null;
      workEmail: string | null;
      personalEmail: string | null;
      errors: unknown;
      conflicts: unknown;
    }[]
  >`
    SELECT "importId", "rowNumber", "alumnusId", "hrId", "workEmail", "personalEmail", "errors", "conflicts" FROM "ImportRow"
    WHERE "alumnusId" = ${alumnusId}
       OR (${values.hrId}::text IS NOT NULL AND lower("hrId") = lower(${values.hrId}::text))
       OR lower("workEmail") = ANY(${values.emails}::text[]) OR lower("personalEmail") = ANY(${values.emails}::text[])
       OR (cardinality(${patterns}::text[]) > 0 AND ("errors"::text ILIKE ANY(${patterns}::text[]) OR "conflicts"::text ILIKE ANY(${patterns}::text[])
         OR "warnings"::text ILIKE ANY(${patterns}::text[]) OR "changes"::text ILIKE ANY(${patterns}::text[])))`;
  const matcher = valueMatcher(values);
  const lower = (v: string | null) => v?.toLowerCase() ?? null;
  const rows = candidates.filter(
    (r) =>
      r.alumnusId === alumnusId ||
      (values.hrId !== null && lower(r.hrId) === values.hrId.toLowerCase()) ||
      values.emails.includes(lower(r.workEmail) ?? "") ||
      values.emails.includes(lower(r.personalEmail) ?? "") ||
      mentions(JSON.stringify(r.errors ?? null), matcher) ||
      mentions(JSON.stringify(r.conflicts ?? null), matcher),
  );
  const runIds = new Set(rows.map((r) => r.importId));
  if (rows.length) {
    await tx.$executeRaw`
      DELETE FROM "ImportRow" r USING unnest(${rows.map((r) => r.importId)}::text[], ${rows.map((r) => r.rowNumber)}::int[]) AS d(i, n)
      WHERE r."importId" = d.i AND r."rowNumber" = d.n`;
  }
  // Stored files: the runs above, and any file whose bytes hold one of the person's addresses
  // (a value may straddle two 1 MB pieces, so each piece is searched with the start of the next).
  for (const email of values.emails) {
    // encode(..., 'escape') turns any bytes into text (non-ASCII as \\ooo); addresses are ASCII.
    const found = await tx.$queryRaw<{ importId: string }[]>`
      SELECT DISTINCT c."importId" FROM "ImportChunk" c
      LEFT JOIN "ImportChunk" n ON n."importId" = c."importId" AND n."seq" = c."seq" + 1
      WHERE position(${email}::text IN lower(encode(c."data" || COALESCE(substring(n."data" FROM 1 FOR 512), ''::bytea), 'escape'))) > 0`;
    for (const f of found) runIds.add(f.importId);
  }
  let filesRemoved = 0;
  let importsCancelled = 0;
  if (runIds.size) {
    const ids = [...runIds];
    const chunks = await tx.importChunk.deleteMany({ where: { importId: { in: ids } } });
    if (chunks.count) {
      const withFile = await tx.importRun.updateMany({
        where: { id: { in: ids }, fileErasedAt: null },
        data: { fileErasedAt: new Date() },
      });
      filesRemoved = withFile.count;
    }
    const cancelled = await tx.importRun.updateMany({
      where: { id: { in: ids }, status: { in: [...IMPORT_OPEN] } },
      data: { status: "cancelled", error: IMPORT_FILE_REMOVED },
    });
    importsCancelled = cancelled.count;
  }
  return { importRowsErased: rows.length, importFilesRemoved: filesRemoved, importsCancelled };
}

/**
 * Events about the person (their record, their requests, things they did) keep only the
 * reference; any other event that quotes their values loses those values.
 */
async function auditRedactions(
  tx: Db,
  relatedIds: string[],
  values: PersonValues,
  reference: string,
): Promise<Redaction[]> {
  const patterns = likePatterns(values);
  const candidates = await tx.$queryRaw<
    {
      id: bigint;
      action: string;
      entityId: string | null;
      actorId: string | null;
      actorName: string | null;
      before: unknown;
      after: unknown;
      reason: string | null;
    }[]
  >`
    SELECT "id", "action", "entityId", "actorId", "actorName", "before", "after", "reason" FROM "AuditEvent"
    WHERE "action" <> 'audit.redacted' AND (
      "entityId" = ANY(${relatedIds}::text[]) OR "actorId" = ANY(${relatedIds}::text[])
      OR (cardinality(${patterns}::text[]) > 0 AND (
        "before"::text ILIKE ANY(${patterns}::text[]) OR "after"::text ILIKE ANY(${patterns}::text[])
        OR "reason" ILIKE ANY(${patterns}::text[]) OR "actorName" ILIKE ANY(${patterns}::text[]))))`;
  const matcher = valueMatcher(values);
  const related = new Set(relatedIds);
  const erased = { erased: reference };
  const out: Redaction[] = [];
  for (const e of candidates) {
    const byPerson = e.actorId !== null && related.has(e.actorId);
    if (byPerson || (e.entityId !== null && related.has(e.entityId))) {
      out.push({
        id: e.id,
        fields: {
          before: null,
          after: erased,
          reason: null,
          ...(byPerson
            ? { actorName: `${ERASED_ACTOR_NAME} (${reference})`, ip: null, userAgent: null }
            : {}),
        },
      });
      continue;
    }
    if (!matcher) continue;
    const before = eraseValues(e.before ?? null, matcher);
    const after = eraseValues(e.after ?? null, matcher);
    const reason = eraseValues(e.reason, matcher);
    const actorName = eraseValues(e.actorName, matcher);
    if (before.changed || after.changed || reason.changed || actorName.changed) {
      out.push({
        id: e.id,
        fields: {
          ...(before.changed ? { before: before.value } : {}),
          ...(after.changed ? { after: after.value } : {}),
          ...(reason.changed ? { reason: reason.value as string } : {}),
          ...(actorName.changed ? { actorName: actorName.value as string } : {}),
        },
      });
    }
  }
  return out;
}

/**
 * Free text HR wrote on other records that may quote a person: the values are replaced with
 * "[erased]". Saved views' queries are URL-encoded, so they are decoded first. Columns are a
 * fixed list (table and column names are never taken from input).
 */
const FREE_TEXT: { table: string; columns: string[]; unique?: string }[] = [
  { table: "Segment", columns: ["name", "description", "query"], unique: "name" },
  { table: "Campaign", columns: ["name", "subject", "note", "whatChanged", "opportunity"] },
  { table: "WorkforceDecision", columns: ["rationale"] },
  { table: "DecisionPhase", columns: ["notes"] },
  { table: "EligibilityPolicy", columns: ["summary"] },
  { table: "ImportRun", columns: ["fileName", "error"] },
  { table: "Job", columns: ["message", "lastError", "payload"] },
];

function eraseInQuery(query: string, matcher: RegExp): string {
  const params = new URLSearchParams(query);
  const out = new URLSearchParams();
  for (const [key, value] of params) out.append(key, value.replace(matcher, ERASED_TEXT));
  return out.toString();
}

async function eraseFreeText(tx: Db, values: PersonValues, reference: string) {
  const matcher = valueMatcher(values);
  const plainPatterns = likePatterns(values);
  if (!matcher || plainPatterns.length === 0) return 0;
  // Saved views store their query URL-encoded: search for the encoded forms too.
  const patterns = [
    ...plainPatterns,
    ...searchTerms(values).map((v) => `%${encodeURIComponent(v).replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
  ];
  let edited = 0;
  // Identifiers come from the constant list above; every value is a bound parameter.
  const id = (name: string) => Prisma.raw(`"${name.replace(/"/g, "")}"`);
  for (const { table, columns, unique } of FREE_TEXT) {
    const where = Prisma.join(
      columns.map((c) => Prisma.sql`${id(c)}::text ILIKE ANY(${patterns}::text[])`),
      " OR ",
    );
    const rows = await tx.$queryRaw<Record<string, unknown>[]>`
      SELECT "id", ${Prisma.join(columns.map(id))} FROM ${id(table)} WHERE ${where}`;
    for (const row of rows) {
      const changes: [string, unknown][] = [];
      for (const column of columns) {
        const value = row[column];
        if (value === null || value === undefined) continue;
        if (table === "Segment" && column === "query" && typeof value === "string") {
          const next = eraseInQuery(value, matcher);
          if (next !== new URLSearchParams(value).toString()) changes.push([column, next]);
          continue;
        }
        const erased = eraseValues(value, matcher);
        if (erased.changed) changes.push([column, erased.value]);
      }
      if (changes.length === 0) continue;
      const sets = changes.map(([column, value]) => {
        const v = column === unique ? `${String(value)} (${reference})` : value;
        return JSON_COLUMNS.has(`${table}.${column}`)
          ? Prisma.sql`${id(column)} = ${JSON.stringify(v)}::jsonb`
          : Prisma.sql`${id(column)} = ${v}`;
      });
      await tx.$executeRaw`UPDATE ${id(table)} SET ${Prisma.join(sets)} WHERE "id" = ${row.id}`;
      edited++;
    }
  }
  return edited;
}

const JSON_COLUMNS = new Set(["Job.payload"]);
