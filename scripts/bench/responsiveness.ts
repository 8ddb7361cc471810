/**
 * npm run bench:responsiveness — does the app keep answering while heavy work runs (issue 12)?
 *
 * For each database (the embedded PGlite in a temporary directory; and a fresh database on the
 * PostgreSQL server at BENCH_SERVER_URL, default postgresql://postgres@127.0.0.1:5432/postgres,
 * skipped when it cannot be reached; BENCH_DATABASES=embedded to run only that one): starts the
 * built app, seeds the demo data and fills the pool to 100,000 alumni, signs in as HR, then probes
 * the alumni list (with a filter) and /healthz every PROBE_MS, one request at a time each:
 * - idle, for IDLE_SECONDS;
 * - busy: while a 100,000-row import goes through the app as HR does it (upload, dry run, commit)
 *   and then a full eligibility recompute ("Re-evaluate everyone") runs.
 * Prints p50/p95/max and failed requests (not 200, or no answer within 10 s) per phase, one line
 * per database, and last `bench responsiveness: ratio <busy p95 / idle p95 of the alumni list>`
 * for the embedded database. Targets: ratio <= 10, no request over 2 s, none failed.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { alumniFilterToSearchParams } from "../../app/modules/alumni/alumni-filter";
import { suggestMapping } from "../../app/modules/imports/fields";
import { columnFieldName } from "../../app/modules/imports/schemas";
import { loadDotEnv, env as readEnv } from "../../app/platform/env.server";
import { DEMO_ACCOUNTS } from "../../prisma/seed";
import { withDatabase } from "../../server/database";

const ALUMNI = Number(process.env.BENCH_ALUMNI ?? 100_000);
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 15);
const PROBE_MS = Number(process.env.BENCH_PROBE_MS ?? 250);
const TIMEOUT_MS = 10_000;
const SERVER_URL = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const benchStart = performance.now();
/** Where the run is, on stderr with the seconds since start (a stalled phase shows where). */
const phase = (line: string) =>
  process.stderr.write(`  [${((performance.now() - benchStart) / 1000).toFixed(1)} s] ${line}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Starts the built app (server/index.ts, NODE_ENV=production) and waits for /healthz. */
async function startApp(env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", APP_URL: url, SHOW_DEMO_ACCOUNTS: "false" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`The app exited during start (code ${child.exitCode}).`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 600) throw new Error("The app did not start within 5 minutes.");
    await sleep(500);
  }
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The pool filled to ALUMNI people with one set-based INSERT, and analysed. */
async function fillPool(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Alumnus"`);
    await client.query(
      `INSERT INTO "Alumnus" (id, "hrId", "workEmail", "firstName", "lastName", "jobTitle", department, location,
         "hireDate", "exitDate", "exitReason", "hrRehireFlag", "searchText", source, "updatedAt")
       SELECT 'pool' || g, 'POOL-' || g, 'pool.person' || g || '@example.com', (ARRAY['Maja','Jonas','Aisha','Lars'])[1 + g % 4],
         'Person' || g, (ARRAY['Support agent','Team lead','Billing specialist'])[1 + g % 3],
         (ARRAY['Customer service','Finance','Operations'])[1 + g % 3], (ARRAY['Stockholm','Berlin','Remote'])[1 + g % 3],
         DATE '2015-01-01' + (g % 2000), DATE '2021-01-01' + (g % 1200),
         (ARRAY['layoff_automation','resignation','position_eliminated']::"ExitReason"[])[1 + g % 3],
         (ARRAY['yes','no','review']::"RehireFlag"[])[1 + g % 3],
         lower((ARRAY['maja','jonas','aisha','lars'])[1 + g % 4] || ' person' || g || ' pool.person' || g || '@example.com'),
         'seed', now()
       FROM generate_series(1, $1::int) AS g`,
      [Math.max(0, ALUMNI - Number(rows[0].n))],
    );
    await client.query(`ANALYZE "Alumnus"`);
  } finally {
    await client.end();
  }
}

/** ROWS new leavers in Workday's export shape. */
function workdayFile(dir: string) {
  const file = path.join(dir, "workday.csv");
  const reasons = [
    "Reduction in Force > Restructuring",
    "Voluntary > Resignation - Career Opportunity",
    "Voluntary > Retirement",
    "Contract End",
    "Involuntary > Performance",
  ];
  const lines = [
    "Employee ID,Legal Name,Primary Work Email,Job Profile,Supervisory Organization,Location,Hire Date,Termination Date,Primary Termination Reason,Eligible for Rehire",
  ];
  for (let i = 0; i < ROWS; i++) {
    const first = ["Chloe", "Mateusz", "Amara", "Oskar", "Priya"][i % 5];
    const last = ["Eriksson", "Chen", "Okafor", "Lind", "Kim", "Berg", "Smith"][i % 7];
    const hire = `${String(1 + (i % 12)).padStart(2, "0")}/${String(1 + (i % 28)).padStart(2, "0")}/${2008 + (i % 12)}`;
    const exit = `${String(1 + ((i * 7) % 12)).padStart(2, "0")}/15/${2021 + (i % 4)}`;
    lines.push(
      `W${700000 + i},${first} ${last},${first.toLowerCase()}.${last.toLowerCase()}${i}@example-fintech.com,Support Agent,Operations,Stockholm,${hire},${exit},${reasons[i % reasons.length]},${["Yes", "No", ""][i % 3]}`,
    );
  }
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

type Probe = { ms: number; ok: boolean };

/** Requests `path` one at a time every PROBE_MS until stopped. */
function probe(url: string, target: string, cookie: string) {
  const results: Probe[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const start = performance.now();
      const ok = await fetch(`${url}${target}`, {
        headers: { cookie },
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      }).then(
        async (r) => (await r.arrayBuffer(), r.status === 200),
        () => false,
      );
      const ms = performance.now() - start;
      results.push({ ms, ok });
      await sleep(Math.max(0, PROBE_MS - ms));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return results;
    },
  };
}

