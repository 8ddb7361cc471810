import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { DecisionForm } from "~/components/decision-form";
import { Notice, Badge, Card, EmptyState, Facts, PageHeader } from "~/components/ui";
import {
  DECISION_KIND_LABELS,
  DECISION_STATUS_LABELS,
  DecisionSchema,
} from "~/modules/decisions/decision-schemas";
import { getDecision } from "~/modules/decisions/get-decision.server";
import { saveDecision } from "~/modules/decisions/save-decision.server";
import { phaseProgress } from "~/modules/applications/program-progress.server";
import { ProgressFunnel } from "~/components/pipeline/progress";
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
  const found = await getDecision({ decisionId, includeAlumni: mayReadAlumni });
  const progress = can(actor, "read:pipeline:any") ? await phaseProgress(found.decision.id) : null;
  return { ...found, progress, mayManage: can(actor, "manage:decision"), mayReadAlumni };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:decision");
  const input = await parseForm(request, DecisionSchema);
  const { decisionId } = parseParams(params, { decisionId: recordId }, "That decision");
  const result = await saveDecision({ actor, decisionId, input });
  return {
    ok: true as const,
    message: result.changed ? "Decision saved." : "Nothing to save: the decision already reads like this.",
  };
});

const number = new Intl.NumberFormat("en");

function PhaseBars({
  phases,
  rolesAffected,
}: {
  phases: { id: string; name: string; targetHeadcount: number }[];
  rolesAffected: number | null;
}) {
  const max = Math.max(rolesAffected ?? 0, ...phases.map((p) => p.targetHeadcount), 1);
  return (
    <div aria-hidden="true" className="mb-4 space-y-2">
      {phases.map((p) => (
        <div key={p.id} className="flex items-center gap-3 text-xs">
          <span className="w-40 shrink-0 truncate">{p.name}</span>
          <span
            className="h-3 rounded bg-brand"
            style={{ width: `${Math.max(1, (p.targetHeadcount / max) * 60)}%` }}
          />
          <span>{number.format(p.targetHeadcount)}</span>
        </div>
      ))}
      {rolesAffected ? (
        <p className="text-xs text-muted">
          Bars are to scale against the {number.format(rolesAffected)} roles the decision affected.
        </p>
      ) : null}
    </div>
  );
}

export default function DecisionPage() {
  const { decision: d, alumni, progress, mayManage, mayReadAlumni } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const alumniLink = `/staff/alumni?decisionId=${encodeURIComponent(d.id)}`;
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
        actions={<Badge>{DECISION_STATUS_LABELS[d.status]}</Badge>}
      />
      {params.get("saved") === "created" && !actionData ? (
        <div className="mb-4">
          <Notice tone="success">Decision recorded.</Notice>
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="The decision">
            <p className="mb-4 whitespace-pre-wrap text-sm">{d.rationale}</p>
            <Facts
              items={[
                { label: "Announced", value: d.announcedOn },
                { label: "Effective from", value: d.effectiveOn },
                {
                  label: "Roles affected",
                  value: d.rolesAffected === null ? null : number.format(d.rolesAffected),
                },
                { label: "Status", value: DECISION_STATUS_LABELS[d.status] },
              ]}
            />
          </Card>
          <Card title="Phases">
            {d.phases.length === 0 ? (
              <EmptyState title="No phases yet">
                When the decision is phased back, each phase appears here with its target headcount.
              </EmptyState>
            ) : (
              <>
                {/* The phases' target headcounts at a glance; the table below carries the same figures. */}
                <PhaseBars phases={d.phases} rolesAffected={d.rolesAffected} />
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Phases in order</caption>
                  <thead className="text-muted">
                    <tr>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        Phase
                      </th>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        From
                      </th>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        Until
                      </th>
                      <th scope="col" className="py-1 pr-3 text-right font-medium">
                        Target headcount
                      </th>
                      <th scope="col" className="py-1 font-medium">
                        Notes
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.phases.map((p) => (
                      <tr key={p.id} className="border-t border-line align-top">
                        <th scope="row" className="py-1 pr-3 font-normal">
                          {p.name}
                        </th>
                        <td className="py-1 pr-3">{p.startsOn}</td>
                        <td className="py-1 pr-3">{p.endsOn ?? "—"}</td>
                        <td className="py-1 pr-3 text-right">{number.format(p.targetHeadcount)}</td>
                        <td className="whitespace-pre-wrap py-1">{p.notes ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </Card>
          {progress && progress.length ? (
            <Card title="Return progress by phase">
              <p className="mb-4 text-sm text-muted">
                Each phase's target headcount against the people applying, shortlisted, offered and hired
                across its return programs, then those under contract and those active (onboarding done).
              </p>
              <div className="space-y-6">
                {progress.map((phase) => (
                  <section key={phase.id} aria-labelledby={`phase-${phase.id}`}>
                    <h3 id={`phase-${phase.id}`} className="mb-2 text-sm font-semibold">
                      {phase.name}
                    </h3>
                    {phase.programs.length ? (
                      <>
                        <ProgressFunnel
                          progress={phase.progress}
                          goal={phase.targetHeadcount}
                          goalLabel="Target headcount"
                          caption={`${phase.name}: target headcount against applications`}
                        />
                        <p className="mt-2 text-xs text-muted">
                          Programs:{" "}
                          {phase.programs.map((p, i) => (
                            <span key={p.id}>
                              {i ? ", " : ""}
                              <Link to={`/staff/programs/${p.id}`} className="text-brand underline">
                                {p.title}
                              </Link>
                            </span>
                          ))}
                        </p>
                      </>
                    ) : (
                      <p className="text-sm text-muted">
                        No return program for this phase yet (target {phase.targetHeadcount}).{" "}
                        <Link to="/staff/programs/new" className="text-brand underline">
                          Create one
                        </Link>
                      </p>
                    )}
                  </section>
                ))}
              </div>
            </Card>
          ) : null}
          {mayManage ? (
            <Card title="Edit the decision">
              {actionData?.ok ? (
                <div className="mb-3">
                  <Notice tone="success">{actionData.message}</Notice>
                </div>
              ) : null}
              <DecisionForm
                initial={d}
                error={failed?.error}
                submitted={failed?.values}
                busy={navigation.state === "submitting"}
                submitLabel="Save decision"
              />
            </Card>
          ) : null}
        </div>
        {mayReadAlumni && alumni ? (
          <Card title="People who left under it" className="self-start">
            <p className="text-3xl font-semibold">{number.format(alumni.total)}</p>
            <p className="text-sm text-muted">
              {number.format(alumni.consenting)} open to hearing about returning
            </p>
            {alumni.sample.length ? (
              <ul className="mt-3 space-y-1 text-sm">
                {alumni.sample.map((a) => (
                  <li key={a.id}>
                    <Link to={`/staff/alumni/${a.id}`} className="text-brand underline">
                      {a.preferredName || a.firstName} {a.lastName}
                    </Link>
                    {a.jobTitle ? <span className="text-muted"> · {a.jobTitle}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-sm text-muted">
                Nobody is linked yet. Tick people in the alumni list (or filter them) and use “Link” to attach
                them to this decision.
              </p>
            )}
            <Link to={alumniLink} className="mt-4 inline-block text-sm text-brand underline">
              See all of them in the alumni list →
            </Link>
          </Card>
        ) : null}
      </div>
    </>
  );
}
