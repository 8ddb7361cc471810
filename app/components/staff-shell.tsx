import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { StaffNav, type StaffNavProps } from "./staff-nav";

/** The staff area's frame: header with navigation and account, then the page. */
export function StaffShell({
  user,
  badges,
  showDevelopment,
  children,
}: StaffNavProps & {
  user: { name: string; roleLabel: string; permissions: string[] };
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
          <a href="/staff" className="text-lg font-semibold text-brand">
            Comeback
          </a>
          <StaffNav user={user} badges={badges} showDevelopment={showDevelopment} />
          <div className="flex items-center gap-1 text-sm">
            <Link
              to="/staff/account"
              className="rounded-md px-2 py-1 hover:bg-brand-soft"
              title="Your account, sessions, password and time zone"
            >
              {user.name} <span className="hidden text-muted sm:inline">· {user.roleLabel}</span>
            </Link>
            <Form method="post" action="/sign-out">
              <button type="submit" className="rounded-md px-2 py-1 text-brand underline hover:bg-brand-soft">
                Sign out
              </button>
            </Form>
          </div>
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto max-w-7xl px-4 py-6 focus:outline-none sm:px-6 sm:py-8"
      >
        {children}
      </main>
    </div>
  );
}
