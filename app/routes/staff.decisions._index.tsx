import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DecisionTable } from "~/components/decisions/decision-list";
import { Card, EmptyState, PageHeader } from "~/components/ui";
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
          <DecisionTable decisions={decisions} mayReadAlumni={mayReadAlumni} />
        )}
      </Card>
    </>
  );
}
