import type { LoaderFunctionArgs } from "@remix-run/node";
import { OverviewFilterSchema } from "~/modules/overview/schemas";
import { renderSummaryPdf, summaryPdfResponse } from "~/modules/overview/summary-pdf.server";
import { requireAnyPermission } from "~/platform/auth.server";
import { defineLoader, parseSearchParams } from "~/platform/http.server";

// A download (resource route): the one-page PDF summary of the overview, in the viewer's scope.
export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, [
    "read:alumnus:any",
    "read:pipeline:any",
    "read:pipeline:own",
    "read:outbox",
  ]);
  const { decision } = parseSearchParams(request, OverviewFilterSchema);
  return summaryPdfResponse(await renderSummaryPdf({ actor, decision }));
});
