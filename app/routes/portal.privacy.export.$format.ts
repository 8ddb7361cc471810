import type { LoaderFunctionArgs } from "@remix-run/node";
import { getBranding } from "~/modules/portal/get-branding.server";
import { t, type PortalStringKey } from "~/modules/portal/strings";
import { exportPersonalData } from "~/modules/privacy/export-personal-data.server";
import { PERSONAL_DATA_SECTIONS } from "~/modules/privacy/personal-data.server";
import { requireAlumnus } from "~/platform/auth.server";
import { z } from "zod";
import { defineLoader, parseParams } from "~/platform/http.server";

// The signed-in person downloads everything held about them (resource route). Their own data
// only (the session's id); audited; never cached.
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireAlumnus(request);
  const { format } = parseParams(params, { format: z.enum(["json", "csv"]) });
  const { companyName: company } = await getBranding();
  const now = new Date();
  const file = await exportPersonalData({
    actor,
    format,
    now,
    wording: {
      about: t("export.about", { company, name: actor.name, date: now.toISOString().slice(0, 10) }),
      withheld: { internal: t("export.withheld.internal"), secret: t("export.withheld.secret") },
      sections: Object.fromEntries(
        PERSONAL_DATA_SECTIONS.map((s) => [s.key, t(`export.section.${s.key}` as PortalStringKey)]),
      ),
    },
  });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
