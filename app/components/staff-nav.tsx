import { NavLink, useLocation } from "@remix-run/react";
import { useEffect, useId, useRef } from "react";
import { can, type Permission } from "~/platform/permissions";
import { OVERVIEW_PERMISSIONS } from "~/modules/overview/schemas";
import { cx } from "./ui";

/** A count beside a navigation entry; `label` says what it counts ("3 reviews waiting"). */
export type NavBadge = { count: number; label: string; tone: "attention" | "neutral" };

type NavItem = { to: string; label: string; permission?: Permission; anyOf?: Permission[]; end?: boolean };

/** Staff navigation; each entry shows only to people holding its permission. */
export const STAFF_NAV: NavItem[] = [
  { to: "/staff", label: "Home", end: true },
  { to: "/staff/overview", label: "Overview", anyOf: OVERVIEW_PERMISSIONS },
  { to: "/staff/alumni", label: "Alumni", permission: "read:alumnus:any" },
  { to: "/staff/decisions", label: "Decisions", permission: "read:decision" },
  { to: "/staff/imports", label: "Imports", permission: "import:alumni" },
  { to: "/staff/eligibility", label: "Eligibility", permission: "read:eligibility" },
  { to: "/staff/reviews", label: "Reviews", permission: "provide:review-input" },
  { to: "/staff/campaigns", label: "Outreach", permission: "manage:campaign" },
  { to: "/staff/programs", label: "Programs", anyOf: ["read:pipeline:any", "read:pipeline:own"] },
  { to: "/staff/pipeline", label: "Pipeline", anyOf: ["read:pipeline:any", "read:pipeline:own"] },
  {
    to: "/staff/contracts",
    label: "Contracts",
    anyOf: ["read:contract:any", "approve:contract:team", "approve:contract:second"],
  },
  { to: "/staff/emails", label: "Email templates", permission: "manage:campaign" },
  { to: "/staff/outbox", label: "Outbox", permission: "read:outbox" },
  { to: "/staff/privacy", label: "Data requests", permission: "review:erasure" },
  { to: "/staff/admin/users", label: "Staff", permission: "manage:staff" },
  { to: "/staff/admin/audit", label: "Audit trail", permission: "read:audit" },
  { to: "/staff/portal/welcome", label: "Alumni welcome page", permission: "edit:portal-welcome" },
  { to: "/staff/admin/branding", label: "Branding", permission: "manage:branding" },
];

/** Tools for running Comeback without a mail server; listed apart, and only when they apply. */
export const DEVELOPMENT_NAV: NavItem[] = [
  { to: "/staff/mailbox", label: "Mailbox", permission: "read:mailbox" },
];

export type StaffNavProps = {
  user: { permissions: string[] };
  /** Counts of things waiting, by the path of the entry that leads to them (see list-todos). */
  badges?: Record<string, NavBadge>;
  /** The development mailbox is listed when no SMTP server is configured. */
  showDevelopment?: boolean;
};

const number = new Intl.NumberFormat("en");

function NavList({
  items,
  badges,
  vertical,
}: {
  items: NavItem[];
  badges: Record<string, NavBadge>;
  vertical?: boolean;
}) {
  const base = useId();
  return (
    <ul className={cx("flex gap-1", vertical ? "flex-col" : "flex-wrap")}>
      {items.map((item, i) => {
        const badge = badges[item.to] && badges[item.to].count > 0 ? badges[item.to] : undefined;
        const badgeId = `${base}-badge-${i}`;
        return (
          <li key={item.to}>
            {/* The entry's name stays its label ("Eligibility"); the count is its description. */}
            <NavLink
              to={item.to}
              end={item.end}
              prefetch="intent"
              aria-describedby={badge ? badgeId : undefined}
              className={({ isActive }) =>
                cx(
                  "flex items-center justify-between gap-2 rounded-md px-3 py-2 text-sm font-medium lg:py-1.5",
                  isActive ? "bg-brand text-white" : "text-ink hover:bg-brand-soft",
                )
              }
            >
              {item.label}
              {badge ? (
                <span
                  title={badge.label}
                  className={cx(
                    "rounded-full px-2 text-xs font-semibold ring-1",
                    badge.tone === "attention"
                      ? "bg-amber-100 text-warn ring-warn/30"
                      : "bg-white text-muted ring-line",
                  )}
                >
                  <span aria-hidden="true">{number.format(badge.count)}</span>
                  <span id={badgeId} hidden>
                    {badge.label}
                  </span>
                </span>
              ) : null}
            </NavLink>
          </li>
        );
      })}
    </ul>
  );
}

function visible(items: NavItem[], user: { permissions: string[] }) {
  return items.filter(
    (item) =>
      (!item.permission || can(user, item.permission)) &&
      (!item.anyOf || item.anyOf.some((permission) => can(user, permission))),
  );
}

/**
 * On wide screens the entries sit in the header. On phones they fold into a "Menu" disclosure
 * (a native <details>, so it opens without JavaScript) that closes again after each navigation.
 */
export function StaffNav({ user, badges = {}, showDevelopment = false }: StaffNavProps) {
  const items = visible(STAFF_NAV, user);
  const development = showDevelopment ? visible(DEVELOPMENT_NAV, user) : [];
  const waiting = items.reduce((sum, item) => {
    const badge = badges[item.to];
    return badge?.tone === "attention" ? sum + badge.count : sum;
  }, 0);
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  useEffect(() => {
    menu.current?.removeAttribute("open");
  }, [location.pathname, location.search]);

  const developmentSection = development.length ? (
    <div className="mt-3 border-t border-line pt-3">
      <h2 className="px-3 text-xs font-semibold uppercase tracking-wide text-muted">Development</h2>
      <NavList items={development} badges={badges} vertical />
    </div>
  ) : null;

  return (
    <>
      <details ref={menu} className="group order-last w-full lg:hidden">
        <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-3 py-2 text-sm font-medium ring-1 ring-line hover:bg-brand-soft [&::-webkit-details-marker]:hidden">
          <span aria-hidden="true" className="text-lg leading-none">
            ☰
          </span>
          Menu
          {waiting > 0 ? (
            <span className="rounded-full bg-amber-100 px-2 text-xs font-semibold text-warn ring-1 ring-warn/30">
              {number.format(waiting)}
              <span className="sr-only"> to do</span>
            </span>
          ) : null}
        </summary>
        <nav aria-label="Staff areas" className="mt-2 pb-2">
          <NavList items={items} badges={badges} vertical />
          {developmentSection}
        </nav>
      </details>
      <nav aria-label="Staff areas" className="hidden lg:flex lg:items-center lg:gap-1">
        <NavList items={items} badges={badges} />
        {development.length ? (
          <div className="flex items-center gap-1 border-l border-line pl-2">
            <span className="text-xs font-semibold uppercase tracking-wide text-muted">Development</span>
            <NavList items={development} badges={badges} />
          </div>
        ) : null}
      </nav>
    </>
  );
}
