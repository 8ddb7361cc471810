import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { portalMeta } from "~/components/portal/portal-meta";
import { PortalHomePage } from "~/components/portal/welcome";
import { getPortalHome } from "~/modules/portal/get-portal-home.server";
import { requireAlumnus } from "~/platform/auth.server";
import { defineLoader } from "~/platform/http.server";

export const meta = portalMeta("home.title");

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const alumnus = await requireAlumnus(request);
  return getPortalHome({ alumnus });
});

export default function PortalHome() {
  return <PortalHomePage {...useLoaderData<typeof loader>()} />;
}
