import fs from "node:fs";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { startEphemeralPostgres } from "../../app/platform/db/embedded.server";
import { disconnectDb } from "../../app/platform/db.server";
import { stopJobProcesses } from "../../app/platform/job-process.server";
import { resetEnvCache } from "../../app/platform/env.server";

/**
 * Before each test file: a database of its own, already migrated, published as DATABASE_URL.
 * The app's db client connects to it lazily, exactly as it would in production.
 */
const config = inject("testDatabase");
let cleanup: () => Promise<void>;

if (config.kind === "pglite") {
  const dump = new Blob([fs.readFileSync(config.dump)]);
  const db = await startEphemeralPostgres({ loadDataDir: dump });
  process.env.DATABASE_URL = db.url;
  cleanup = () => db.stop();
} else {
  const name = `comeback_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: config.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${config.template}"`);
  await admin.end();
  const url = new URL(config.serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  cleanup = async () => {
    const client = new pg.Client({ connectionString: config.serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
}
process.env.NODE_ENV = "test";
// The embedded database answers on this process's own event loop; with every test file of a full
// run busy on two cores a first connection can take longer than production's 5 s. Tests of the
// outage behaviour set their own, shorter timeouts.
process.env.DB_CONNECT_TIMEOUT_MS ??= "20000";
resetEnvCache();
// Browser and HTTP tests share one process: a timer an earlier file left running may have opened a
// client on that file's database (now gone) after it disconnected. Start this file from none.
await disconnectDb();

afterAll(async () => {
  await stopJobProcesses();
  await disconnectDb();
  await cleanup();
});
