import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "./db.server";
import { jobProcessEvents, type JobProcessRun } from "./job-process.server";
import { enqueueJob, registerJobHandler, runNextJob, type JobRow } from "./jobs.server";

const fixtures = path.join(import.meta.dirname, "../../test/fixtures/job-process-handlers.ts");
const unused = async () => {
  throw new Error("runs in its own process only");
};
const givenUp: { job: JobRow; error: string }[] = [];
registerJobHandler("test.write-then-die", unused, {
  ownProcess: { module: fixtures, exportName: "writeThenDie", maxHeapMb: 64 },
  onGiveUp: async (job, error) => void givenUp.push({ job, error }),
});
registerJobHandler("test.exhaust-heap", unused, {
  ownProcess: { module: fixtures, exportName: "exhaustHeap", maxHeapMb: 32 },
});
registerJobHandler("test.write-and-report", unused, {
  ownProcess: { module: fixtures, exportName: "writeAndReport", maxHeapMb: 64 },
});

const runs: JobProcessRun[] = [];
jobProcessEvents.on("run", (run: JobProcessRun) => runs.push(run));

async function runNow(kind: string) {
  await db.job.updateMany({ where: { kind, status: "queued" }, data: { runAfter: new Date(0) } });
  return runNextJob({ kinds: [kind], leaseMs: 60_000 });
}

describe("jobs run in their own process", () => {
  it("runs the handler in a child, reports its peak RSS, and reuses the idle child for the next job", async () => {
    const first = await db.$transaction((tx) =>
      enqueueJob(tx, { kind: "test.write-and-report", payload: { team: "Own process A" } }),
    );
    const second = await db.$transaction((tx) =>
      enqueueJob(tx, { kind: "test.write-and-report", payload: { team: "Own process B" } }),
    );
    expect(await runNow("test.write-and-report")).toBe(true);
    expect(await runNow("test.write-and-report")).toBe(true);
    const jobs = await db.job.findMany({
      where: { id: { in: [first.id, second.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(jobs.map((j) => j.status)).toEqual(["done", "done"]);
    expect(jobs[0].message).toMatch(/^pid \d+$/);
    expect(jobs[0].message).not.toBe(`pid ${process.pid}`);
    expect(jobs[1].message).toBe(jobs[0].message); // the same child, kept for the next job
    expect(await db.team.count({ where: { name: { in: ["Own process A", "Own process B"] } } })).toBe(2);
    const mine = runs.filter((r) => r.jobId === first.id || r.jobId === second.id);
    expect(mine.map((r) => [r.outcome, r.reused])).toEqual([
      ["done", false],
      ["done", true],
    ]);
    expect(mine.every((r) => r.peakRssBytes! > 10 * 1024 * 1024)).toBe(true);
  });

  it("a child killed in the middle of a transaction writes nothing; the job is retried, then given up with a clear state", async () => {
    const team = `Half-written ${Date.now()}`;
    const job = await db.$transaction((tx) =>
      enqueueJob(tx, { kind: "test.write-then-die", payload: { team } }),
    );
    await db.job.update({ where: { id: job.id }, data: { maxAttempts: 2 } });

    expect(await runNow("test.write-then-die")).toBe(true);
    let row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: "The job's process was stopped (SIGKILL).",
    });
    expect(await db.team.count({ where: { name: team } })).toBe(0);
    expect(givenUp).toHaveLength(0);

    expect(await runNow("test.write-then-die")).toBe(true);
    row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: "failed", attempts: 2, leaseUntil: null });
    expect(await db.team.count({ where: { name: team } })).toBe(0);
    expect(givenUp.map((g) => [g.job.id, g.error])).toEqual([
      [job.id, "The job's process was stopped (SIGKILL)."],
    ]);
    // The web process (this one) carries on: the database answers and the next job runs.
    expect(await db.team.count()).toBeGreaterThanOrEqual(0);
  });

  it("a child that runs out of its capped heap fails its job with that reason", async () => {
    const job = await db.$transaction((tx) => enqueueJob(tx, { kind: "test.exhaust-heap" }));
    await db.job.update({ where: { id: job.id }, data: { maxAttempts: 1 } });
    expect(await runNow("test.exhaust-heap")).toBe(true);
    const row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({
      status: "failed",
      lastError: "The job's process ran out of memory and stopped.",
    });
  });
});
