import { countText, visibleStages } from "~/modules/overview/display";
import {
  NOT_RECORDED,
  STAGE_DEFINITIONS,
  STAGE_LABELS,
  percentOf,
  type FunnelRow,
} from "~/modules/overview/funnel";
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
 * sees. Wide, so on a phone it scrolls sideways inside its own region (focusable and named, so
 * keyboard users can scroll it too) rather than stacking into a card per group.
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
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-muted">
          <tr>
            <th scope="col" className={th}>
              {groupLabel}
            </th>
            {stages.map((s) => (
              <th key={s} scope="col" className={`${th} text-right`}>
                {STAGE_LABELS[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const href = groupHref?.(r);
            return (
              <tr key={r.key} className="border-t border-line">
                <th scope="row" className="py-1.5 pr-3 font-normal">
                  {href ? (
                    <a href={href} className="font-medium text-brand underline">
                      {r.label}
                    </a>
                  ) : (
                    r.label
                  )}
                </th>
                {stages.map((s) => (
                  <td key={s} className={num}>
                    {NOT_RECORDED[s] ? (
                      <span className="text-muted">not recorded</span>
                    ) : (
                      countText(r.counts, s)
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