function stats(results: Probe[]) {
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return {
    n: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? NaN,
    failed: results.filter((r) => !r.ok).length,
  };
}
const fmt = (s: ReturnType<typeof stats>) =>
  `p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, max ${s.max.toFixed(0)} ms, ${s.failed} failed of ${s.n}`;

async function signIn(url: string, role: "hr") {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  const response = await fetch(`${url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: account.email, password: account.password, redirectTo: "" }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in as ${role} answered ${response.status}.`);
  return cookie;
}

/** Polls a page until its HTML matches `until`; throws when it matches `failure`. */
async function waitForPage(url: string, cookie: string, until: RegExp, failure?: RegExp) {
  let said = 0;
  for (;;) {
    const response = await fetch(url, { headers: { cookie } });
    const html = await response.text();
    if (failure?.test(html)) throw new Error(`${url} shows a failure.`);
    if (until.test(html)) return;
    if (performance.now() - said > 10_000) {
      said = performance.now();
      const progress = /role="progressbar"[^>]*>|aria-valuenow="\d+"[^>]*/.exec(html)?.[0] ?? "";
      phase(`waiting for ${new URL(url).pathname} (${response.status}) ${progress.slice(0, 160)}`);
    }
    await sleep(500);
  }
}

/** The import as HR does it, over HTTP: upload, mapping (starts the dry run), commit. */
async function importFile(url: string, cookie: string, file: string) {
  const form = new FormData();
  form.append("file", new Blob([fs.readFileSync(file)], { type: "text/csv" }), "workday-100k.csv");
  const up = await fetch(`${url}/staff/imports/new`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, Origin: url },
    body: form,
  });
  const location = up.headers.get("location") ?? "";
  const importId = /\/staff\/imports\/([^/]+)\/mapping/.exec(location)?.[1];
  if (!importId) throw new Error(`The upload answered ${up.status}.`);
  const headers = fs.readFileSync(file, "utf8").slice(0, 1000).split("\n")[0].split(",");
  const mapping = new URLSearchParams({ dateFormat: "us", system: "workday" });
  for (const [field, column] of Object.entries(suggestMapping(headers)))
    if (column) mapping.set(columnFieldName(field as never), column);
  const post = (path: string, body: URLSearchParams) =>
    fetch(`${url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
  phase(`uploaded (${importId}); mapping, which starts the dry run`);
  const mapped = await post(`/staff/imports/${importId}/mapping`, mapping);
  if (mapped.status !== 302) throw new Error(`The mapping answered ${mapped.status}.`);
  const page = `${url}/staff/imports/${importId}`;
  await waitForPage(page, cookie, /value="commit"/, /The import failed|could not be read|cannot be read/);
  phase("dry run done; committing");
  const committed = await post(`/staff/imports/${importId}`, new URLSearchParams({ intent: "commit" }));
  if (committed.status >= 400) throw new Error(`The commit answered ${committed.status}.`);
  await waitForPage(page, cookie, /Applied <!-- -->|Applied <time|>Applied /, /The import failed/);
}

/** One database: prints its line; returns the alumni list's idle and busy p95. */
async function benchOne(kind: "embedded" | "server") {
  loadDotEnv();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-responsiveness-"));
  let serverDb: string | undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dir,
    LOG_LEVEL: "warn",
    // the app's own job runner does the import and the recompute, as in production
    DISPATCHER: "true",
  };
  delete env.DATABASE_URL;
  if (kind === "server") {
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    serverDb = `comeback_responsiveness_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${serverDb}`);
    await admin.end();
    const u = new URL(SERVER_URL);
    u.pathname = `/${serverDb}`;
    env.DATABASE_URL = u.toString();
  }
  process.env.DATA_DIR = dir;
  if (env.DATABASE_URL) process.env.DATABASE_URL = env.DATABASE_URL;
  else delete process.env.DATABASE_URL;
  try {
    const file = workdayFile(dir);
    const first = await startApp({ ...env, SEED_ON_EMPTY: "true" });
    await first.stop();
    phase("seeded; filling the pool");
    await withDatabase(readEnv(), fillPool);
    phase(`pool filled to ${ALUMNI.toLocaleString("en-GB")}; starting the app`);
    const app = await startApp({ ...env, SEED_ON_EMPTY: "false" });
    try {
      const cookie = await signIn(app.url, "hr");
      const list = `/staff/alumni?${alumniFilterToSearchParams({ q: "maja", exitReason: ["resignation"], location: ["Berlin"] })}`;
      for (let i = 0; i < 10; i++)
        await fetch(`${app.url}${list}`, { headers: { cookie } }).then((r) => r.text());

      let listProbe = probe(app.url, list, cookie);
      let healthProbe = probe(app.url, "/healthz", "");
      phase("idle probes");
      await sleep(IDLE_SECONDS * 1000);
      const idle = { list: stats(await listProbe.stop()), health: stats(await healthProbe.stop()) };

      listProbe = probe(app.url, list, cookie);
      healthProbe = probe(app.url, "/healthz", "");
      const t0 = performance.now();
      phase(`busy probes: importing ${ROWS.toLocaleString("en-GB")} rows`);
      await importFile(app.url, cookie, file);
      phase("import applied; re-evaluating everyone");
      const tImport = performance.now();
      // The import queued a re-evaluation of its own; "Re-evaluate everyone" is refused (409) while
      // one runs, so it is asked again once that one is done.
      const eligibility = `${app.url}/staff/eligibility`;
      const finished = />(Done|Failed|Stopped)<\/span>/;
      for (;;) {
        const recompute = await fetch(eligibility, {
          method: "POST",
          headers: { cookie, Origin: app.url, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ intent: "recompute" }),
        });
        if (recompute.status === 200) break;
        if (recompute.status !== 409) throw new Error(`"Re-evaluate everyone" answered ${recompute.status}.`);
        await waitForPage(eligibility, cookie, finished);
      }
      await waitForPage(eligibility, cookie, finished);
      const shown = await fetch(eligibility, { headers: { cookie } }).then((r) => r.text());
      if (!/>Done<\/span>/.test(shown)) throw new Error("The re-evaluation did not finish.");
      const tRecompute = performance.now();
      const busy = { list: stats(await listProbe.stop()), health: stats(await healthProbe.stop()) };
      const ratio = busy.list.p95 / idle.list.p95;
      const worst = Math.max(busy.list.max, busy.health.max);
      const failed = busy.list.failed + busy.health.failed + idle.list.failed + idle.health.failed;
      const name = kind === "embedded" ? "embedded PGlite" : "PostgreSQL server";
      console.log(
        `${name}: import of ${ROWS.toLocaleString("en-GB")} rows ${((tImport - t0) / 1000).toFixed(1)} s, recompute ${((tRecompute - tImport) / 1000).toFixed(1)} s`,
      );
      console.log(`  idle  alumni list: ${fmt(idle.list)}; /healthz: ${fmt(idle.health)}`);
      console.log(`  busy  alumni list: ${fmt(busy.list)}; /healthz: ${fmt(busy.health)}`);
      console.log(
        `${name}: ratio ${ratio.toFixed(2)}, slowest ${worst.toFixed(0)} ms, ${failed} failed (targets: <= 10, <= 2000 ms, 0)`,
      );
      return { ratio, ok: ratio <= 10 && worst <= 2000 && failed === 0 };
    } finally {
      await app.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    if (serverDb) {
      const admin = new pg.Client({ connectionString: SERVER_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${serverDb} WITH (FORCE)`);
      await admin.end();
    }
  }
}

