import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { getPublishedPolicy } from "./policies.server";
import { enqueueRecompute, RECOMPUTE_JOB } from "./recompute.server";

/** "Re-evaluate everyone now" under the published policy (dates move on). One job at a time. */
export async function requestRecompute(input: { actor: StaffUser }) {
  return db.$transaction(async (tx) => {
    const policy = await getPublishedPolicy(tx);
    if (!policy) throw new AppError("conflict", "Publish a policy first; publishing evaluates everyone.");
    const running = await tx.job.findFirst({
      where: { kind: RECOMPUTE_JOB, status: { in: ["queued", "running"] } },
      select: { id: true },
    });
    if (running)
      throw new AppError(
        "conflict",
        "A re-evaluation is already under way. Its progress is shown on this page.",
      );
    const job = await enqueueRecompute(tx, {
      policyId: policy.id,
      createdById: input.actor.id,
      reason: "refresh",
    });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "verdicts.recomputed",
      entityType: "eligibility_policy",
      entityId: policy.id,
      after: { requested: true, version: policy.version, jobId: job.id },
    });
    return { jobId: job.id };
  });
}
