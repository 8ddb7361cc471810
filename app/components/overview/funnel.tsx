import { Table, type Column } from "~/components/ui";
import { countText, visibleStages } from "~/modules/overview/display";
import {
  NOT_RECORDED,
  STAGE_DEFINITIONS,
  STAGE_LABELS,
  percentOf,
  type FunnelRow,
  type Stage,
} from "~/modules/overview/funnel";
import { BarChart } from "./charts";

/** One funnel: the bars, then the same figures in a table with what each stage counts. */
export function FunnelFigure({ row, caption }: { row: FunnelRow; caption: string }) {
  const stages = visibleStages(row.counts);
  const first = row.counts[stages[0]];
  const bars = stages.map((s) => ({
    label: STAGE_LABELS[s],
    value: row.counts[s] ?? 0,
    note: NOT_RECORDED[s] ? "not recorded" : undefined,
  }));
  const columns: Column<Stage>[] = [
    { key: "stage", label: "Stage", rowHeader: true, cell: (s) => STAGE_LABELS[s] },
    { key: "people", label: "People", align: "right", cell: (s) => countText(row.counts, s) },
    {
      key: "share",
      label: `Share of ${STAGE_LABELS[stages[0]].toLowerCase()}`,
      align: "right",
      cell: (s) => (NOT_RECORDED[s] ? "—" : percentOf(row.counts[s], first)),
    },
    {
      key: "counts",
      label: "What it counts",
      cell: (s) => <span className="text-muted">{NOT_RECORDED[s] ?? STAGE_DEFINITIONS[s]}</span>,
    },
  ];
  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <BarChart bars={bars} label={caption} />
      <Table caption={caption} columns={columns} rows={stages} rowKey={(s) => s} stackBelow="md" />
    </div>
  );
}

/** A funnel per group (decision, department...): a row each, a column per stage the viewer sees. */
export function FunnelTable({
  rows,
  groupLabel,
  caption,
  groupHref,
}: {
  rows: FunnelRow[];
  groupLabel: string;
  caption: string;
  groupHref?: (row: FunnelRow) => string | null;
}) {
  const stages = rows.length ? visibleStages(rows[0].counts) : [];
  const columns: Column<FunnelRow>[] = [
    {
      key: "group",
      label: groupLabel,
      rowHeader: true,
      cell: (r) => {
        const href = groupHref?.(r);
        return href ? (
          <a href={href} className="font-medium text-brand underline">
            {r.label}
          </a>
        ) : (
          r.label
        );
      },
    },
    ...stages.map((s): Column<FunnelRow> => ({
      key: s,
      label: STAGE_LABELS[s],
      align: "right",
      cell: (r) =>
        NOT_RECORDED[s] ? <span className="text-muted">not recorded</span> : countText(r.counts, s),
    })),
  ];
  return <Table caption={caption} columns={columns} rows={rows} rowKey={(r) => r.key} stackBelow="xl" />;
}
