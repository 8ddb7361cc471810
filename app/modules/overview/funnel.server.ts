import { db, Prisma } from "~/platform/db.server";
import { effectiveOutcomeSql } from "~/modules/eligibility/eligibility-where.server";
import { ENGAGEMENT_LABELS, type EngagementType } from "~/modules/applications/labels";
import { STAGES, type FunnelCounts, type FunnelRow } from "./funnel";
import type { OverviewScope } from "./overview-scope.server";

/**
 * The funnel's counts, aggregated in SQL (ADR 078): one pass over the pool with the later stages
 * joined in as per-person facts, so 100,000 people cost one grouped scan, never a row per person
 * in the app.
 */

/** How far a person got on one application: 1 applied, 2 offered, 3 contracted, 4 active. */
const STAGE_RANK = Prisma.sql`CASE
  WHEN c."activatedAt" IS NOT NULL OR c."status" IN ('active', 'ended') THEN 4
  WHEN c."acceptedAt" IS NOT NULL OR c."status" IN ('accepted', 'onboarding') THEN 3
  WHEN c."id" IS NOT NULL OR ap."status" IN ('offered', 'hired') THEN 2
  ELSE 1 END`;

/** A delivered campaign email is an invitation (the first one or its reminder). */
const DELIVERED_INVITATION = Prisma.sql`o."status" = 'sent' AND o."campaignId" IS NOT NULL AND o."alumnusId" IS NOT NULL`;

type RawRow = {
  key: string | null;
  label: string | null;
  affected?: number;
  contactable?: number;
  eligible?: number;
  invited: number;
  interested: number;
  applied: number;
  offered: number;
  contracted: number;
  active: number;
};

function toRow(raw: RawRow, fallbackLabel: string): FunnelRow {
  const counts = Object.fromEntries(
    STAGES.map((s) => [s, raw[s as keyof RawRow] === undefined ? null : Number(raw[s as keyof RawRow])]),
  ) as FunnelCounts;
  return { key: raw.key ?? "none", label: raw.label ?? fallbackLabel, counts };
}

export const MAX_GROUPS = 50;

const PERSON_GROUP: Record<
  "overall" | "decision" | "department" | "location",
  { key: Prisma.Sql; label: Prisma.Sql }
> = {
  overall: { key: Prisma.sql`'all'`, label: Prisma.sql`'Everyone in the pool'` },
  decision: { key: Prisma.sql`a."decisionId"`, label: Prisma.sql`d."title"` },
  department: { key: Prisma.sql`a."department"`, label: Prisma.sql`a."department"` },
  location: { key: Prisma.sql`a."location"`, label: Prisma.sql`a."location"` },
};

/**
 * Person-level funnel over the whole pool (HR): every stage, grouped by the person's decision,
 * department or location, or overall. `decisionId` narrows to the people of one decision.
 */
type PersonFunnelInput = {
  by: "overall" | "decision" | "department" | "location";
  decisionId?: string;
  now?: Date;
};

export function personFunnelQuery(input: PersonFunnelInput): Prisma.Sql {
  const group = PERSON_GROUP[input.by];
  const eligible = effectiveOutcomeSql(input.now ?? new Date(), "v");
  const where = input.decisionId ? Prisma.sql`WHERE a."decisionId" = ${input.decisionId}` : Prisma.empty;
  return Prisma.sql`
    WITH invited AS (
      SELECT DISTINCT o."alumnusId" AS id FROM "OutboxMessage" o WHERE ${DELIVERED_INVITATION}
    ), interested AS (
      SELECT DISTINCT ia."alumnusId" AS id FROM "InvitationAnswer" ia WHERE ia."answer" = 'interested'
    ), pipeline AS (
      SELECT ap."alumnusId" AS id, max(${STAGE_RANK}) AS stage
      FROM "Application" ap LEFT JOIN "GigContract" c ON c."applicationId" = ap."id"
      GROUP BY ap."alumnusId"
    )
    SELECT ${group.key} AS "key", min(${group.label}) AS "label",
      count(*)::int AS "affected",
      count(*) FILTER (WHERE NOT a."doNotContact" AND a."consentReturn" = 'granted'
        AND coalesce(a."personalEmail", a."workEmail") IS NOT NULL)::int AS "contactable",
      count(*) FILTER (WHERE ${eligible} = 'eligible')::int AS "eligible",
      count(i."id")::int AS "invited",
      count(n."id")::int AS "interested",
      count(p."id")::int AS "applied",
      count(*) FILTER (WHERE p."stage" >= 2)::int AS "offered",
      count(*) FILTER (WHERE p."stage" >= 3)::int AS "contracted",
      count(*) FILTER (WHERE p."stage" >= 4)::int AS "active"
    FROM "Alumnus" a
    LEFT JOIN "WorkforceDecision" d ON d."id" = a."decisionId"
    LEFT JOIN "EligibilityVerdict" v ON v."alumnusId" = a."id"
    LEFT JOIN invited i ON i."id" = a."id"
    LEFT JOIN interested n ON n."id" = a."id"
    LEFT JOIN pipeline p ON p."id" = a."id"
    ${where}
    GROUP BY 1
    ORDER BY "affected" DESC, 2 ASC
    LIMIT ${MAX_GROUPS}`;
}

