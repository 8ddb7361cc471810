import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * The database a bench runs on: with DATABASE_URL, a new database on that server (dropped
 * afterwards); without, embedded PGlite in a temporary data directory. Sets DATABASE_URL for the
 * app's modules, which the bench imports afterwards.
 */
export async function benchDatabase(label: string): Promise<{ where: string; cleanup(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `bench_${label}_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    return {
      where: `PostgreSQL server ${url.hostname}:${url.port || 5432} (database ${name}, dropped afterwards)`,
      cleanup: async () => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const { startEmbeddedPostgres } = await import("../../app/platform/db/embedded.server");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `comeback-bench-${label}-`));
  const embedded = await startEmbeddedPostgres({ dataDir });
  process.env.DATABASE_URL = embedded.url;
  return {
    where: `embedded PGlite (temporary data directory ${dataDir})`,
    cleanup: async () => {
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
