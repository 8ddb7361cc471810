/**
 * Demo data: `npm run db:seed`, and `npm start` on an empty database. Deterministic (seeded
 * random numbers), built with the same factories the tests use.
 *
 * The story: in 2022 the company moved routine customer-service work to an AI assistant and let
 * ~700 support agents go. In 2025 it began bringing people back on flexible gig contracts.
 * Others left for the usual reasons, and a few left in ways that need a careful look.
 */
import { publishInitialPolicy } from "~/modules/eligibility/publish-policy.server";
import { hashPassword } from "~/modules/identity/password.server";
import { DEMO_WELCOME } from "~/modules/portal/demo-welcome";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import type { RoleId } from "~/platform/permissions";
import {
  buildAlumnus,
  createRng,
  insertAlumni,
  isoDate,
  SUPPORT_SKILLS,
  type AlumnusSeed,
} from "../test/factories";

export const DEMO_ACCOUNTS: { role: RoleId; email: string; name: string; password: string }[] = [
  {
    role: "admin",
    email: "admin@comeback.localhost",
    name: "Ada Lindgren",
    password: "demo-admin-pass-2026",
  },
  { role: "hr", email: "hr@comeback.localhost", name: "Hanna Berg", password: "demo-hr-pass-2026" },
  {
    role: "manager",
    email: "manager@comeback.localhost",
    name: "Mats Okafor",
    password: "demo-manager-pass-2026",
  },
];

export const AUTOMATION_DECISION_TITLE = "2022 AI customer-service automation";
export const DEMO_SEGMENT_NAME = "2022 automation cohort, consent given";
export const WORKDAY_MAPPING_NAME = "Workday terminations";

/** The saved mapping for Workday's terminations report (the demo reuses it on the import page). */
export const WORKDAY_MAPPING_COLUMNS = {
  hrId: "Employee ID",
  fullName: "Legal Name",
  preferredName: "Preferred Name",
  workEmail: "Primary Work Email",
  personalEmail: "Personal Email",
  jobTitle: "Job Profile",
  department: "Supervisory Organization",
  location: "Location",
  hireDate: "Hire Date",
  exitDate: "Termination Date",
  exitReason: "Primary Termination Reason",
  regrettable: "Regrettable Termination",
  rehireFlag: "Eligible for Rehire",
  managerName: "Manager",
};
const AUTOMATED_COHORT = 700;
const OTHER_LEAVERS = 300;

export async function isDatabaseEmpty() {
  const [users, alumni] = await Promise.all([db.user.count(), db.alumnus.count()]);
  return users === 0 && alumni === 0;
}

/** The demo accounts that exist in this database (printed by `npm start`). */
export async function demoAccounts() {
  const existing = await db.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) }, status: "active" },
    select: { email: true },
  });
  const emails = new Set(existing.map((u) => u.email));
  return DEMO_ACCOUNTS.filter((a) => emails.has(a.email));
}

function automatedCohort(rng: ReturnType<typeof createRng>, decisionId: string): AlumnusSeed[] {
  const out: AlumnusSeed[] = [];
  for (let i = 0; i < AUTOMATED_COHORT; i++) {
    const senior = rng.chance(0.15);
    out.push(
      buildAlumnus(rng, {
        index: i,
        jobTitle: senior
          ? "Senior Customer Service Agent"
          : rng.chance(0.08)
            ? "Support Team Lead"
            : "Customer Service Agent",
        department: "Customer Service",
        skills: rng.sample(SUPPORT_SKILLS, rng.int(3, 6)),
        hireDate: isoDate(rng.int(2014, 2021), rng.int(1, 12), rng.int(1, 28)),
        exitDate: isoDate(2022, rng.pick([5, 6, 6, 6, 7]), rng.int(1, 28)),
        exitReason: rng.chance(0.85) ? "layoff_automation" : "position_eliminated",
        exitReasonRaw: "Reduction in Force > Position Eliminated (automation)",
        regrettable: rng.chance(0.6),
        hrRehireFlag: rng.chance(0.92) ? "yes" : "review",
        decisionId,
        managerName: rng.pick(["Oskar Chen", "Lars Kowalski", "Sven Ström", "Karin Holm"]),
      }),
    );
  }
  return out;
}

function otherLeavers(rng: ReturnType<typeof createRng>, restructuringId: string): AlumnusSeed[] {
  const reasons = [
    {
      exitReason: "resignation",
      raw: "Voluntary > Resignation - Career Opportunity",
      flag: "yes",
      weight: 40,
    },
    {
      exitReason: "layoff_restructuring",
      raw: "Reduction in Force > Restructuring",
      flag: "yes",
      weight: 20,
    },
    { exitReason: "contract_end", raw: "Contract > End of Contract", flag: "yes", weight: 12 },
    { exitReason: "retirement", raw: "Voluntary > Retirement", flag: "yes", weight: 6 },
    { exitReason: "performance", raw: "Involuntary > Performance", flag: "review", weight: 10 },
    { exitReason: "attendance", raw: "Involuntary > Attendance", flag: "review", weight: 5 },
    { exitReason: "conduct", raw: "Involuntary > Misconduct", flag: "no", weight: 4 },
    { exitReason: "job_abandonment", raw: "Involuntary > Job Abandonment", flag: "no", weight: 3 },
  ] as const;
  const bag = reasons.flatMap((r) => Array.from({ length: r.weight }, () => r));
  const out: AlumnusSeed[] = [];
  for (let i = 0; i < OTHER_LEAVERS; i++) {
    const reason = rng.pick(bag);
    const dnr = reason.exitReason === "conduct" && rng.chance(0.6);
    out.push(
      buildAlumnus(rng, {
        index: AUTOMATED_COHORT + i,
        exitReason: reason.exitReason,
        exitReasonRaw: reason.raw,
        hrRehireFlag: reason.flag,
        regrettable: reason.exitReason === "resignation" ? rng.chance(0.7) : rng.chance(0.2),
        decisionId: reason.exitReason === "layoff_restructuring" ? restructuringId : null,
        doNotRehire: dnr,
        doNotRehireReason: dnr ? "Policy breach confirmed by an investigation; see the HR case file." : null,
        legalHold: rng.chance(0.01),
      }),
    );
  }
  return out;
}

