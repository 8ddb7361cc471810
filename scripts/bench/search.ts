/**
 * npm run bench:search — the alumni list's query at 100,000 alumni.
 *
 * Fills a database with 100,000 alumni (set-based SQL), then runs 20 typical filter/search
 * combinations through the real domain function the list page calls (listAlumni: exact count +
 * first page of 50), and the same filters as hand-written SQL over a plain pg connection (the
 * floor). Prints p50/p95 of both and ends with `bench search: ratio <p95 domain / p95 floor>`.
 *
 * Embedded PGlite in a temporary directory by default; DATABASE_URL (a database of its own,
 * e.g. `createdb -h 127.0.0.1 -U postgres bench_alumni`) runs it on a PostgreSQL server. The
 * Alumnus table of that database is emptied first.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../app/platform/db/embedded.server";
import { applyMigrations } from "../../app/platform/db/migrations.server";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 12);
const WARMUP = 2;

/** The 20 combinations: what HR types and ticks on a normal day (as URL queries). */
const VIEWS = [
  "",
  "sort=-exitDate",
  "q=berg",
  "q=customer%20support",
  "q=jonas%20lund",
  "q=zendesk&consent=granted",
  "q=e1000",
  "exitReason=layoff_automation",
  "exitReason=layoff_automation&exitReason=position_eliminated&consent=granted",
  "decisionId=D1",
  "decisionId=D1&available=yes&sort=-exitDate",
  "department=Customer%20Service&location=Stockholm%2C%20SE",
  "location=Berlin%2C%20DE&regrettable=yes",
  "exitFrom=2022-01-01&exitTo=2022-12-31",
  "exitFrom=2023-06-01&rehire=yes&rehire=review",
  "tag=returner-2025",
  "tag=returner-2025&consent=granted&sort=-updatedAt",
  "available=no&consent=unknown",
  "q=analyst&department=Analytics&exitFrom=2021-01-01",
  "doNotRehire=yes&sort=name",
];