async function main() {
  const one = process.env.BENCH_ONE as "embedded" | "server" | undefined;
  if (one) {
    const result = await benchOne(one);
    fs.writeFileSync(process.env.BENCH_RESULT!, JSON.stringify(result));
    return;
  }
  if (!fs.existsSync("build/server")) throw new Error("Build the app first: npm run build.");
  console.log(`Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
  const wanted = (process.env.BENCH_DATABASES ?? "server,embedded").split(",");
  const reachable = await new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2000 })
    .connect()
    .then(
      () => true,
      () => false,
    );
  const results: Record<string, { ratio: number; ok: boolean }> = {};
  // Each database in a process of its own (the app's settings are read once per process).
  for (const kind of wanted as ("embedded" | "server")[]) {
    if (kind === "server" && !reachable) {
      console.log(`PostgreSQL server: not reachable at ${SERVER_URL}; skipped`);
      continue;
    }
    const out = path.join(os.tmpdir(), `comeback-responsiveness-${process.pid}-${kind}.json`);
    const child = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/responsiveness.ts"], {
      env: { ...process.env, BENCH_ONE: kind, BENCH_RESULT: out },
      stdio: "inherit",
    });
    if (child.status !== 0) throw new Error(`The ${kind} run failed.`);
    results[kind] = JSON.parse(fs.readFileSync(out, "utf8"));
    fs.rmSync(out);
  }
  if (Object.values(results).some((r) => !r.ok)) process.exitCode = 1;
  if (results.embedded) console.log(`bench responsiveness: ratio ${results.embedded.ratio.toFixed(2)}`);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
