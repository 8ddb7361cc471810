/**
 * The Comeback server: `npm start` (production bundle) and `npm run dev` (Vite with HMR).
 * Boot order: settings -> port -> database (embedded unless DATABASE_URL) -> migrations ->
 * demo data on an empty database -> bundle -> serve -> background workers. Each step that can
 * fail says what is wrong in one sentence and exits non-zero.
 */
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { DataDirectoryInUseError } from "../app/platform/db/embedded.server";
import { applyMigrations, MigrationError } from "../app/platform/db/migrations.server";
import { env as readEnv, EnvError, loadDotEnv, type Env } from "../app/platform/env.server";
import { createApp } from "./app";
import { BUILD_DIR, ensureBuild } from "./build";
import { DatabaseUnreachableError, openDatabase, type OpenDatabase } from "./database";

const say = (line: string) => process.stdout.write(`${line}\n`);

class PortInUseError extends Error {}

/** Closed on a failed start too, so the embedded database is flushed and its lock released. */
let openedDatabase: OpenDatabase | undefined;

function listen(server: http.Server, env: Env): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      if (error.code === "EADDRINUSE") {
        reject(
          new PortInUseError(
            `Port ${env.PORT} on ${env.HOST} is already in use. Stop the other program, or start Comeback on another port: PORT=3001 npm start`,
          ),
        );
      } else if (error.code === "EACCES") {
        reject(
          new PortInUseError(
            `Not allowed to listen on port ${env.PORT}. Use a port above 1023: PORT=3001 npm start`,
          ),
        );
      } else reject(error);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(env.PORT, env.HOST);
  });
}

async function main() {
  let env: Env;
  try {
    loadDotEnv();
    env = readEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const mode = env.NODE_ENV === "production" ? "production" : "development";

  // Hold the port first, answering 503 while the rest starts, so a taken port fails at once.
  let handler: http.RequestListener = (_req, res) => {
    res.writeHead(503, { "Content-Type": "text/plain", "Retry-After": "5" });
    res.end("Comeback is starting. Try again in a few seconds.");
  };
  const server = http.createServer((req, res) => handler(req, res));
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 120_000;
  server.headersTimeout = 66_000;

  const stops: (() => Promise<void>)[] = [];
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections?.();
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await openedDatabase?.close().catch(() => {});
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));

  await listen(server, env);
  const database = await openDatabase(env);
  openedDatabase = database;
  say(`Database: ${database.describe}`);

  const { applied } = await applyMigrations(database.url);
  if (applied.length) say(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);

  // Seeding and workers import app modules through tsx (they use the shared db client).
  const { seedIfEmpty, demoAccounts } = await import("../prisma/seed");
  const seeded = env.SEED_ON_EMPTY ? await seedIfEmpty() : false;
  if (seeded) say("Seeded demo data into the empty database.");

  let app;
  if (mode === "production") {
    await ensureBuild(say);
    const build = (await import(
      pathToFileURL(path.join(BUILD_DIR, "server", "index.js")).href
    )) as ServerBuild;
    app = createApp({ build, mode, appUrl: env.appUrl, clientDir: path.join(BUILD_DIR, "client") });
  } else {
    const vite = await import("vite");
    const viteServer = await vite.createServer({
      server: { middlewareMode: true, hmr: { server } },
      appType: "custom",
    });
    stops.push(() => viteServer.close());
    app = createApp({
      build: () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
      mode,
      appUrl: env.appUrl,
      devMiddleware: viteServer.middlewares as never,
    });
  }
  handler = app as unknown as http.RequestListener;

  const { startWorkers } = await import("./workers");
  const workers = startWorkers(env);
  stops.push(() => workers.stop());

  say(`Comeback is ready at ${env.appUrl} (${mode})`);
  if (seeded || process.env.SHOW_DEMO_ACCOUNTS !== "false") {
    const accounts = await demoAccounts();
    if (accounts.length) {
      say("Demo sign-ins (demo data only; change or remove them before real use):");
      for (const a of accounts) say(`  ${a.role.padEnd(8)} ${a.email.padEnd(32)} password: ${a.password}`);
    }
  }
}

main().catch(async (error) => {
  await openedDatabase?.close().catch(() => {});
  const known =
    error instanceof EnvError ||
    error instanceof PortInUseError ||
    error instanceof DataDirectoryInUseError ||
    error instanceof DatabaseUnreachableError ||
    error instanceof MigrationError;
  console.error(
    known ? error.message : `Comeback could not start: ${error instanceof Error ? error.stack : error}`,
  );
  process.exit(1);
});
