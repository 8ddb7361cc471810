import { pathToFileURL } from "node:url";
import type { ChildReply, ChildRequest } from "./job-process.server";
import { disconnectDb } from "./db.server";
import { progressWriter, type JobContext, type JobHandler } from "./jobs.server";
import { log } from "./logging.server";

/**
 * The child side of jobs run in their own process (job-process.server.ts): receives a claimed
 * job, imports only the handler's module, runs it and replies with the outcome and its own peak
 * RSS. One job at a time. When the parent closes the channel (idle, shutdown) or goes away, the
 * child exits; in the middle of a job it exits at once, so an open transaction rolls back with its
 * connection and the job's lease runs out for another runner to take it up again.
 */
let current: { jobId: string; controller: AbortController } | undefined;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function reply(message: ChildReply) {
  return new Promise<void>((resolve) => {
    if (!process.connected) return resolve();
    process.send!(message, undefined, undefined, () => resolve());
  });
}

async function run(start: Extract<ChildRequest, { type: "start" }>) {
  const controller = new AbortController();
  current = { jobId: start.job.id, controller };
  let outcome: ChildReply;
  try {
    const mod = (await import(pathToFileURL(start.module).href)) as Record<string, unknown>;
    const handler = mod[start.exportName] as JobHandler | undefined;
    if (typeof handler !== "function")
      throw new Error(`${start.module} has no job handler named ${start.exportName}.`);
    const context: JobContext = {
      job: start.job,
      signal: controller.signal,
      progress: progressWriter(start.job, start.workerId),
    };
    const message = await handler(context);
    outcome = { type: "done", jobId: start.job.id, message: message ?? null, peakRssBytes: peakRss() };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    outcome = {
      type: "error",
      jobId: start.job.id,
      message: e.message,
      stack: e.stack,
      peakRssBytes: peakRss(),
    };
  }
  current = undefined;
  await reply({ ...outcome, peakRssBytes: peakRss() });
}

process.on("disconnect", () => {
  if (current) process.exit(1);
  disconnectDb()
    .catch((error) => log.warn("job process could not close its database client", { error }))
    .finally(() => process.exit(0));
});
process.on("message", (message: ChildRequest) => {
  if (message.type === "abort") {
    if (current?.jobId === message.jobId) current.controller.abort();
  } else if (message.type === "start") void run(message);
});
