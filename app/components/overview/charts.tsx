import type { ReactNode } from "react";

const number = new Intl.NumberFormat("en");

/**
 * Charts drawn on the server as SVG: no script, no inline style (the CSP allows neither), so
 * they render the same with JavaScript off. Each is a picture only (aria-hidden); the page puts
 * the same figures in a table right after it, which is what assistive technology reads.
 */

/** The drawing surface: as wide as its column, hidden from assistive technology (the table says it). */
function Picture({ height, label, children }: { height: number; label: string; children: ReactNode }) {
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="w-full max-w-xl"
      aria-hidden="true"
      focusable="false"
      data-chart={label}
    >
      {children}
    </svg>
  );
}

export type Bar = { label: string; value: number; note?: string };

const WIDTH = 400;
const LABEL = 96;
const FIGURE = 64;
const ROW = 26;

/** Horizontal bars, one a row, scaled to the largest value; a row with a note shows it instead of a bar. */
export function BarChart({ bars, label }: { bars: Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = WIDTH - LABEL - FIGURE;
  return (
    <Picture height={bars.length * ROW} label={label}>
      {bars.map((bar, i) => {
        const y = i * ROW;
        const width = bar.note ? 0 : Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * span);
        return (
          <g key={bar.label}>
            <text x={0} y={y + 17} className="fill-ink text-[12px]">
              {bar.label}
            </text>
            {bar.note ? null : (
              <rect x={LABEL} y={y + 5} width={span} height={16} rx={3} className="fill-paper" />
            )}
            {width ? (
              <rect x={LABEL} y={y + 5} width={width} height={16} rx={3} className="fill-brand" />
            ) : null}
            <text
              x={bar.note ? LABEL : WIDTH}
              y={y + 17}
              textAnchor={bar.note ? "start" : "end"}
              className={bar.note ? "fill-muted text-[12px]" : "fill-ink text-[12px] tabular-nums"}
            >
              {bar.note ? bar.note : number.format(bar.value)}
            </text>
          </g>
        );
      })}
    </Picture>
  );
}

export type TargetBar = { label: string; target: number; reached: number };

/** A pair of bars a row: the target (pale, outlined) and what was reached against it. */
export function TargetChart({
  rows,
  label,
  legend,
}: {
  rows: TargetBar[];
  label: string;
  legend: ReactNode;
}) {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.target, r.reached)));
  const rowHeight = 44;
  const span = WIDTH - FIGURE;
  return (
    <figure>
      <Picture height={rows.length * rowHeight} label={label}>
        {rows.map((row, i) => {
          const y = i * rowHeight;
          return (
            <g key={row.label}>
              <text x={0} y={y + 12} className="fill-ink text-[11px]">
                {row.label.length > 60 ? `${row.label.slice(0, 59)}…` : row.label}
              </text>
              <rect
                x={0}
                y={y + 17}
                width={Math.max(2, (row.target / max) * span)}
                height={10}
                rx={2}
                className="fill-brand-soft stroke-brand"
              />
              <rect
                x={0}
                y={y + 29}
                width={row.reached ? Math.max(2, (row.reached / max) * span) : 0}
                height={10}
                rx={2}
                className="fill-brand"
              />
              <text x={WIDTH} y={y + 37} textAnchor="end" className="fill-ink text-[11px] tabular-nums">
                {`${number.format(row.reached)} of ${number.format(row.target)}`}
              </text>
            </g>
          );
        })}
      </Picture>
      <figcaption className="mt-1 text-xs text-muted">{legend}</figcaption>
    </figure>
  );
}
