import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { sha256 } from "./crypto.server";
import { BACKGROUND_APPLICATION } from "./db/session-queue.server";
import { databaseUrl, env } from "./env.server";
import { log } from "./logging.server";

/**
 * Processes that only do background work (the import jobs' own processes) say so in their
 * connections' application_name: on the embedded database their statements then give way to
 * requests (db/session-queue.server.ts).
 */
export const BACKGROUND_PROCESS_ENV = "COMEBACK_BACKGROUND_PROCESS";
const applicationName = () =>
  process.env[BACKGROUND_PROCESS_ENV] === "1" ? BACKGROUND_APPLICATION : "comeback";

export { Prisma };
export type { PrismaClient };

/** What domain functions accept when they may run inside a caller's transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** Distinct statements one process names (or decides not to); statements new after that run unprepared (ADR 093). */
export const PREPARED_STATEMENT_LIMIT = 500;
/** Statements with more parameters (long id lists, bulk writes) vary too much to be worth keeping. */
const PREPARED_PARAMETER_LIMIT = 32;
/** A statement selecting every column (`*`) would fail once a newer version's migration adds one. */
const SELECTS_EVERY_COLUMN = /(^|[\s.,(])\*\s*(,|FROM\b|$)/i;

/**
 * Names for prepared statements (ADR 093): the connection then parses a statement once and the
 * server may keep its plan, instead of parsing and planning it on every call, which was most of
 * the database's work for a short request. A name is the statement's hash, so every connection
 * agrees on it; each connection prepares it on first use. Not for the embedded database, whose
 * connections all share one backend and so one namespace of statements.
 */
export function statementNamer(limit = PREPARED_STATEMENT_LIMIT) {
  // "" runs the statement unnamed: parsed and planned each time, as without a generator.
  const names = new Map<string, string>();
  return (query: { sql: string; args: unknown[] }): string => {
    const known = names.get(query.sql);
    if (known !== undefined) return known;
    if (names.size >= limit) return "";
    const name =
      query.args.length > PREPARED_PARAMETER_LIMIT || SELECTS_EVERY_COLUMN.test(query.sql)
        ? ""
        : `cb_${sha256(query.sql).slice(0, 40)}`;
    names.set(query.sql, name);
    return name;
  };
}

/** PGlite's connections all share one backend; it says so in `version()` ("... (PGlite 0.5.14) ..."). */
export const isSharedBackend = (version: string) => /\(PGlite\b/.test(version);

/**
 * Statement names once a connection has said which database this is: none for the embedded
 * database (or a proxy in front of it), whose connections share one backend and so one namespace
 * of statements ("prepared statement ... already exists" from a second connection). The pool asks
 * through `onConnect`, on a new connection before anyone uses it, until one has answered; if the
 * question fails, statements run unnamed and the next new connection asks again.
 */
function preparedOnServer() {
  const name = statementNamer();
  let prepare: boolean | undefined;
  return {
    async onConnect(client: pg.ClientBase) {
      if (prepare !== undefined) return;
      try {
        const result = await client.query<{ version: string }>("SELECT version() AS version");
        prepare = !isSharedBackend(String(result.rows[0]?.version ?? ""));
      } catch {
        // The connection's first real statement meets the same fault and reports it.
      }
    },
    name: (query: { sql: string; args: unknown[] }) => (prepare ? name(query) : ""),
  };
}

function createClient() {
  const e = env();
  // A dead or saturated database server must fail fast (503) rather than hang requests. The
  // embedded database this process serves is a local socket that opens at once: waiting for a
  // connection there only means waiting in line for its one backend, so requests queue (up to
  // the statement timeout) instead of failing after the connect timeout.
  const localQueue = !process.env.DATABASE_URL && embeddedDatabaseInThisProcess();
  const waitForConnection = localQueue
    ? Math.max(e.DB_CONNECT_TIMEOUT_MS, e.DB_STATEMENT_TIMEOUT_MS)
    : e.DB_CONNECT_TIMEOUT_MS;
  const prepared = e.DB_PREPARED_STATEMENTS ? preparedOnServer() : undefined;
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    max: e.DB_POOL_MAX,
    connectionTimeoutMillis: waitForConnection,
    idleTimeoutMillis: 30_000,
    statement_timeout: e.DB_STATEMENT_TIMEOUT_MS,
    query_timeout: e.DB_STATEMENT_TIMEOUT_MS + 2_000,
    application_name: applicationName(),
    // Connections are renewed now and then, which also lets go of the statements they prepared.
    maxLifetimeSeconds: 3600,
    onConnect: prepared?.onConnect,
  });
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    statementNameGenerator: prepared?.name,
  });
  const client = new PrismaClient({
    adapter,
    // What production uses (Prisma picks it when NODE_ENV=production), everywhere: no code frame
    // read from the caller's stack. Under the test runner that read walks the 1.7 MB server bundle
    // through source maps and overflowed the stack, so a refused unique name answered 500 in
    // tests while production answered 409.
    errorFormat: "minimal",
    transactionOptions: { maxWait: waitForConnection, timeout: 20_000 },
  });
  return { client, pool };
}

// One client per process; kept on globalThis so Vite's module reloads in development reuse it.
const globalForDb = globalThis as unknown as {
  __comebackPrisma?: PrismaClient;
  __comebackPool?: pg.Pool;
  __comebackBackgroundPool?: pg.Pool;
};

export function getDb(): PrismaClient {
  if (!globalForDb.__comebackPrisma) {
    const { client, pool } = createClient();
    globalForDb.__comebackPrisma = client;
    globalForDb.__comebackPool = pool;
  }
  return globalForDb.__comebackPrisma;
}

