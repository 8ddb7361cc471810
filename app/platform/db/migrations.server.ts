import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { startEphemeralPostgres, type EmbeddedPostgres } from "./embedded.server";

/**
 * Migrations on Prisma's WebAssembly schema engine, so nothing downloads a native binary.
 * Same folder format (prisma/migrations/<timestamp>_<name>/migration.sql) and the same
 * `_prisma_migrations` history table as `prisma migrate deploy`. See docs/decisions/003.
 */

export const MIGRATIONS_DIR = path.resolve(process.env.MIGRATIONS_DIR || "prisma/migrations");
export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");

type Engine = import("@prisma/schema-engine-wasm").SchemaEngine;
type MigrationList = import("@prisma/schema-engine-wasm").MigrationList;
type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

const FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration?: string,
    readonly statement?: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

let enginePromise: Promise<EngineModule> | undefined;

/** Instantiates the engine's .wasm ourselves: Node 20 cannot import .wasm as ESM without a flag. */
function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bytes = fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    // Rust panics report their message through this global; without it a panic hides its reason.
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        lastPanic = message;
      },
    };
    return bg;
  })();
  return enginePromise;
}
let lastPanic: string | undefined;

// PostgreSQL's one-byte "char" type (pg_constraint.contype and friends) is not mapped by
// @prisma/adapter-pg, while the engine's schema describer reads it on PostgreSQL >= 17 (PGlite
// is 18). We report such columns as text to the adapter and as Character to the engine.
const CHAR_OID = 18;
const TEXT_OID = 25;
const CHAR_MARK = "\u0000char";
const CHARACTER_COLUMN_TYPE = 6;

class EnginePool extends pg.Pool {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    if (result && typeof result.then === "function") {
      return result.then((res: pg.QueryResult) => {
        for (const field of res?.fields ?? []) {
          if (field.dataTypeID === CHAR_OID) {
            field.dataTypeID = TEXT_OID;
            field.name += CHAR_MARK;
          }
        }
        return res;
      });
    }
    return result;
  }
}

type ScriptFailure = { message: string; statement?: string; line?: number };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAdapter = any;

/** Finds the statement of `script` that contains the 1-based character `position`. */
export function locateStatement(script: string, position: number): { statement: string; line: number } {
  const index = Math.max(0, Math.min(script.length, position - 1));
  const start = script.lastIndexOf(";", index - 1) + 1;
  let end = script.indexOf(";", index);
  if (end === -1) end = script.length;
  const line = script.slice(0, index).split("\n").length;
  const statement = script
    .slice(start, end + 1)
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.trim().startsWith("--"))
    .join("\n")
    .trim();
  return { statement, line };
}

async function connect(
  config: pg.PoolConfig,
  pools: pg.Pool[],
  failures: ScriptFailure[],
): Promise<AnyAdapter> {
  const pool = new EnginePool({ ...config, max: 2 });
  pools.push(pool);
  const result = await new PrismaPg(pool).connect();
  const adapter: AnyAdapter = result;
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query: unknown) => {
    const rs = await queryRaw(query);
    rs.columnNames = rs.columnNames.map((name: string, i: number) => {
      if (!name.endsWith(CHAR_MARK)) return name;
      rs.columnTypes[i] = CHARACTER_COLUMN_TYPE;
      return name.slice(0, -CHAR_MARK.length);
    });
    return rs;
  };
  // The adapter's own executeScript splits on ";" (breaking functions and string literals) and
  // runs statements one by one. One simple-protocol query runs the whole migration in a single
  // implicit transaction instead: a failing migration leaves the database as it was.
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      const pgError = error as { message: string; position?: string };
      const located = pgError.position ? locateStatement(script, Number(pgError.position)) : undefined;
      failures.push({ message: pgError.message, ...located });
      throw error;
    }
  };
  return adapter;
}

function poolConfig(url: string): pg.PoolConfig {
  return { connectionString: url, connectionTimeoutMillis: 10_000 };
}

type Session = { engine: Engine; failures: ScriptFailure[]; close(): Promise<void> };

async function openEngine(url: string, schema: string): Promise<Session> {
  const bg = await loadEngineModule();
  const pools: pg.Pool[] = [];
  const shadows: EmbeddedPostgres[] = [];
  const failures: ScriptFailure[] = [];
  const ephemeral = async () => {
    const db = await startEphemeralPostgres();
    shadows.push(db);
    return db.url;
  };
  const factory = {
    adapterName: "@prisma/adapter-pg",
    provider: "postgres",
    connect: async () => connect(poolConfig(url), pools, failures),
    // Should the engine want a shadow database, it gets a fresh in-memory PGlite: no CREATE
    // DATABASE rights needed on a server, and it works the same offline.
    connectToShadowDb: async () => connect(poolConfig(await ephemeral()), pools, failures),
  };
  const engine = await bg.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory as never),
  );
  return {
    engine,
    failures,
    async close() {
      engine.free();
      await Promise.allSettled(pools.map((p) => p.end()));
      await Promise.allSettled(shadows.map((s) => s.stop()));
    },
  };
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const entries = fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : [];
  const migrationDirectories = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      const content = fs.existsSync(file)
        ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
        : { tag: "error" as const, value: `${file} is missing` };
      return { path: name, migrationFile: { path: "migration.sql", content } };
    });
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : 'provider = "postgresql"\n',
    },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

