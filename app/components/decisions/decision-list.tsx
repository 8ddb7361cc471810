import { Link } from "@remix-run/react";
import { Badge, Table } from "~/components/ui";
import { DECISION_KIND_LABELS, DECISION_STATUS_LABELS } from "~/modules/decisions/decision-schemas";
import type { listDecisions } from "~/modules/decisions/list-decisions.server";

export type DecisionRow = Awaited<ReturnType<typeof listDecisions>>[number];
type Status = DecisionRow["status"];

const number = new Intl.NumberFormat("en");

/** A decision's status in words, coloured the same on every page. */
export function DecisionStatusBadge({ status }: { status: Status }) {
  return (
    <Badge tone={status === "reversed" ? "good" : status === "phased" ? "brand" : "neutral"}>
      {DECISION_STATUS_LABELS[status]}
    </Badge>
  );
}

/**
 * Every workforce decision, most recent first: a table on wide screens, a card per decision on
 * phones. The alumni count links to those people in the alumni list for someone who may read it.
 */
export function DecisionTable({
  decisions,
  mayReadAlumni,
}: {
  decisions: readonly DecisionRow[];
  mayReadAlumni: boolean;
}) {
  return (
    <Table
      caption="Workforce decisions, most recent first"
      rows={decisions}
      rowKey={(d) => d.id}
      columns={[
        {
          key: "title",
          label: "Decision",
          rowHeader: true,
          cell: (d) => (
            <>
              <Link to={`/staff/decisions/${d.id}`} className="font-medium text-brand underline">
                {d.title}
              </Link>
              <p className="text-xs text-muted">
                {DECISION_KIND_LABELS[d.kind]}
                {d.phases ? ` · ${d.phases} phase${d.phases === 1 ? "" : "s"}` : ""}
              </p>
            </>
          ),
        },
        { key: "function", label: "Function", cell: (d) => d.function },
        { key: "effective", label: "Effective", cell: (d) => d.effectiveOn ?? "—" },
        { key: "status", label: "Status", cell: (d) => <DecisionStatusBadge status={d.status} /> },
        {
          key: "roles",
          label: "Roles affected",
          align: "right",
          cell: (d) => (d.rolesAffected === null ? "—" : number.format(d.rolesAffected)),
        },
        {
          key: "alumni",
          label: "Alumni linked",
          align: "right",
          cell: (d) =>
            mayReadAlumni ? (
              <Link
                to={`/staff/alumni?decisionId=${encodeURIComponent(d.id)}`}
                className="text-brand underline"
              >
                {number.format(d.alumni)}
              </Link>
            ) : (
              number.format(d.alumni)
            ),
        },
      ]}
    />
  );
}
