import { z } from "zod";
import type { Permission } from "~/platform/permissions";
import { optionalRecordId } from "~/platform/input";
import { GROUPING_KEYS } from "./funnel";

/** The dashboard's filter (lenient: an unreadable value is left out and named on the page). */
export const OverviewFilterSchema = z.object({ decision: optionalRecordId });
export type OverviewFilter = z.infer<typeof OverviewFilterSchema>;

export const FILTER_LABELS: Record<string, string> = { decision: "Workforce decision", by: "Group by" };

export const groupingField = z.enum(GROUPING_KEYS as [string, ...string[]], {
  error: "Choose decision, department, location, phase or engagement type.",
});

/** The reports page: which breakdown, and the same decision filter. */
export const ReportFilterSchema = z.object({
  decision: optionalRecordId,
  by: groupingField.optional().default("decision"),
});
export type ReportFilter = z.infer<typeof ReportFilterSchema>;

/** Who opens the overview and its PDF: each sees the parts their role covers (overview-scope). */
export const OVERVIEW_PERMISSIONS: Permission[] = [
  "read:alumnus:any",
  "read:pipeline:any",
  "read:pipeline:own",
  "read:outbox",
];
/** Who opens the reports and their CSV: HR and hiring managers. */
export const REPORT_PERMISSIONS: Permission[] = [
  "read:alumnus:any",
  "read:pipeline:any",
  "read:pipeline:own",
];
