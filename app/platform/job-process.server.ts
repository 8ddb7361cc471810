import { fork, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BACKGROUND_PROCESS_ENV } from "./db.server";
import { databaseUrl } from "./env.server";
import type { JobRow } from "./jobs.server";
import { log } from "./logging.server";

/**
 * Some jobs run in a Node process of their own (ADR 025): the runner that claimed the job hands
 * it to a lean child process that loads only the database client and the handler's module, with
 * the JS heap capped. The job's memory is then bounded and measured on its own, and a crash or an
 * out-of-memory abort ends the child, not the web process. The parent keeps the lease (heartbeat)
 * and records the outcome exactly as for a handler run in-process.
 *
 * A child that finished a job stays for IDLE_MS, ready for the next job of the same kind of
 * process (HR usually commits right after reading the dry run; files are imported back to back),
 * then exits. Starting one costs about two seconds (tsx, the database client, the modules).
 */

export type OwnProcess = {
  /** Absolute path of the module that exports the handler (a .ts file, run with tsx). */
  module: string;
  /** The handler's export name in that module. */
  exportName: string;
  /** V8 old-space limit of the child, in MB. */
  maxHeapMb: number;
};

export type JobProcessRun = {
  jobId: string;
  kind: string;
  pid: number;
  /**
   * Peak resident set size of the child process (getrusage maxrss, i.e. its VmHWM) when the job
   * ended: everything resident in it over its life so far (a reused child: earlier jobs too).
   * Null when the child died before it could say.
   */
  peakRssBytes: number | null;
  /** The child ran an earlier job before this one. */
  reused: boolean;
  ms: number;
  outcome: "done" | "error" | "died";
};

/** Emits "run" (JobProcessRun) each time a job run in its own process ends. */
export const jobProcessEvents = new EventEmitter();

const IDLE_MS = 60_000;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ENTRY = path.join(ROOT, "app/platform/job-process-entry.server.ts");
/** The tsx loader, resolved when a child is first started (not when the module is loaded). */
let tsx: string | undefined;
const tsxLoader = () => (tsx ??= pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href);

/** What the parent sends to the child. */
export type ChildRequest =
  | { type: "start"; job: JobRow; workerId: string; module: string; exportName: string }
  | { type: "abort"; jobId: string };
/** What the child sends back. */
export type ChildReply =
  | { type: "done"; jobId: string; message: string | null; peakRssBytes: number }
  | { type: "error"; jobId: string; message: string; stack?: string; peakRssBytes: number };

type Running = {
  job: JobRow;
  started: number;
  reused: boolean;
  settle(reply: ChildReply | null, died?: string): void;
};
type Child = {
  process: ChildProcess;
  key: string;
  jobs: number;
  running?: Running;
  idleTimer?: NodeJS.Timeout;
  stderrTail: string;
};

/** At most one idle child per (database, heap limit). */
const idle = new Map<string, Child>();

function describeExit(code: number | null, signal: NodeJS.Signals | null, stderrTail: string) {
  if (/heap limit|heap out of memory/i.test(stderrTail))
    return "The job's process ran out of memory and stopped.";
  if (signal) return `The job's process was stopped (${signal}).`;
  return `The job's process stopped unexpectedly (exit code ${code}).`;
}

function spawnChild(key: string, spec: OwnProcess): Child {
  const child: Child = {
    key,
    jobs: 0,
    stderrTail: "",
    process: fork(ENTRY, [], {
      cwd: ROOT,
      execArgv: [
        "--import",
        tsxLoader(),
        `--max-old-space-size=${spec.maxHeapMb}`,
        "--max-semi-space-size=4",
      ],
      env: { ...process.env, DATABASE_URL: databaseUrl(), [BACKGROUND_PROCESS_ENV]: "1" },
      stdio: ["ignore", "inherit", "pipe", "ipc"],
      serialization: "json",
    }),
  };
  child.process.stderr?.on("data", (data: Buffer) => {
    process.stderr.write(data);
    child.stderrTail = (child.stderrTail + data.toString("utf8")).slice(-4000);
  });
  child.process.on("message", (reply: ChildReply) => {
    if (child.running?.job.id === reply.jobId) child.running.settle(reply);
  });
  const gone = (died: string) => {
    if (idle.get(key) === child) idle.delete(key);
    clearTimeout(child.idleTimer);
    child.running?.settle(null, died);
  };
  child.process.once("error", (error) => gone(`The job's process could not be started: ${error.message}`));
  child.process.once("exit", (code, signal) => gone(describeExit(code, signal, child.stderrTail)));
  return child;
}

