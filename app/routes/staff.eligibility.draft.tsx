import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  DiscardDraftForm,
  DraftWhatIf,
  PolicyRulesForm,
  PublishDraftCard,
} from "~/components/eligibility/draft-policy";
import { ActionNotice } from "~/components/form";
import { Card, PageHeader } from "~/components/ui";
import { getDraftPolicy, getPublishedPolicy } from "~/modules/eligibility/policies.server";
import {
  DEFAULT_RULES,
  describeRuleChanges,
  formFromRules,
  PolicyFormSchema,
  rulesFromForm,
} from "~/modules/eligibility/policy";
import { publishPolicy } from "~/modules/eligibility/publish-policy.server";
import { discardDraftPolicy, saveDraftPolicy } from "~/modules/eligibility/save-draft-policy.server";
import { DiscardDraftSchema, PublishDraftSchema } from "~/modules/eligibility/schemas";
import { getWhatIfState } from "~/modules/eligibility/what-if.server";
import { requirePermission } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { defineAction, defineLoader, parseForm, parseIntent } from "~/platform/http.server";
import { can } from "~/platform/permissions";

export const meta: MetaFunction = () => [{ title: "Draft policy · Eligibility · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requirePermission(request, "edit:eligibility-policy");
  const [draft, published] = await Promise.all([getDraftPolicy(db), getPublishedPolicy(db)]);
  const rules = draft?.rules ?? published?.rules ?? DEFAULT_RULES;
  const nextVersion = (published?.version ?? 0) + 1;
  // The what-if of this draft's revision only (ADR 087): worked out in the background, read here.
  const whatIf = await getWhatIfState(db, draft);
  return {
    values: formFromRules(rules),
    draft: draft
      ? { updatedAt: draft.updatedAt.toISOString(), summary: draft.summary, revision: draft.revision }
      : null,
    publishedVersion: published?.version ?? null,
    nextVersion,
    ruleChanges: draft ? describeRuleChanges(published?.rules ?? DEFAULT_RULES, draft.rules) : [],
    whatIf,
    canPublish: can(user, "publish:eligibility-policy"),
  };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const editor = await requirePermission(request, "edit:eligibility-policy");
  const intent = await parseIntent(request, ["save", "discard", "publish"]);
  if (intent === "save") {
    const actor = editor;
    const input = await parseForm(request, PolicyFormSchema);
    const result = await saveDraftPolicy({ actor, rules: rulesFromForm(input), summary: input.summary });
    return {
      ok: true as const,
      intent,
      revision: result.revision,
      message: result.changed
        ? "Draft saved. The what-if beside it shows what it would change."
        : "Draft saved (the rules are the same as before).",
    };
  }
  if (intent === "discard") {
    await parseForm(request, DiscardDraftSchema);
    await discardDraftPolicy({ actor: editor });
    return { ok: true as const, intent, message: "Draft discarded. The published policy is unchanged." };
  }
  const actor = await requirePermission(request, "publish:eligibility-policy");
  const { draftUpdatedAt } = await parseForm(request, PublishDraftSchema);
  const result = await publishPolicy({ actor, draftUpdatedAt: draftUpdatedAt || null });
  return redirect(`/staff/eligibility?published=${result.version}`);
});

export default function DraftPolicy() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/eligibility" className="text-brand underline">
          ← Eligibility
        </Link>
      </p>
      <PageHeader
        title={data.draft ? `Draft policy (will become version ${data.nextVersion})` : "Edit the policy"}
        description="Change the rules and save a draft. Nothing changes for anyone until the draft is published; the what-if shows who would be affected."
      />
      {/* A discarded draft takes its form away: its answer is said here. */}
      <ActionNotice intent="discard" />

      <div className="mt-4 grid gap-6 lg:grid-cols-5">
        <Card title="Rules" className="lg:col-span-3">
          {/* Keyed on the draft's save time, so the fields show the saved values after a save. */}
          <PolicyRulesForm
            key={data.draft?.updatedAt ?? "new"}
            values={data.values}
            summary={data.draft?.summary ?? ""}
          />
          {data.draft ? <DiscardDraftForm /> : null}
        </Card>

        <div className="space-y-6 lg:col-span-2">
          <DraftWhatIf whatIf={data.whatIf} ruleChanges={data.ruleChanges} />
          {data.draft ? (
            <PublishDraftCard
              draftUpdatedAt={data.draft.updatedAt}
              nextVersion={data.nextVersion}
              canPublish={data.canPublish}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
