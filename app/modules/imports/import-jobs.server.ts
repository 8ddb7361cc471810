import { fileURLToPath } from "node:url";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import type { OwnProcess } from "~/platform/job-process.server";
import type { JobRow } from "~/platform/jobs.server";
import { undoImportCommit } from "./commit-import.server";

/**
 * How the import's two jobs run (ADR 025): each in a process of its own that loads only the
 * database client and the import modules, its JS heap capped, so a 100,000-row import stays well
 * under 300 MB and cannot take the web process down with it.
 */
export const IMPORT_JOB_HEAP_MB = 64;

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export const IMPORT_CHECK_PROCESS: OwnProcess = {
  module: here("./check-import.server.ts"),
  exportName: "runImportCheck",
  maxHeapMb: IMPORT_JOB_HEAP_MB,
};
export const IMPORT_COMMIT_PROCESS: OwnProcess = {
  module: here("./commit-import.server.ts"),
  exportName: "runImportCommit",
  maxHeapMb: IMPORT_JOB_HEAP_MB,
};

/**
 * An import job that failed for good (its process crashed or ran out of memory on every attempt,
 * or the runner died each time) leaves its import in a state HR can act on: a check that never
 * finished becomes `invalid` (check again), a commit becomes `failed` (commit again) once what it
 * wrote is taken back (ADR 073), so nothing from it is in the pool.
 */
export async function giveUpImportJob(job: JobRow, error: string) {
  const { importId } = job.payload as { importId?: string };
  if (!importId) return;
  const commit = job.kind === "import.commit";
  if (commit) {
    const run = await db.importRun.findUnique({ where: { id: importId }, select: { jobId: true } });
    if (run?.jobId === job.id) await undoImportCommit(importId);
  }
  const message = commit
    ? "The import could not be applied and nothing from it was written. Try committing it again; if it fails again, give the reference on this page to your administrator."
    : "The check stopped before it finished, so nothing was written. Check the file again (change the mapping, or keep it and check again); if it stops again, split the file or give the reference on this page to your administrator.";
  await db.$transaction(async (tx) => {
    const updated = await tx.importRun.updateMany({
      where: { id: importId, status: commit ? "committing" : "checking", jobId: job.id },
      data: commit
        ? { status: "failed", error: message, commitPhase: null, appliedThrough: null }
        : {
            status: "invalid",
            error: message,
            rowCount: 0,
            createCount: 0,
            updateCount: 0,
            unchangedCount: 0,
            rejectCount: 0,
            conflictCount: 0,
            warningCount: 0,
          },
    });
    if (updated.count !== 1) return;
    if (!commit) await tx.importRow.deleteMany({ where: { importId } });
    await recordAudit(tx, {
      actor: { type: "system", name: commit ? "import" : "import check" },
      action: "import.failed",
      entityType: "ImportRun",
      entityId: importId,
      after: { stage: commit ? "commit" : "check", job: job.id, error: error.slice(0, 500) },
    });
  });
}
