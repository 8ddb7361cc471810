import { alumnusSearchText } from "~/modules/alumni/search-text";
import { getPublishedPolicy } from "~/modules/eligibility/policies.server";
import { enqueueRecompute } from "~/modules/eligibility/recompute.server";
import { recordAudit, type AuditActor } from "~/platform/audit.server";
import type { StaffUser } from "~/platform/auth.server";
import { db, type Db } from "~/platform/db.server";
import { conflict, notFound } from "~/platform/errors";
import { enqueueJob, type JobContext } from "~/platform/jobs.server";
import { log } from "~/platform/logging.server";
import {
  applyImportRows,
  classifyImportRows,
  clearBefore,
  countOutcomes,
  rowRanges,
  undoImportRows,
  WRITE_ROWS,
  type RowRange,
} from "./classify-import.server";
import { StepSizer } from "~/platform/step-size";

export const IMPORT_COMMIT_JOB = "import.commit";
// One import applies at a time, so two imports of overlapping files cannot interleave.
const COMMIT_LOCK = 727_114_013;

/** Queues the commit of a checked import (the dry run must have finished). */
export async function startImportCommit(options: { actor: StaffUser; importId: string }) {
  const { actor, importId } = options;
  return db.$transaction(async (tx) => {
    const run = await tx.importRun.findUnique({ where: { id: importId }, select: { status: true } });
    if (!run) throw notFound("That import");
    if (run.status === "committed") throw conflict("This import is already committed; nothing more to do.");
    if (run.status !== "checked" && run.status !== "failed")
      throw conflict("Check the file first: the dry run has to finish before the import can be committed.");
    const job = await enqueueJob(tx, {
      kind: IMPORT_COMMIT_JOB,
      payload: { importId, by: actor.id },
      createdById: actor.id,
    });
    const updated = await tx.importRun.updateMany({
      where: { id: importId, status: run.status },
      data: {
        status: "committing",
        jobId: job.id,
        error: null,
        committedById: actor.id,
        commitPhase: null,
        appliedThrough: null,
      },
    });
    if (updated.count !== 1)
      throw conflict("Someone else started this import at the same moment. Reload the page.");
    return { jobId: job.id };
  });
}

/**
 * Recomputes the search text of the people an import updated (names and titles may have changed),
 * in one range of rows.
 */
async function refreshSearchText(tx: Db, importId: string, rows: RowRange) {
  const people = await tx.$queryRaw<
    {
      id: string;
      firstName: string;
      lastName: string;
      preferredName: string | null;
      workEmail: string | null;
      personalEmail: string | null;
      jobTitle: string | null;
      hrId: string | null;
      skills: string[];
      searchText: string;
    }[]
  >`
    SELECT a."id", a."firstName", a."lastName", a."preferredName", a."workEmail", a."personalEmail", a."jobTitle", a."hrId", a."skills", a."searchText"
    FROM "ImportRow" r JOIN "Alumnus" a ON a."id" = r."alumnusId"
    WHERE r."importId" = ${importId} AND r."outcome" = 'update' AND r."rowNumber" BETWEEN ${rows.from} AND ${rows.to}`;
  const changed = people
    .map((p) => ({ id: p.id, text: alumnusSearchText(p), old: p.searchText }))
    .filter((p) => p.text !== p.old);
  if (changed.length) {
    await tx.$executeRaw`
      UPDATE "Alumnus" a SET "searchText" = v.t FROM unnest(${changed.map((c) => c.id)}::text[], ${changed.map((c) => c.text)}::text[]) AS v(id, t)
      WHERE a."id" = v.id`;
  }
}

/**
 * Writing steps are sized to hold the embedded database about this long each (ADR 089), between
 * MIN_WRITE_ROWS and MAX_WRITE_ROWS rows.
 */
const WRITE_TARGET_MS = 150;
const MIN_WRITE_ROWS = 25;
const MAX_WRITE_ROWS = 1000;

/** How long a commit waits for another import's commit to end before it gives up. */
const TURN_WAIT_MS = 15 * 60_000;

/**
 * One import is applied at a time (two imports of overlapping files must not interleave): the
 * import whose commit is under way holds the turn in `commitPhase`, claimed under a transaction
 * advisory lock. Another commit waits for it, polling.
 */
