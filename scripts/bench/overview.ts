/**
 * npm run bench:overview — the overview's queries at 100,000 alumni on a PostgreSQL server.
 *
 * DATABASE_URL names a database of its own (created when missing, e.g.
 * postgresql://postgres@127.0.0.1:5432/bench_overview). Fills it set-based: 100,000 alumni over
 * 4 decisions with verdicts, 40,000 delivered invitations, 8,000 answers, 3,000 applications,
 * 1,200 contracts (300 active), then prints EXPLAIN (ANALYZE) of each funnel query and p50/p95
 * of the dashboard as HR loads it (getOverview), overall and for one decision.
 */
import pg from "pg";
import { applyMigrations } from "../../app/platform/db/migrations.server";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);

async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).href,
  });
  await admin.connect();
  const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  await admin.end();
}

const SEED = [
  `TRUNCATE "GigContract", "Application", "ReturnProgram", "InvitationAnswer", "CampaignRecipient", "Campaign",
     "Segment", "OutboxMessage", "EligibilityVerdict", "DecisionPhase", "WorkforceDecision", "Alumnus" CASCADE`,
  `INSERT INTO "WorkforceDecision" (id, title, kind, function, rationale, "updatedAt")
     SELECT 'bd' || g, 'Bench decision ' || g, 'automation', 'Support', 'Bench', now() FROM generate_series(1, 4) g`,
  `INSERT INTO "DecisionPhase" (id, "decisionId", position, name, "startsOn", "targetHeadcount")
     SELECT 'bp' || d || '-' || p, 'bd' || d, p, 'Phase ' || p, DATE '2026-01-01' + p * 90, 100 * p
     FROM generate_series(1, 4) d, generate_series(1, 3) p`,
  `INSERT INTO "Alumnus" (id, "hrId", "workEmail", "firstName", "lastName", department, location, "decisionId",
     "consentReturn", "doNotContact", source, "updatedAt")
     SELECT 'ba' || g, 'BENCH-' || g, CASE WHEN g % 10 = 0 THEN NULL ELSE 'bench' || g || '@example.com' END, 'Bench', 'Person' || g,
       (ARRAY['Customer service','Finance','Operations','Sales','Payments'])[1 + g % 5],
       (ARRAY['Stockholm','Berlin','Remote','Madrid','Lisbon','Riga','Oslo'])[1 + g % 7],
       CASE WHEN g % 9 = 0 THEN NULL ELSE 'bd' || (1 + g % 4) END,
       (ARRAY['granted','unknown','withdrawn']::"ConsentStatus"[])[1 + g % 3], g % 50 = 0, 'seed', now()
     FROM generate_series(1, $1::int) g`,
  `INSERT INTO "EligibilityVerdict" ("alumnusId", outcome, reasons, "policyId", "policyVersion", "computedAt", "decidedAt", "expiresAt")
     SELECT id, (ARRAY['eligible','needs_review','not_eligible']::"EligibilityOutcome"[])[1 + (hashtext(id) & 3) % 3], '[]', 'bench', 1, now(), now(), now() + interval '1 year'
     FROM "Alumnus" WHERE id LIKE 'ba%' AND right(id, 1) <> '7'`,
  `INSERT INTO "User" (id, email, name, "roleId", status, "updatedAt")
     VALUES ('bench-manager', 'bench-manager@comeback.test', 'Bench manager', 'manager', 'active', now()) ON CONFLICT DO NOTHING`,
  `INSERT INTO "ReturnProgram" (id, title, description, "decisionId", "phaseId", "engagementType", "rateMin", "rateMax", currency, openings, "hiringManagerId", status, "updatedAt")
     SELECT 'br' || d || '-' || p, 'Bench program ' || d || '-' || p, 'Bench', 'bd' || d, 'bp' || d || '-' || p,
       (ARRAY['gig','part_time','full_time']::"EngagementType"[])[p], 18, 24, 'EUR', 50, 'bench-manager', 'open', now()
     FROM generate_series(1, 4) d, generate_series(1, 3) p`,
  `INSERT INTO "Segment" (id, name, query, "updatedAt") VALUES ('bench-seg', 'Bench segment', '', now())`,
  `INSERT INTO "Campaign" (id, name, "segmentId", template, "senderName", "senderRole", "senderEmail", "companyName", "teamName", opportunity, "respondBy", status, "programId", "updatedAt")
     SELECT 'bc' || d, 'Bench campaign ' || d, 'bench-seg', 'return-invitation', 'HR', 'HR', 'hr@example.com', 'Bench', 'support', 'Shifts', DATE '2027-01-01', 'completed', 'br' || d || '-1', now()
     FROM generate_series(1, 4) d`,
  `INSERT INTO "OutboxMessage" (id, template, purpose, "toAddress", "alumnusId", "campaignId", subject, html, text, "messageId", status, "sentAt")
     SELECT 'bo' || g, 'return-invitation', 'return_opportunities', 'bench' || g || '@example.com', 'ba' || g, 'bc' || (1 + g % 4),
       'Would you come back?', '<p>Hello</p>', 'Hello', '<bo' || g || '@bench>',
       (CASE WHEN g % 40 = 0 THEN 'set_aside' WHEN g % 41 = 0 THEN 'queued' ELSE 'sent' END)::"OutboxStatus",
       timestamptz '2026-09-01' + (g % 60) * interval '1 day'
     FROM generate_series(1, 40000) g`,
  `INSERT INTO "InvitationAnswer" (id, "campaignId", "alumnusId", answer, "answeredAt")
     SELECT 'bi' || g, 'bc' || (1 + g % 4), 'ba' || g, (ARRAY['interested','not_now','stop']::"InvitationAnswerChoice"[])[1 + g % 3], now()
     FROM generate_series(1, 40000, 5) g`,
  `INSERT INTO "Application" (id, "programId", "alumnusId", status, motivation, source, "updatedAt")
     SELECT 'bap' || g, 'br' || (1 + g % 4) || '-' || (1 + g % 3), 'ba' || (g * 13),
       (ARRAY['submitted','in_review','shortlisted','offered','declined','hired']::"ApplicationStatus"[])[1 + g % 6], 'Bench', 'portal', now()
     FROM generate_series(1, 3000) g`,
  `INSERT INTO "GigContract" (id, "applicationId", "programId", "alumnusId", status, role, "hourlyRate", currency, "acceptedAt", "activatedAt", "updatedAt")
     SELECT 'bgc' || ap.id, ap.id, ap."programId", ap."alumnusId",
       (ARRAY['pending_approval','accepted','active','offered']::"ContractStatus"[])[1 + n % 4], 'Bench', 20, 'EUR',
       CASE WHEN n % 4 IN (1, 2) THEN timestamptz '2026-11-01' END,
       CASE WHEN n % 4 = 2 THEN timestamptz '2026-11-01' + (n % 30) * interval '1 day' END, now()
     FROM (SELECT id, "programId", "alumnusId", row_number() OVER (ORDER BY id) AS n FROM "Application" WHERE id LIKE 'bap%') ap
     WHERE ap.n <= 1200`,
  `ANALYZE`,
];

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a PostgreSQL database of its own (it is emptied).");
  await ensureDatabase(url);
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let started = Date.now();
  for (const sql of SEED) await client.query(sql, sql.includes("$1") ? [ROWS] : []);
  console.log(
    `seeded ${ROWS.toLocaleString("en")} alumni in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const { personFunnelQuery, programFunnelQuery, timeToActiveQuery } =
    await import("../../app/modules/overview/funnel.server");
  const { getOverview } = await import("../../app/modules/overview/get-overview.server");
  const { db, Prisma } = await import("../../app/platform/db.server");
  const any = { pool: true, pipeline: "any" as const, outbox: true, contracts: true };
  const plans = {
    "person funnel by decision": personFunnelQuery({ by: "decision" }),
    "person funnel, one decision": personFunnelQuery({ by: "overall", decisionId: "bd2" }),
    "program funnel by phase": programFunnelQuery({ by: "phase", scope: any }),
    "time to active": timeToActiveQuery({ scope: any }),
  };
  for (const [name, query] of Object.entries(plans)) {
    const rows = await db.$queryRaw<{ "QUERY PLAN": string }[]>(
      Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`,
    );
    console.log(`\n--- ${name}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }

  const hr = await db.user.findFirstOrThrow({ where: { roleId: "hr" } }).catch(() => null);
  const actor = {
    kind: "staff" as const,
    id: hr?.id ?? "bench-hr",
    sessionId: "bench",
    email: "hr@bench",
    name: "Bench HR",
    role: "hr" as const,
    roleLabel: "HR",
    teamId: null,
    permissions: (await import("../../app/platform/permissions")).ROLE_PERMISSIONS.hr.slice(),
  };
  for (const [label, filter] of [
    ["dashboard, all decisions", {}],
    ["dashboard, one decision", { decision: "bd2" }],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      started = performance.now();
      await getOverview({ actor, filter, ignored: [] });
      if (i > 0) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0);
    console.log(`bench overview: ${label}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms (${RUNS} runs)`);
  }
  await client.end();
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