export async function personFunnel(input: PersonFunnelInput): Promise<FunnelRow[]> {
  const rows = await db.$queryRaw<RawRow[]>(personFunnelQuery(input));
  const fallback = input.by === "decision" ? "No decision recorded" : `No ${input.by} recorded`;
  return rows.map((r) => toRow(r, fallback));
}

const PROGRAM_GROUP: Record<
  "overall" | "decision" | "phase" | "engagement",
  { key: Prisma.Sql; label: Prisma.Sql; order: Prisma.Sql }
> = {
  overall: { key: Prisma.sql`'all'`, label: Prisma.sql`'Every program'`, order: Prisma.sql`1` },
  decision: {
    key: Prisma.sql`rp."decisionId"`,
    label: Prisma.sql`d."title"`,
    order: Prisma.sql`min(d."title")`,
  },
  phase: {
    key: Prisma.sql`rp."phaseId"`,
    label: Prisma.sql`d."title" || ' · ' || ph."name"`,
    order: Prisma.sql`min(d."title"), min(ph."position")`,
  },
  engagement: {
    key: Prisma.sql`rp."engagementType"::text`,
    label: Prisma.sql`rp."engagementType"::text`,
    order: Prisma.sql`1`,
  },
};

/**
 * Program-level funnel: the stages that belong to a return program (invitations that point at
 * it, their answers, applications and contracts), grouped by the program's decision, phase or
 * engagement type. A hiring manager's scope keeps their own programs only.
 */
type ProgramFunnelInput = {
  by: "overall" | "decision" | "phase" | "engagement";
  scope: OverviewScope;
  decisionId?: string;
};

export function programFunnelQuery(input: ProgramFunnelInput): Prisma.Sql {
  const group = PROGRAM_GROUP[input.by];
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (input.scope.pipeline && input.scope.pipeline !== "any")
    conditions.push(Prisma.sql`rp."hiringManagerId" = ${input.scope.pipeline.hiringManagerId}`);
  if (input.decisionId) conditions.push(Prisma.sql`rp."decisionId" = ${input.decisionId}`);
  return Prisma.sql`
    WITH facts AS (
      SELECT o."alumnusId" AS person, cp."programId" AS program, 1 AS invited, 0 AS interested, 0 AS stage
      FROM "OutboxMessage" o JOIN "Campaign" cp ON cp."id" = o."campaignId"
      WHERE ${DELIVERED_INVITATION} AND cp."programId" IS NOT NULL
      UNION ALL
      SELECT ia."alumnusId", cp."programId", 0, 1, 0
      FROM "InvitationAnswer" ia JOIN "Campaign" cp ON cp."id" = ia."campaignId"
      WHERE ia."answer" = 'interested' AND cp."programId" IS NOT NULL
      UNION ALL
      SELECT ap."alumnusId", ap."programId", 0, 0, ${STAGE_RANK}
      FROM "Application" ap LEFT JOIN "GigContract" c ON c."applicationId" = ap."id"
    ), per AS (
      SELECT person, program, max(invited) AS invited, max(interested) AS interested, max(stage) AS stage
      FROM facts GROUP BY person, program
    )
    SELECT ${group.key} AS "key", min(${group.label}) AS "label",
      count(DISTINCT per.person) FILTER (WHERE per.invited = 1)::int AS "invited",
      count(DISTINCT per.person) FILTER (WHERE per.interested = 1)::int AS "interested",
      count(DISTINCT per.person) FILTER (WHERE per.stage >= 1)::int AS "applied",
      count(DISTINCT per.person) FILTER (WHERE per.stage >= 2)::int AS "offered",
      count(DISTINCT per.person) FILTER (WHERE per.stage >= 3)::int AS "contracted",
      count(DISTINCT per.person) FILTER (WHERE per.stage >= 4)::int AS "active"
    FROM per
    JOIN "ReturnProgram" rp ON rp."id" = per.program
    JOIN "WorkforceDecision" d ON d."id" = rp."decisionId"
    JOIN "DecisionPhase" ph ON ph."id" = rp."phaseId"
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY 1
    ORDER BY ${group.order}
    LIMIT ${MAX_GROUPS}`;
}

