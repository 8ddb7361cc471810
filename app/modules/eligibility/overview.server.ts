import { db } from "~/platform/db.server";
import { effectiveOutcomeSql } from "./eligibility-where.server";
import { getDraftPolicy, getPublishedPolicy, listPolicyVersions } from "./policies.server";
import { RECOMPUTE_JOB } from "./recompute.server";

/** The eligibility start page: published policy, draft, counts, the latest recompute, versions. */
export async function getEligibilityOverview(now = new Date()) {
  const [published, draft, versions, job] = await Promise.all([
    getPublishedPolicy(db),
    getDraftPolicy(db),
    listPolicyVersions(db),
    db.job.findFirst({
      where: { kind: RECOMPUTE_JOB },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        status: true,
        progress: true,
        total: true,
        message: true,
        createdAt: true,
        finishedAt: true,
        lastError: true,
      },
    }),
  ]);
  const effective = effectiveOutcomeSql(now, "v");
  const [row] = await db.$queryRaw<Record<string, number>[]>`
    SELECT
      count(*) FILTER (WHERE v."outcome" = 'eligible')::int AS "computed_eligible",
      count(*) FILTER (WHERE v."outcome" = 'needs_review')::int AS "computed_needs_review",
      count(*) FILTER (WHERE v."outcome" = 'not_eligible')::int AS "computed_not_eligible",
      count(*) FILTER (WHERE ${effective} = 'eligible')::int AS "effective_eligible",
      count(*) FILTER (WHERE ${effective} = 'needs_review')::int AS "effective_needs_review",
      count(*) FILTER (WHERE ${effective} = 'not_eligible')::int AS "effective_not_eligible",
      count(*) FILTER (WHERE v."overrideOutcome" = 'eligible' AND v."overrideExpiresAt" > ${now})::int AS "overridden_eligible",
      count(*) FILTER (WHERE v."overrideOutcome" = 'needs_review' AND v."overrideExpiresAt" > ${now})::int AS "overridden_needs_review",
      count(*) FILTER (WHERE v."overrideOutcome" = 'not_eligible' AND v."overrideExpiresAt" > ${now})::int AS "overridden_not_eligible"
    FROM "EligibilityVerdict" v`;
  const counts = (["eligible", "needs_review", "not_eligible"] as const).map((outcome) => ({
    outcome,
    computed: row?.[`computed_${outcome}`] ?? 0,
    effective: row?.[`effective_${outcome}`] ?? 0,
    overridden: row?.[`overridden_${outcome}`] ?? 0,
  }));
  const [people, withVerdict] = await Promise.all([db.alumnus.count(), db.eligibilityVerdict.count()]);
  return {
    published,
    draft,
    versions,
    job: job
      ? { ...job, createdAt: job.createdAt.toISOString(), finishedAt: job.finishedAt?.toISOString() ?? null }
      : null,
    counts,
    people,
    withVerdict,
  };
}
