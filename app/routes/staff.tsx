import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData } from "@remix-run/react";
import { StaffNav } from "~/components/staff-nav";
import { requireStaffUser } from "~/platform/auth.server";
import { defineLoader } from "~/platform/http.server";

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireStaffUser(request);
  return { user: { name: user.name, roleLabel: user.roleLabel, permissions: user.permissions } };
});

export default function StaffLayout() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <div className="min-h-screen">
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-6 py-3">
          <a href="/staff" className="text-lg font-semibold text-brand">
            Comeback
          </a>
          <StaffNav user={user} />
          <div className="flex items-center gap-3 text-sm">
            <Link
              to="/staff/account"
              className="rounded-md px-2 py-1 hover:bg-brand-soft"
              title="Your account, sessions and password"
            >
              {user.name} <span className="text-muted">· {user.roleLabel}</span>
            </Link>
            <Form method="post" action="/sign-out">
              <button type="submit" className="rounded-md px-2 py-1 text-brand underline hover:bg-brand-soft">
                Sign out
              </button>
            </Form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-6 py-8">
        <Outlet />
      </main>
    </div>
  );
}