export async function programFunnel(input: ProgramFunnelInput): Promise<FunnelRow[]> {
  if (!input.scope.pipeline) return [];
  const rows = await db.$queryRaw<RawRow[]>(programFunnelQuery(input));
  return rows.map((r) => {
    const row = toRow(r, "—");
    return input.by === "engagement"
      ? { ...row, label: ENGAGEMENT_LABELS[row.key as EngagementType] ?? row.label }
      : row;
  });
}

/** Phases with their target headcount and what has been reached against it. */
export async function phaseTargets(input: { scope: OverviewScope; decisionId?: string }) {
  if (!input.scope.pipeline) return [];
  const mine = input.scope.pipeline === "any" ? null : input.scope.pipeline.hiringManagerId;
  const [phases, reached] = await Promise.all([
    db.decisionPhase.findMany({
      where: {
        ...(input.decisionId ? { decisionId: input.decisionId } : {}),
        ...(mine ? { programs: { some: { hiringManagerId: mine } } } : {}),
      },
      orderBy: [{ decision: { title: "asc" } }, { position: "asc" }],
      select: {
        id: true,
        name: true,
        targetHeadcount: true,
        startsOn: true,
        decision: { select: { title: true } },
      },
    }),
    programFunnel({ by: "phase", scope: input.scope, decisionId: input.decisionId }),
  ]);
  const byPhase = new Map(reached.map((r) => [r.key, r.counts]));
  return phases.map((p) => {
    const counts = byPhase.get(p.id);
    return {
      id: p.id,
      label: `${p.decision.title} · ${p.name}`,
      startsOn: p.startsOn.toISOString().slice(0, 10),
      target: p.targetHeadcount,
      contracted: counts?.contracted ?? 0,
      active: counts?.active ?? 0,
    };
  });
}
export type PhaseTarget = Awaited<ReturnType<typeof phaseTargets>>[number];

/**
 * Days from a person's first delivered invitation to their contract becoming active: median and
 * 90th percentile over the contracts in scope that became active after an invitation.
 */
export function timeToActiveQuery(input: { scope: OverviewScope; decisionId?: string }): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`c."activatedAt" IS NOT NULL`];
  if (input.scope.pipeline && input.scope.pipeline !== "any")
    conditions.push(Prisma.sql`rp."hiringManagerId" = ${input.scope.pipeline.hiringManagerId}`);
  if (input.decisionId) conditions.push(Prisma.sql`rp."decisionId" = ${input.decisionId}`);
  return Prisma.sql`
    SELECT count(*)::int AS "people",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t.days)::float8 AS "median",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY t.days)::float8 AS "p90"
    FROM (
      SELECT extract(epoch FROM (c."activatedAt" - first."sentAt")) / 86400 AS days
      FROM "GigContract" c
      JOIN "ReturnProgram" rp ON rp."id" = c."programId"
      JOIN LATERAL (
        SELECT min(o."sentAt") AS "sentAt" FROM "OutboxMessage" o
        WHERE o."alumnusId" = c."alumnusId" AND ${DELIVERED_INVITATION} AND o."sentAt" <= c."activatedAt"
      ) first ON first."sentAt" IS NOT NULL
      WHERE ${Prisma.join(conditions, " AND ")}
    ) t`;
}

export async function timeToActive(input: { scope: OverviewScope; decisionId?: string }) {
  if (!input.scope.pipeline) return null;
  const [row] = await db.$queryRaw<{ people: number; median: number | null; p90: number | null }[]>(
    timeToActiveQuery(input),
  );
  return { people: row?.people ?? 0, median: row?.median ?? null, p90: row?.p90 ?? null };
}

/** Outgoing email by state: waiting (queued or being sent), failed for now (retrying), set aside. */
export async function emailHealth() {
  const groups = await db.outboxMessage.groupBy({
    by: ["status"],
    where: { status: { in: ["queued", "sending", "failed", "set_aside"] } },
    _count: { _all: true },
  });
  const n = (s: string) => groups.find((g) => g.status === s)?._count._all ?? 0;
  return { queued: n("queued") + n("sending"), failed: n("failed"), setAside: n("set_aside") };
}
