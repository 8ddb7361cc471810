import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { describeRouteError, ErrorMessage, StandaloneErrorPage } from "~/components/error-page";
import { useCorrelationId } from "~/components/nonce";
import { StaffShell } from "~/components/staff-shell";
import { TimeZoneContext } from "~/components/time";
import { listTodos, todoBadges } from "~/modules/home/list-todos.server";
import { requireStaffUser } from "~/platform/auth.server";
import { env } from "~/platform/env.server";
import { defineLoader } from "~/platform/http.server";

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireStaffUser(request);
  const todos = await listTodos({ actor: user });
  return {
    user: { name: user.name, roleLabel: user.roleLabel, permissions: user.permissions },
    showDevelopment: !env().SMTP_URL,
    todos,
    badges: todoBadges(todos),
    timeZone: user.timeZone ?? "UTC",
  };
});

export default function StaffLayout() {
  const { user, showDevelopment, badges, timeZone } = useLoaderData<typeof loader>();
  return (
    <TimeZoneContext.Provider value={timeZone}>
      <StaffShell user={user} showDevelopment={showDevelopment} badges={badges}>
        <Outlet />
      </StaffShell>
    </TimeZoneContext.Provider>
  );
}

/**
 * A page that fails inside the staff area (403, 404, an outage) keeps the header and the
 * navigation, so the person can go on elsewhere. If the layout itself could not load (not
 * staff, database down), the plain error page answers instead.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const layout = useRouteLoaderData<typeof loader>("routes/staff");
  const description = describeRouteError(error, useCorrelationId());
  if (!layout) return <StandaloneErrorPage description={description} />;
  return (
    <TimeZoneContext.Provider value={layout.timeZone}>
      <StaffShell user={layout.user} showDevelopment={layout.showDevelopment} badges={layout.badges}>
        <div className="max-w-xl">
          <ErrorMessage description={description} />
          <p className="mt-8">
            <Link className="font-medium text-brand underline" to="/staff">
              Go to your home page
            </Link>
          </p>
        </div>
      </StaffShell>
    </TimeZoneContext.Provider>
  );
}
