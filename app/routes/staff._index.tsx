import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { TodoList } from "~/components/home/todo-list";
import { Badge, Card, EmptyState, PageHeader, Stat, Table } from "~/components/ui";
import { getPoolOverview } from "~/modules/alumni/pool-overview.server";
import { listManagerOnboardingTasks } from "~/modules/onboarding/onboarding.server";
import type { Todo } from "~/modules/home/list-todos.server";
import { DECISION_KIND_LABELS, DECISION_STATUS_LABELS } from "~/modules/decisions/decision-schemas";
import { requireStaffUser } from "~/platform/auth.server";
import { defineLoader } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Home · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireStaffUser(request);
  const [overview, onboardingTasks] = await Promise.all([
    getPoolOverview({ actor: user }),
    listManagerOnboardingTasks({ actor: user }),
  ]);
  return { name: user.name, overview, onboardingTasks };
});

const number = new Intl.NumberFormat("en");

export default function StaffHome() {
  const { name, overview, onboardingTasks } = useLoaderData<typeof loader>();
  // The to-do counts are the layout's (they also feed the navigation badges): read once per request.
  const layout = useRouteLoaderData("routes/staff") as { todos: Todo[] } | undefined;
  const todos = layout?.todos ?? [];
  return (
    <>
      <PageHeader
        title={`Hello, ${name.split(" ")[0]}`}
        description="What is waiting for you first, then where the return of former colleagues stands."
      />
      <TodoList todos={todos} />
      {onboardingTasks.length ? <OnboardingTasks tasks={onboardingTasks} /> : null}
      {overview.alumni ? (
        <section aria-labelledby="pool-heading" className="mb-8">
          <h2 id="pool-heading" className="mb-3 text-lg font-semibold">
            The alumni pool
          </h2>
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <Stat label="People in the alumni pool" value={overview.alumni.total} />
            <Stat label="Open to hearing about returning" value={overview.alumni.consentReturn} />
            <Stat label="Regrettable departures" value={overview.alumni.regrettable} />
            <Stat label="Asked not to be contacted" value={overview.alumni.doNotContact} />
          </div>
        </section>
      ) : null}
      {overview.decisions ? (
        <Card title="Workforce decisions">
          <Table
            caption="Workforce decisions and the people who left under them"
            rows={overview.decisions}
            rowKey={(d) => d.id}
            empty={
              <EmptyState title="No workforce decisions recorded yet">
                Decisions such as an automation programme appear here with the people who left under them.
              </EmptyState>
            }
            columns={[
              {
                key: "title",
                label: "Decision",
                rowHeader: true,
                cell: (d) => (
                  <Link className="font-medium text-brand underline" to={`/staff/decisions/${d.id}`}>
                    {d.title}
                  </Link>
                ),
              },
              {
                key: "kind",
                label: "Kind",
                cell: (d) => DECISION_KIND_LABELS[d.kind as keyof typeof DECISION_KIND_LABELS] ?? d.kind,
              },
              {
                key: "status",
                label: "Status",
                cell: (d) =>
                  DECISION_STATUS_LABELS[d.status as keyof typeof DECISION_STATUS_LABELS] ?? d.status,
              },
              {
                key: "roles",
                label: "Roles affected",
                align: "right",
                cell: (d) => (d.rolesAffected === null ? "—" : number.format(d.rolesAffected)),
              },
              { key: "alumni", label: "Alumni linked", align: "right", cell: (d) => number.format(d.alumni) },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}

type OnboardingTask = ReturnType<typeof useLoaderData<typeof loader>>["onboardingTasks"][number];

/** The hiring manager's own open onboarding steps, soonest due first, each linking to its contract. */
function OnboardingTasks({ tasks }: { tasks: OnboardingTask[] }) {
  return (
    <section aria-labelledby="onboarding-heading" className="mb-8">
      <h2 id="onboarding-heading" className="mb-3 text-lg font-semibold">
        Your onboarding steps
      </h2>
      <ul className="divide-y divide-line rounded-lg border border-line bg-white">
        {tasks.map((t) => (
          <li key={t.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
            <div className="min-w-0">
              <Link to={t.to} className="font-medium text-brand underline">
                {t.title}
              </Link>
              <span className="block text-sm text-muted">
                for {t.person} · {t.role}
              </span>
            </div>
            <span className="text-sm text-muted">
              {t.overdue ? <Badge tone="bad">Overdue</Badge> : null} Due {t.dueOn}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
