import { alumnusSearchText } from "~/modules/alumni/search-text";
import { getPublishedPolicy } from "~/modules/eligibility/policies.server";
import { enqueueRecompute } from "~/modules/eligibility/recompute.server";
import { recordAudit } from "~/platform/audit.server";
import type { StaffUser } from "~/platform/auth.server";
import { db, type Db } from "~/platform/db.server";
import { conflict, notFound } from "~/platform/errors";
import { enqueueJob, type JobContext } from "~/platform/jobs.server";
import { log } from "~/platform/logging.server";
import { applyImportRows, classifyImportRows, countOutcomes } from "./classify-import.server";

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
      data: { status: "committing", jobId: job.id, error: null, committedById: actor.id },
    });
    if (updated.count !== 1)
      throw conflict("Someone else started this import at the same moment. Reload the page.");
    return { jobId: job.id };
  });
}

/** Recomputes the search text of people an import updated (names and titles may have changed). */
async function refreshSearchText(tx: Db, importId: string) {
  let after = "";
  for (;;) {
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
      WHERE r."importId" = ${importId} AND r."outcome" = 'update' AND r."alumnusId" > ${after}
      ORDER BY r."alumnusId" LIMIT 5000`;
    if (people.length === 0) return;
    after = people[people.length - 1].id;
    const changed = people
      .map((p) => ({ id: p.id, text: alumnusSearchText(p), old: p.searchText }))
      .filter((p) => p.text !== p.old);
    if (changed.length) {
      await tx.$executeRaw`
        UPDATE "Alumnus" a SET "searchText" = v.t FROM unnest(${changed.map((c) => c.id)}::text[], ${changed.map((c) => c.text)}::text[]) AS v(id, t)
        WHERE a."id" = v.id`;
    }
  }
}

/**
 * The commit job: in ONE transaction, re-classifies the staged rows against the pool as it is
 * now, applies them set-based, refreshes search text and writes the audit event. A crash or an
 * error rolls everything back: the import is then "failed" (or retried by the job runner) and
 * nothing of it is in the pool (ADR 013).
 */
export async function runImportCommit(context: JobContext) {
  const { importId, by } = context.job.payload as { importId: string; by: string };
  const run = await db.importRun.findUnique({ where: { id: importId } });
  if (!run || run.status !== "committing" || run.jobId !== context.job.id)
    return "The import was changed meanwhile; nothing to do.";
  const committer = await db.user.findUnique({
    where: { id: by },
    select: { id: true, name: true, roleId: true },
  });
  const actor = committer
    ? { type: "staff" as const, id: committer.id, name: committer.name, role: committer.roleId }
    : { type: "system" as const, name: "import" };
  await context.progress(0, 3, "Applying the import");
  try {
    const counts = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SET LOCAL statement_timeout = 600000`;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${COMMIT_LOCK})`;
        await classifyImportRows(tx, importId);
        const counts = await countOutcomes(tx, importId);
        await applyImportRows(tx, importId);
        await refreshSearchText(tx, importId);
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
          data: { ...counts, status: "committed", committedAt: new Date(), fileErasedAt },
        });
        if (done.count !== 1) throw new Error("The import was changed while it was being applied.");
        await recordAudit(tx, {
          actor,
          action: "import.committed",
          entityType: "ImportRun",
          entityId: importId,
          after: { fileName: run.fileName, mapping: run.mappingName, decisionId: run.decisionId, ...counts },
        });
        return counts;
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    await context.progress(3, 3, "Done");
    log.info("import committed", { importId, ...counts });
    return `${counts.createCount} created, ${counts.updateCount} updated, ${counts.unchangedCount} unchanged, ${counts.rejectCount} rejected${counts.suppressedCount ? `, ${counts.suppressedCount} skipped (erased at their request)` : ""}.`;
  } catch (error) {
    // Nothing was written (the transaction rolled back). Say so on the import; HR can try again.
    log.warn("import commit failed", { importId, error });
    const message =
      "The import could not be applied and nothing from it was written. Try committing it again; if it fails again, give the reference on this page to your administrator.";
    await db.$transaction(async (tx) => {
      await tx.importRun.updateMany({
        where: { id: importId, status: "committing" },
        data: { status: "failed", error: message },
      });
      await recordAudit(tx, {
        actor,
        action: "import.failed",
        entityType: "ImportRun",
        entityId: importId,
        after: { stage: "commit", job: context.job.id },
      });
    });
    return "The commit failed; nothing was written.";
  }
}
