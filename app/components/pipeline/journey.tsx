import { Link } from "@remix-run/react";
import { Time } from "~/components/time";
import { Card, cx } from "~/components/ui";
import { SOURCE_LABELS } from "~/modules/applications/labels";
import type { ReturnJourney } from "~/modules/applications/return-journey.server";
import { ApplicationStatusBadge } from "./status";

/**
 * The person's way back on HR's profile: the status line as an ordered list (the current step
 * marked for assistive technology too), what it means, and their applications.
 */
export function ReturnJourneyCard({ journey }: { journey: ReturnJourney }) {
  return (
    <Card title="Way back">
      <ol aria-label="Return status" className="flex flex-wrap gap-x-1 gap-y-2 text-sm">
        {journey.line.map((s, i) => (
          <li
            key={s.step}
            aria-current={s.state === "current" ? "step" : undefined}
            className="flex items-center gap-1"
          >
            <span
              className={cx(
                "rounded-full px-2.5 py-0.5",
                s.state === "current"
                  ? "bg-brand font-semibold text-white"
                  : s.state === "done"
                    ? "bg-brand-soft text-brand"
                    : "text-muted ring-1 ring-line",
              )}
            >
              {s.state === "done" ? <span className="sr-only">Done: </span> : null}
              {s.state === "ahead" ? <span className="sr-only">Not yet: </span> : null}
              {s.label}
            </span>
            {i < journey.line.length - 1 ? (
              <span aria-hidden="true" className="text-muted">
                →
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="mt-3 text-sm" data-testid="journey-meaning">
        {journey.meaning}
      </p>
      {journey.applications.length ? (
        <ul className="mt-4 space-y-2 border-t border-line pt-3 text-sm">
          {journey.applications.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2">
              <Link to={`/staff/applications/${a.id}`} className="font-medium text-brand underline">
                {a.program.title}
              </Link>
              <ApplicationStatusBadge status={a.status} />
              <span className="text-muted">
                {SOURCE_LABELS[a.source] ?? a.source}, <Time iso={a.submittedAt} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
