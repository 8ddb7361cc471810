import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DecisionSelect } from "~/components/overview/decision-select";
import { FunnelTable } from "~/components/overview/funnel";
import { Button, Card, EmptyState, IgnoredNotice, Notice, PageHeader, SelectField } from "~/components/ui";
import { GROUPING_KEYS, GROUPINGS, PERSON_GROUPINGS } from "~/modules/overview/funnel";
import { getReports } from "~/modules/overview/get-reports.server";
import { REPORT_PERMISSIONS, ReportFilterSchema } from "~/modules/overview/schemas";
import { requireAnyPermission } from "~/platform/auth.server";
import { defineLoader, parseFilters } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Reports · Overview · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, REPORT_PERMISSIONS);
  const { values, ignored } = parseFilters(request, ReportFilterSchema);
  return getReports({ actor, filter: values, ignored });
});

export default function Reports() {
  const data = useLoaderData<typeof loader>();
  const { by, decisionId, scope } = data;
  const decision = data.decisions.find((d) => d.id === decisionId);
  const params = (extra: Record<string, string>) =>
    new URLSearchParams({ ...(decisionId ? { decision: decisionId } : {}), ...extra }).toString();
  const groupings = GROUPING_KEYS.filter(
    (g) => scope.pool || !PERSON_GROUPINGS.includes(g) || g === "decision",
  );
  const subject = decision ? decision.title : "all decisions";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/staff/overview${decisionId ? `?${params({})}` : ""}`} className="text-brand underline">
          ← Overview
        </Link>
      </p>
      <PageHeader
        title="Reports"
        description="The funnel broken down by decision, department, location, phase or engagement type, to download as CSV, with a one-page PDF summary for leadership."
        actions={
          <a
            href={`/staff/overview/summary${decisionId ? `?${params({})}` : ""}`}
            className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-strong"
          >
            Summary (PDF)
          </a>
        }
      />
      {data.ignored.length ? (
        <div className="mb-4">
          <IgnoredNotice names={data.ignored} />
        </div>
      ) : null}
      <Form method="get" className="mb-6 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <DecisionSelect decisions={data.decisions} value={decisionId} />
        <SelectField
          label="Group by"
          name="by"
          defaultValue={by}
          options={groupings.map((g) => ({ value: g, label: GROUPINGS[g] }))}
        />
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </Form>

      <div className="grid gap-6">
        <Card
          title={`Funnel by ${GROUPINGS[by].toLowerCase()}`}
          actions={
            data.rows?.length ? (
              <a
                href={`/staff/overview/export?${params({ by })}`}
                className="text-sm font-medium text-brand underline"
              >
                Download CSV
              </a>
            ) : null
          }
        >
          {data.rows === null ? (
            <Notice>
              The funnel by {GROUPINGS[by].toLowerCase()} comes from the alumni pool, which your role does not
              include. Group by decision, phase or engagement type to see your programs.
            </Notice>
          ) : data.rows.length ? (
            <>
              {by === "phase" || by === "engagement" || !scope.pool ? (
                <p className="mb-3 text-sm text-muted">
                  Counted per return program, so the pool&apos;s stages (affected, contactable, eligible) do
                  not apply: a person counts under each program they were invited to or applied to.
                </p>
              ) : null}
              <FunnelTable
                rows={data.rows}
                groupLabel={GROUPINGS[by]}
                caption={`People at each stage by ${GROUPINGS[by].toLowerCase()}, ${subject}`}
              />
            </>
          ) : (
            <EmptyState title="Nothing recorded yet" />
          )}
        </Card>

        {by !== "engagement" ? (
          <Card
            title="Returns by engagement type"
            actions={
              data.engagement?.length ? (
                <a
                  href={`/staff/overview/export?${params({ by: "engagement" })}`}
                  className="text-sm font-medium text-brand underline"
                >
                  Download CSV
                </a>
              ) : null
            }
          >
            {data.engagement?.length ? (
              <FunnelTable
                rows={data.engagement}
                groupLabel="Engagement type"
                caption={`People at each stage by the program's engagement type, ${subject}`}
              />
            ) : (
              <EmptyState title="No applications yet" />
            )}
          </Card>
        ) : null}

        {data.fairness ? (
          <Card title="Eligibility fairness">
            <p className="text-sm">
              Eligibility rates by decision, department, location and other recorded attributes, with groups
              below four fifths of the highest rate flagged.{" "}
              <Link to="/staff/eligibility/fairness" className="font-medium text-brand underline">
                Open the fairness check
              </Link>
            </p>
          </Card>
        ) : null}
      </div>
    </>
  );
}
