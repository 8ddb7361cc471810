import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEphemeralPostgres } from "../../app/platform/db/embedded.server";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "../../app/platform/db/migrations.server";

/**
 * Runs once per `npm test`: prepares a migrated template database that every test file copies.
 * PGlite: a data-directory dump under .cache/test-db/. Server (TEST_DATABASE_URL): a template
 * database named after the migrations' hash, copied with CREATE DATABASE ... TEMPLATE.
 */
function migrationsHash() {
  const hash = createHash("sha256");
  for (const m of readMigrations(MIGRATIONS_DIR).migrationDirectories) {
    hash.update(m.path);
    hash.update(m.migrationFile.content.value);
  }
  return hash.digest("hex").slice(0, 16);
}

export default async function setup(project: TestProject) {
  const hash = migrationsHash();
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const templateName = `comeback_tpl_${hash}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [templateName]);
      if (exists.rowCount === 0) {
        const building = `${templateName}_building_${process.pid}`;
        await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
        await admin.query(`CREATE DATABASE "${building}"`);
        const url = new URL(serverUrl);
        url.pathname = `/${building}`;
        await applyMigrations(url.toString());
        await admin.query(`ALTER DATABASE "${building}" RENAME TO "${templateName}"`).catch(async (error) => {
          // Another run built it first.
          await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
          if (!/already exists/.test(String(error))) throw error;
        });
      }
    } finally {
      await admin.end();
    }
    project.provide("testDatabase", { kind: "server", serverUrl, template: templateName });
    return;
  }
  const dir = path.resolve(".cache/test-db");
  const file = path.join(dir, `${hash}.tar`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const db = await startEphemeralPostgres();
    try {
      await applyMigrations(db.url);
      const dump = await db.db.dumpDataDir("none");
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(tmp, file);
    } finally {
      await db.stop();
    }
  }
  project.provide("testDatabase", { kind: "pglite", dump: file });
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { kind: "pglite"; dump: string } | { kind: "server"; serverUrl: string; template: string };
  }
}
