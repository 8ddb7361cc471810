/**
 * npm run bench:load — the built app under load on loopback, with 100,000 alumni.
 *
 * Starts the real server twice on a fresh database (embedded by default, DATABASE_URL to use a
 * server): the first start migrates and seeds the demo data, then the pool is filled to
 * 100,000 alumni with one set-based INSERT, and 50 managers get 2,000 gig contracts waiting for
 * their approval (scripts/bench/seed-contracts.ts); the second start serves the load. An HR user
 * signs in, and autocannon drives each target for a fixed time: the alumni list with a filter
 * and a search, a profile, the overview dashboard (the funnel over the whole pool), an alumnus's
 * opportunities page in the portal, and an audited HR action (adding a note to a profile); the
 * managers' approvals go one request per contract (each can be approved once) until all are done.
 * `/healthz` (no database) is the floor of any answer, `/readyz` (one database round trip) the
 * floor of any page. Prints requests/s, errors and p50/p95/p99 per target, the machine, and last
 * the line
 *   bench load: ratio <alumni list p95 / readiness check p95>
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { loadDotEnv, env as readEnv } from "../../app/platform/env.server";
import { withDatabase } from "../../server/database";
import { DEMO_ACCOUNTS } from "../../prisma/seed";
import { alumniFilterToSearchParams } from "../../app/modules/alumni/alumni-filter";
import { seedContracts } from "./seed-contracts";

const TARGET_ALUMNI = Number(process.env.BENCH_ALUMNI ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const MANAGERS = Number(process.env.BENCH_MANAGERS ?? 50);
const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 2000);

loadDotEnv();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-load-"));
process.env.DATA_DIR = dataDir;
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATA_DIR: dataDir,
  LOG_LEVEL: "warn",
  DISPATCHER: "false",
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startApp(
  extra: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: {
      ...baseEnv,
      ...extra,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: url,
      SHOW_DEMO_ACCOUNTS: "false",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`The app exited during start (code ${child.exitCode}).`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    child,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

type Prepared = { pick: string; portalCookie: string; approvals: { path: string; cookie: string }[] };

/**
 * Fills the pool to TARGET_ALUMNI, adds the contracts waiting for approval, and signs one person
 * in to the portal. Returns that person's id (the profile target), their cookie and the approvals.
 */
async function fillPool(url: string): Promise<Prepared> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Alumnus"`);
    const missing = Math.max(0, TARGET_ALUMNI - Number(rows[0].n));
    await client.query(
      `INSERT INTO "Alumnus" (id, "hrId", "workEmail", "firstName", "lastName", "jobTitle", department, location, country,
         "hireDate", "exitDate", "exitReason", "hrRehireFlag", "consentReturn", skills, tags, "searchText", source, "updatedAt")
       SELECT 'load' || g, 'LOAD-' || g, 'load.person' || g || '@example.com', (ARRAY['Maja','Jonas','Aisha','Lars','Sofia','Omar','Elin','Mateo'])[1 + g % 8],
         'Person' || g, (ARRAY['Support agent','Team lead','Billing specialist','Chat agent'])[1 + g % 4],
         (ARRAY['Customer service','Finance','Operations','Sales'])[1 + g % 4], (ARRAY['Stockholm','Berlin','Remote','Madrid','Lisbon'])[1 + g % 5], 'SE',
         DATE '2015-01-01' + (g % 2000), DATE '2021-01-01' + (g % 1200),
         (ARRAY['layoff_automation','resignation','position_eliminated','contract_end','performance']::"ExitReason"[])[1 + g % 5],
         (ARRAY['yes','no','review']::"RehireFlag"[])[1 + g % 3], (ARRAY['granted','unknown','withdrawn']::"ConsentStatus"[])[1 + g % 3],
         ARRAY['zendesk','swedish','english'], ARRAY[]::text[],
         lower((ARRAY['maja','jonas','aisha','lars','sofia','omar','elin','mateo'])[1 + g % 8] || ' person' || g || ' load.person' || g || '@example.com support agent zendesk'),
         'seed', now()
       FROM generate_series(1, $1::int) AS g`,
      [missing],
    );
    await client.query(`ANALYZE "Alumnus"`);
    const pick = await client.query<{ id: string }>(
      `SELECT id FROM "Alumnus" ORDER BY id LIMIT 1 OFFSET $1`,
      [Math.floor(TARGET_ALUMNI / 2)],
    );
    const approvals = await seedContracts(client, { managers: MANAGERS, contracts: CONTRACTS });
    const token = randomBytes(32).toString("base64url");
    await client.query(
      `INSERT INTO "Session" (id, "alumnusId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`,
      [createHash("sha256").update(token).digest("hex"), pick.rows[0].id],
    );
    await client.query(`ANALYZE`);
    return { pick: pick.rows[0].id, portalCookie: `portal_session=${token}`, approvals };
  } finally {
    await client.end();
  }
}

async function signIn(url: string): Promise<string> {
  const hr = DEMO_ACCOUNTS.find((a) => a.role === "hr")!;
  const response = await fetch(`${url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: url,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      email: hr.email,
      password: hr.password,
      redirectTo: "",
    }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in failed with ${response.status}.`);
  return cookie;
}

