import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import {
  ALUMNI_FILTER_LABELS,
  alumniFilterToSearchParams,
  parseAlumniFilter,
  type AlumniFilter,
} from "~/modules/alumni/alumni-filter";
import { SelectionSchema } from "~/modules/alumni/alumni-schemas";
import { exportAlumniCsv } from "~/modules/alumni/export-alumni.server";
import { requirePermission } from "~/platform/auth.server";
import { csvResponse } from "~/platform/csv";
import { AppError } from "~/platform/errors";
import { defineLoader, parseForm, queryOf } from "~/platform/http.server";

// Downloads (resource route): GET exports the view in the query string; POST exports a bulk
// selection (the ticked people, or everyone in the posted view). Streamed and audited.
export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "export:alumni");
  // Strict: an export with a filter left out would hold more people than the person asked for.
  const dropped: (keyof AlumniFilter)[] = [];
  const filter = parseAlumniFilter(queryOf(request), dropped);
  if (dropped.length) {
    throw new AppError(
      "bad_request",
      `This export link has filters Comeback cannot read (${dropped.map((k) => ALUMNI_FILTER_LABELS[k]).join(", ")}), so nothing was exported. Export again from the alumni list.`,
    );
  }
  const { stream } = await exportAlumniCsv({ actor, filter });
  return csvResponse(stream, "alumni");
});

const ViewSchema = z.object({ view: z.string().max(4000).optional().catch("") });

// A resource route answers errors as thrown responses (defineLoader's handling), not as action data.
export const action = defineLoader(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "export:alumni");
  const selection = await parseForm(request, SelectionSchema).catch(async (error: unknown) => {
    if (!(error instanceof AppError) || error.code !== "validation") throw error;
    return null;
  });
  if (!selection) {
    // Posted from the list without anyone ticked: back to the same view, with the reason shown.
    const { view } = await parseForm(request, ViewSchema).catch(() => ({ view: "" }));
    const query = alumniFilterToSearchParams(parseAlumniFilter(new URLSearchParams(view ?? ""))).toString();
    return redirect(`/staff/alumni?${query ? `${query}&` : ""}problem=export-none-ticked`);
  }
  const { stream } = await exportAlumniCsv({ actor, selection });
  return csvResponse(stream, "alumni-selection");
});
