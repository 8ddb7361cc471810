import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Time } from "~/components/time";
import { Badge, Card, EmptyState, PageHeader, Pager, Table } from "~/components/ui";
import { ERASURE_STATUS_LABELS } from "~/modules/privacy/labels";
import { listErasureRequests } from "~/modules/privacy/list-erasure-requests.server";
import { requirePermission } from "~/platform/auth.server";
import { defineLoader, parseSearchParams } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Data requests · Comeback" }];

const QuerySchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) });

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "review:erasure");
  const { page } = parseSearchParams(request, QuerySchema);
  return listErasureRequests({ page });
});

export default function DataRequests() {
  const { waiting, decided, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Data requests"
        description="Former colleagues who asked, from the alumni portal, for their data to be erased. Check each request, then approve it (everything about the person is erased at once) or refuse it with a reason they will read."
      />
      <div className="space-y-6">
        <Card title={`Waiting for a decision (${waiting.length})`}>
          <Table
            caption="Erasure requests waiting for a decision, oldest first"
            rows={waiting}
            rowKey={(r) => r.id}
            empty={
              <EmptyState title="No requests waiting">
                When someone asks for their data to be erased, their request appears here.
              </EmptyState>
            }
            columns={[
              {
                key: "person",
                label: "Person",
                rowHeader: true,
                cell: (r) => (
                  <Link className="font-medium text-brand underline" to={`/staff/privacy/${r.id}`}>
                    {r.name ?? r.reference}
                  </Link>
                ),
              },
              { key: "reference", label: "Reference", cell: (r) => r.reference },
              { key: "asked", label: "Asked", cell: (r) => <Time iso={r.requestedAt} /> },
              {
                key: "hold",
                label: "Legal hold",
                cell: (r) => (r.legalHold ? <Badge tone="bad">Legal hold</Badge> : "No"),
              },
            ]}
          />
        </Card>
        <Card title="Decided">
          <Table
            caption="Erasure requests already decided, newest first"
            rows={decided}
            rowKey={(r) => r.id}
            empty={
              <EmptyState title="Nothing decided yet">
                Decided requests are kept here by reference.
              </EmptyState>
            }
            columns={[
              {
                key: "reference",
                label: "Reference",
                rowHeader: true,
                cell: (r) => (
                  <Link className="font-medium text-brand underline" to={`/staff/privacy/${r.id}`}>
                    {r.reference}
                  </Link>
                ),
              },
              {
                key: "person",
                label: "Person",
                cell: (r) => r.name ?? <span className="text-muted">Erased</span>,
              },
              {
                key: "status",
                label: "Outcome",
                cell: (r) => (
                  <Badge tone={r.status === "done" ? "good" : "warn"}>
                    {ERASURE_STATUS_LABELS[r.status]}
                  </Badge>
                ),
              },
              {
                key: "decided",
                label: "Decided",
                cell: (r) => (
                  <>
                    <Time iso={r.decidedAt} />
                    {r.decidedByName ? ` by ${r.decidedByName}` : ""}
                  </>
                ),
              },
            ]}
          />
          <Pager page={page} pageCount={pageCount} label="Pages of decided requests" />
        </Card>
      </div>
    </>
  );
}
