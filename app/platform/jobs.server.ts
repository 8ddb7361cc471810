import os from "node:os";
import { randomToken } from "./crypto.server";
import { db, Prisma, type Db } from "./db.server";
import { runInOwnProcess, stopJobProcesses, type OwnProcess } from "./job-process.server";
import { log } from "./logging.server";

/**
 * Background jobs for long work (imports, bulk recomputes, campaign fan-out). Rows in `Job`,
 * claimed with FOR UPDATE SKIP LOCKED under a lease that a heartbeat extends while the handler
 * runs; if the process dies, the lease runs out and another runner picks the job up again.
 * Handlers must therefore be resumable or all-or-nothing. Progress is stored on the row so a
 * page can show it and survive a reload.
 */

export type JobRow = {
  id: string;
  kind: string;
  payload: Prisma.JsonValue;
  attempts: number;
  maxAttempts: number;
  progress: number;
  total: number;
  createdById: string | null;
};

export type JobContext = {
  job: JobRow;
  /** Stores progress (throttled); cheap to call often. */
  progress(done: number, total?: number, message?: string): Promise<void>;
  /** Aborted when the runner stops or the job is cancelled. */
  signal: AbortSignal;
};

export type JobHandler = (context: JobContext) => Promise<string | void>;

export type JobHandlerOptions = {
  /** Run the handler in a lean child process of its own with a capped heap (ADR 025). */
  ownProcess?: OwnProcess;
  /** Called once when the job fails for good (attempts used up), to leave its subject in a clear state. */
  onGiveUp?: (job: JobRow, error: string) => Promise<void>;
};

const handlers = new Map<string, { handler: JobHandler; options: JobHandlerOptions }>();

export function registerJobHandler(kind: string, handler: JobHandler, options: JobHandlerOptions = {}) {
  handlers.set(kind, { handler, options });
}

/** A job context's progress(): stored on the job row, at most every 500 ms (and always at the end). */
export function progressWriter(job: JobRow, workerId: string): JobContext["progress"] {
  let lastWrite = 0;
  return async (done, total, message) => {
    const now = Date.now();
    if (now - lastWrite < 500 && (total === undefined || done < total)) return;
    lastWrite = now;
    await db.job.updateMany({
      where: { id: job.id, leasedBy: workerId },
      data: {
        progress: done,
        ...(total !== undefined ? { total } : {}),
        ...(message !== undefined ? { message } : {}),
      },
    });
  };
}

export async function enqueueJob(
  tx: Db,
  input: {
    kind: string;
    payload?: Prisma.InputJsonValue;
    createdById?: string | null;
    total?: number;
    runAfter?: Date;
  },
) {
  return tx.job.create({
    data: {
      kind: input.kind,
      payload: input.payload ?? {},
      createdById: input.createdById ?? null,
      total: input.total ?? 0,
      runAfter: input.runAfter ?? new Date(),
    },
    select: { id: true },
  });
}

export async function cancelJob(id: string, tx: Db = db) {
  const result = await tx.job.updateMany({
    where: { id, status: { in: ["queued", "running"] } },
    data: { status: "cancelled", finishedAt: new Date(), leaseUntil: null },
  });
  return result.count === 1;
}

async function claimJob(workerId: string, leaseMs: number, kinds: string[]): Promise<JobRow | null> {
  if (kinds.length === 0) return null;
  const rows = await db.$queryRaw<JobRow[]>`
    UPDATE "Job" AS j
    SET "status" = 'running', "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000}::float8),
        "leasedBy" = ${workerId}, "attempts" = j."attempts" + 1, "startedAt" = COALESCE(j."startedAt", now())
    WHERE j."id" = (
      SELECT "id" FROM "Job"
      WHERE "kind" IN (${Prisma.join(kinds)})
        AND (("status" = 'queued' AND "runAfter" <= now()) OR ("status" = 'running' AND "leaseUntil" < now()))
        AND "attempts" < "maxAttempts"
      ORDER BY "runAfter", "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING j."id", j."kind", j."payload", j."attempts", j."maxAttempts", j."progress", j."total", j."createdById"`;
  return rows[0] ?? null;
}

