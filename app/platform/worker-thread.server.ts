import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parentPort, Worker } from "node:worker_threads";

/**
 * CPU-heavy pure work in a worker thread of the same process (ADR 018): the thread that serves
 * requests and, on the embedded database, runs PostgreSQL itself, is not held up by it, and the
 * two run at the same time on two cores. A worker thread runs one of the app's TypeScript modules,
 * loaded through tsx as the job runner and job processes load theirs; it must not touch the
 * database, mail or secrets: requests and replies are plain values.
 */

/** tsx's ESM loader API (its `register()`), as an import URL; resolved when a worker first starts. */
let tsxApi: string | undefined;
function tsxApiUrl() {
  if (!tsxApi) {
    const manifestPath = createRequire(import.meta.url).resolve("tsx/package.json");
    const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as {
      exports: Record<string, { import: { default: string } }>;
    };
    tsxApi = pathToFileURL(
      path.join(path.dirname(manifestPath), manifest.exports["./esm/api"].import.default),
    ).href;
  }
  return tsxApi;
}

type Envelope<T> = { id: number } & ({ ok: true; value: T } | { ok: false; error: string });

export type WorkerClient<Request, Reply> = {
  /** The module has loaded and answers at once; until then requests wait. */
  readonly ready: boolean;
  /** Settles when the module has loaded (or the thread failed first). */
  readonly started: Promise<void>;
  call(request: Request): Promise<Reply>;
  stop(): Promise<void>;
};

/**
 * Starts a worker thread running `modulePath` (absolute path of a .ts module that calls
 * `serveRequests`). Requests may be sent at once: they wait until the module has loaded. If the
 * thread fails or exits, every request still waiting is rejected with the reason.
 */
export function startWorkerThread<Request, Reply>(
  modulePath: string,
  options: { name: string },
): WorkerClient<Request, Reply> {
  const bootstrap = `import(${JSON.stringify(tsxApiUrl())}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(modulePath).href)}); })`;
  const worker = new Worker(bootstrap, { eval: true, name: options.name });
  const waiting = new Map<number, { resolve(value: Reply): void; reject(error: Error): void }>();
  let nextId = 0;
  let failure: Error | undefined;
  let ready = false;
  let markStarted!: () => void;
  let markFailed!: (error: Error) => void;
  const started = new Promise<void>((resolve, reject) => {
    markStarted = resolve;
    markFailed = reject;
  });
  started.catch(() => undefined); // also reported to every request
  const failAll = (error: Error) => {
    failure ??= error;
    markFailed(failure);
    for (const request of waiting.values()) request.reject(failure);
    waiting.clear();
  };
  worker.on("message", (message: Envelope<Reply> | "ready") => {
    if (message === "ready") {
      ready = true;
      markStarted();
      return;
    }
    const request = waiting.get(message.id);
    if (!request) return;
    waiting.delete(message.id);
    if (message.ok) request.resolve(message.value);
    else request.reject(new Error(message.error));
  });
  worker.on("error", (error) => failAll(new Error(`The ${options.name} thread failed: ${error.message}`)));
  worker.on("exit", (code) => failAll(new Error(`The ${options.name} thread stopped (exit code ${code}).`)));
  return {
    get ready() {
      return ready && !failure;
    },
    started,
    call(request) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise<Reply>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, request });
      });
    },
    async stop() {
      failAll(new Error(`The ${options.name} thread was stopped.`));
      await worker.terminate();
    },
  };
}

/** The worker's side: answers each request with `handle`'s result, or its error's message. */
export function serveRequests<Request, Reply>(handle: (request: Request) => Reply | Promise<Reply>) {
  if (!parentPort) throw new Error("serveRequests runs only in a worker thread.");
  const port = parentPort;
  port.on("message", async ({ id, request }: { id: number; request: Request }) => {
    let envelope: Envelope<Reply>;
    try {
      envelope = { id, ok: true, value: await handle(request) };
    } catch (error) {
      envelope = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(envelope);
  });
  port.postMessage("ready");
}
