import { Form, NavLink } from "@remix-run/react";
import type { CSSProperties, ReactNode } from "react";
import type { Branding } from "~/modules/portal/branding";
import { t, type PortalStringKey } from "~/modules/portal/strings";
import { cx } from "../ui";
import { Text } from "./text";

/**
 * The frame of every alumni portal page (ADR 036): the employer's name, logo and accent colour,
 * never the product's. Mobile first: one column, the navigation a wrapping row of large targets.
 */

export type PortalBranding = Pick<
  Branding,
  "companyName" | "accentColor" | "logoUrl" | "logoWidth" | "logoHeight" | "senderEmail"
>;

export type PortalNavItem = {
  to: string;
  label: PortalStringKey;
  /** One sentence for the home page's "What you can do here" list (home itself has none). */
  description?: PortalStringKey;
  end?: boolean;
};

/**
 * The portal's pages for a signed-in alumnus, in menu order. Add an entry when a page lands; the
 * label is a key of the string catalogue (app/modules/portal/strings.ts).
 */
export const PORTAL_NAV: PortalNavItem[] = [
  { to: "/portal", label: "nav.home", end: true },
  { to: "/portal/profile", label: "nav.profile", description: "nav.profileDescription" },
  { to: "/portal/eligibility", label: "nav.eligibility", description: "nav.eligibilityDescription" },
  { to: "/portal/privacy", label: "nav.privacy", description: "nav.privacyDescription" },
  { to: "/portal/programs", label: "nav.programs", description: "nav.programsDescription" },
  { to: "/portal/applications", label: "nav.applications", description: "nav.applicationsDescription" },
];

/** The accent colour as the theme's brand colours, for everything inside the shell. */
export function accentStyle(accent: string): CSSProperties {
  return {
    "--color-brand": accent,
    "--color-brand-strong": `color-mix(in srgb, ${accent} 80%, black)`,
    "--color-brand-soft": `color-mix(in srgb, ${accent} 10%, white)`,
  } as CSSProperties;
}

export function PortalLogo({ branding }: { branding: PortalBranding }) {
  if (!branding.logoUrl) {
    return <span className="text-lg font-semibold text-brand">{branding.companyName}</span>;
  }
  return (
    <img
      src={branding.logoUrl}
      alt={t("shell.logoAlt", { company: branding.companyName })}
      width={branding.logoWidth ?? undefined}
      height={branding.logoHeight ?? undefined}
      className="h-10 w-auto max-w-[12rem] object-contain"
    />
  );
}

export function PortalShell({
  branding,
  alumnus,
  nav = PORTAL_NAV,
  children,
}: {
  branding: PortalBranding;
  /** The signed-in alumnus, or null on the sign-in pages. */
  alumnus: { name: string } | null;
  nav?: PortalNavItem[];
  children: ReactNode;
}) {
  const company = branding.companyName;
  return (
    <div className="flex min-h-screen flex-col bg-paper" style={accentStyle(branding.accentColor)}>
      <header className="border-t-4 border-brand bg-white shadow-sm">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
          <a href="/portal" className="flex min-h-11 items-center gap-3 no-underline">
            <PortalLogo branding={branding} />
            <span className="sr-only">{t("shell.portalName", { company })}</span>
            {branding.logoUrl ? (
              <span aria-hidden="true" className="text-sm font-medium text-muted">
                {t("shell.portalName", { company })}
              </span>
            ) : null}
          </a>
          {alumnus ? (
            <Form method="post" action="/portal/sign-out" className="flex items-center gap-3">
              <span className="hidden text-sm text-muted sm:inline">
                {t("shell.signedInAs", { name: alumnus.name })}
              </span>
              <button
                type="submit"
                className="min-h-11 rounded-md px-3 text-sm font-medium text-brand underline hover:bg-brand-soft"
              >
                {t("shell.signOut")}
              </button>
            </Form>
          ) : null}
        </div>
        {alumnus && nav.length > 1 ? (
          <nav aria-label={t("shell.nav")} className="border-t border-line">
            <ul className="mx-auto flex max-w-3xl flex-wrap gap-1 px-2 py-1 sm:px-4">
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.end}
                    prefetch="intent"
                    className={({ isActive }) =>
                      cx(
                        "flex min-h-11 items-center rounded-md px-3 text-sm font-medium",
                        isActive ? "bg-brand text-white" : "text-ink hover:bg-brand-soft",
                      )
                    }
                  >
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
      <footer className="border-t border-line bg-white">
        <div className="mx-auto max-w-3xl space-y-1 px-4 py-6 text-sm text-muted sm:px-6">
          <p>{t("shell.footer", { company })}</p>
          <p>
            <Text
              k="shell.footerPrivacy"
              vars={{
                email: (
                  <a className="text-brand underline" href={`mailto:${branding.senderEmail}`}>
                    {branding.senderEmail}
                  </a>
                ),
              }}
            />
          </p>
        </div>
      </footer>
    </div>
  );
}
