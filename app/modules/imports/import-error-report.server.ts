import { recordAudit } from "~/platform/audit.server";
import { actorOf, type StaffUser } from "~/platform/auth.server";
import { csvStream, type CsvColumn } from "~/platform/csv";
import { db, Prisma } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { FIELD_LABEL, type ImportField } from "./fields";
import type { ImportSettings } from "./schemas";

type ReportLine = {
  row: number;
  outcome: string;
  column: string;
  problem: string;
  value: unknown;
  current?: unknown;
  hrId: string | null;
  name: string;
  workEmail: string | null;
};

type StoredProblem = { field: string; column?: string; message: string; value?: string };

const OUTCOME_LABEL: Record<string, string> = {
  rejected: "rejected",
  conflict: "conflict (kept the hand-edited value)",
  warning: "warning (imported; this field left empty or cleaned)",
};

const COLUMNS: CsvColumn<ReportLine>[] = [
  { header: "Row", value: (l) => l.row },
  { header: "Outcome", value: (l) => OUTCOME_LABEL[l.outcome] ?? l.outcome },
  { header: "Column", value: (l) => l.column },
  { header: "Problem", value: (l) => l.problem },
  { header: "Value in the file", value: (l) => l.value },
  { header: "Value kept in Comeback", value: (l) => l.current ?? "" },
  { header: "Employee ID", value: (l) => l.hrId ?? "" },
  { header: "Name", value: (l) => l.name },
  { header: "Work email", value: (l) => l.workEmail ?? "" },
];

/**
 * The error report of an import as CSV: one line per problem (rejected rows), per warning (rows
 * imported with an optional field left empty or cleaned) and per conflict with a hand-edited
 * field, each with who the row is about as read from the file. Cells are neutralised by csvStream (OWASP). Streamed a page at a
 * time; the download is audited.
 */
export async function importErrorReport(options: { actor: StaffUser; importId: string }) {
  const run = await db.importRun.findUnique({
    where: { id: options.importId },
    select: { id: true, settings: true, fileName: true },
  });
  if (!run) throw notFound("That import");
  const columns = ((run.settings as ImportSettings | null)?.columns ?? {}) as Record<
    string,
    string | undefined
  >;
  const columnName = (field: string) =>
    columns[field] ?? FIELD_LABEL[field as ImportField] ?? (field === "_row" ? "(whole row)" : field);
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(options.actor),
      action: "import.error_report_downloaded",
      entityType: "ImportRun",
      entityId: run.id,
    }),
  );
  async function* pages(): AsyncGenerator<ReportLine[]> {
    let after = 0;
    for (;;) {
      const rows = await db.importRow.findMany({
        where: {
          importId: run!.id,
          rowNumber: { gt: after },
          OR: [
            { outcome: "rejected" },
            { NOT: { conflicts: { equals: Prisma.DbNull } } },
            {
              outcome: { in: ["create", "update", "unchanged"] },
              NOT: { warnings: { equals: Prisma.DbNull } },
            },
          ],
        },
        orderBy: { rowNumber: "asc" },
        take: 1000,
        select: {
          rowNumber: true,
          outcome: true,
          errors: true,
          conflicts: true,
          warnings: true,
          hrId: true,
          firstName: true,
          lastName: true,
          workEmail: true,
        },
      });
      if (rows.length === 0) return;
      after = rows[rows.length - 1].rowNumber;
      const lines: ReportLine[] = [];
      for (const r of rows) {
        const who = {
          hrId: r.hrId,
          name: [r.firstName, r.lastName].filter(Boolean).join(" "),
          workEmail: r.workEmail,
        };
        // A rejected row's problems, or an imported row's warnings: one line each.
        const rejected = r.outcome === "rejected";
        for (const p of ((rejected ? r.errors : r.warnings) ?? []) as StoredProblem[]) {
          lines.push({
            row: r.rowNumber,
            outcome: rejected ? "rejected" : "warning",
            column: p.column ?? columnName(p.field),
            problem: p.message,
            value: p.value ?? "",
            ...who,
          });
        }
        if (rejected) continue;
        if (r.conflicts) {
          for (const [field, c] of Object.entries(
            r.conflicts as Record<string, { current?: unknown; incoming?: unknown }>,
          )) {
            lines.push({
              row: r.rowNumber,
              outcome: "conflict",
              column: columnName(field),
              problem: "HR changed this field by hand; the import kept that value.",
              value: c.incoming,
              current: c.current,
              ...who,
            });
          }
        }
      }
      yield lines;
    }
  }
  return { stream: csvStream(pages(), COLUMNS), fileName: `import-problems-${run.id.slice(-8)}` };
}
