import { db, Prisma } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { suggestDateFormat } from "./convert";
import { detectSystem, suggestMapping, type ImportField } from "./fields";
import { listImportMappings } from "./import-mappings.server";
import type { ImportSettings } from "./schemas";
import { readImportFile } from "./upload-import.server";
import { decoderFor, sniffText, type Encoding } from "./detect.server";

export const IMPORTS_PER_PAGE = 25;
export const ROWS_PER_PAGE = 50;

/** The import history: who, when, which file, which mapping, what it did. */
export async function listImports(options: { page: number }) {
  const [total, imports] = await Promise.all([
    db.importRun.count(),
    db.importRun.findMany({
      orderBy: { createdAt: "desc" },
      skip: (options.page - 1) * IMPORTS_PER_PAGE,
      take: IMPORTS_PER_PAGE,
      select: {
        id: true,
        fileName: true,
        fileSize: true,
        status: true,
        mappingName: true,
        rowCount: true,
        createCount: true,
        updateCount: true,
        unchangedCount: true,
        rejectCount: true,
        conflictCount: true,
        suppressedCount: true,
        createdAt: true,
        committedAt: true,
        createdBy: { select: { name: true } },
      },
    }),
  ]);
  return { total, page: options.page, pages: Math.max(1, Math.ceil(total / IMPORTS_PER_PAGE)), imports };
}

