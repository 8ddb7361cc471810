import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../app/platform/db/embedded.server";
import type { Env } from "../app/platform/env.server";

export class DatabaseUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnreachableError";
  }
}

export type OpenDatabase = { url: string; embedded: boolean; describe: string; close(): Promise<void> };

function describeUrl(url: string) {
  const u = new URL(url);
  return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
}

/** One round trip with a short timeout, so a wrong or dead DATABASE_URL fails in seconds. */
export async function checkReachable(url: string, timeoutMs: number) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  const target = describeUrl(url);
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { message: string };
    const reason =
      e.code === "ECONNREFUSED"
        ? "nothing is listening there"
        : e.code === "ENOTFOUND" || e.code === "EAI_AGAIN"
          ? "the host name does not resolve"
          : /timeout/i.test(e.message)
            ? `no answer within ${timeoutMs} ms`
            : e.message;
    throw new DatabaseUnreachableError(
      `Cannot reach PostgreSQL at ${target} (${reason}). Check DATABASE_URL, or unset it to use the embedded database.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * DATABASE_URL when set (checked for reachability), otherwise the embedded PostgreSQL under
 * DATA_DIR/pg, served on loopback. The address is published as EMBEDDED_DATABASE_URL for
 * app/platform/db.
 */
export async function openDatabase(env: Env): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    await checkReachable(env.DATABASE_URL, env.DB_CONNECT_TIMEOUT_MS);
    return {
      url: env.DATABASE_URL,
      embedded: false,
      describe: describeUrl(env.DATABASE_URL),
      close: async () => {},
    };
  }
  const dataDir = path.join(env.dataDir, "pg");
  const embedded = await startEmbeddedPostgres({ dataDir });
  process.env.EMBEDDED_DATABASE_URL = embedded.url;
  return {
    url: embedded.url,
    embedded: true,
    describe: `embedded PostgreSQL (PGlite) in ${dataDir}`,
    close: async () => {
      delete process.env.EMBEDDED_DATABASE_URL;
      await embedded.stop();
    },
  };
}

export async function withDatabase<T>(env: Env, fn: (url: string) => Promise<T>): Promise<T> {
  const db = await openDatabase(env);
  try {
    return await fn(db.url);
  } finally {
    await db.close();
  }
}
