import type { LoaderFunctionArgs } from "@remix-run/node";
import { OVERVIEW_PERMISSIONS, OverviewFilterSchema } from "~/modules/overview/schemas";
import { renderSummaryPdf, summaryPdfResponse } from "~/modules/overview/summary-pdf.server";
import { requireAnyPermission } from "~/platform/auth.server";
import { defineLoader, parseSearchParams } from "~/platform/http.server";

// A download (resource route): the one-page PDF summary of the overview, in the viewer's scope.
export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, OVERVIEW_PERMISSIONS);
  const { decision } = parseSearchParams(request, OverviewFilterSchema);
  return summaryPdfResponse(await renderSummaryPdf({ actor, decision }));
});
