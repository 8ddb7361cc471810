import { countText, visibleStages } from "~/modules/overview/display";
import {
  NOT_RECORDED,
  STAGE_DEFINITIONS,
  STAGE_LABELS,
  percentOf,
  type FunnelRow,
} from "~/modules/overview/funnel";
import { Table, type Column } from "~/components/ui";
import { BarChart } from "./charts";

const th = "py-1.5 pr-3 font-medium";
const num = "py-1.5 pr-3 text-right tabular-nums";

/** One funnel: the bars, the same figures in a table, and what each stage counts. */
export function FunnelFigure({ row, caption }: { row: FunnelRow; caption: string }) {
  const stages = visibleStages(row.counts);
  const first = row.counts[stages[0]];
  const bars = stages.map((s) => ({
    label: STAGE_LABELS[s],
    value: row.counts[s] ?? 0,
    note: NOT_RECORDED[s] ? "not recorded" : undefined,
  }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <BarChart bars={bars} label={caption} />
      <div>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="text-muted">
            <tr>
              <th scope="col" className={th}>
                Stage
              </th>
              <th scope="col" className={`${th} text-right`}>
                People
              </th>
              <th scope="col" className={`${th} text-right`}>
                Share of {STAGE_LABELS[stages[0]].toLowerCase()}
              </th>
            </tr>
          </thead>
          <tbody>
            {stages.map((s) => (
              <tr key={s} className="border-t border-line">
                <th scope="row" className="py-1.5 pr-3 font-normal">
                  {STAGE_LABELS[s]}
                </th>
                <td className={num}>{countText(row.counts, s)}</td>
                <td className={num}>{NOT_RECORDED[s] ? "—" : percentOf(row.counts[s], first)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium text-brand">What each stage counts</summary>
          <dl className="mt-2 space-y-2">
            {stages.map((s) => (
              <div key={s}>
                <dt className="font-medium">{STAGE_LABELS[s]}</dt>
                <dd className="text-muted">{NOT_RECORDED[s] ?? STAGE_DEFINITIONS[s]}</dd>
              </div>
            ))}
          </dl>
        </details>
      </div>
    </div>
  );
}

/**
 * A funnel per group (decision, department...): a row each, a column per stage the viewer
 * sees. On phones and tablets each group becomes a card with its stages listed, so nothing
 * scrolls sideways.
 */
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
          <span className="font-medium">{r.label}</span>
        );
      },
    },
    ...stages.map((s): Column<FunnelRow> => ({
      key: s,
      label: STAGE_LABELS[s],
      align: "right",
      className: "tabular-nums",
      cell: (r) =>
        NOT_RECORDED[s] ? <span className="text-muted">not recorded</span> : countText(r.counts, s),
    })),
  ];
  return <Table caption={caption} rows={rows} rowKey={(r) => r.key} columns={columns} stackBelow="lg" />;
}
