import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db, type Db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { getDraftPolicy, getPublishedPolicy } from "./policies.server";
import { describeRuleChanges, DEFAULT_RULES, PolicyRulesSchema, type PolicyRules } from "./policy";
import { enqueueRecompute, recomputeEligibilityFor } from "./recompute.server";
import { POLICY_LOCK } from "./save-draft-policy.server";

/**
 * Publishes the draft: it becomes the next version and is frozen, the previous version is
 * superseded, the event is audited, and a background job re-evaluates everyone. When the page
 * says which draft it showed (`draftUpdatedAt`), a draft changed since then is refused, so what
 * HR saw in the what-if is what gets published.
 */
export async function publishPolicy(input: { actor: StaffUser; draftUpdatedAt?: string | null }) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${POLICY_LOCK})`;
    const draft = await getDraftPolicy(tx);
    if (!draft) throw new AppError("conflict", "There is no draft to publish. Save a draft first.");
    if (input.draftUpdatedAt && draft.updatedAt.toISOString() !== input.draftUpdatedAt) {
      throw new AppError(
        "conflict",
        "The draft changed after you opened this page. Check the what-if again, then publish.",
      );
    }
    const rules = PolicyRulesSchema.parse(draft.rules);
    return publishRules(tx, { actor: input.actor, policyId: draft.id, rules, summary: draft.summary });
  });
}

/** Freezes a policy row as the next version (inside the caller's transaction, under POLICY_LOCK). */
export async function publishRules(
  tx: Db,
  input: {
    actor: StaffUser | null;
    policyId: string;
    rules: PolicyRules;
    summary: string | null;
    queueRecompute?: boolean;
  },
) {
  const previous = await getPublishedPolicy(tx);
  const last = await tx.eligibilityPolicy.aggregate({ _max: { version: true } });
  const version = (last._max.version ?? 0) + 1;
  if (previous)
    await tx.eligibilityPolicy.update({ where: { id: previous.id }, data: { status: "superseded" } });
  const now = new Date();
  await tx.eligibilityPolicy.update({
    where: { id: input.policyId },
    data: {
      status: "published",
      version,
      rules: input.rules,
      publishedAt: now,
      publishedById: input.actor?.id ?? null,
      updatedById: input.actor?.id ?? null,
    },
  });
  const job =
    input.queueRecompute === false
      ? null
      : await enqueueRecompute(tx, {
          policyId: input.policyId,
          createdById: input.actor?.id ?? null,
          reason: "publish",
        });
  await recordAudit(tx, {
    actor: input.actor ? actorOf(input.actor) : { type: "system", name: "demo seed" },
    action: "policy.published",
    entityType: "eligibility_policy",
    entityId: input.policyId,
    before: previous ? { version: previous.version, rules: previous.rules } : null,
    after: {
      version,
      rules: input.rules,
      changes: describeRuleChanges(previous?.rules ?? DEFAULT_RULES, input.rules),
      recomputeJobId: job?.id ?? null,
    },
    reason: input.summary,
  });
  return { version, policyId: input.policyId, jobId: job?.id ?? null };
}

/**
 * Creates and publishes a policy directly (demo seed, tests). With `recomputeNow`, verdicts are
 * computed inside the caller's transaction instead of by a background job.
 */
export async function publishInitialPolicy(
  tx: Db,
  rules: PolicyRules = DEFAULT_RULES,
  options: { recomputeNow?: boolean } = {},
) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${POLICY_LOCK})`;
  const row = await tx.eligibilityPolicy.create({
    data: { status: "draft", rules, summary: "The default policy." },
    select: { id: true },
  });
  const published = await publishRules(tx, {
    actor: null,
    policyId: row.id,
    rules,
    summary: "The default policy.",
    queueRecompute: !options.recomputeNow,
  });
  if (options.recomputeNow) {
    const ids = await tx.alumnus.findMany({ select: { id: true } });
    await recomputeEligibilityFor(
      tx,
      ids.map((a) => a.id),
    );
  }
  return published;
}
