import { Table } from "~/components/ui";
import type { Progress } from "~/modules/applications/program-progress.server";

const number = new Intl.NumberFormat("en");

const STEPS = [
  { key: "applied", label: "Applied" },
  { key: "shortlisted", label: "Shortlisted" },
  { key: "offered", label: "Offered" },
  { key: "hired", label: "Hired" },
  { key: "contracted", label: "Contracted" },
  { key: "active", label: "Active" },
] as const;

/**
 * A funnel against a goal (openings, or a phase's target headcount): bars for the eye, and the
 * same figures in a table for everyone: a row per stage, so it fits a phone or a side column
 * without scrolling sideways.
 */
export function ProgressFunnel({
  progress,
  goal,
  goalLabel,
  caption,
}: {
  progress: Progress;
  goal: number;
  goalLabel: string;
  caption: string;
}) {
  const max = Math.max(goal, progress.applied, 1);
  return (
    <div>
      <div aria-hidden="true" className="mb-3 space-y-1.5">
        {STEPS.map((s) => (
          <div key={s.key} className="flex items-center gap-3 text-xs">
            <span className="w-20 shrink-0">{s.label}</span>
            <span className="relative h-3 flex-1 rounded bg-paper">
              <span
                className="absolute inset-y-0 left-0 rounded bg-brand"
                style={{ width: `${(progress[s.key] / max) * 100}%` }}
              />
              <span
                className="absolute inset-y-[-2px] w-0.5 bg-ink"
                style={{ left: `${(goal / max) * 100}%` }}
                title={`${goalLabel}: ${goal}`}
              />
            </span>
            <span className="w-10 text-right tabular-nums">{number.format(progress[s.key])}</span>
          </div>
        ))}
        <p className="text-xs text-muted">The dark line marks the {goalLabel.toLowerCase()}.</p>
      </div>
      <Table
        caption={caption}
        rows={[
          { key: "goal", label: goalLabel, value: goal },
          ...STEPS.map((s) => ({ ...s, value: progress[s.key] })),
        ]}
        rowKey={(r) => r.key}
        // Two narrow columns fit a phone, and the side column beside a program, as they are.
        stackBelow={false}
        columns={[
          { key: "stage", label: "Stage", rowHeader: true, cell: (r) => r.label },
          {
            key: "people",
            label: "People",
            align: "right",
            cell: (r) => <span className="tabular-nums">{number.format(r.value)}</span>,
          },
        ]}
      />
    </div>
  );
}