/**
 * Work to do once a transaction has committed (ADR 084), by transaction client. On globalThis, so
 * the server's and the bundle's copies of this module share it.
 */
const afterCommitWork = ((
  globalThis as unknown as { __comebackAfterCommit?: WeakMap<object, (() => void)[]> }
).__comebackAfterCommit ??= new WeakMap());

/**
 * Runs `callback` after the transaction `tx` commits, and never if it rolls back. Outside a
 * transaction started by `db.$transaction(fn)` (the client itself, or a statement that commits on
 * its own) it runs on the next turn of the event loop. The callback must not throw and must not
 * be needed for correctness: a process can die between the commit and the callback.
 */
export function afterCommit(tx: Db, callback: () => void) {
  const pending = afterCommitWork.get(tx);
  if (pending) pending.push(callback);
  else setImmediate(callback);
}

/** `$transaction(fn)` that runs the transaction's after-commit work once it has committed. */
function transactionWithAfterCommit(client: PrismaClient): PrismaClient["$transaction"] {
  const transaction = client.$transaction.bind(client) as (
    arg: unknown,
    options?: unknown,
  ) => Promise<unknown>;
  return ((arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") return transaction(arg, options);
    let work: (() => void)[] = [];
    const run = async (tx: Prisma.TransactionClient) => {
      work = [];
      afterCommitWork.set(tx, work);
      return (arg as (tx: Prisma.TransactionClient) => Promise<unknown>)(tx);
    };
    return transaction(run, options).then((result) => {
      for (const callback of work) callback();
      return result;
    });
  }) as PrismaClient["$transaction"];
}

/** The shared client. Lazily created so importing a module never opens a connection. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    if (property === "$transaction") return transactionWithAfterCommit(client);
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * A statement on the client's own connection pool, outside Prisma's query layer. Only for
 * set-based bulk statements whose parameters run to megabytes (the eligibility recompute's
 * pages): Prisma copies and converts every parameter and result value, which doubled the time
 * such a statement took (ADR 018). Never inside `$transaction`: this is another connection.
 */
export async function bulkQuery<Row>(text: string, params: unknown[]): Promise<Row[]> {
  getDb();
  const result = await globalForDb.__comebackPool!.query(text, params);
  return result.rows as Row[];
}

/**
 * `bulkQuery` for background work that runs in the web process (the eligibility recompute): its
 * own few connections, named as background work, so on the embedded database requests go first.
 */
export async function backgroundQuery<Row>(text: string, params: unknown[]): Promise<Row[]> {
  if (!globalForDb.__comebackBackgroundPool) {
    const e = env();
    globalForDb.__comebackBackgroundPool = new pg.Pool({
      connectionString: databaseUrl(),
      max: 4,
      connectionTimeoutMillis: e.DB_CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      statement_timeout: e.DB_STATEMENT_TIMEOUT_MS,
      query_timeout: e.DB_STATEMENT_TIMEOUT_MS + 2_000,
      application_name: BACKGROUND_APPLICATION,
    });
    // An idle connection cut by the server (a restart, an administrator, a proxy's idle limit)
    // is an 'error' on the pool; without a listener it would end the process. The pool drops
    // that connection and opens a new one for the next query.
    globalForDb.__comebackBackgroundPool.on("error", (error) =>
      log.warn("a background database connection was closed by the server", { error }),
    );
  }
  const result = await globalForDb.__comebackBackgroundPool.query(text, params);
  return result.rows as Row[];
}

/**
 * True while this process serves the embedded database (db/embedded.server.ts counts them on
 * globalThis, so every copy of this module agrees): PostgreSQL then runs on this process's main
 * thread, beside the app's JavaScript, instead of in processes of its own.
 */
export function embeddedDatabaseInThisProcess() {
  return (
    ((globalThis as unknown as { __comebackEmbeddedServing?: number }).__comebackEmbeddedServing ?? 0) > 0
  );
}

export async function disconnectDb() {
  const client = globalForDb.__comebackPrisma;
  const background = globalForDb.__comebackBackgroundPool;
  globalForDb.__comebackPrisma = undefined;
  globalForDb.__comebackPool = undefined;
  globalForDb.__comebackBackgroundPool = undefined;
  await client?.$disconnect();
  await background?.end();
}

/** True when an error means the database could not be reached or timed out (-> 503). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: string; name?: string; message?: string; cause?: unknown };
  if (e.name === "PrismaClientInitializationError") return true;
  if (
    e.code &&
    [
      ...["P1001", "P1002", "P1008", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT"],
      // PostgreSQL shutting down, crashed, or still starting; a statement timeout
      ...["57P01", "57P02", "57P03", "57014"],
    ].includes(e.code)
  )
    return true;
  const message = e.message ?? "";
  if (
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|ECONNREFUSED|Can't reach database|Query read timeout|canceling statement due to statement timeout|Transaction API error: Unable to start a transaction in the given time|terminating connection due to administrator command|the database system is (shutting down|starting up|in recovery mode)|Code: `57P0[123]`/i.test(
      message,
    )
  )
    return true;
  return e.cause ? isDatabaseUnavailable(e.cause) : false;
}

/** Unique-constraint violation (parallel creates with the same key -> one row, the rest 409). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: unknown } | undefined;
  if (!e) return false;
  if (e.code === "P2002" || e.code === "23505") return true;
  return e.cause ? isUniqueViolation(e.cause) : false;
}
