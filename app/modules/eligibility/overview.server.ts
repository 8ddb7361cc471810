import { db } from "~/platform/db.server";
import { getDraftPolicy, getPublishedPolicy, listPolicyVersions } from "./policies.server";
import { RECOMPUTE_JOB } from "./recompute.server";
import { peopleCount, verdictCounts } from "./verdict-counts.server";

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
  const [tally, people] = await Promise.all([verdictCounts(now), peopleCount()]);
  return {
    published,
    draft,
    versions,
    job: job
      ? { ...job, createdAt: job.createdAt.toISOString(), finishedAt: job.finishedAt?.toISOString() ?? null }
      : null,
    counts: tally.byOutcome,
    people,
    withVerdict: tally.withVerdict,
  };
}
