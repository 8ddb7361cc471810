import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { getPoolOverview } from "~/modules/alumni/pool-overview.server";
import { requireStaffUser } from "~/platform/auth.server";
import { defineLoader } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Overview · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireStaffUser(request);
  return { name: user.name, overview: await getPoolOverview({ actor: user }) };
});

const number = new Intl.NumberFormat("en");

export default function StaffHome() {
  const { name, overview } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={`Hello, ${name.split(" ")[0]}`}
        description="Where the return of former colleagues stands today."
      />
      {overview.alumni ? (
        <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
          {[
            { label: "People in the alumni pool", value: overview.alumni.total },
            { label: "Open to hearing about returning", value: overview.alumni.consentReturn },
            { label: "Regrettable departures", value: overview.alumni.regrettable },
            { label: "Asked not to be contacted", value: overview.alumni.doNotContact },
          ].map((stat) => (
            <Card key={stat.label}>
              <p className="text-3xl font-semibold">{number.format(stat.value)}</p>
              <p className="mt-1 text-sm text-muted">{stat.label}</p>
            </Card>
          ))}
        </div>
      ) : null}
      {overview.decisions ? (
        <Card title="Workforce decisions">
          {overview.decisions.length === 0 ? (
            <EmptyState title="No workforce decisions recorded yet">
              Decisions such as an automation programme appear here with the people who left under them.
            </EmptyState>
          ) : (
            <table className="w-full text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 font-medium">
                    Decision
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Kind
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Roles affected
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Alumni linked
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.decisions.map((d) => (
                  <tr key={d.id} className="border-t border-line">
                    <td className="py-2">
                      <Link className="text-brand underline" to={`/staff/decisions/${d.id}`}>
                        {d.title}
                      </Link>
                    </td>
                    <td className="py-2 capitalize">{d.kind}</td>
                    <td className="py-2">{d.status.replace("_", " ")}</td>
                    <td className="py-2 text-right">{d.rolesAffected ?? "—"}</td>
                    <td className="py-2 text-right">{number.format(d.alumni)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      ) : null}
    </>
  );
}
