import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportReportCsv } from "~/modules/overview/export-report.server";
import type { Grouping } from "~/modules/overview/funnel";
import { REPORT_PERMISSIONS, ReportFilterSchema } from "~/modules/overview/schemas";
import { requireAnyPermission } from "~/platform/auth.server";
import { csvResponse } from "~/platform/csv";
import { defineLoader, parseSearchParams } from "~/platform/http.server";

// A download (resource route): one report as CSV. Strict: an export means exactly what it says.
export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, REPORT_PERMISSIONS);
  const { by, decision } = parseSearchParams(request, ReportFilterSchema);
  const { csv, name } = await exportReportCsv({ actor, by: by as Grouping, decision });
  return csvResponse(csv, name);
});
