/**
 * For the benches (approvals, load): MANAGERS managers, each hiring for a program of their own
 * (in the demo data's first decision phase), and CONTRACTS gig contracts waiting for their
 * approval (terms inside every rule, so the hiring manager's approval completes each), with one
 * signed-in session per manager. Returns the approve requests to make, interleaved so that all
 * managers act at once; each contract can be approved once.
 */
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Managers, their programs and sessions, and the contracts waiting for them (set-based SQL). */
export async function seedContracts(
  client: pg.Client,
  { managers: MANAGERS, contracts: CONTRACTS }: { managers: number; contracts: number },
) {
  // The demo data's first decision phase; the programs are the bench's own.
  const phase = await client.query<{ id: string; decisionId: string }>(
    `SELECT id, "decisionId" FROM "DecisionPhase" ORDER BY "decisionId", position LIMIT 1`,
  );
  if (!phase.rows[0]) throw new Error("The demo data has no decision phase to hire for.");
  await client.query(
    `INSERT INTO "User" (id, email, name, "roleId", status, "updatedAt")
     SELECT 'bench-m-' || g, 'bench.manager' || g || '@example.com', 'Bench Manager ' || g, 'manager', 'active', now()
     FROM generate_series(1, $1::int) g`,
    [MANAGERS],
  );
  await client.query(
    `INSERT INTO "ReturnProgram" (id, title, description, "decisionId", "phaseId", "engagementType", remote, "rateMin", "rateMax",
       currency, openings, "hiringManagerId", status, version, "updatedAt")
     SELECT 'bench-p-' || g, 'Bench program ' || g, 'Remote support shifts.', $2, $3, 'gig', true,
       18.50, 24.00, 'EUR', 100, 'bench-m-' || g, 'open', 1, now()
     FROM generate_series(1, $1::int) g`,
    [MANAGERS, phase.rows[0].decisionId, phase.rows[0].id],
  );
  await client.query(
    `INSERT INTO "Alumnus" (id, "hrId", "workEmail", "firstName", "lastName", source, "updatedAt")
     SELECT 'bench-a-' || g, 'BENCH-' || g, 'bench.person' || g || '@example.com', 'Bench', 'Person ' || g, 'seed', now()
     FROM generate_series(1, $1::int) g`,
    [CONTRACTS],
  );
  await client.query(
    `INSERT INTO "Application" (id, "programId", "alumnusId", status, motivation, source, "updatedAt")
     SELECT 'bench-app-' || g, 'bench-p-' || (1 + g % $2::int), 'bench-a-' || g, 'offered', 'Bench', 'hr', now()
     FROM generate_series(1, $1::int) g`,
    [CONTRACTS, MANAGERS],
  );
  const text = "Gig contract for the bench.";
  await client.query(
    `INSERT INTO "GigContract" (id, "applicationId", "programId", "alumnusId", status, role, "hourlyRate", currency,
       "minHoursPerWeek", "maxHoursPerWeek", "startsOn", "noticeDays", remote, "termsText", "termsHash", "submittedAt",
       "templateVersionId", "updatedAt")
     SELECT 'bench-c-' || g, 'bench-app-' || g, 'bench-p-' || (1 + g % $2::int), 'bench-a-' || g, 'pending_approval',
       'Support specialist', 20.00, 'EUR', 10, 20, DATE '2027-03-01', 14, true, $3, $4, now(),
       'default-gig-contract-v1', now()
     FROM generate_series(1, $1::int) g`,
    [CONTRACTS, MANAGERS, text, sha256(text)],
  );
  const cookies: string[] = [];
  for (let m = 1; m <= MANAGERS; m++) {
    const token = randomBytes(32).toString("base64url");
    await client.query(
      `INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`,
      [sha256(token), `bench-m-${m}`],
    );
    cookies.push(`comeback_session=${token}`);
  }
  // Interleaved: every manager's contracts one after another, so all managers act at once.
  const work: { path: string; cookie: string }[] = [];
  for (let g = 1; g <= CONTRACTS; g++)
    work.push({ path: `/staff/contracts/bench-c-${g}`, cookie: cookies[g % MANAGERS] });
  await client.query(`ANALYZE`);
  return work;
}
