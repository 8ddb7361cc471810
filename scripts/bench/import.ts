/**
 * npm run bench:import: 100,000 terminations in Workday's export shape go through the real
 * import code path (upload in pieces -> check job: parse, validate, stage -> commit job: one
 * transaction, set-based), and the same people are loaded with PostgreSQL COPY into a table
 * equivalent to Alumnus (same columns and indexes): the floor. Prints rows/s for both and the
 * memory figures, and ends with `bench import: ratio <import time / COPY time>`.
 *
 * Memory: the check and commit jobs run in processes of their own (ADR 025), as in the app; each
 * reports its peak RSS (getrusage maxrss, the kernel's VmHWM: everything resident in that process,
 * tsx and the database client included). The upload runs in the calling process (a web request in
 * the app): for it the bench reports how much that process's RSS, heap and buffers grew. This
 * process also holds the embedded database when DATABASE_URL is not set, so its own peak RSS is
 * printed separately and is not the import's figure.
 *
 * Embedded PGlite in a temporary data directory by default; DATABASE_URL = a server database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../app/platform/db/embedded.server";
import { applyMigrations } from "../../app/platform/db/migrations.server";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const say = (line: string) => process.stdout.write(`${line}\n`);

let peakRss = 0;
let peakUploadRss = 0;
let uploading = false;
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  if (uploading) peakUploadRss = Math.max(peakUploadRss, rss);
}, 25);
sampler.unref();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const FIRST = [
  "Chloé",
  "Mateusz",
  "Amara",
  "Fatima",
  "José",
  "Emma",
  "Noah",
  "Oskar",
  "Björn",
  "María",
  "Yusuf",
  "Rahul",
  "Wei",
  "Priya",
  "Zoë",
  "Liam",
  "Ingrid",
  "Jörgen",
  "Sven",
  "Maja",
];
const LAST = [
  "Eriksson",
  "Karlsson",
  "Johansson",
  "Ström",
  "Persson",
  "Chen",
  "Nilsson",
  "Kowalski",
  "Lind",
  "Berg",
  "Núñez",
  "Smith",
  "Okafor",
  "Gustafsson",
  "Kim",
];
const TITLES = [
  "Customer Service Agent",
  "Senior Customer Service Agent",
  "Support Team Lead",
  "Dispute Specialist",
  "Fraud Analyst",
  "Content Translator",
  "Marketing Designer",
  "Software Engineer",
  "Data Analyst",
];
const ORGS = [
  "Customer Service",
  "Operations",
  "Risk",
  "Localization",
  "Marketing",
  "Engineering",
  "Analytics",
];
const LOCATIONS = [
  "Stockholm, SE",
  "Göteborg, SE",
  "Warsaw, PL",
  "Berlin, DE",
  "Madrid, ES",
  "London, GB",
  "Remote - SE",
  "Remote - US",
  "Raleigh, US",
  "Columbus, US",
];
const REASONS: [string, string][] = [
  ["Reduction in Force > Position Eliminated - Automation", "layoff_automation"],
  ["Reduction in Force > Restructuring", "layoff_restructuring"],
  ["Voluntary > Resignation - Career Opportunity", "resignation"],
  ["Voluntary > Resignation - Relocation", "resignation"],
  ["Voluntary > Retirement", "retirement"],
  ["Contract End", "contract_end"],
  ["Involuntary > Performance", "performance"],
  ["Involuntary > Misconduct", "conduct"],
  ["Involuntary > Job Abandonment", "job_abandonment"],
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const pad = (n: number) => String(n).padStart(2, "0");
const fold = (v: string) =>
  v
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** The Workday export and, for the floor, the same people as Alumnus columns. */
function generate(dir: string) {
  const random = rng(20261127);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const workday = fs.openSync(path.join(dir, "workday.csv"), "w");
  const floor = fs.openSync(path.join(dir, "floor.csv"), "w");
  fs.writeSync(
    workday,
    "Employee ID,Legal Name,Preferred Name,Primary Work Email,Personal Email,Job Profile,Supervisory Organization,Location,Hire Date,Termination Date,Primary Termination Reason,Regrettable Termination,Eligible for Rehire,Manager\n",
  );
  let wd = "";
  let fl = "";
  for (let i = 0; i < ROWS; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const id = `E${String(200000 + i)}`;
    const email = `${fold(first)}.${fold(last)}${i}@example-fintech.com`;
    const personal = `${fold(first)}.${fold(last)}.${i}@mail.example.org`;
    const title = pick(TITLES);
    const org = pick(ORGS);
    const location = pick(LOCATIONS);
    const hy = 2008 + Math.floor(random() * 12);
    const hm = 1 + Math.floor(random() * 12);
    const hd = 1 + Math.floor(random() * 28);
    const ey = hy + 1 + Math.floor(random() * 5);
    const em = 1 + Math.floor(random() * 12);
    const ed = 1 + Math.floor(random() * 28);
    const [reason, reasonEnum] = pick(REASONS);
    const regrettable = random() < 0.5 ? "Yes" : "No";
    const rehire = pick(["Yes", "No", ""]);
    const manager = `${pick(FIRST)} ${pick(LAST)}`;
    wd +=
      [
        id,
        `${first} ${last}`,
        "",
        email,
        personal,
        title,
        org,
        q(location),
        `${pad(hm)}/${pad(hd)}/${hy}`,
        `${pad(em)}/${pad(ed)}/${ey}`,
        reason,
        regrettable,
        rehire,
        manager,
      ].join(",") + "\n";
    const search = fold(`${first} ${last} ${email} ${personal} ${title} ${id}`);
    fl +=
      [
        `bench-${i}`,
        id,
        email,
        personal,
        first,
        last,
        title,
        org,
        q(location),
        `${hy}-${pad(hm)}-${pad(hd)}`,
        `${ey}-${pad(em)}-${pad(ed)}`,
        reasonEnum,
        q(reason),
        regrettable === "Yes" ? "t" : "f",
        rehire ? rehire.toLowerCase() : "",
        manager,
        search,
        "import",
      ].join(",") + "\n";
    if (wd.length > 1 << 20) {
      fs.writeSync(workday, wd);
      fs.writeSync(floor, fl);
      wd = fl = "";
    }
  }
  fs.writeSync(workday, wd);
  fs.writeSync(floor, fl);
  fs.closeSync(workday);
  fs.closeSync(floor);
  return { workday: path.join(dir, "workday.csv"), floor: path.join(dir, "floor.csv") };
}

