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
    db.job.findFirst({ where: { kind: RECOMPUTE_JOB }, orderBy: { createdAt: "desc" }, select: { id: true, status: true, progress: true, total: true, message: true, createdAt: true, finishedAt: true, lastError: true } }),
  ]);
  const effective = effectiveOutcomeSql(now, "v");
  const counts = await db.$queryRaw<{ outcome: string; computed: number; effective: number; overridden: number }[]>`
    SELECT o AS "outcome",
      (SELECT count(*)::int FROM "EligibilityVerdict" v WHERE v."outcome"::text = o) AS "computed",
      (SELECT count(*)::int FROM "EligibilityVerdict" v WHERE ${effective}::text = o) AS "effective",
      (SELECT count(*)::int FROM "EligibilityVerdict" v WHERE v."overrideOutcome"::text = o AND v."overrideExpiresAt" > ${now}) AS "overridden"
    FROM unnest(ARRAY['eligible', 'needs_review', 'not_eligible']) AS o`;
  const [people, withVerdict] = await Promise.all([db.alumnus.count(), db.eligibilityVerdict.count()]);
  return {
    published,
    draft,
    versions,
    job: job ? { ...job, createdAt: job.createdAt.toISOString(), finishedAt: job.finishedAt?.toISOString() ?? null } : null,
    counts,
    people,
    withVerdict,
  };
}
