import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { alumniFilterToSearchParams, parseAlumniFilter } from "~/modules/alumni/alumni-filter";
import { SelectionSchema } from "~/modules/alumni/alumni-schemas";
import { exportAlumniCsv } from "~/modules/alumni/export-alumni.server";
import { requirePermission } from "~/platform/auth.server";
import { csvResponse } from "~/platform/csv";
import { defineLoader, formToObject } from "~/platform/http.server";

// Downloads (resource route): GET exports the view in the query string; POST exports a bulk
// selection (the ticked people, or everyone in the posted view). Streamed and audited.
export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "export:alumni");
  const filter = parseAlumniFilter(new URL(request.url).searchParams);
  const { stream } = await exportAlumniCsv({ actor, filter });
  return csvResponse(stream, "alumni");
});

// A resource route answers errors as thrown responses (defineLoader's handling), not as action data.
export const action = defineLoader(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "export:alumni");
  const form = await request.formData();
  const parsed = SelectionSchema.safeParse(formToObject(form));
  if (!parsed.success) {
    // Posted from the list without anyone ticked: back to the same view, with the reason shown.
    const view = alumniFilterToSearchParams(
      parseAlumniFilter(new URLSearchParams(String(form.get("view") ?? ""))),
    ).toString();
    return redirect(`/staff/alumni?${view ? `${view}&` : ""}problem=export-none-ticked`);
  }
  const { stream } = await exportAlumniCsv({ actor, selection: parsed.data });
  return csvResponse(stream, "alumni-selection");
});
