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
 * same figures in a table for everyone.
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
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full text-left text-xs sm:text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-1 pr-2 last:pr-0 sm:pr-3 font-medium">
                {goalLabel}
              </th>
              {STEPS.map((s) => (
                <th key={s.key} scope="col" className="py-1 pr-2 last:pr-0 sm:pr-3 text-right font-medium">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="border-t border-line">
              <td className="py-1 pr-2 last:pr-0 sm:pr-3 tabular-nums">{number.format(goal)}</td>
              {STEPS.map((s) => (
                <td key={s.key} className="py-1 pr-2 last:pr-0 sm:pr-3 text-right tabular-nums">
                  {number.format(progress[s.key])}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
