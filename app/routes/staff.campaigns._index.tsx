import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CampaignStatusBadge } from "~/components/campaign-status";
import { Time } from "~/components/time";
import { Card, EmptyState, IgnoredNotice, PageHeader, Pager, Table } from "~/components/ui";
import { CAMPAIGN_TEMPLATES } from "~/modules/campaigns/schemas";
import { listCampaigns } from "~/modules/campaigns/list-campaigns.server";
import { requirePermission } from "~/platform/auth.server";
import { defineLoader, parseFilters } from "~/platform/http.server";
import { pageNumber } from "~/platform/input";

export const meta: MetaFunction = () => [{ title: "Campaigns · Comeback" }];

const PageSchema = z.object({ page: pageNumber.default(1) });

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "manage:campaign");
  const { values, ignored } = parseFilters(request, PageSchema);
  return { ...(await listCampaigns({ page: values.page })), ignored: ignored.length ? ["page number"] : [] };
});

export default function Campaigns() {
  const { campaigns, page, pages, total, ignored } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Invitations to return, written by a person and sent at a gentle pace to a saved segment of alumni. Nobody is written to without consent."
        actions={
          <Link
            to="/staff/campaigns/new"
            className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-strong"
          >
            New campaign
          </Link>
        }
      />
      {ignored.length ? (
        <div className="mb-4">
          <IgnoredNotice names={ignored} />
        </div>
      ) : null}
      {campaigns.length === 0 ? (
        <EmptyState title="No campaigns yet">
          Campaigns you create appear here with their status and how many emails have been delivered. Start
          with{" "}
          <Link to="/staff/campaigns/new" className="text-brand underline">
            a new campaign
          </Link>
          .
        </EmptyState>
      ) : (
        <Card>
          <Table
            caption="Campaigns, newest first"
            rows={campaigns}
            rowKey={(c) => c.id}
            stackBelow="lg"
            columns={[
              {
                key: "name",
                label: "Name",
                rowHeader: true,
                cell: (c) => (
                  <Link to={`/staff/campaigns/${c.id}`} className="font-medium text-brand underline">
                    {c.name}
                  </Link>
                ),
              },
              { key: "status", label: "Status", cell: (c) => <CampaignStatusBadge status={c.status} /> },
              { key: "segment", label: "Segment", cell: (c) => c.segmentName },
              {
                key: "email",
                label: "Email",
                cell: (c) => CAMPAIGN_TEMPLATES[c.template as keyof typeof CAMPAIGN_TEMPLATES] ?? c.template,
              },
              {
                key: "recipients",
                label: "Recipients",
                align: "right",
                cell: (c) => (
                  <span className="tabular-nums">
                    {c.launchedAt ? c.recipients.toLocaleString("en") : "—"}
                  </span>
                ),
              },
              {
                key: "sent",
                label: "Sent",
                align: "right",
                cell: (c) => <span className="tabular-nums">{c.sent.toLocaleString("en")}</span>,
              },
              {
                key: "waiting",
                label: "Waiting",
                align: "right",
                cell: (c) => <span className="tabular-nums">{c.waiting.toLocaleString("en")}</span>,
              },
              {
                key: "set-aside",
                label: "Set aside",
                align: "right",
                cell: (c) => <span className="tabular-nums">{c.setAside.toLocaleString("en")}</span>,
              },
              { key: "created", label: "Created", cell: (c) => <Time iso={c.createdAt} /> },
            ]}
          />
          <p className="mt-4 text-sm text-muted">
            {total.toLocaleString("en")} campaign{total === 1 ? "" : "s"}, newest first.
          </p>
          <Pager page={page} pageCount={pages} label="Pages of campaigns" />
        </Card>
      )}
    </>
  );
}
