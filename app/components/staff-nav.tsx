import { NavLink } from "@remix-run/react";
import { can, type Permission } from "~/platform/permissions";
import { cx } from "./ui";

/** Staff navigation; each entry shows only to people holding its permission. */
export const STAFF_NAV: { to: string; label: string; permission?: Permission; end?: boolean }[] = [
  { to: "/staff", label: "Overview", end: true },
  { to: "/staff/alumni", label: "Alumni", permission: "read:alumnus:any" },
  { to: "/staff/decisions", label: "Decisions", permission: "read:decision" },
  { to: "/staff/imports", label: "Imports", permission: "import:alumni" },
  { to: "/staff/eligibility", label: "Eligibility", permission: "read:eligibility" },
  { to: "/staff/reviews", label: "Reviews", permission: "provide:review-input" },
  { to: "/staff/campaigns", label: "Outreach", permission: "manage:campaign" },
  { to: "/staff/emails", label: "Email templates", permission: "manage:campaign" },
  { to: "/staff/outbox", label: "Outbox", permission: "read:outbox" },
  { to: "/staff/admin/users", label: "Staff", permission: "manage:staff" },
  { to: "/staff/admin/audit", label: "Audit trail", permission: "read:audit" },
  { to: "/staff/mailbox", label: "Mailbox", permission: "read:mailbox" },
];

export function StaffNav({ user }: { user: { permissions: string[] } }) {
  return (
    <nav aria-label="Staff areas">
      <ul className="flex flex-wrap gap-1">
        {STAFF_NAV.filter((item) => !item.permission || can(user, item.permission)).map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              prefetch="intent"
              className={({ isActive }) =>
                cx(
                  "block rounded-md px-3 py-1.5 text-sm font-medium",
                  isActive ? "bg-brand text-white" : "text-ink hover:bg-brand-soft",
                )
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