async function takeCommitTurn(importId: string, jobId: string) {
  const since = Date.now();
  for (;;) {
    const taken = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${COMMIT_LOCK})`;
      const other = await tx.importRun.findFirst({
        where: { status: "committing", commitPhase: { not: null }, id: { not: importId } },
        select: { id: true },
      });
      if (other) return false;
      await tx.importRun.updateMany({
        where: { id: importId, status: "committing", jobId, commitPhase: null },
        data: { commitPhase: "matching" },
      });
      return true;
    });
    if (taken) return;
    if (Date.now() - since > TURN_WAIT_MS)
      throw new Error("Another import was being applied for too long; this one did not start.");
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export type CommitOptions = {
  /** Rows per step, fixed (tests use small steps); by default steps are sized by time. */
  rows?: number;
  /** Called before each range is written: a test makes the commit fail midway with it. */
  beforeWrite?: (range: RowRange) => Promise<void> | void;
};

/**
 * Takes back every range a failed commit wrote, last range first, each in its own short
 * transaction, then marks the import failed. Resumable: `appliedThrough` moves down with each
 * range, so a crash midway continues where it stopped (the retried job or the give-up does it).
 */
export async function undoImportCommit(importId: string, options: { rows?: number } = {}) {
  const run = await db.importRun.findUnique({
    where: { id: importId },
    select: { status: true, appliedThrough: true },
  });
  if (!run || run.status !== "committing") return;
  await db.importRun.update({ where: { id: importId }, data: { commitPhase: "undoing" } });
  const ranges = await rowRanges(db, importId, options.rows ?? WRITE_ROWS);
  for (const range of ranges.reverse()) {
    const appliedThrough = (await db.importRun.findUniqueOrThrow({ where: { id: importId } })).appliedThrough;
    if (appliedThrough == null || range.from > appliedThrough) continue;
    const rows = { from: range.from, to: Math.min(range.to, appliedThrough) };
    await db.$transaction(async (tx) => {
      await undoImportRows(tx, importId, rows);
      await refreshSearchText(tx, importId, rows);
      await tx.importRun.update({ where: { id: importId }, data: { appliedThrough: range.from - 1 } });
    });
  }
  for (const rows of ranges) await clearBefore(db, importId, rows);
}

async function markCommitFailed(importId: string, actor: AuditActor, jobId: string) {
  const message =
    "The import could not be applied and nothing from it was written. Try committing it again; if it fails again, give the reference on this page to your administrator.";
  await db.$transaction(async (tx) => {
    const updated = await tx.importRun.updateMany({
      where: { id: importId, status: "committing" },
      data: { status: "failed", error: message, commitPhase: null, appliedThrough: null },
    });
    if (updated.count !== 1) return;
    await recordAudit(tx, {
      actor,
      action: "import.failed",
      entityType: "ImportRun",
      entityId: importId,
      after: { stage: "commit", job: jobId },
    });
  });
}

/**
 * The commit job, in short steps (ADR 073), so other requests are answered while it runs, on the
 * embedded database too:
 * 1. match the staged rows against the pool as it is now (classifyImportRows, range by range);
 * 2. write them range by range, each range in one transaction that also moves `appliedThrough`
 *    (an updated person's previous values are kept on the row, to undo);
 * 3. one short transaction: counts, the recompute job, `committed`, the audit event.
 * A crash resumes where it stopped (the job is retried: matching again from the start, writing
 * from `appliedThrough`). An error takes back what was written, range by range, and the import
 * is `failed` with nothing of it in the pool. Writing the same rows twice is impossible: a range
 * and its `appliedThrough` commit together.
 */
export async function runImportCommit(context: JobContext, options: CommitOptions = {}) {
  const { importId, by } = context.job.payload as { importId: string; by: string };
  const run = await db.importRun.findUnique({ where: { id: importId } });
  if (!run || run.status !== "committing" || run.jobId !== context.job.id)
    return "The import was changed meanwhile; nothing to do.";
  const committer = await db.user.findUnique({
    where: { id: by },
    select: { id: true, name: true, roleId: true },
  });
  const actor: AuditActor = committer
    ? { type: "staff" as const, id: committer.id, name: committer.name, role: committer.roleId }
    : { type: "system" as const, name: "import" };
  if (run.commitPhase === "undoing") {
    await undoImportCommit(importId, options);
    await markCommitFailed(importId, actor, context.job.id);
    return "The commit failed; nothing was written.";
  }
  try {
    await takeCommitTurn(importId, context.job.id);
    const ranges = await rowRanges(db, importId, options.rows ?? WRITE_ROWS);
    const total = ranges.length ? ranges[ranges.length - 1].to - ranges[0].from + 1 : 0;
    let current = await db.importRun.findUniqueOrThrow({ where: { id: importId } });
    if (current.appliedThrough == null) {
      await context.progress(0, total, "Matching the rows against the alumni pool");
      await classifyImportRows(db, importId, undefined, {
        rows: options.rows,
        repeats: false,
        progress: (done, steps) =>
          context.progress(
            Math.round((done / steps) * total),
            total,
            "Matching the rows against the alumni pool",
          ),
      });
      current = await db.importRun.update({
        where: { id: importId },
        data: { commitPhase: "applying", appliedThrough: (ranges[0]?.from ?? 1) - 1 },
      });
    }
    // Written in steps sized by time (ADR 089): each step's transaction holds the embedded
    // database for about WRITE_TARGET_MS, fewer rows when the machine is loaded, more when quiet.
    // A step and its `appliedThrough` commit together, so no row is ever written twice, whatever
    // the sizes before and after a crash.
    const last = ranges.length ? ranges[ranges.length - 1].to : 0;
    const sizer = new StepSizer({
      start: options.rows ?? WRITE_ROWS,
      min: options.rows ?? MIN_WRITE_ROWS,
      max: options.rows ?? MAX_WRITE_ROWS,
      targetMs: WRITE_TARGET_MS,
    });
    for (let from = (current.appliedThrough ?? 0) + 1; from <= last;) {
      const range = { from, to: Math.min(last, from + sizer.rows - 1) };
      await context.progress(range.from - ranges[0].from, total, "Writing to the alumni pool");
      await options.beforeWrite?.(range);
      await db.$transaction(async (tx) => {
        const started = performance.now();
        await applyImportRows(tx, importId, range);
        await refreshSearchText(tx, importId, range);
        await tx.importRun.update({ where: { id: importId }, data: { appliedThrough: range.to } });
        sizer.record(range.to - range.from + 1, performance.now() - started);
      });
      from = range.to + 1;
    }
    await context.progress(total, total, "Writing to the alumni pool");
    // Counted range by range before the last transaction (the outcomes no longer change), so
    // that transaction stays short (ADR 086).
    const counts = await countOutcomes(db, importId);
    await db.$transaction(async (tx) => {
      // New and changed people need a rehire verdict: the set-based re-evaluation runs as a job
      // once this transaction commits (it only writes verdicts that change).
      const policy = counts.createCount + counts.updateCount > 0 ? await getPublishedPolicy(tx) : null;
      if (policy)
        await enqueueRecompute(tx, { policyId: policy.id, createdById: committer?.id, reason: "refresh" });
      // The stored file still holds the rows of people who asked to be erased: once applied, it
      // is not needed any more, so it goes (ADR 040).
      const fileErasedAt = counts.suppressedCount > 0 ? new Date() : undefined;
      if (fileErasedAt) await tx.importChunk.deleteMany({ where: { importId } });
      const done = await tx.importRun.updateMany({
        where: { id: importId, status: "committing", jobId: context.job.id },
        data: {
          ...counts,
          status: "committed",
          committedAt: new Date(),
          fileErasedAt,
          commitPhase: null,
          appliedThrough: null,
        },
      });
      if (done.count !== 1) throw new Error("The import was changed while it was being applied.");
      await recordAudit(tx, {
        actor,
        action: "import.committed",
        entityType: "ImportRun",
        entityId: importId,
        after: { fileName: run.fileName, mapping: run.mappingName, decisionId: run.decisionId, ...counts },
      });
    });
    for (const rows of ranges) await clearBefore(db, importId, rows);
    log.info("import committed", { importId, ...counts });
    return `${counts.createCount} created, ${counts.updateCount} updated, ${counts.unchangedCount} unchanged, ${counts.rejectCount} rejected${counts.suppressedCount ? `, ${counts.suppressedCount} skipped (erased at their request)` : ""}.`;
  } catch (error) {
    // Take back what was written, then say so on the import; HR can try again. If the undo
    // itself fails (the database went away), the job is retried and carries on undoing.
    log.warn("import commit failed", { importId, error });
    await undoImportCommit(importId, options);
    await markCommitFailed(importId, actor, context.job.id);
    return "The commit failed; nothing was written.";
  }
}
