import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TargetChart } from "~/components/overview/charts";
import { DecisionSelect } from "~/components/overview/decision-select";
import { FunnelFigure, FunnelTable } from "~/components/overview/funnel";
import { Button, Card, EmptyState, IgnoredNotice, Notice, PageHeader, Stat, Table } from "~/components/ui";
import { formatDays, NOT_RECORDED } from "~/modules/overview/funnel";
import type { PhaseTarget } from "~/modules/overview/funnel.server";
import { getOverview } from "~/modules/overview/get-overview.server";
import { OVERVIEW_PERMISSIONS, OverviewFilterSchema } from "~/modules/overview/schemas";
import { requireAnyPermission } from "~/platform/auth.server";
import { defineLoader, parseFilters } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Overview · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, OVERVIEW_PERMISSIONS);
  const { values, ignored } = parseFilters(request, OverviewFilterSchema);
  return getOverview({ actor, filter: values, ignored });
});

const number = new Intl.NumberFormat("en");

export default function Overview() {
  const data = useLoaderData<typeof loader>();
  const { scope, decisions, decisionId } = data;
  const decision = decisions.find((d) => d.id === decisionId);
  const query = decisionId ? `?decision=${encodeURIComponent(decisionId)}` : "";
  const phaseColumns = [
    { key: "phase", label: "Phase", rowHeader: true, cell: (p: PhaseTarget) => p.label },
    { key: "starts", label: "Starts", cell: (p: PhaseTarget) => p.startsOn },
    {
      key: "target",
      label: "Target headcount",
      align: "right" as const,
      cell: (p: PhaseTarget) => number.format(p.target),
    },
    {
      key: "contracted",
      label: "Contracted",
      align: "right" as const,
      cell: (p: PhaseTarget) => number.format(p.contracted),
    },
    {
      key: "active",
      label: "Active",
      align: "right" as const,
      cell: (p: PhaseTarget) => (NOT_RECORDED.active ? "not recorded" : number.format(p.active)),
    },
  ];
  return (
    <>
      <PageHeader
        title="Overview"
        description="Where each phased reversal stands: from the people a decision affected to those working again, against each phase's target."
        actions={
          <>
            <Link
              to={`/staff/overview/reports${query}`}
              className="rounded-md px-4 py-2 text-sm font-medium text-brand ring-1 ring-line hover:bg-brand-soft"
            >
              Reports
            </Link>
            {data.overall || data.email ? (
              <a
                href={`/staff/overview/summary${query}`}
                className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-strong"
              >
                Summary (PDF)
              </a>
            ) : null}
          </>
        }
      />
      {data.ignored.length ? (
        <div className="mb-4">
          <IgnoredNotice names={data.ignored} />
        </div>
      ) : null}
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div className="min-w-0 max-w-md flex-1">
          <DecisionSelect decisions={decisions} value={decisionId} />
        </div>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </Form>
      {!scope.pool ? (
        <Notice className="mb-6">
          {scope.pipeline
            ? "You see the return programs you hire for: who was invited to them, said yes, applied and got an offer or a contract. The alumni pool's figures are for HR."
            : "Your role includes email delivery, so that is what this page shows; the funnel and phase targets are for HR and hiring managers."}
        </Notice>
      ) : null}

      <div className="grid gap-6">
        {data.overall ? (
          <Card title={decision ? `Funnel: ${decision.title}` : "Funnel: all decisions"}>
            <FunnelFigure
              row={data.overall}
              caption={`People at each stage, ${decision ? decision.title : "all decisions"}`}
            />
          </Card>
        ) : null}

        {data.byDecision ? (
          <Card title="By workforce decision">
            {data.byDecision.length ? (
              <FunnelTable
                rows={data.byDecision}
                groupLabel="Decision"
                caption="People at each stage, per workforce decision"
                groupHref={(r) =>
                  r.key === "none" ? null : `/staff/overview?decision=${encodeURIComponent(r.key)}`
                }
              />
            ) : (
              <EmptyState title="Nothing recorded yet" />
            )}
          </Card>
        ) : null}

        {scope.pipeline ? (
          <Card title="Phase targets">
            {data.phases.length ? (
              <div className="grid gap-4 xl:grid-cols-2">
                <TargetChart
                  label="Phase targets against people contracted"
                  rows={data.phases.map((p) => ({ label: p.label, target: p.target, reached: p.contracted }))}
                  legend="Pale outlined bar: the phase's target headcount. Dark bar: people who accepted a contract in one of its programs."
                />
                <Table
                  caption="Target headcount and people contracted and active, per phase"
                  columns={phaseColumns}
                  rows={data.phases}
                  rowKey={(p) => p.id}
                  stackBelow="lg"
                />
              </div>
            ) : (
              <EmptyState title="No phases yet">
                A decision&apos;s phases, each with a target headcount, appear here once a decision is phased
                {scope.pipeline === "any" ? "" : " and one of its programs is yours"}.
              </EmptyState>
            )}
          </Card>
        ) : null}

        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {data.time ? (
            <Stat
              label="From invitation to active (median)"
              value={NOT_RECORDED.active ? "—" : formatDays(data.time.median)}
              hint={
                NOT_RECORDED.active
                  ? "Not recorded yet: Comeback does not mark contracts active until onboarding is tracked."
                  : `90th percentile ${formatDays(data.time.p90)}, over ${number.format(data.time.people)} ${data.time.people === 1 ? "person" : "people"}.`
              }
            />
          ) : null}
          {data.overdueTasks !== null ? (
            <Stat
              label="Onboarding tasks overdue"
              value={data.overdueTasks}
              tone={data.overdueTasks ? "attention" : "neutral"}
              hint="Open tasks past their due day, on the contracts you see."
            />
          ) : null}
          {data.pendingApprovals !== null ? (
            <Stat
              label="Contracts awaiting approval"
              value={data.pendingApprovals}
              to="/staff/contracts"
              tone={data.pendingApprovals ? "attention" : "neutral"}
            />
          ) : null}
        </div>

        {data.email ? (
          <section aria-labelledby="email-health">
            <h2 id="email-health" className="mb-3 text-lg font-semibold">
              Email delivery
            </h2>
            <div className="grid gap-4 sm:grid-cols-3">
              <Stat label="Waiting to be sent" value={data.email.queued} to="/staff/outbox?status=queued" />
              <Stat
                label="Failed for now (retrying)"
                value={data.email.failed}
                to="/staff/outbox?status=failed"
                tone={data.email.failed ? "attention" : "neutral"}
              />
              <Stat
                label="Set aside"
                value={data.email.setAside}
                to="/staff/outbox?status=set_aside"
                tone={data.email.setAside ? "attention" : "neutral"}
                hint="Delivery gave up; each can be retried by hand."
              />
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}
