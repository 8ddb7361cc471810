import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui";
import { DECISION_KIND_LABELS, DECISION_STATUS_LABELS } from "~/modules/decisions/decision-schemas";
import { listDecisions } from "~/modules/decisions/list-decisions.server";
import { requirePermission } from "~/platform/auth.server";
import { defineLoader } from "~/platform/http.server";
import { can } from "~/platform/permissions";

export const meta: MetaFunction = () => [{ title: "Workforce decisions · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "read:decision");
  return {
    decisions: await listDecisions(),
    mayManage: can(actor, "manage:decision"),
    mayReadAlumni: can(actor, "read:alumnus:any"),
  };
});

const number = new Intl.NumberFormat("en");

export default function Decisions() {
  const { decisions, mayManage, mayReadAlumni } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Workforce decisions"
        description="Automation and restructuring decisions, why they were made, and the people who left under them. When a decision is phased back, its phases set the target headcount."
        actions={
          mayManage ? (
            <Link
              to="/staff/decisions/new"
              className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-strong"
            >
              Record a decision
            </Link>
          ) : null
        }
      />
      <Card>
        {decisions.length === 0 ? (
          <EmptyState title="No workforce decisions recorded yet">
            Record a decision such as “2022 AI customer-service automation”, then link the people who left
            under it from the alumni list.
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Workforce decisions, most recent first</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Decision
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Function
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Effective
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Roles affected
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Alumni linked
                  </th>
                </tr>
              </thead>
              <tbody>
                {decisions.map((d) => (
                  <tr key={d.id} className="border-t border-line align-top">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <Link to={`/staff/decisions/${d.id}`} className="text-brand underline">
                        {d.title}
                      </Link>
                      <p className="text-xs text-muted">
                        {DECISION_KIND_LABELS[d.kind]}
                        {d.phases ? ` · ${d.phases} phase${d.phases === 1 ? "" : "s"}` : ""}
                      </p>
                    </th>
                    <td className="py-2 pr-3">{d.function}</td>
                    <td className="py-2 pr-3">{d.effectiveOn ?? "—"}</td>
                    <td className="py-2 pr-3">
                      <Badge
                        tone={d.status === "reversed" ? "good" : d.status === "phased" ? "brand" : "neutral"}
                      >
                        {DECISION_STATUS_LABELS[d.status]}
                      </Badge>
                    </td>
                    <td className="py-2 pr-3 text-right">
                      {d.rolesAffected === null ? "—" : number.format(d.rolesAffected)}
                    </td>
                    <td className="py-2 text-right">
                      {mayReadAlumni ? (
                        <Link
                          to={`/staff/alumni?decisionId=${encodeURIComponent(d.id)}`}
                          className="text-brand underline"
                        >
                          {number.format(d.alumni)}
                        </Link>
                      ) : (
                        number.format(d.alumni)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