export async function seedDemoData() {
  const rng = createRng(20220601);
  const passwordHashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
  await db.$transaction(
    async (tx) => {
      const team = await tx.team.create({ data: { name: "Customer Service" } });
      await tx.team.create({ data: { name: "Operations" } });
      for (const [i, account] of DEMO_ACCOUNTS.entries()) {
        await tx.user.create({
          data: {
            email: account.email,
            name: account.name,
            roleId: account.role,
            status: "active",
            passwordHash: passwordHashes[i],
            passwordChangedAt: new Date(),
            teamId: account.role === "manager" ? team.id : null,
          },
        });
      }
      // The alumni portal's welcome page, as HR would write it (the branding uses its defaults).
      await tx.portalWelcome.create({ data: { id: "default", ...DEMO_WELCOME } });
      const automation = await tx.workforceDecision.create({
        data: {
          title: AUTOMATION_DECISION_TITLE,
          kind: "automation",
          function: "Customer service",
          rationale:
            "Routine customer enquiries were moved to an AI assistant. In 2025 we recognised that customers with complex or sensitive problems need people, and began inviting former colleagues back on flexible remote contracts.",
          announcedOn: isoDate(2022, 5, 10),
          effectiveOn: isoDate(2022, 6, 30),
          rolesAffected: AUTOMATED_COHORT,
          status: "phased",
          phases: {
            create: [
              {
                position: 1,
                name: "Pilot: complex disputes",
                startsOn: isoDate(2025, 5, 1),
                endsOn: isoDate(2025, 8, 31),
                targetHeadcount: 40,
              },
              {
                position: 2,
                name: "Hybrid support for all markets",
                startsOn: isoDate(2025, 9, 1),
                endsOn: isoDate(2026, 3, 31),
                targetHeadcount: 150,
              },
              { position: 3, name: "Steady state", startsOn: isoDate(2026, 4, 1), targetHeadcount: 250 },
            ],
          },
        },
      });
      const restructuring = await tx.workforceDecision.create({
        data: {
          title: "2023 Operations restructuring",
          kind: "restructuring",
          function: "Operations",
          rationale: "Regional operations teams were merged into two hubs.",
          announcedOn: isoDate(2023, 2, 1),
          effectiveOn: isoDate(2023, 4, 1),
          rolesAffected: 60,
          status: "in_effect",
        },
      });
      await tx.importMapping.create({
        data: {
          name: WORKDAY_MAPPING_NAME,
          system: "workday",
          dateFormat: "us",
          columns: WORKDAY_MAPPING_COLUMNS,
          valueMaps: { exitReason: {} },
        },
      });
      await insertAlumni(tx, [
        ...automatedCohort(rng, automation.id),
        ...otherLeavers(rng, restructuring.id),
      ]);
      // The default eligibility policy, published, with verdicts for everyone (ADR 017, 018).
      await publishInitialPolicy(tx, undefined, { recomputeNow: true });
      // A saved view to start a campaign from: the 2022 cohort who said we may write to them.
      await tx.segment.create({
        data: {
          name: DEMO_SEGMENT_NAME,
          description:
            "Everyone let go in the 2022 customer-service automation who gave consent to hear about return opportunities.",
          query: `consent=granted&decisionId=${automation.id}`,
        },
      });
      await recordAudit(tx, {
        actor: { type: "system", name: "demo seed" },
        action: "system.seeded",
        entityType: "database",
        after: { alumni: AUTOMATED_COHORT + OTHER_LEAVERS, staff: DEMO_ACCOUNTS.length },
      });
    },
    { timeout: 120_000 },
  );
}

/** Seeds only an empty database; a second start reuses the data. */
export async function seedIfEmpty(): Promise<boolean> {
  if (!(await isDatabaseEmpty())) return false;
  await seedDemoData();
  return true;
}

if (process.argv[1]?.endsWith("seed.ts")) {
  const { env } = await import("~/platform/env.server");
  const { withDatabase } = await import("../server/database");
  const { disconnectDb } = await import("~/platform/db.server");
  const { applyMigrations } = await import("~/platform/db/migrations.server");
  await withDatabase(env(), async (url) => {
    await applyMigrations(url);
    const seeded = await seedIfEmpty();
    console.log(seeded ? "Seeded demo data." : "The database already has data; nothing was seeded.");
    await disconnectDb();
  }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
