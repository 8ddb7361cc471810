import { actorOf, type StaffUser } from "~/platform/auth.server";
import { changedFields, recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { getDraftPolicy, getPublishedPolicy } from "./policies.server";
import { DEFAULT_RULES, PolicyRulesSchema, type PolicyRules } from "./policy";
import { queueWhatIf } from "./what-if.server";

/** Lock taken by every writer of policies, so there is only ever one draft and versions stay in order. */
export const POLICY_LOCK = 727_115_017;

/**
 * Saves the draft (creating it from the published version when there is none). Audited. A save
 * that changes the rules (or creates the draft) is a new revision, whose what-if is queued in the
 * same transaction (ADR 087): the page never shows a saved draft without its what-if under way.
 */
export async function saveDraftPolicy(input: { actor: StaffUser; rules: PolicyRules; summary?: string }) {
  const rules = PolicyRulesSchema.parse(input.rules);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${POLICY_LOCK})`;
    const draft = await getDraftPolicy(tx);
    const published = await getPublishedPolicy(tx);
    const before = draft?.rules ?? published?.rules ?? DEFAULT_RULES;
    const diff = changedFields(
      before as unknown as Record<string, unknown>,
      rules as unknown as Record<string, unknown>,
    );
    const rulesChanged = !draft || diff.changed;
    const row = draft
      ? await tx.eligibilityPolicy.update({
          where: { id: draft.id },
          data: {
            rules,
            summary: input.summary ?? null,
            updatedById: input.actor.id,
            ...(rulesChanged ? { revision: { increment: 1 } } : {}),
          },
          select: { id: true, revision: true },
        })
      : await tx.eligibilityPolicy.create({
          data: {
            status: "draft",
            rules,
            summary: input.summary ?? null,
            basedOnId: published?.id ?? null,
            createdById: input.actor.id,
            updatedById: input.actor.id,
          },
          select: { id: true, revision: true },
        });
    await queueWhatIf(tx, { policyId: row.id, revision: row.revision, createdById: input.actor.id });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "policy.draft_saved",
      entityType: "eligibility_policy",
      entityId: row.id,
      before: diff.before,
      after: diff.after,
    });
    return { policyId: row.id, revision: row.revision, changed: diff.changed };
  });
}

/** Throws the draft away; the published version stays as it is. */
export async function discardDraftPolicy(input: { actor: StaffUser }) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${POLICY_LOCK})`;
    const draft = await getDraftPolicy(tx);
    if (!draft) return { discarded: false };
    await tx.eligibilityPolicy.delete({ where: { id: draft.id } });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "policy.draft_discarded",
      entityType: "eligibility_policy",
      entityId: draft.id,
      before: { rules: draft.rules },
    });
    return { discarded: true };
  });
}
