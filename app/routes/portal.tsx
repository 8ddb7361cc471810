import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useCorrelationId } from "~/components/nonce";
import { describePortalError, PortalErrorMessage } from "~/components/portal/portal-error";
import { PortalShell } from "~/components/portal/portal-shell";
import { UiWordsContext } from "~/components/ui";
import { getBranding } from "~/modules/portal/get-branding.server";
import { t } from "~/modules/portal/strings";
import { getAlumnus } from "~/platform/auth.server";
import { defineLoader, privateHeaders } from "~/platform/http.server";

/**
 * The alumni portal's frame: the employer's branding around every /portal page, signed in or
 * not. Pages that need a signed-in alumnus call requireAlumnus themselves.
 */
export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const [branding, alumnus] = await Promise.all([getBranding(), getAlumnus(request)]);
  return {
    branding: {
      companyName: branding.companyName,
      accentColor: branding.accentColor,
      logoUrl: branding.logoUrl,
      logoWidth: branding.logoWidth,
      logoHeight: branding.logoHeight,
      senderEmail: branding.senderEmail,
    },
    alumnus: alumnus ? { name: alumnus.name } : null,
  };
});

export const headers = privateHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t("shell.portalName", { company: data?.branding.companyName ?? "" }) },
];

/** The form primitives' own words ("(required)", the error heading) from the portal's catalogue. */
const PORTAL_UI_WORDS = {
  required: t("form.required"),
  errorPrefix: t("form.errorPrefix"),
  problem: t("form.problem"),
  noMatch: (search: string) => t("form.noMatch", { search }),
  shownOf: (shown: number, total: number) => t("form.shownOf", { shown, total }),
};

export default function PortalLayout() {
  const { branding, alumnus } = useLoaderData<typeof loader>();
  return (
    <UiWordsContext.Provider value={PORTAL_UI_WORDS}>
      <PortalShell branding={branding} alumnus={alumnus}>
        <Outlet />
      </PortalShell>
    </UiWordsContext.Provider>
  );
}

/** A page that fails inside the portal keeps the employer's frame; the frame itself failing gets a plain page. */
export function ErrorBoundary() {
  const layout = useRouteLoaderData<typeof loader>("routes/portal");
  const description = describePortalError(useRouteError(), useCorrelationId());
  if (!layout) {
    return (
      <main id="main" className="mx-auto max-w-xl px-4 py-16">
        <PortalErrorMessage description={description} />
      </main>
    );
  }
  return (
    <PortalShell branding={layout.branding} alumnus={layout.alumnus}>
      <PortalErrorMessage description={description} />
    </PortalShell>
  );
}
