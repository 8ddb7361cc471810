/**
 * npm run bench:pipeline — the pipeline's list and board at 100,000 alumni, 20 programs and
 * 20,000 applications, on the PostgreSQL server.
 *
 * Fills a database of its own (set-based SQL), then runs the view model the pipeline page calls
 * (getPipelinePage) for the list and for the board, each with two filters from the URL, against
 * the same rows read by one hand-written SQL query per view over a plain pg connection (the
 * floor), alternating which goes first. Prints p50/p95 of both and ends with
 * `bench pipeline: ratio <p95 page / p95 SQL>` (target <= 3).
 *
 * DATABASE_URL names the database (it is emptied first); by default `bench_pipeline` on the
 * server at 127.0.0.1:5432, created when missing.
 */
import pg from "pg";
import { applyMigrations } from "../../app/platform/db/migrations.server";

const ALUMNI = Number(process.env.BENCH_ALUMNI ?? 100_000);
const PROGRAMS = 20;
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 3;
const DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/bench_pipeline";

async function ensureDatabase(url: string) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  const admin = new pg.Client({ connectionString: `${u.protocol}//${u.username}@${u.host}/postgres` });
  await admin.connect();
  const found = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
  if (!found.rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  await admin.end();
}

async function fill(client: pg.Client) {
  await client.query(
    `TRUNCATE "Application", "ReturnProgram", "GigContract", "EligibilityVerdict", "Alumnus", "WorkforceDecision", "User" CASCADE`,
  );
  await client.query(`
    INSERT INTO "WorkforceDecision" ("id", "title", "kind", "function", "rationale", "status", "updatedAt")
    VALUES ('D1', '2022 AI customer-service automation', 'automation', 'Customer service', 'Routine enquiries moved to an AI assistant.', 'phased', now())`);
  await client.query(`
    INSERT INTO "DecisionPhase" ("id", "decisionId", "position", "name", "startsOn", "targetHeadcount")
    SELECT 'P' || i, 'D1', i, 'Phase ' || i, DATE '2025-01-01' + i * 90, 100 * i FROM generate_series(1, 4) AS i`);
  await client.query(`
    INSERT INTO "User" ("id", "email", "name", "roleId", "status", "updatedAt")
    SELECT 'M' || i, 'manager' || i || '@comeback.test', 'Manager ' || i, 'manager', 'active', now() FROM generate_series(1, 10) AS i`);
  await client.query(
    `INSERT INTO "ReturnProgram" ("id", "title", "description", "decisionId", "phaseId", "engagementType", "remote", "rateMin", "rateMax", "currency", "openings", "hiringManagerId", "status", "updatedAt")
     SELECT 'R' || lpad(i::text, 2, '0'), 'Program ' || i, 'Support work in shifts you choose.', 'D1', 'P' || (1 + i % 4), 'gig', true, 18.50, 24.00, 'EUR', 50, 'M' || (1 + i % 10), 'open', now()
     FROM generate_series(1, $1::int) AS i`,
    [PROGRAMS],
  );
  await client.query(
    `
    WITH src AS (
      SELECT i,
        (ARRAY['Ingrid','Jorgen','Amara','Fatima','Mateusz','Chloe','Oskar','Lars','Sven','Maja','Elin','Ahmed','Sofia','Linnea','Erik','Noah'])[1 + (i * 7) % 16] AS first,
        (ARRAY['Berg','Kim','Gustafsson','Smith','Eriksson','Karlsson','Johansson','Strom','Chen','Kowalski','Nilsson','Lindqvist','Andersson'])[1 + (i * 13) % 13] AS last
      FROM generate_series(1, $1::int) AS i
    )
    INSERT INTO "Alumnus" ("id", "hrId", "workEmail", "firstName", "lastName", "jobTitle", "location", "availabilityHours", "searchText", "source", "updatedAt")
    SELECT 'a' || lpad(i::text, 7, '0'), 'E' || i, lower(first || '.' || last || i || '@example-fintech.com'), first, last, 'Support Agent', 'Stockholm, SE',
      (ARRAY[8,10,15,20,25,30,40])[1 + i % 7], lower(first || ' ' || last || ' e' || i), 'seed', now()
    FROM src`,
    [ALUMNI],
  );
  await client.query(`
    INSERT INTO "EligibilityVerdict" ("alumnusId", "outcome", "reasons", "policyId", "policyVersion", "computedAt", "decidedAt", "expiresAt")
    SELECT "id", (ARRAY['eligible','eligible','eligible','needs_review','not_eligible'])[1 + (substr("id", 2)::int * 7) % 5]::"EligibilityOutcome",
      '[]'::jsonb, 'policy', 1, now(), now(), now() + interval '1 year'
    FROM "Alumnus"`);
  // 20,000 applications: person i applies to program (i % 20); statuses spread like a live pipeline.
  await client.query(
    `
    INSERT INTO "Application" ("id", "programId", "alumnusId", "status", "motivation", "source", "submittedAt", "statusChangedAt", "updatedAt")
    SELECT 'app' || lpad(i::text, 6, '0'), 'R' || lpad((1 + i % $2::int)::text, 2, '0'), 'a' || lpad((1 + (i * 5) % $3::int)::text, 7, '0'),
      (ARRAY['submitted','submitted','submitted','in_review','in_review','shortlisted','offered','declined','withdrawn','hired'])[1 + ((i / $2::int) * 3) % 10]::"ApplicationStatus",
      'I would like to come back.', 'portal', now() - (i || ' minutes')::interval, now() - ((i * 7) % 50000 || ' minutes')::interval, now()
    FROM generate_series(1, $1::int) AS i`,
    [APPLICATIONS, PROGRAMS, ALUMNI],
  );
  for (const table of ["Alumnus", "EligibilityVerdict", "Application", "ReturnProgram"])
    await client.query(`VACUUM ANALYZE "${table}"`);
}

