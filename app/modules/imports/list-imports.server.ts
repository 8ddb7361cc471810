import { db, Prisma } from "~/platform/db.server";

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
