import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProgramStatusBadge } from "~/components/pipeline/status";
import { Card, EmptyState, PageHeader, Table, type Column } from "~/components/ui";
import { getProgramsPage } from "~/modules/applications/get-program-page.server";
import { ENGAGEMENT_LABELS } from "~/modules/applications/labels";
import { requireAnyPermission } from "~/platform/auth.server";
import { defineLoader } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Return programs · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, ["read:pipeline:any", "read:pipeline:own"]);
  return getProgramsPage({ actor });
});

type Row = Awaited<ReturnType<typeof getProgramsPage>>["programs"][number];
const number = new Intl.NumberFormat("en");

const columns: Column<Row>[] = [
  {
    key: "title",
    label: "Program",
    rowHeader: true,
    cell: (p) => (
      <>
        <Link to={`/staff/programs/${p.id}`} className="font-medium text-brand underline">
          {p.title}
        </Link>
        <span className="block text-xs text-muted">
          {p.decision} · {p.phase}
        </span>
      </>
    ),
  },
  { key: "status", label: "Status", cell: (p) => <ProgramStatusBadge status={p.status} /> },
  { key: "type", label: "Engagement", cell: (p) => ENGAGEMENT_LABELS[p.engagementType] },
  { key: "manager", label: "Hiring manager", cell: (p) => p.hiringManager },
  { key: "openings", label: "Openings", align: "right", cell: (p) => number.format(p.openings) },
  {
    key: "progress",
    label: "Applied · shortlisted · offered · hired · contracted · active",
    cell: (p) => (
      <Link to={`/staff/pipeline?program=${p.id}`} className="tabular-nums text-brand underline">
        {[
          p.progress.applied,
          p.progress.shortlisted,
          p.progress.offered,
          p.progress.hired,
          p.progress.contracted,
          p.progress.active,
        ]
          .map((n) => number.format(n))
          .join(" · ")}
      </Link>
    ),
  },
];

export default function Programs() {
  const { programs, mayManage } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Return programs"
        description="Concrete ways back for former colleagues, each tied to a phase of a workforce decision. Open programs appear in the alumni portal, where people apply."
        actions={
          mayManage ? (
            <Link
              to="/staff/programs/new"
              className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-strong"
            >
              New program
            </Link>
          ) : null
        }
      />
      <Card>
        <Table
          caption="Return programs, open ones first"
          columns={columns}
          rows={programs}
          rowKey={(p) => p.id}
          stackBelow="lg"
          empty={
            <EmptyState title="No programs yet">
              {mayManage
                ? "Create one for a phase of a workforce decision; it stays a draft until you open it."
                : "When HR makes you hiring manager of a program, it appears here with its applicants."}
            </EmptyState>
          }
        />
      </Card>
    </>
  );
}
