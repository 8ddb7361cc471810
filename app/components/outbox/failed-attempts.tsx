import { Time } from "~/components/time";
import { Table, type Column } from "~/components/ui";
import type { FailureEntry } from "~/modules/outbox/get-outbox-message.server";

type Attempt = Pick<FailureEntry, "at" | "attempt" | "kind" | "error">;

const COLUMNS: Column<Attempt>[] = [
  { key: "attempt", label: "Attempt", rowHeader: true, cell: (f) => `Attempt ${f.attempt}` },
  { key: "when", label: "When", cell: (f) => <Time iso={f.at} seconds /> },
  { key: "kind", label: "Kind", cell: (f) => (f.kind === "permanent" ? "Refused for good" : "Temporary") },
  { key: "said", label: "What the server said", cell: (f) => f.error },
];

/** A message's failed delivery attempts, newest first; a card per attempt on phones. */
export function FailedAttemptsTable({ failures }: { failures: readonly Attempt[] }) {
  return (
    <Table
      caption="Failed attempts, newest first"
      columns={COLUMNS}
      rows={failures}
      rowKey={(f) => `${f.at}-${f.attempt}`}
      stackBelow="md"
    />
  );
}