type Target = {
  name: string;
  path: string;
  method?: "GET" | "POST";
  body?: string;
  /** Another session's cookie than HR's (the portal). */
  cookie?: string;
  /** One request each, in this order, instead of the same request for SECONDS. */
  work?: { path: string; cookie: string }[];
  ok: (status: number) => boolean;
};
type Result = {
  name: string;
  requests: number;
  seconds: number;
  rps: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
};

const round = (ms: number) => Math.round(ms * 10) / 10;

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function drive(url: string, hrCookie: string, target: Target): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let finish!: (result: autocannon.Result) => void;
  const done = new Promise<autocannon.Result>((resolve) => (finish = resolve));
  const headers = {
    cookie: target.cookie ?? hrCookie,
    origin: url,
    ...(target.body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
  };
  const work = target.work;
  let next = 0;
  const started = performance.now();
  const instance = autocannon(
    {
      url: `${url}${target.path}`,
      method: target.method ?? "GET",
      connections: CONNECTIONS,
      ...(work ? { amount: work.length, timeout: 30 } : { duration: SECONDS }),
      headers,
      body: target.body,
      ...(work
        ? {
            requests: [
              {
                method: target.method ?? "GET",
                setupRequest: (req: autocannon.Request) => {
                  const item = work[next++ % work.length];
                  return {
                    ...req,
                    path: item.path,
                    headers: { ...headers, cookie: item.cookie },
                    body: target.body,
                  };
                },
              },
            ],
          }
        : {}),
    },
    (error, result) => (error ? finish({ errors: 1, timeouts: 0 } as autocannon.Result) : finish(result)),
  );
  instance.on("response", (_client: unknown, status: number, _bytes: number, time: number) => {
    latencies.push(time);
    if (!target.ok(status)) errors++;
  });
  const result = await done;
  const seconds = work ? (performance.now() - started) / 1000 : SECONDS;
  errors += result.errors + result.timeouts;
  latencies.sort((a, b) => a - b);
  return {
    name: target.name,
    requests: latencies.length,
    seconds: Math.round(seconds * 10) / 10,
    rps: Math.round(latencies.length / seconds),
    errors,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
  };
}

async function main() {
  console.log(
    `Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.env.DATABASE_URL ? "PostgreSQL server" : "embedded PGlite"}`,
  );
  console.log("Preparing the database (migrations, demo data)...");
  const first = await startApp({ SEED_ON_EMPTY: "true" });
  await first.stop();
  const { pick, portalCookie, approvals } = await withDatabase(readEnv(), fillPool);
  const app = await startApp({ SEED_ON_EMPTY: "false" });
  try {
    const cookie = await signIn(app.url);
    const targets: Target[] = [
      { name: "readiness check (floor)", path: "/readyz", ok: (s) => s === 200 },
      { name: "liveness check (no database)", path: "/healthz", ok: (s) => s === 200 },
      {
        name: "alumni list, filter + search",
        // the canonical address of the view (the list redirects any other spelling to it)
        path: `/staff/alumni?${alumniFilterToSearchParams({ q: "maja", exitReason: ["resignation"], location: ["Berlin"] })}`,
        ok: (s) => s === 200,
      },
      {
        name: "alumni profile",
        path: `/staff/alumni/${pick}`,
        ok: (s) => s === 200,
      },
      { name: "overview dashboard, all decisions", path: "/staff/overview", ok: (s) => s === 200 },
      {
        name: "portal: opportunities (alumnus)",
        path: "/portal/programs",
        cookie: portalCookie,
        ok: (s) => s === 200,
      },
      {
        name: "HR action: add a note (audited)",
        path: `/staff/alumni/${pick}`,
        method: "POST",
        body: new URLSearchParams({
          intent: "add-note",
          body: "Called about the spring support roles; prefers evening shifts.",
        }).toString(),
        ok: (s) => s === 200,
      },
      {
        name: `manager action: approve (${MANAGERS} managers)`,
        path: "/",
        method: "POST",
        body: new URLSearchParams({ intent: "decide", version: "1", decision: "approve" }).toString(),
        work: approvals,
        ok: (s) => s === 200,
      },
    ];
    const results: Result[] = [];
    for (const target of targets) {
      // warm up: the first requests compile queries and fill caches
      if (!target.method || target.method === "GET")
        for (let i = 0; i < 20; i++)
          await fetch(`${app.url}${target.path}`, { headers: { cookie: target.cookie ?? cookie } }).then(
            (r) => r.arrayBuffer(),
          );
      const r = await drive(app.url, cookie, target);
      results.push(r);
      console.log(
        `${r.name.padEnd(38)} ${String(r.rps).padStart(6)} req/s  ${String(r.errors).padStart(4)} errors  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  (${r.requests} requests, ${CONNECTIONS} connections, ${r.seconds} s)`,
      );
    }
    const floor = results.find((r) => r.name.startsWith("readiness"))!;
    const list = results.find((r) => r.name.startsWith("alumni list"))!;
    console.log(`bench load: ratio ${(list.p95 / Math.max(1, floor.p95)).toFixed(2)}`);
    if (results.some((r) => r.errors > 0)) process.exitCode = 1;
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
});
