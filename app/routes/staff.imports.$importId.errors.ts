import type { LoaderFunctionArgs } from "@remix-run/node";
import { importErrorReport } from "~/modules/imports/import-error-report.server";
import { ImportIdParams } from "~/modules/imports/schemas";
import { requirePermission } from "~/platform/auth.server";
import { csvResponse } from "~/platform/csv";
import { defineLoader, parseParams } from "~/platform/http.server";

// A download (resource route): the rejected rows and conflicts of one import, as CSV.
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "import:alumni");
  const { importId } = parseParams(params, ImportIdParams, "That import");
  const { stream, fileName } = await importErrorReport({ actor, importId });
  return csvResponse(stream, fileName);
});