async function openDatabase(): Promise<{ url: string; where: string; close(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    return {
      url: process.env.DATABASE_URL,
      where: `PostgreSQL server ${u.hostname}:${u.port || 5432}${u.pathname}`,
      close: async () => {},
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-bench-search-"));
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg") });
  process.env.DATABASE_URL = embedded.url;
  return {
    url: embedded.url,
    where: "embedded PGlite (temporary directory)",
    async close() {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function fill(client: pg.Client) {
  await client.query(`TRUNCATE "Alumnus", "WorkforceDecision" CASCADE`);
  await client.query(`
    INSERT INTO "WorkforceDecision" ("id", "title", "kind", "function", "rationale", "effectiveOn", "rolesAffected", "status", "updatedAt")
    SELECT 'D' || i, 'Decision ' || i, 'automation', 'Customer service', 'Routine enquiries moved to an AI assistant.', DATE '2021-06-30' + (i * 120), 700, 'in_effect', now()
    FROM generate_series(1, 6) AS i`);
  // Deterministic pseudo-random columns from the row number; ASCII names so that lower() is the
  // same fold as alumnusSearchText.
  await client.query(
    `
    WITH src AS (
      SELECT i,
        (ARRAY['Ingrid','Jorgen','Amara','Fatima','Mateusz','Chloe','Oskar','Lars','Sven','Maja','Elin','Ahmed','Sofia','Linnea','Erik','Noah','Aisha','Karin','Jonas','Hanna','Mehmet','Zofia','Lukas','Emma'])[1 + (i * 7) % 24] AS first,
        (ARRAY['Berg','Kim','Gustafsson','Smith','Eriksson','Karlsson','Johansson','Strom','Chen','Kowalski','Nilsson','Lindqvist','Andersson','Nowak','Muller','Haddad','Okafor','Svensson','Larsson','Petrovic','Silva','Yilmaz','Novak','Holm','Lund','Dahl','Sandberg','Oberg','Fischer'])[1 + (i * 13) % 29] AS last,
        (ARRAY['Customer Service','Customer Service','Customer Service','Operations','Engineering','Analytics','Localization','Legal'])[1 + (i * 5) % 8] AS dept,
        (ARRAY['Stockholm, SE','Goteborg, SE','Berlin, DE','Warsaw, PL','Remote - US','Remote - SE','Manchester, UK'])[1 + (i * 11) % 7] AS loc,
        (ARRAY['position_eliminated','layoff_automation','layoff_automation','layoff_restructuring','resignation','contract_end','retirement','performance','conduct','other'])[1 + (i * 17) % 10]::"ExitReason" AS reason,
        (ARRAY['customer support','dispute resolution','chargebacks','zendesk','live chat','fraud review','sql','python','translation','coaching'])[1 + (i * 3) % 10] AS skill1,
        (ARRAY['escalations','phone support','quality assurance','german','polish','swedish','dashboards','copywriting'])[1 + (i * 19) % 8] AS skill2
      FROM generate_series(1, $1::int) AS i
    )
    INSERT INTO "Alumnus" ("id", "hrId", "workEmail", "firstName", "lastName", "jobTitle", "department", "location", "skills", "tags",
      "hireDate", "exitDate", "exitReason", "regrettable", "hrRehireFlag", "doNotRehire", "decisionId", "availabilityHours", "earliestStart",
      "consentReturn", "searchText", "source", "updatedAt")
    SELECT 'a' || lpad(i::text, 7, '0'), 'E' || i, lower(first || '.' || last || i || '@example-fintech.com'), first, last,
      CASE dept WHEN 'Customer Service' THEN 'Support Agent' WHEN 'Engineering' THEN 'Software Engineer' WHEN 'Analytics' THEN 'Data Analyst' ELSE dept || ' Specialist' END,
      dept, loc, ARRAY[skill1, skill2], CASE WHEN i % 17 = 0 THEN ARRAY['returner-2025'] WHEN i % 23 = 0 THEN ARRAY['priority'] ELSE ARRAY[]::text[] END,
      DATE '2012-01-01' + (i * 37) % 3000, DATE '2021-01-01' + (i * 29) % 1800, reason, (i % 3 = 0), (ARRAY['yes','no','review',NULL])[1 + i % 4]::"RehireFlag",
      (i % 97 = 0), CASE WHEN reason IN ('layoff_automation', 'position_eliminated') THEN 'D' || (1 + i % 6) ELSE NULL END,
      CASE WHEN i % 4 = 0 THEN NULL ELSE (ARRAY[8,10,15,20,25,30,40])[1 + i % 7] END, CASE WHEN i % 9 = 0 THEN DATE '2026-01-01' + i % 200 ELSE NULL END,
      (ARRAY['granted','granted','granted','unknown','withdrawn'])[1 + (i * 7) % 5]::"ConsentStatus",
      lower(first || ' ' || last || ' ' || first || '.' || last || i || '@example-fintech.com ' ||
        CASE dept WHEN 'Customer Service' THEN 'Support Agent' WHEN 'Engineering' THEN 'Software Engineer' WHEN 'Analytics' THEN 'Data Analyst' ELSE dept || ' Specialist' END
        || ' e' || i || ' ' || skill1 || ' ' || skill2),
      'seed', now() - (i || ' minutes')::interval
    FROM src`,
    [ROWS],
  );
  // A pool in steady state: statistics current, visibility map set (index-only scans for counts).
  await client.query(`VACUUM ANALYZE "Alumnus"`);
  await client.query(`VACUUM ANALYZE "WorkforceDecision"`);
}

/** The floor: the same filter written by hand as one parameterised SQL condition. */
function floorSql(filter: import("../../app/modules/alumni/alumni-filter").AlumniFilter, terms: string[]) {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const and: string[] = [];
  for (const t of terms) and.push(`a."searchText" LIKE ${p(`%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (filter.exitReason) and.push(`a."exitReason" = ANY(${p(filter.exitReason)}::"ExitReason"[])`);
  if (filter.decisionId) and.push(`a."decisionId" = ANY(${p(filter.decisionId)}::text[])`);
  if (filter.department) and.push(`a."department" = ANY(${p(filter.department)}::text[])`);
  if (filter.location) and.push(`a."location" = ANY(${p(filter.location)}::text[])`);
  if (filter.tag) and.push(`a."tags" && ${p(filter.tag)}::text[]`);
  if (filter.exitFrom) and.push(`a."exitDate" >= ${p(filter.exitFrom)}::date`);
  if (filter.exitTo) and.push(`a."exitDate" <= ${p(filter.exitTo)}::date`);
  if (filter.rehire) {
    const flags = filter.rehire.filter((r) => r !== "unknown");
    const or = [];
    if (flags.length) or.push(`a."hrRehireFlag" = ANY(${p(flags)}::"RehireFlag"[])`);
    if (filter.rehire.includes("unknown")) or.push(`a."hrRehireFlag" IS NULL`);
    and.push(`(${or.join(" OR ")})`);
  }
  if (filter.consent) and.push(`a."consentReturn" = ${p(filter.consent)}::"ConsentStatus"`);
  if (filter.available === "yes") and.push(`(a."availabilityHours" > 0 OR a."earliestStart" IS NOT NULL)`);
  if (filter.available === "no") and.push(`a."availabilityHours" IS NULL AND a."earliestStart" IS NULL`);
  if (filter.regrettable) and.push(`a."regrettable" = ${p(filter.regrettable === "yes")}`);
  if (filter.doNotRehire) and.push(`a."doNotRehire" = ${p(filter.doNotRehire === "yes")}`);
  const where = and.length ? `WHERE ${and.join(" AND ")}` : "";
  const order = {
    name: `a."lastName", a."firstName", a."id"`,
    "-name": `a."lastName" DESC, a."firstName" DESC, a."id" DESC`,
    exitDate: `a."exitDate" ASC NULLS LAST, a."id"`,
    "-exitDate": `a."exitDate" DESC NULLS LAST, a."id"`,
    updatedAt: `a."updatedAt", a."id"`,
    "-updatedAt": `a."updatedAt" DESC, a."id"`,
  }[filter.sort ?? "name"];
  const columns = `a."id", a."firstName", a."lastName", a."preferredName", a."jobTitle", a."department", a."location", a."tags", a."availabilityHours",
          a."workEmail", a."exitDate", a."exitReason", a."consentReturn", a."hrRehireFlag", a."regrettable", a."doNotRehire", a."decisionId"`;
  const from = `"Alumnus" a`;
  const also = (extra: string) => (where ? `${where} AND ${extra}` : `WHERE ${extra}`);
  if (filter.sort === "-exitDate") {
    // The best hand-written form of "newest exits first, undated last": two index-ordered parts.
    return {
      count: { text: `SELECT count(*)::int AS n FROM "Alumnus" a ${where}`, values: params },
      page: {
        text: `(SELECT ${columns} FROM ${from} ${also(`a."exitDate" IS NOT NULL`)} ORDER BY a."exitDate" DESC, a."id" LIMIT 50)
          UNION ALL (SELECT ${columns} FROM ${from} ${also(`a."exitDate" IS NULL`)} ORDER BY a."id" LIMIT 50) LIMIT 50`,
        values: params,
      },
    };
  }
  return {
    count: { text: `SELECT count(*)::int AS n FROM "Alumnus" a ${where}`, values: params },
    page: {
      text: `SELECT ${columns} FROM ${from} ${where} ORDER BY ${order} LIMIT 50`,
      values: params,
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function main() {
  const database = await openDatabase();
  try {
    console.log(`bench search: ${ROWS.toLocaleString("en")} alumni on ${database.where}`);
    await applyMigrations(database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const started = performance.now();
    await fill(client);
    console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // Imported after DATABASE_URL is known: the app's own db client and domain function.
    const { listAlumni } = await import("../../app/modules/alumni/list-alumni.server");
    const { parseAlumniFilter, searchTerms } = await import("../../app/modules/alumni/alumni-filter");
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

    // The floor gets a pool like the app's, so its count and page also run side by side.
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    const domain: number[] = [];
    const floor: number[] = [];
    console.log(
      "  view                                                              matches   domain p50   floor p50",
    );
    for (const view of VIEWS) {
      const filter = parseAlumniFilter(new URLSearchParams(view));
      const sql = floorSql(filter, searchTerms(filter.q));
      const d: number[] = [];
      const f: number[] = [];
      let matches = 0;
      for (let run = 0; run < WARMUP + RUNS; run++) {
        // Alternate which goes first so caches favour neither.
        const order = run % 2 === 0 ? ["domain", "floor"] : ["floor", "domain"];
        for (const which of order) {
          const t0 = performance.now();
          if (which === "domain") {
            const result = await listAlumni({ actor, filter, page: 1 });
            matches = result.total;
          } else {
            const [count] = await Promise.all([pool.query(sql.count), pool.query(sql.page)]);
            if (Number(count.rows[0].n) !== matches && run > 0)
              throw new Error(`floor and domain disagree on "${view}": ${count.rows[0].n} vs ${matches}`);
          }
          const elapsed = performance.now() - t0;
          if (run >= WARMUP) (which === "domain" ? d : f).push(elapsed);
        }
      }
      domain.push(...d);
      floor.push(...f);
      const median = (xs: number[]) =>
        percentile(
          [...xs].sort((a, b) => a - b),
          50,
        );
      console.log(
        `  ${(view || "(everyone)").padEnd(64)} ${String(matches).padStart(8)} ${ms(median(d)).padStart(12)} ${ms(median(f)).padStart(11)}`,
      );
    }
    domain.sort((a, b) => a - b);
    floor.sort((a, b) => a - b);
    console.log(
      `  domain (listAlumni: count + page): p50 ${ms(percentile(domain, 50))}, p95 ${ms(percentile(domain, 95))} over ${domain.length} runs`,
    );
    console.log(
      `  floor (hand-written SQL):          p50 ${ms(percentile(floor, 50))}, p95 ${ms(percentile(floor, 95))} over ${floor.length} runs`,
    );
    await client.end();
    await pool.end();
    await disconnectDb();
    console.log(`bench search: ratio ${(percentile(domain, 95) / percentile(floor, 95)).toFixed(2)}`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