/** Jobs whose lease ran out too often are marked failed, so they do not stay "running" forever. */
async function failExhaustedJobs() {
  const lastError = "The job stopped responding too many times.";
  const failed = await db.$queryRaw<JobRow[]>`
    UPDATE "Job" SET "status" = 'failed', "finishedAt" = now(), "lastError" = ${lastError}
    WHERE "status" = 'running' AND "leaseUntil" < now() AND "attempts" >= "maxAttempts"
    RETURNING "id", "kind", "payload", "attempts", "maxAttempts", "progress", "total", "createdById"`;
  for (const job of failed) {
    const onGiveUp = handlers.get(job.kind)?.options.onGiveUp;
    if (onGiveUp)
      await onGiveUp(job, lastError).catch((error) =>
        log.warn("job give-up hook failed", { jobId: job.id, kind: job.kind, error }),
      );
  }
}

export async function runJob(
  job: JobRow,
  workerId: string,
  options: { leaseMs: number; signal?: AbortSignal },
) {
  const registered = handlers.get(job.kind);
  const controller = new AbortController();
  options.signal?.addEventListener("abort", () => controller.abort(), { once: true });
  const heartbeat = setInterval(
    async () => {
      try {
        const updated = await db.job.updateMany({
          where: { id: job.id, leasedBy: workerId, status: "running" },
          data: { leaseUntil: new Date(Date.now() + options.leaseMs) },
        });
        if (updated.count === 0) controller.abort(); // cancelled, or taken over
      } catch (error) {
        log.warn("job heartbeat failed", { jobId: job.id, error });
      }
    },
    Math.max(1000, options.leaseMs / 3),
  );
  const context: JobContext = { job, signal: controller.signal, progress: progressWriter(job, workerId) };
  try {
    if (!registered) throw new Error(`No handler is registered for jobs of kind "${job.kind}".`);
    const { ownProcess } = registered.options;
    const message = ownProcess
      ? await runInOwnProcess(job, workerId, ownProcess, controller.signal)
      : await registered.handler(context);
    await db.job.updateMany({
      where: { id: job.id, leasedBy: workerId, status: "running" },
      data: { status: "done", finishedAt: new Date(), leaseUntil: null, ...(message ? { message } : {}) },
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const final = job.attempts >= job.maxAttempts || controller.signal.aborted;
    log.warn("job failed", { jobId: job.id, kind: job.kind, attempt: job.attempts, final, error });
    const settled = await db.job.updateMany({
      where: { id: job.id, leasedBy: workerId, status: "running" },
      data: final
        ? { status: "failed", finishedAt: new Date(), leaseUntil: null, lastError: text.slice(0, 2000) }
        : {
            status: "queued",
            leaseUntil: null,
            lastError: text.slice(0, 2000),
            runAfter: new Date(Date.now() + 5000 * job.attempts),
          },
    });
    if (final && settled.count === 1 && registered?.options.onGiveUp) {
      await registered.options
        .onGiveUp(job, text)
        .catch((error) => log.warn("job give-up hook failed", { jobId: job.id, kind: job.kind, error }));
    }
  } finally {
    clearInterval(heartbeat);
  }
}

/** Claims and runs one job. Returns false when there was nothing to do. */
export async function runNextJob(options: { workerId?: string; leaseMs?: number; kinds?: string[] } = {}) {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomToken(4)}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const job = await claimJob(workerId, leaseMs, options.kinds ?? [...handlers.keys()]);
  if (!job) return false;
  await runJob(job, workerId, { leaseMs });
  return true;
}

export type RunningJobRunner = { stop(): Promise<void>; wake(): void };

export function startJobRunner(options: { idleMs?: number; leaseMs?: number } = {}): RunningJobRunner {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  const workerId = `${os.hostname()}:${process.pid}:${randomToken(4)}`;
  const loop = (async () => {
    while (!stopped) {
      let ran = false;
      try {
        await failExhaustedJobs();
        ran = await runNextJob({ workerId, leaseMs: options.leaseMs });
      } catch (error) {
        log.warn("job runner could not claim a job", { error });
      }
      if (stopped) break;
      if (!ran) {
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
          timer = setTimeout(resolve, options.idleMs ?? 1000);
        });
      }
    }
  })();
  return {
    wake() {
      wakeUp?.();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wakeUp?.();
      await loop;
      await stopJobProcesses();
    },
  };
}