/** One import with its job's progress and its audit events. */
export async function getImport(importId: string) {
  const run = await db.importRun.findUnique({
    where: { id: importId },
    select: {
      id: true,
      fileName: true,
      fileSize: true,
      encoding: true,
      delimiter: true,
      headerRow: true,
      headers: true,
      status: true,
      mappingId: true,
      mappingName: true,
      settings: true,
      decisionId: true,
      jobId: true,
      rowCount: true,
      createCount: true,
      updateCount: true,
      unchangedCount: true,
      rejectCount: true,
      conflictCount: true,
      suppressedCount: true,
      warningCount: true,
      fileSha256: true,
      fileErasedAt: true,
      error: true,
      createdAt: true,
      checkedAt: true,
      committedAt: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!run) throw notFound("That import");
  const [job, events, decision, sameFile] = await Promise.all([
    run.jobId
      ? db.job.findUnique({
          where: { id: run.jobId },
          select: { status: true, progress: true, total: true, message: true, kind: true, attempts: true },
        })
      : null,
    db.auditEvent.findMany({
      where: { entityType: "ImportRun", entityId: run.id },
      orderBy: { id: "asc" },
      select: { id: true, action: true, occurredAt: true, actorName: true },
    }),
    run.decisionId
      ? db.workforceDecision.findUnique({ where: { id: run.decisionId }, select: { id: true, title: true } })
      : null,
    run.status === "committed" ? null : sameFileImported(run.id, run.fileSha256),
  ]);
  return { run, job, decision, sameFile, events: events.map((e) => ({ ...e, id: e.id.toString() })) };
}

/**
 * The latest committed import of exactly the same file (same SHA-256), if any: uploading it again
 * is usually a mistake, so the pages say "This file was imported on ...".
 */
export async function sameFileImported(importId: string, sha256: string) {
  if (!sha256) return null;
  const earlier = await db.importRun.findFirst({
    where: { fileSha256: sha256, status: "committed", id: { not: importId } },
    orderBy: { committedAt: "desc" },
    select: { id: true, fileName: true, committedAt: true },
  });
  return earlier?.committedAt
    ? { id: earlier.id, fileName: earlier.fileName, committedAt: earlier.committedAt }
    : null;
}

/** The staged rows of an import, a page at a time: rejected rows, warnings, updates, conflicts, or all. */
export async function listImportRows(options: {
  importId: string;
  show: "rejected" | "warnings" | "updates" | "conflicts" | "skipped" | "all";
  page: number;
}) {
  const filter: Prisma.ImportRowWhereInput =
    options.show === "rejected"
      ? { importId: options.importId, outcome: "rejected" }
      : options.show === "warnings"
        ? {
            importId: options.importId,
            outcome: { in: ["create", "update", "unchanged"] },
            NOT: { warnings: { equals: Prisma.DbNull } },
          }
        : options.show === "updates"
          ? { importId: options.importId, outcome: "update" }
          : options.show === "conflicts"
            ? { importId: options.importId, NOT: { conflicts: { equals: Prisma.DbNull } } }
            : options.show === "skipped"
              ? { importId: options.importId, outcome: "suppressed" }
              : { importId: options.importId };
  const [total, rows] = await Promise.all([
    db.importRow.count({ where: filter }),
    db.importRow.findMany({
      where: filter,
      orderBy: { rowNumber: "asc" },
      skip: (options.page - 1) * ROWS_PER_PAGE,
      take: ROWS_PER_PAGE,
      select: {
        rowNumber: true,
        outcome: true,
        errors: true,
        conflicts: true,
        warnings: true,
        changes: true,
        hrId: true,
        workEmail: true,
        firstName: true,
        lastName: true,
        exitReason: true,
        exitReasonRaw: true,
      },
    }),
  ]);
  return { total, page: options.page, pages: Math.max(1, Math.ceil(total / ROWS_PER_PAGE)), rows };
}

/** Exit reasons as the file words them and what Comeback makes of them (after a check). */
export async function listImportReasons(importId: string) {
  return db.$queryRaw<{ raw: string; reason: string; n: bigint }[]>`
    SELECT "exitReasonRaw" AS raw, "exitReason"::text AS reason, count(*) AS n FROM "ImportRow"
    WHERE "importId" = ${importId} AND "exitReasonRaw" IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 200`;
}

/**
 * What the mapping step needs: the file's headers and first rows (read again from the stored
 * file), saved mappings, decisions, and a suggested mapping with a date format only when the
 * sample's dates allow exactly one reading.
 */
export async function getMappingStep(importId: string, mappingId?: string) {
  const run = await db.importRun.findUnique({
    where: { id: importId },
    select: {
      id: true,
      fileName: true,
      status: true,
      headers: true,
      headerRow: true,
      encoding: true,
      delimiter: true,
      settings: true,
      mappingId: true,
      fileSha256: true,
    },
  });
  if (!run) throw notFound("That import");
  const sameFile = await sameFileImported(run.id, run.fileSha256);
  let head: Uint8Array = new Uint8Array();
  for await (const piece of readImportFile(importId)) {
    head = piece.subarray(0, 64 * 1024);
    break;
  }
  let sample: { sampleRows: string[][] } = { sampleRows: [] };
  try {
    sample = sniffText(decoderFor(run.encoding as Encoding).decode(head, { stream: true }));
  } catch {
    // The stored file is unreadable (refused uploads are not kept, so this is rare): no sample.
  }
  const rows = sample.sampleRows.slice(0, 8);
  const [mappings, decisions] = await Promise.all([
    listImportMappings(),
    db.workforceDecision.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true } }),
  ]);
  const columns = suggestMapping(run.headers);
  const valuesOf = (field: ImportField) => {
    const header = columns[field];
    const index = header === undefined ? -1 : run.headers.indexOf(header);
    return index < 0 ? [] : sample.sampleRows.map((r) => r[index] ?? "");
  };
  const dates = suggestDateFormat([...valuesOf("hireDate"), ...valuesOf("exitDate")]);
  const suggested: ImportSettings = {
    system: detectSystem(run.headers),
    columns,
    dateFormat: dates.format ?? ("" as never),
    reasonOverrides: {},
    decisionId: null,
  };
  const chosenMapping = mappingId
    ? mappings.find((m) => m.id === mappingId)
    : run.mappingId
      ? mappings.find((m) => m.id === run.mappingId)
      : undefined;
  return {
    run: { ...run, settings: run.settings as ImportSettings | null },
    rows,
    mappings,
    decisions,
    suggested,
    dateFits: dates.fits,
    chosenMapping: chosenMapping ?? null,
    sameFile,
  };
}
