import { Badge, Table } from "~/components/ui";
import type { FairnessGroup } from "~/modules/eligibility/fairness";

const number = new Intl.NumberFormat("en");

export const percent = (n: number | null) => (n === null ? "—" : `${(n * 100).toFixed(1)}%`);

/**
 * Eligibility by group (decision, department, location, ...): the counts, the rate with a small
 * bar, the rate against the highest group's and the four-fifths check in words. A card per
 * group on phones and tablets.
 */
export function FairnessTable({ label, groups }: { label: string; groups: readonly FairnessGroup[] }) {
  return (
    <Table
      caption={`Eligibility rate by ${label.toLowerCase()}`}
      rows={groups}
      rowKey={(g) => g.value ?? "(none)"}
      stackBelow="lg"
      columns={[
        {
          key: "group",
          label,
          rowHeader: true,
          cell: (g) => <span className="font-medium">{g.value || "Not recorded"}</span>,
        },
        { key: "people", label: "People", align: "right", cell: (g) => number.format(g.total) },
        { key: "eligible", label: "Eligible", align: "right", cell: (g) => number.format(g.eligible) },
        {
          key: "review",
          label: "Needs review",
          align: "right",
          cell: (g) => number.format(g.needsReview),
        },
        {
          key: "not",
          label: "Not eligible",
          align: "right",
          cell: (g) => number.format(g.notEligible),
        },
        {
          key: "rate",
          label: "Eligibility rate",
          align: "right",
          className: "tabular-nums",
          cell: (g) => (
            <span className="inline-flex items-center gap-2">
              <span
                aria-hidden="true"
                className="inline-block h-2 rounded bg-brand"
                style={{ width: `${Math.round(g.rate * 60)}px` }}
              />
              {percent(g.rate)}
            </span>
          ),
        },
        {
          key: "ratio",
          label: "Against highest",
          align: "right",
          className: "tabular-nums",
          cell: (g) => percent(g.impactRatio),
        },
        {
          key: "check",
          label: "Check",
          cell: (g) =>
            g.flagged ? (
              <Badge tone="bad">Below four fifths</Badge>
            ) : g.small ? (
              <Badge tone="neutral">Too few to judge</Badge>
            ) : (
              <Badge tone="good">Within range</Badge>
            ),
        },
      ]}
    />
  );
}
