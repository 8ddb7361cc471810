import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { sameFileImported } from "./list-imports.server";

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
