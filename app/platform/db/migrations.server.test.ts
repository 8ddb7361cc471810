import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEphemeralPostgres, type EmbeddedPostgres } from "./embedded.server";
import {
  applyMigrations,
  diffMigrationsToSchema,
  locateStatement,
  MIGRATIONS_DIR,
  MigrationError,
  readMigrations,
} from "./migrations.server";

describe("migrations", () => {
  let scratch: EmbeddedPostgres;
  let dir: string;

  beforeEach(async () => {
    scratch = await startEphemeralPostgres();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-migrations-"));
    fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  });
  afterEach(async () => {
    await scratch.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("produce exactly schema.prisma when applied to an empty database (no drift)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });

  it("are recorded in _prisma_migrations and not applied twice", async () => {
    const first = await applyMigrations(scratch.url, { dir });
    expect(first.applied).toEqual(readMigrations(dir).migrationDirectories.map((m) => m.path));
    const second = await applyMigrations(scratch.url, { dir });
    expect(second.applied).toEqual([]);
    const rows = await scratch.db.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
    );
    expect(rows.rows.map((r) => r.migration_name)).toEqual(first.applied);
  });

  it("a failing migration names itself and its statement, and leaves the database as it was", async () => {
    await applyMigrations(scratch.url, { dir });
    const before = await scratch.db.query(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
    );
    fs.mkdirSync(path.join(dir, "29990101000000_broken"));
    fs.writeFileSync(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `-- adds two tables, the second one with a typo\nCREATE TABLE "Fine" ("id" TEXT PRIMARY KEY);\nINSERT INTO "Fine" VALUES ('a; b');\nCREATE TABLE "Broken" ("id" TEXT PRIMARY KEY,, "x" INT);\n`,
    );
    const error = await applyMigrations(scratch.url, { dir }).catch((e) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toContain("29990101000000_broken");
    expect(error.message).toContain('CREATE TABLE "Broken"');
    expect(error.message).toContain("line 4");
    const after = await scratch.db.query(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(after.rows).toEqual(before.rows);

    // Fixing the file lets the next run apply it cleanly.
    fs.writeFileSync(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "Fine" ("id" TEXT PRIMARY KEY);\n`,
    );
    expect((await applyMigrations(scratch.url, { dir })).applied).toEqual(["29990101000000_broken"]);
  });

  it("locateStatement points at the failing statement and line", () => {
    const script = "CREATE TABLE a (id int);\n-- comment\nCREATE TABLE b (id int,, x int);\n";
    const where = locateStatement(script, script.indexOf(",,") + 2);
    expect(where.line).toBe(3);
    expect(where.statement).toBe("CREATE TABLE b (id int,, x int);");
  });
});