async function main() {
  process.env.LOG_LEVEL ??= "warn";
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-bench-import-"));
  let embedded: EmbeddedPostgres | undefined;
  let url = process.env.DATABASE_URL;
  try {
    if (!url) {
      embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg") });
      url = embedded.url;
      process.env.DATABASE_URL = url;
    }
    await applyMigrations(url);
    say(
      `database: ${embedded ? "embedded PGlite (temporary data directory)" : "PostgreSQL server (DATABASE_URL)"}`,
    );
    const files = generate(tmp);
    say(
      `generated ${ROWS.toLocaleString("en-GB")} rows in Workday's shape (${(fs.statSync(files.workday).size / 1024 / 1024).toFixed(1)} MB)`,
    );

    // Imported after the files exist so module loading does not count; the app's own code path.
    const { db, disconnectDb } = await import("../../app/platform/db.server");
    const { registerBackgroundWork } = await import("../../app/modules/background.server");
    const { runNextJob } = await import("../../app/platform/jobs.server");
    const { uploadImport } = await import("../../app/modules/imports/upload-import.server");
    const { startImportCheck, IMPORT_CHECK_JOB } =
      await import("../../app/modules/imports/check-import.server");
    const { startImportCommit, IMPORT_COMMIT_JOB } =
      await import("../../app/modules/imports/commit-import.server");
    const { suggestMapping } = await import("../../app/modules/imports/fields");
    const { jobProcessEvents } = await import("../../app/platform/job-process.server");
    const { IMPORT_JOB_HEAP_MB } = await import("../../app/modules/imports/import-jobs.server");
    const jobProcesses: import("../../app/platform/job-process.server").JobProcessRun[] = [];
    jobProcessEvents.on("run", (run) => jobProcesses.push(run));
    registerBackgroundWork();
    const user = await db.user.create({
      data: { email: `bench-${Date.now()}@comeback.test`, name: "Bench HR", roleId: "hr", status: "active" },
    });
    const actor = {
      kind: "staff" as const,
      id: user.id,
      sessionId: "bench",
      email: user.email,
      name: user.name,
      role: "hr" as const,
      roleLabel: "HR",
      teamId: null,
      permissions: [],
    };
    const runJobs = async () => {
      while (await runNextJob({ kinds: [IMPORT_CHECK_JOB, IMPORT_COMMIT_JOB], leaseMs: 120_000 }));
    };

    // Equivalent table for the floor: Alumnus's columns, defaults and indexes (trigram included).
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      `DROP TABLE IF EXISTS "BenchAlumnusCopy"; CREATE TABLE "BenchAlumnusCopy" (LIKE "Alumnus" INCLUDING DEFAULTS INCLUDING INDEXES)`,
    );
    await client.query(`ALTER TABLE "BenchAlumnusCopy" ALTER COLUMN "updatedAt" SET DEFAULT now()`);

    await db.importRun.count(); // the client is connected and warm
    const baseline = process.memoryUsage();
    peakRss = 0;
    const t0 = performance.now();
    uploading = true;
    const uploaded = await uploadImport({
      actor,
      fileName: "workday-100k.csv",
      data: fs.createReadStream(files.workday, { highWaterMark: 256 * 1024 }),
    });
    uploading = false;
    const afterUpload = process.memoryUsage();
    const tUpload = performance.now();
    await startImportCheck({
      actor,
      importId: uploaded.id,
      settings: {
        system: "workday",
        columns: suggestMapping(uploaded.headers),
        dateFormat: "us",
        reasonOverrides: {},
        decisionId: null,
      },
    });
    await runJobs();
    const tCheck = performance.now();
    const checked = await db.importRun.findUniqueOrThrow({ where: { id: uploaded.id } });
    if (checked.status !== "checked")
      throw new Error(`The check ended as ${checked.status}: ${checked.error}`);
    await startImportCommit({ actor, importId: uploaded.id });
    await runJobs();
    const t1 = performance.now();
    const run = await db.importRun.findUniqueOrThrow({ where: { id: uploaded.id } });
    if (run.status !== "committed" || run.createCount !== ROWS)
      throw new Error(
        `The import ended as ${run.status} with ${run.createCount} created (${run.error ?? "no error"}).`,
      );
    const importMs = t1 - t0;

    const copyColumns = `"id", "hrId", "workEmail", "personalEmail", "firstName", "lastName", "jobTitle", "department", "location", "hireDate", "exitDate", "exitReason", "exitReasonRaw", "regrettable", "hrRehireFlag", "managerName", "searchText", "source"`;
    const c0 = performance.now();
    if (embedded) {
      // PGlite has no COPY FROM STDIN over the wire; its own COPY reads the file as a blob.
      const blob = new Blob([fs.readFileSync(files.floor)]);
      await embedded.db.query(
        `COPY "BenchAlumnusCopy" (${copyColumns}) FROM '/dev/blob' WITH (FORMAT csv)`,
        [],
        { blob },
      );
    } else {
      const copy = client.query(
        copyFrom(`COPY "BenchAlumnusCopy" (${copyColumns}) FROM STDIN WITH (FORMAT csv)`),
      );
      await pipeline(fs.createReadStream(files.floor) as Readable, copy);
    }
    const c1 = performance.now();
    const copyMs = c1 - c0;
    const copied = await client.query(`SELECT count(*)::int AS n FROM "BenchAlumnusCopy"`);
    if (copied.rows[0].n !== ROWS) throw new Error(`COPY loaded ${copied.rows[0].n} rows`);
    await client.query(`DROP TABLE "BenchAlumnusCopy"`);
    await client.end();

    say(
      `import (real code path): ${(importMs / 1000).toFixed(2)} s, ${Math.round(ROWS / (importMs / 1000)).toLocaleString("en-GB")} rows/s  [upload ${((tUpload - t0) / 1000).toFixed(2)} s, check ${((tCheck - tUpload) / 1000).toFixed(2)} s, commit ${((t1 - tCheck) / 1000).toFixed(2)} s]`,
    );
    say(
      `COPY floor:               ${(copyMs / 1000).toFixed(2)} s, ${Math.round(ROWS / (copyMs / 1000)).toLocaleString("en-GB")} rows/s`,
    );
    say(`created ${run.createCount.toLocaleString("en-GB")}, rejected ${run.rejectCount}`);
    const jobs = jobProcesses.filter((p) => p.kind === IMPORT_CHECK_JOB || p.kind === IMPORT_COMMIT_JOB);
    if (jobs.length !== 2 || jobs.some((p) => p.peakRssBytes === null))
      throw new Error(
        `Expected one check and one commit run, each reporting its process's peak RSS; got ${JSON.stringify(jobs)}`,
      );
    for (const p of jobs) {
      const how = p.reused ? `the same process, kept for the next import job` : `a new process`;
      say(
        `memory, ${p.kind} job (${how}, pid ${p.pid}, ${(p.ms / 1000).toFixed(1)} s): peak RSS of that process ${mb(p.peakRssBytes!)} (its VmHWM so far: node, tsx, database client, import modules, JS heap capped at ${IMPORT_JOB_HEAP_MB} MB)`,
      );
    }
    say(
      `memory, upload in the calling process (a web request in the app): RSS ${mb(baseline.rss)} before, peak ${mb(peakUploadRss)} during (+${mb(Math.max(0, peakUploadRss - baseline.rss))}); JS heap +${mb(afterUpload.heapUsed - baseline.heapUsed)}, buffers +${mb(afterUpload.arrayBuffers - baseline.arrayBuffers)} after it`,
    );
    say(
      `memory, this bench process${embedded ? " (it also runs the embedded database)" : ""}: peak RSS ${mb(Math.max(peakRss, process.memoryUsage().rss))}; not the import's figure`,
    );
    say(
      `import peak memory: ${mb(Math.max(...jobs.map((p) => p.peakRssBytes!)))} (peak RSS of the process the import jobs ran in; target < 300 MB)`,
    );
    say(`bench import: ratio ${(importMs / copyMs).toFixed(2)}`);
    await disconnectDb();
  } finally {
    await embedded?.stop().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