const keyOf = (spec: OwnProcess) => `${spec.maxHeapMb}|${databaseUrl()}`;

/** Whether the parent's event loop waits for the child: not while it sits idle. */
function hold(child: Child, held: boolean) {
  const handles = [child.process, child.process.channel, child.process.stderr] as (
    { ref(): void; unref(): void } | null | undefined
  )[];
  for (const handle of handles) {
    if (held) handle?.ref();
    else handle?.unref();
  }
}

function release(child: Child) {
  if (!child.process.connected || idle.has(child.key)) {
    if (child.process.connected) child.process.disconnect();
    return;
  }
  idle.set(child.key, child);
  child.idleTimer = setTimeout(() => {
    if (idle.get(child.key) === child) idle.delete(child.key);
    if (child.process.connected) child.process.disconnect(); // the child exits when the channel closes
  }, IDLE_MS);
  child.idleTimer.unref();
  hold(child, false);
}

/**
 * Runs `spec`'s handler for `job` in a child process and resolves with its message; rejects with
 * the handler's error, or with a plain sentence when the child died (crash, killed, out of memory).
 * Aborting `signal` aborts the handler's context.signal, as in-process.
 */
export function runInOwnProcess(
  job: JobRow,
  workerId: string,
  spec: OwnProcess,
  signal: AbortSignal,
): Promise<string | void> {
  const key = keyOf(spec);
  let child = idle.get(key);
  if (child) {
    idle.delete(key);
    clearTimeout(child.idleTimer);
    hold(child, true);
  } else child = spawnChild(key, spec);
  const current = child;
  const reused = current.jobs > 0;
  const started = performance.now();
  current.jobs++;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      if (current.process.connected)
        current.process.send({ type: "abort", jobId: job.id } satisfies ChildRequest);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    current.running = {
      job,
      reused,
      started,
      settle(reply, died) {
        signal.removeEventListener("abort", onAbort);
        current.running = undefined;
        const run: JobProcessRun = {
          jobId: job.id,
          kind: job.kind,
          pid: current.process.pid ?? 0,
          peakRssBytes: reply?.peakRssBytes ?? null,
          reused,
          ms: Math.round(performance.now() - started),
          outcome: reply ? reply.type : "died",
        };
        log.info("job process run", {
          ...run,
          peakRssMb: run.peakRssBytes === null ? null : Math.round(run.peakRssBytes / 1024 / 1024),
        });
        jobProcessEvents.emit("run", run);
        if (reply) release(current);
        if (reply?.type === "done") resolve(reply.message ?? undefined);
        else if (reply?.type === "error")
          reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
        else reject(new Error(died ?? "The job's process stopped unexpectedly."));
      },
    };
    current.process.send({
      type: "start",
      job,
      workerId,
      module: spec.module,
      exportName: spec.exportName,
    } satisfies ChildRequest);
  });
}

/** Lets idle job processes go now (at shutdown, and at the end of a test file). */
export async function stopJobProcesses() {
  const waiting = [...idle.values()].map(
    (child) =>
      new Promise<void>((resolve) => {
        child.process.once("exit", () => resolve());
        clearTimeout(child.idleTimer);
        if (child.process.connected) child.process.disconnect();
        else resolve();
      }),
  );
  idle.clear();
  await Promise.all(waiting);
}
