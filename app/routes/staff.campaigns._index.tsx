import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CampaignStatusBadge } from "~/components/campaign-status";
import { Time } from "~/components/time";
import { Card, EmptyState, IgnoredNotice, PageHeader, Pager } from "~/components/ui";
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
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Campaigns, newest first</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Segment
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Email
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Recipients
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Sent
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Waiting
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Set aside
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Created
                  </th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((c) => (
                  <tr key={c.id} className="border-t border-line align-top">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <Link to={`/staff/campaigns/${c.id}`} className="text-brand underline">
                        {c.name}
                      </Link>
                    </th>
                    <td className="py-2 pr-3">
                      <CampaignStatusBadge status={c.status} />
                    </td>
                    <td className="py-2 pr-3">{c.segmentName}</td>
                    <td className="py-2 pr-3">
                      {CAMPAIGN_TEMPLATES[c.template as keyof typeof CAMPAIGN_TEMPLATES] ?? c.template}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {c.launchedAt ? c.recipients.toLocaleString("en") : "—"}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{c.sent.toLocaleString("en")}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{c.waiting.toLocaleString("en")}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{c.setAside.toLocaleString("en")}</td>
                    <td className="py-2">
                      <Time iso={c.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-4 text-sm text-muted">
            {total.toLocaleString("en")} campaign{total === 1 ? "" : "s"}, newest first.
          </p>
          <Pager page={page} pageCount={pages} label="Pages of campaigns" />
        </Card>
      )}
    </>
  );
}