const LIST_SQL = `
  SELECT a."id", a."status", a."version", a."submittedAt", a."statusChangedAt", a."availabilityHours", a."source",
    p."id" AS "programId", p."title" AS "programTitle",
    al."id" AS "alumnusId", al."firstName", al."lastName", al."preferredName", al."jobTitle", al."location", al."availabilityHours" AS "usualHours",
    v."outcome", v."overrideOutcome", v."overrideExpiresAt",
    count(*) OVER () AS "total"
  FROM "Application" a
  JOIN "ReturnProgram" p ON p."id" = a."programId"
  JOIN "Alumnus" al ON al."id" = a."alumnusId"
  LEFT JOIN "EligibilityVerdict" v ON v."alumnusId" = a."alumnusId"
  WHERE a."programId" = $1 AND a."status" = $2::"ApplicationStatus"
  ORDER BY a."statusChangedAt" DESC, a."id"
  LIMIT 50`;

const BOARD_SQL = `
  WITH matching AS (
    SELECT a.*, row_number() OVER (PARTITION BY a."status" ORDER BY a."statusChangedAt" DESC, a."id") AS n,
      count(*) OVER (PARTITION BY a."status") AS "columnCount"
    FROM "Application" a
    JOIN "EligibilityVerdict" v ON v."alumnusId" = a."alumnusId"
    WHERE a."programId" = $1
      AND ((v."overrideOutcome" = $2::"EligibilityOutcome" AND v."overrideExpiresAt" > now())
        OR (v."outcome" = $2::"EligibilityOutcome" AND (v."overrideOutcome" IS NULL OR v."overrideExpiresAt" IS NULL OR v."overrideExpiresAt" <= now())))
  )
  SELECT m."id", m."status", m."version", m."submittedAt", m."statusChangedAt", m."availabilityHours", m."source", m."columnCount",
    p."title" AS "programTitle", al."firstName", al."lastName", al."preferredName", al."jobTitle", al."location",
    v."outcome", v."overrideOutcome", v."overrideExpiresAt"
  FROM matching m
  JOIN "ReturnProgram" p ON p."id" = m."programId"
  JOIN "Alumnus" al ON al."id" = m."alumnusId"
  LEFT JOIN "EligibilityVerdict" v ON v."alumnusId" = m."alumnusId"
  WHERE m.n <= 25
  ORDER BY m."status", m.n`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function main() {
  const url = process.env.DATABASE_URL ?? DEFAULT_URL;
  process.env.DATABASE_URL = url;
  await ensureDatabase(url);
  const u = new URL(url);
  console.log(
    `bench pipeline: ${ALUMNI.toLocaleString("en")} alumni, ${PROGRAMS} programs, ${APPLICATIONS.toLocaleString("en")} applications on PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`,
  );
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  await fill(client);
  console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const { getPipelinePage } = await import("../../app/modules/applications/list-applications.server");
  const { ROLE_PERMISSIONS } = await import("../../app/platform/permissions");
  const { disconnectDb } = await import("../../app/platform/db.server");
  const actor = {
    kind: "staff" as const,
    id: "bench",
    sessionId: "bench",
    email: "bench@comeback.test",
    name: "Bench HR",
    role: "hr" as const,
    roleLabel: "HR",
    teamId: null,
    permissions: [...ROLE_PERMISSIONS.hr],
  };

  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const views = [
    {
      name: "list: program + status",
      page: (program: string) => getPipelinePage({ actor, filters: { program, status: "submitted" } }),
      floor: (program: string) => pool.query(LIST_SQL, [program, "submitted"]),
    },
    {
      name: "board: program + eligibility",
      page: (program: string) =>
        getPipelinePage({ actor, filters: { program, eligibility: "eligible", view: "board" } }),
      floor: (program: string) => pool.query(BOARD_SQL, [program, "eligible"]),
    },
  ];
  const pageAll: number[] = [];
  const floorAll: number[] = [];
  for (const view of views) {
    const p: number[] = [];
    const f: number[] = [];
    let rows = 0;
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const program = `R${String(1 + (run % PROGRAMS)).padStart(2, "0")}`;
      const order = run % 2 === 0 ? ["page", "floor"] : ["floor", "page"];
      let floorRows = 0;
      for (const which of order) {
        const t0 = performance.now();
        if (which === "page") {
          const result = await view.page(program);
          rows =
            result.view === "list"
              ? result.rows.length
              : result.board.reduce((n, c) => n + c.cards.length, 0);
        } else {
          floorRows = (await view.floor(program)).rowCount ?? 0;
        }
        const elapsed = performance.now() - t0;
        if (run >= WARMUP) (which === "page" ? p : f).push(elapsed);
      }
      if (floorRows !== rows)
        throw new Error(`${view.name}: the page shows ${rows} rows, the floor ${floorRows}`);
    }
    p.sort((a, b) => a - b);
    f.sort((a, b) => a - b);
    pageAll.push(...p);
    floorAll.push(...f);
    console.log(
      `  ${view.name.padEnd(30)} rows ${String(rows).padStart(4)}  page p50 ${ms(percentile(p, 50))} p95 ${ms(percentile(p, 95))}  SQL p50 ${ms(percentile(f, 50))} p95 ${ms(percentile(f, 95))}  ratio ${(percentile(p, 95) / percentile(f, 95)).toFixed(2)}`,
    );
  }
  pageAll.sort((a, b) => a - b);
  floorAll.sort((a, b) => a - b);
  console.log(
    `  page (getPipelinePage): p50 ${ms(percentile(pageAll, 50))}, p95 ${ms(percentile(pageAll, 95))} over ${pageAll.length} runs`,
  );
  console.log(
    `  floor (one SQL query):  p50 ${ms(percentile(floorAll, 50))}, p95 ${ms(percentile(floorAll, 95))} over ${floorAll.length} runs`,
  );
  await client.end();
  await pool.end();
  await disconnectDb();
  console.log(`bench pipeline: ratio ${(percentile(pageAll, 95) / percentile(floorAll, 95)).toFixed(2)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
