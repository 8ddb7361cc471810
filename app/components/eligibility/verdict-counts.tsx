import { OutcomeBadge } from "~/components/eligibility/outcome-badge";
import { Table, type Column } from "~/components/ui";
import type { Outcome } from "~/modules/eligibility/policy";

/** One outcome's counts: as computed, HR's decisions in force, and the two together. */
export type VerdictCount = { outcome: Outcome; computed: number; overridden: number; effective: number };

const n = (value: number) => value.toLocaleString("en-GB");

const COLUMNS: Column<VerdictCount>[] = [
  { key: "outcome", label: "Outcome", rowHeader: true, cell: (c) => <OutcomeBadge outcome={c.outcome} /> },
  {
    key: "computed",
    label: "Computed",
    cell: (c) => n(c.computed),
    align: "right",
    className: "tabular-nums",
  },
  {
    key: "overridden",
    label: "HR decisions in force",
    cell: (c) => n(c.overridden),
    align: "right",
    className: "tabular-nums",
  },
  {
    key: "effective",
    label: "Counts (with HR decisions)",
    cell: (c) => n(c.effective),
    align: "right",
    className: "tabular-nums font-medium",
  },
];

/** The pool's verdicts by outcome; a card per outcome on phones. */
export function VerdictCountsTable({ counts }: { counts: readonly VerdictCount[] }) {
  return (
    <Table
      caption="Verdicts by outcome"
      columns={COLUMNS}
      rows={counts}
      rowKey={(c) => c.outcome}
      stackBelow="sm"
    />
  );
}
