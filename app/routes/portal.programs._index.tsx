import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { openingsText, portalEngagement, PortalStatusBadge } from "~/components/pipeline/portal";
import { portalMeta } from "~/components/portal/portal-meta";
import { Text } from "~/components/portal/text";
import { Badge, Notice } from "~/components/ui";
import { listOpenPrograms } from "~/modules/applications/portal-programs.server";
import { t } from "~/modules/portal/strings";
import { requireAlumnus } from "~/platform/auth.server";
import { defineLoader } from "~/platform/http.server";

export const meta = portalMeta("programs.title");

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const alumnus = await requireAlumnus(request);
  return listOpenPrograms({ alumnus });
});

export default function PortalPrograms() {
  const { programs, notEligible } = useLoaderData<typeof loader>();
  const layout = useRouteLoaderData<{ branding: { companyName: string } }>("routes/portal");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("programs.title")}</h1>
        <p className="mt-2 text-lg">{t("programs.intro", { company: layout?.branding.companyName ?? "" })}</p>
      </div>
      {notEligible ? (
        <Notice tone="info">
          <strong className="block">{t("programs.notEligibleTitle")}</strong>
          {t("programs.notEligible")}
          <Link to="/portal/eligibility" className="mt-2 block text-brand underline">
            {t("programs.askReview")}
          </Link>
        </Notice>
      ) : null}
      {programs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6">{t("programs.none")}</p>
      ) : (
        <ul className="space-y-4">
          {programs.map((p) => (
            <li key={p.id} className="rounded-lg border border-line bg-white p-5">
              <h2 className="text-lg font-semibold">
                <Link to={`/portal/programs/${p.id}`} className="text-brand underline">
                  {p.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm">
                {portalEngagement(p.engagementType)} · {p.remote ? t("programs.remote") : p.place} ·{" "}
                {t("programs.rate", { min: p.rateMin, max: p.rateMax, currency: p.currency })}
              </p>
              <p className="mt-1 text-sm text-muted">
                {openingsText(p.openings)}
                {p.closesOn ? ` · ${t("programs.closesOn", { date: p.closesOn })}` : ""}
              </p>
              <div className="mt-3 flex flex-wrap items-center gap-2">
                {p.matchesPreference ? <Badge tone="brand">{t("programs.matchesPreference")}</Badge> : null}
                {p.applied ? (
                  <span className="text-sm">
                    <Text k="programs.applied" vars={{ status: <PortalStatusBadge status={p.applied} /> }} />
                  </span>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
