/**
 * npm run bench:approvals — managers approving gig contracts at once, on the PostgreSQL server.
 *
 * Creates a fresh database on the server (DATABASE_URL, default the local one), starts the built
 * app on it (migrations, demo data), then adds 50 managers, each hiring for a program of their
 * own, and 2,000 contracts waiting for their approval (40 each, terms inside every rule, so the
 * hiring manager's approval completes each). autocannon (loopback, bounded: BENCH_CONNECTIONS
 * connections, one request per contract) posts the approve action from all managers at once,
 * interleaved, as the page's script posts it (BENCH_DOCUMENT=1: as a browser without script);
 * then /healthz of the same server for BENCH_SECONDS. Both are measured warm: BENCH_WARMUP more
 * contracts (default 100) are approved the same way first, as healthz is asked 20 times first.
 * Prints approvals/s at zero errors (timed to the last answer) and p95, healthz req/s, checks the
 * database for double transitions (a contract approved twice, two history rows, two audit events)
 * and for audit events the chain's linker left unlinked (ADR 084), and last the line
 *   bench approvals: ratio <approvals/s / healthz req/s>
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { ensureBuild } from "../../server/build";
import { seedContracts } from "./seed-contracts";

const MANAGERS = Number(process.env.BENCH_MANAGERS ?? 50);
const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
// What a browser running the page's script posts (single fetch): the route's action alone;
// BENCH_DOCUMENT=1 posts as without script (the action, then the whole page rendered again).
const ACTION_ONLY = process.env.BENCH_DOCUMENT === "1" ? "" : ".data";
const SERVER = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = `comeback_bench_approvals_${process.pid}`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-approvals-"));
const databaseUrl = (() => {
  const u = new URL(SERVER);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startApp(extra: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "warn",
      DISPATCHER: "false",
      WORKERS: "false",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: url,
      SHOW_DEMO_ACCOUNTS: "false",
      ...extra,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`The app exited during start (code ${child.exitCode}).`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const p95 = (sorted: number[]) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? NaN;

async function approveAll(url: string, work: { path: string; cookie: string }[]) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const body = new URLSearchParams({ intent: "decide", version: "1", decision: "approve" }).toString();
  const started = performance.now();
  // autocannon ends a run on its next one-second tick: time the run to its last answer instead.
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        amount: work.length,
        timeout: 30,
        requests: [
          {
            method: "POST",
            setupRequest: (req) => {
              const item = work[next++ % work.length];
              return {
                ...req,
                path: `${item.path}${ACTION_ONLY}`,
                headers: {
                  cookie: item.cookie,
                  origin: url,
                  "content-type": "application/x-www-form-urlencoded",
                },
                body,
              };
            },
          },
        ],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on("response", (_c: unknown, status: number, _b: number, time: number) => {
      latencies.push(time);
      lastAnswer = performance.now();
      if (status !== 200) errors++;
    });
  });
  const seconds = (lastAnswer - started) / 1000;
  latencies.sort((a, b) => a - b);
  errors += result.errors + result.timeouts;
  return {
    done: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p95: round(p95(latencies)),
  };
}

async function healthz(url: string) {
  const result = await autocannon({ url: `${url}/healthz`, connections: CONNECTIONS, duration: SECONDS });
  return {
    perSecond: result.requests.average,
    p95: result.latency.p97_5,
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  await ensureBuild((line) => console.log(line));
  console.log(
    `Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL server (database ${DB_NAME})`,
  );
  // Short-lived connections to the server's own database: a shared server may end idle ones.
  const onServer = async (sql: string) => {
    const admin = new pg.Client({ connectionString: SERVER });
    admin.on("error", () => undefined);
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end().catch(() => undefined);
    }
  };
  await onServer(`CREATE DATABASE ${DB_NAME}`);
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    console.log("Preparing the database (migrations, demo data)...");
    const first = await startApp({ SEED_ON_EMPTY: "true" });
    await first.stop();
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("error", () => undefined);
    await client.connect();
    const work = await seedContracts(client, { managers: MANAGERS, contracts: CONTRACTS + WARMUP });
    app = await startApp({ SEED_ON_EMPTY: "false" });
    for (let i = 0; i < 20; i++) await fetch(`${app.url}/healthz`).then((r) => r.arrayBuffer());
    // Each contract can be approved once: the first WARMUP (every manager's, interleaved) warm the
    // app's code and its connections' prepared statements, and are not counted.
    const warmup = await approveAll(app.url, work.slice(0, WARMUP));
    const approvals = await approveAll(app.url, work.slice(WARMUP));
    const health = await healthz(app.url);
    const checks = await client.query<{
      approved: string;
      notes: string;
      audits: string;
      doubles: string;
      unlinked: string;
    }>(
      `SELECT
         (SELECT count(*) FROM "GigContract" WHERE id LIKE 'bench-c-%' AND status = 'approved') AS approved,
         (SELECT count(*) FROM "AuditEvent" WHERE "chainPosition" IS NULL) AS unlinked,
         (SELECT count(*) FROM "ContractNote" WHERE "contractId" LIKE 'bench-c-%' AND action = 'approve') AS notes,
         (SELECT count(*) FROM "AuditEvent" WHERE "entityId" LIKE 'bench-c-%' AND action = 'contract.approved') AS audits,
         (SELECT count(*) FROM (SELECT "contractId" FROM "ContractNote" WHERE "contractId" LIKE 'bench-c-%' AND action = 'approve'
            GROUP BY "contractId" HAVING count(*) > 1) d) AS doubles`,
    );
    await client.end();
    const c = checks.rows[0];
    console.log(
      `approvals: ${approvals.done} in ${approvals.seconds.toFixed(1)} s, ${approvals.perSecond.toFixed(1)} approvals/s, ${approvals.errors} errors, p95 ${approvals.p95} ms (${MANAGERS} managers, ${CONNECTIONS} connections)`,
    );
    console.log(`healthz: ${health.perSecond.toFixed(0)} req/s, ${health.errors} errors (${SECONDS} s)`);
    console.log(`warm-up: ${warmup.done} approvals first, ${warmup.errors} errors (not counted above)`);
    console.log(
      `database: ${c.approved} of ${CONTRACTS + WARMUP} approved, ${c.notes} approve history rows, ${c.audits} audit events, ${c.doubles} double transitions, ${c.unlinked} audit events not linked into the chain (ADR 084) ${SECONDS} s later`,
    );
    console.log(`bench approvals: ratio ${(approvals.perSecond / Math.max(1, health.perSecond)).toFixed(3)}`);
    if (
      approvals.errors + warmup.errors > 0 ||
      Number(c.doubles) > 0 ||
      Number(c.approved) !== CONTRACTS + WARMUP ||
      Number(c.unlinked) > 0
    )
      process.exitCode = 1;
  } finally {
    await app?.stop();
    await onServer(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
});
