import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DECISION_INTENT, DecisionForm } from "~/components/decision-form";
import { DecisionStatusBadge } from "~/components/decisions/decision-list";
import {
  DecisionAlumniCard,
  DecisionPhases,
  DecisionSummary,
  PhaseProgressCard,
} from "~/components/decisions/decision-sections";
import { Card, Notice, PageHeader } from "~/components/ui";
import { DECISION_KIND_LABELS, DecisionSchema } from "~/modules/decisions/decision-schemas";
import { getDecision } from "~/modules/decisions/get-decision.server";
import { saveDecision } from "~/modules/decisions/save-decision.server";
import { phaseProgress } from "~/modules/applications/program-progress.server";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm, parseParams } from "~/platform/http.server";
import { recordId } from "~/platform/input";
import { can } from "~/platform/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "decision" in data ? data.decision.title : "Workforce decision"} · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "read:decision");
  const mayReadAlumni = can(actor, "read:alumnus:any");
  const { decisionId } = parseParams(params, { decisionId: recordId }, "That decision");
  const [found, progress] = await Promise.all([
    getDecision({ decisionId, includeAlumni: mayReadAlumni }),
    can(actor, "read:pipeline:any") ? phaseProgress(decisionId) : null,
  ]);
  return { ...found, progress, mayManage: can(actor, "manage:decision"), mayReadAlumni };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:decision");
  const input = await parseForm(request, DecisionSchema);
  const { decisionId } = parseParams(params, { decisionId: recordId }, "That decision");
  const result = await saveDecision({ actor, decisionId, input });
  return {
    ok: true as const,
    intent: DECISION_INTENT,
    message: result.changed ? "Decision saved." : "Nothing to save: the decision already reads like this.",
  };
});

export default function DecisionPage() {
  const { decision: d, alumni, progress, mayManage, mayReadAlumni } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/decisions" className="text-brand underline">
          ← All decisions
        </Link>
      </p>
      <PageHeader
        title={d.title}
        description={`${DECISION_KIND_LABELS[d.kind]} · ${d.function}`}
        actions={<DecisionStatusBadge status={d.status} />}
      />
      {params.get("saved") === "created" && !actionData ? (
        <div className="mb-4">
          <Notice tone="success">Decision recorded.</Notice>
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <DecisionSummary decision={d} />
          <DecisionPhases phases={d.phases} rolesAffected={d.rolesAffected} />
          {progress && progress.length ? <PhaseProgressCard progress={progress} /> : null}
          {mayManage ? (
            <Card title="Edit the decision">
              <DecisionForm initial={d} submitLabel="Save decision" />
            </Card>
          ) : null}
        </div>
        {mayReadAlumni && alumni ? <DecisionAlumniCard decisionId={d.id} alumni={alumni} /> : null}
      </div>
    </>
  );
}
