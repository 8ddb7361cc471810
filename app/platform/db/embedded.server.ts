import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { SessionQueryQueue } from "./session-queue.server";

/**
 * Embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) persisted in a data directory
 * and served on loopback with pglite-socket, so the app connects to it exactly as it would to a
 * PostgreSQL server. One process owns a data directory at a time (a lock file records its pid).
 */

export class DataDirectoryInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is already in use by process ${ownerPid}. ` +
        `Stop that process first, or point DATA_DIR at another folder (or set DATABASE_URL to use a PostgreSQL server).`,
    );
    this.name = "DataDirectoryInUseError";
  }
}

export type EmbeddedPostgres = {
  url: string;
  host: string;
  port: number;
  db: PGlite;
  stop(): Promise<void>;
};

/** Socket connections the server accepts; the app's pool and the migration engine share them. */
const MAX_CONNECTIONS = 100;

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Data directories this process holds: a second open in the same process is refused too. */
const held = new Set<string>();

/** Takes the lock file for `dataDir`, or throws DataDirectoryInUseError naming the owner. */
export function lockDataDirectory(dataDir: string): () => void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockPath = `${dataDir}.lock`;
  if (held.has(lockPath)) throw new DataDirectoryInUseError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      fs.closeSync(fd);
      held.add(lockPath);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(lockPath);
        try {
          const owner = JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid: number };
          if (owner.pid === process.pid) fs.rmSync(lockPath, { force: true });
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let ownerPid = NaN;
      try {
        ownerPid = (JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid: number }).pid;
      } catch {
        // unreadable lock: a crash while writing it; treat as stale
      }
      if (Number.isInteger(ownerPid) && ownerPid !== process.pid && isAlive(ownerPid)) {
        throw new DataDirectoryInUseError(dataDir, ownerPid);
      }
      fs.rmSync(lockPath, { force: true }); // stale lock left by a process that died
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

async function serve(
  db: PGlite,
  port: number,
): Promise<{ server: PGLiteSocketServer; host: string; port: number }> {
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: MAX_CONNECTIONS });
  // The library's own queue lets connections' multi-message queries interleave (see session-queue.server.ts).
  (server as unknown as { queryQueue: SessionQueryQueue }).queryQueue = new SessionQueryQueue(db);
  await server.start();
  const [host, actualPort] = server.getServerConn().split(":");
  return { server, host, port: Number(actualPort) };
}

/**
 * Opens (creating if needed) the PGlite data directory and serves it on loopback.
 * `port: 0` picks a free port.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
}): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const release = lockDataDirectory(dataDir);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    return await expose(db, options.port ?? 0, async () => {
      await db.close();
      release();
    });
  } catch (error) {
    release();
    throw error;
  }
}

/** A throw-away in-memory database (tests, the migration engine's shadow database). */
export async function startEphemeralPostgres(
  options: { loadDataDir?: Blob | File } = {},
): Promise<EmbeddedPostgres> {
  const db = await PGlite.create({ extensions: { pg_trgm }, loadDataDir: options.loadDataDir });
  return expose(db, 0, () => db.close());
}

/** Embedded databases this process serves right now (read by `embeddedDatabaseInThisProcess`). */
const serving = globalThis as unknown as { __comebackEmbeddedServing?: number };

async function expose(db: PGlite, port: number, close: () => Promise<void>): Promise<EmbeddedPostgres> {
  const served = await serve(db, port);
  serving.__comebackEmbeddedServing = (serving.__comebackEmbeddedServing ?? 0) + 1;
  let stopped = false;
  return {
    db,
    host: served.host,
    port: served.port,
    url: `postgresql://postgres:postgres@${served.host}:${served.port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      serving.__comebackEmbeddedServing! -= 1;
      await served.server.stop();
      await close();
    },
  };
}
