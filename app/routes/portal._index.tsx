import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { portalMeta } from "~/components/portal/portal-meta";
import { t } from "~/modules/portal/strings";
import { requireAlumnus } from "~/platform/auth.server";
import { defineLoader } from "~/platform/http.server";

export const meta = portalMeta("home.title");

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const alumnus = await requireAlumnus(request);
  return { name: alumnus.name };
});

export default function PortalHome() {
  const { name } = useLoaderData<typeof loader>();
  const layout = useRouteLoaderData<{ branding: { companyName: string } }>("routes/portal");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("home.greeting", { name })}</h1>
      <p className="text-lg">{t("home.intro", { company: layout?.branding.companyName ?? "" })}</p>
    </div>
  );
}