function readSchema(schemaPath = SCHEMA_PATH) {
  return fs.readFileSync(schemaPath, "utf8");
}

function engineMessage(error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  // Keep the engine's first lines; its span trace ("0: ... at file.rs") means nothing to users.
  const lines = message.split("\n");
  const traceStart = lines.findIndex((l) => /^\s+\d+: /.test(l));
  const text = (traceStart === -1 ? lines : lines.slice(0, traceStart)).join("\n").trim();
  return lastPanic ? `${text} (${lastPanic.split("\n")[0]})` : text;
}

/**
 * Applies every migration in `dir` that the database has not seen. A migration that fails is
 * rolled back as a whole and recorded as rolled back, and the error names the migration and
 * the statement.
 */
export async function applyMigrations(
  url: string,
  options: { dir?: string } = {},
): Promise<{ applied: string[] }> {
  const list = readMigrations(options.dir);
  const session = await openEngine(url, readSchema());
  try {
    const result = await session.engine.applyMigrations({ migrationsList: list, filters: FILTERS });
    return { applied: result.appliedMigrationNames };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const migration = /migration_name="([^"]+)"/.exec(text)?.[1];
    const failure = session.failures.at(-1);
    if (migration && failure) {
      await session.engine.markMigrationRolledBack({ migrationName: migration }).catch(() => {});
      const where = failure.line ? ` at line ${failure.line}` : "";
      throw new MigrationError(
        `Migration ${migration} failed${where}: ${failure.message}\n` +
          (failure.statement ? `  Statement: ${failure.statement.replace(/\n/g, "\n             ")}\n` : "") +
          `  Nothing from this migration was applied; the database is as it was before.`,
        migration,
        failure.statement,
      );
    }
    throw new MigrationError(`Migrations could not be applied: ${engineMessage(error)}`, migration);
  } finally {
    await session.close();
  }
}

/**
 * SQL that would bring the migrations folder up to schema.prisma ("" when they agree): the
 * migrations are applied to an empty throw-away database, which is then compared with the
 * schema. (The engine's own "from migrations" diff ignores preview features such as
 * postgresqlExtensions and would report pg_trgm as missing.)
 */
export async function diffMigrationsToSchema(
  options: { dir?: string; schemaPath?: string } = {},
): Promise<string> {
  const scratch = await startEphemeralPostgres();
  try {
    await applyMigrations(scratch.url, { dir: options.dir });
    return await diffDatabaseToSchema(scratch.url, { schemaPath: options.schemaPath });
  } finally {
    await scratch.stop();
  }
}

/** SQL that would bring the live database up to schema.prisma ("" when they agree). */
export async function diffDatabaseToSchema(
  url: string,
  options: { schemaPath?: string } = {},
): Promise<string> {
  const schema = readSchema(options.schemaPath);
  const session = await openEngine(url, schema);
  try {
    const files = [{ path: "schema.prisma", content: schema }];
    const result = await session.engine.diff({
      from: { tag: "schemaDatasource", files, configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: FILTERS,
    });
    return isEmptyMigration(result.stdout) ? "" : (result.stdout ?? "");
  } catch (error) {
    throw new MigrationError(`Could not compare the database with schema.prisma: ${engineMessage(error)}`);
  } finally {
    await session.close();
  }
}

function isEmptyMigration(sql: string | null | undefined) {
  return !sql || sql.trim() === "" || sql.trim() === "-- This is an empty migration.";
}

export function migrationFolderName(name: string, now = new Date()) {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug)
    throw new MigrationError("Give the migration a name, e.g. `npm run db:migration -- add-campaigns`.");
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${stamp}_${slug}`;
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema difference. */
export async function createMigration(
  name: string,
  options: { dir?: string; schemaPath?: string } = {},
): Promise<{ folder: string; sql: string } | null> {
  const folder = migrationFolderName(name);
  const sql = await diffMigrationsToSchema(options);
  if (!sql) return null;
  const dir = options.dir ?? MIGRATIONS_DIR;
  fs.mkdirSync(path.join(dir, folder), { recursive: true });
  fs.writeFileSync(path.join(dir, folder, "migration.sql"), sql);
  return { folder, sql };
}
