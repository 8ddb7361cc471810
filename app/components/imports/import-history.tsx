import { Link } from "@remix-run/react";
import { ImportStatusBadge } from "~/components/import-status";
import { Time } from "~/components/time";
import { Table, type Column } from "~/components/ui";

/** One import in the history, as the list's loader sends it. */
export type ImportHistoryRow = {
  id: string;
  fileName: string;
  status: string;
  createdAt: string;
  createdBy: string | null;
  mappingName: string | null;
  rowCount: number;
  createCount: number;
  updateCount: number;
  unchangedCount: number;
  rejectCount: number;
};

const n = (value: number) => value.toLocaleString("en-GB");
const count = (
  key: string,
  label: string,
  value: (i: ImportHistoryRow) => number,
): Column<ImportHistoryRow> => ({
  key,
  label,
  cell: (i) => n(value(i)),
  align: "right",
  className: "tabular-nums",
});

const COLUMNS: Column<ImportHistoryRow>[] = [
  {
    key: "file",
    label: "File",
    rowHeader: true,
    cell: (i) => (
      <Link className="font-medium text-brand underline" to={`/staff/imports/${i.id}`}>
        {i.fileName}
      </Link>
    ),
  },
  { key: "status", label: "Status", cell: (i) => <ImportStatusBadge status={i.status} /> },
  {
    key: "uploaded",
    label: "Uploaded",
    cell: (i) => <Time iso={i.createdAt} />,
    className: "lg:whitespace-nowrap",
  },
  {
    key: "by",
    label: "By",
    cell: (i) => i.createdBy ?? <span className="text-muted">Former staff member</span>,
  },
  {
    key: "mapping",
    label: "Mapping",
    cell: (i) => i.mappingName ?? <span className="text-muted">Not saved</span>,
  },
  count("rows", "Rows", (i) => i.rowCount),
  count("created", "Created", (i) => i.createCount),
  count("updated", "Updated", (i) => i.updateCount),
  count("unchanged", "Unchanged", (i) => i.unchangedCount),
  count("rejected", "Rejected", (i) => i.rejectCount),
];

/** The imports, newest first: each file with its status, who ran it and what it did; a card each on phones and tablets. */
export function ImportHistoryTable({
  imports,
  total,
}: {
  imports: readonly ImportHistoryRow[];
  total: number;
}) {
  return (
    <Table
      caption={`Imports, newest first (${n(total)} in all)`}
      columns={COLUMNS}
      rows={imports}
      rowKey={(i) => i.id}
      stackBelow="lg"
    />
  );
}
