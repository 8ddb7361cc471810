import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { toCsv, type CsvColumn } from "~/platform/csv";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { countValue } from "./display";
import { GROUPINGS, STAGE_LABELS, STAGES, type FunnelRow, type Grouping } from "./funnel";
import { decisionChoice, funnelBy } from "./get-overview.server";
import { overviewScope } from "./overview-scope.server";

/**
 * One report as CSV (formula-safe through the shared helper): a row per group, a column per
 * stage the viewer may see. Audited with its grouping, filter and row count.
 */
export async function exportReportCsv(input: { actor: StaffUser; by: Grouping; decision?: string }) {
  const scope = overviewScope(input.actor);
  const { decisionId } = await decisionChoice(input.decision, []);
  if (input.decision && !decisionId)
    throw new AppError("not_found", "That decision does not exist (any more), so nothing was exported.");
  const rows = await funnelBy({ scope, by: input.by, decisionId });
  if (!rows)
    throw new AppError(
      "forbidden",
      `Your role does not include the alumni pool, so the funnel by ${GROUPINGS[input.by].toLowerCase()} is not available to you.`,
    );
  const stages = STAGES.filter((s) => rows.length === 0 || rows[0].counts[s] !== null);
  const columns: CsvColumn<FunnelRow>[] = [
    { header: GROUPINGS[input.by], value: (r) => r.label },
    ...stages.map((s) => ({ header: STAGE_LABELS[s], value: (r: FunnelRow) => countValue(r.counts, s) })),
  ];
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "report.exported",
      entityType: "report",
      after: { report: `funnel-by-${input.by}`, decisionId: decisionId ?? null, rows: rows.length },
    }),
  );
  return { csv: toCsv(rows, columns), name: `funnel-by-${input.by}` };
}
