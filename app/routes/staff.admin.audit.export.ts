import type { LoaderFunctionArgs } from "@remix-run/node";
import { AuditFilterSchema } from "~/modules/audit/audit-filters.server";
import { exportAuditCsv } from "~/modules/audit/export-audit.server";
import { requirePermission } from "~/platform/auth.server";
import { csvResponse } from "~/platform/csv";
import { defineLoader, parseSearchParams } from "~/platform/http.server";

// A download (resource route): the filtered audit trail as CSV, streamed; the export is audited.
export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "export:audit");
  const filters = parseSearchParams(request, AuditFilterSchema);
  const { stream } = await exportAuditCsv({ actor, filters });
  return csvResponse(stream, "audit-trail");
});
