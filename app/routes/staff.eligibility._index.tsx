import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { PolicyRulesView } from "~/components/eligibility/policy-rules";
import { VerdictCountsTable } from "~/components/eligibility/verdict-counts";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Time } from "~/components/time";
import { Notice, Card, EmptyState, PageHeader } from "~/components/ui";
import { getEligibilityOverview } from "~/modules/eligibility/overview.server";
import { requestRecompute } from "~/modules/eligibility/request-recompute.server";
import { RecomputeSchema } from "~/modules/eligibility/schemas";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm, parseIntent } from "~/platform/http.server";
import { can } from "~/platform/permissions";

export const meta: MetaFunction = () => [{ title: "Eligibility · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requirePermission(request, "read:eligibility");
  const overview = await getEligibilityOverview();
  return {
    ...overview,
    published: overview.published
      ? { ...overview.published, publishedAt: overview.published.publishedAt?.toISOString() ?? null }
      : null,
    draft: overview.draft ? { updatedAt: overview.draft.updatedAt.toISOString() } : null,
    versions: overview.versions.map((v) => ({ ...v, publishedAt: v.publishedAt?.toISOString() ?? null })),
    canEdit: can(user, "edit:eligibility-policy"),
    canPublish: can(user, "publish:eligibility-policy"),
    canReview: can(user, "override:eligibility"),
    canSeeFairness: can(user, "read:fairness"),
  };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "publish:eligibility-policy");
  await parseIntent(request, ["recompute"]);
  await parseForm(request, RecomputeSchema);
  const { jobId } = await requestRecompute({ actor });
  return {
    ok: true as const,
    intent: "recompute",
    message: "Everyone is being re-evaluated under the published policy.",
    jobId,
  };
});

export default function EligibilityOverview() {
  const data = useLoaderData<typeof loader>();
  const recompute = useValidatedForm(RecomputeSchema, { intent: "recompute" });
  const revalidator = useRevalidator();
  const running = data.job && (data.job.status === "queued" || data.job.status === "running");
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 2000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const count = (o: string) => data.counts.find((c) => c.outcome === o);
  const [search] = useSearchParams();
  const justPublished = Number(search.get("published")) || null;

  return (
    <>
      <PageHeader
        title="Rehire eligibility"
        description="Who may be invited back is decided by a written policy. Every verdict says which rules gave it, and HR decisions are kept beside the computed verdict."
        actions={
          <>
            {data.canReview ? (
              <Link
                to="/staff/eligibility/reviews"
                className="rounded-md px-4 py-2 text-sm font-medium text-brand ring-1 ring-line hover:bg-brand-soft"
              >
                Review queue ({count("needs_review")?.effective ?? 0})
              </Link>
            ) : null}
            {data.canSeeFairness ? (
              <Link
                to="/staff/eligibility/fairness"
                className="rounded-md px-4 py-2 text-sm font-medium text-brand ring-1 ring-line hover:bg-brand-soft"
              >
                Fairness check
              </Link>
            ) : null}
            {data.canEdit ? (
              <Link
                to="/staff/eligibility/draft"
                className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-strong"
              >
                {data.draft ? "Continue the draft" : "Edit the policy"}
              </Link>
            ) : null}
          </>
        }
      />
      {justPublished && justPublished === data.published?.version ? (
        <Notice tone="success">
          Version {justPublished} is published and recorded in the audit trail. Everyone is re-evaluated under
          it; progress is shown below.
        </Notice>
      ) : null}

      <div className="mt-4 grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Verdicts now">
            {data.withVerdict === 0 ? (
              <EmptyState title="No verdicts yet">
                Verdicts appear here once a policy is published and everyone has been evaluated.
              </EmptyState>
            ) : (
              <VerdictCountsTable counts={data.counts} />
            )}
            <p className="mt-3 text-sm text-muted">
              {data.withVerdict.toLocaleString("en-GB")} of {data.people.toLocaleString("en-GB")} people have
              a verdict.
            </p>
          </Card>

          <Card
            title={
              data.published ? `Published policy · version ${data.published.version}` : "Published policy"
            }
          >
            {data.published ? (
              <>
                <p className="mb-3 text-sm text-muted">
                  Published <Time iso={data.published.publishedAt} />.
                  {data.published.summary ? ` ${data.published.summary}` : ""}
                </p>
                <PolicyRulesView rules={data.published.rules} />
              </>
            ) : (
              <EmptyState title="No policy published yet">
                Write a draft, check its what-if, and publish it to compute everyone's verdict.
              </EmptyState>
            )}
          </Card>
        </div>

        <div className="space-y-6">
          <Card title="Re-evaluation">
            {data.job ? (
              <div className="space-y-2 text-sm" role="status" aria-live="polite">
                <p>
                  <span className="font-medium">{jobStatusText(data.job.status)}</span>
                  {data.job.total ? ` · ${data.job.progress} of ${data.job.total}` : null}
                </p>
                {data.job.total ? (
                  <progress
                    className="w-full"
                    max={data.job.total}
                    value={data.job.progress}
                    aria-label="Re-evaluation progress"
                  />
                ) : null}
                {data.job.message ? <p className="text-muted">{data.job.message}</p> : null}
                {data.job.status === "failed" && data.job.lastError ? (
                  <p className="text-bad">{data.job.lastError}</p>
                ) : null}
                <p className="text-xs text-muted">
                  Started <Time iso={data.job.createdAt} />
                  {data.job.finishedAt ? (
                    <>
                      , finished <Time iso={data.job.finishedAt} />
                    </>
                  ) : null}
                </p>
              </div>
            ) : (
              <p className="text-sm text-muted">
                Nothing has been re-evaluated yet. Publishing a policy re-evaluates everyone.
              </p>
            )}
            {data.canPublish && data.published ? (
              <ValidatedForm form={recompute} className="mt-4 space-y-2">
                <p className="text-sm text-muted">
                  Dates move on: cooling-off periods end and verdicts come due. Re-evaluate everyone under the
                  published policy now.
                </p>
                <SubmitButton variant="secondary">Re-evaluate everyone</SubmitButton>
              </ValidatedForm>
            ) : null}
          </Card>

          <Card title="Versions">
            {data.draft ? (
              <p className="mb-3 text-sm">
                A draft is open (last saved <Time iso={data.draft.updatedAt} />
                ).{" "}
                {data.canEdit ? (
                  <Link className="text-brand underline" to="/staff/eligibility/draft">
                    Open the draft
                  </Link>
                ) : null}
              </p>
            ) : null}
            {data.versions.length === 0 ? (
              <p className="text-sm text-muted">Published versions will be listed here.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {data.versions.map((v) => (
                  <li key={v.id}>
                    <Link className="text-brand underline" to={`/staff/eligibility/versions/${v.version}`}>
                      Version {v.version}
                    </Link>{" "}
                    {v.status === "published" ? <span className="text-good">(in force)</span> : null}
                    <span className="block text-muted">
                      <Time iso={v.publishedAt} /> · {v.publishedByName ?? "set up automatically"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

function jobStatusText(status: string) {
  return (
    {
      queued: "Waiting to start",
      running: "Re-evaluating",
      done: "Done",
      failed: "Failed",
      cancelled: "Stopped",
    }[status] ?? status
  );
}
