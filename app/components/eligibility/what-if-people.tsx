import { Link } from "@remix-run/react";
import { Table } from "~/components/ui";
import type { WhatIfChange } from "~/modules/eligibility/what-if.server";
import { OutcomeBadge } from "./outcome-badge";

/**
 * The people whose verdict the draft would change: their verdict now and with the draft, and the
 * draft's sentences that make the difference. A card per person on phones.
 */
export function WhatIfPeopleTable({ changes }: { changes: readonly WhatIfChange[] }) {
  return (
    <Table
      caption="People affected by the draft"
      rows={changes}
      rowKey={(c) => c.alumnusId}
      columns={[
        {
          key: "person",
          label: "Person",
          rowHeader: true,
          cell: (c) => (
            <Link
              className="font-medium text-brand underline"
              to={`/staff/eligibility/people/${c.alumnusId}`}
            >
              {c.name}
            </Link>
          ),
        },
        {
          key: "where",
          label: "Department · location",
          cell: (c) => [c.department, c.location].filter(Boolean).join(" · ") || "—",
        },
        { key: "now", label: "Now", cell: (c) => <OutcomeBadge outcome={c.from} /> },
        { key: "draft", label: "With the draft", cell: (c) => <OutcomeBadge outcome={c.to} /> },
        {
          key: "why",
          label: "Why",
          cell: (c) => (
            <ul className="space-y-1">
              {c.why.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
