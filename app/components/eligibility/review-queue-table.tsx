import { Link } from "@remix-run/react";
import { Time } from "~/components/time";
import { Table, type Column } from "~/components/ui";
import { OUTCOME_LABELS, type Outcome } from "~/modules/eligibility/policy";

export type QueueItem = {
  alumnusId: string;
  name: string;
  jobTitle: string | null;
  department: string | null;
  location: string | null;
  exitReason: string | null;
  waitingSince: string;
  lapsedOverride: { outcome: Outcome; expiredAt: string | null } | null;
  why: string[];
  inputs: { asked: number; answered: number };
};

/**
 * The people waiting, one row each: a tick box for the bulk decision (`formId` ties it to the
 * form above the table), the person with a link that keeps the queue's view, why the policy
 * sent them, manager input and how long they have waited. Rows stack as cards below `lg`.
 */
export function ReviewQueueTable({
  items,
  formId,
  personQuery,
  canDecide,
}: {
  items: QueueItem[];
  /** The bulk decision form's id; without it there are no tick boxes. */
  formId?: string;
  /** The queue's filters as a query string, carried to the person page ("decide and next"). */
  personQuery: string;
  canDecide: boolean;
}) {
  const columns: Column<QueueItem>[] = [
    ...(canDecide && formId
      ? [
          {
            key: "select",
            label: "Select",
            header: <span className="sr-only">Select</span>,
            hideCardLabel: true,
            className: "lg:w-10",
            cell: (item: QueueItem) => (
              <label className="inline-flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="alumnusId"
                  value={item.alumnusId}
                  form={formId}
                  className="h-5 w-5"
                  data-queue-tick=""
                />
                <span className="lg:sr-only">
                  Select <span className="sr-only">{item.name}</span>
                </span>
              </label>
            ),
          } satisfies Column<QueueItem>,
        ]
      : []),
    {
      key: "person",
      label: "Person",
      rowHeader: true,
      cell: (item) => (
        <>
          <Link
            className="font-medium text-brand underline"
            to={`/staff/eligibility/people/${item.alumnusId}${personQuery ? `?${personQuery}` : ""}`}
          >
            {item.name}
          </Link>
          <span className="block text-muted">
            {[item.jobTitle, item.department, item.location].filter(Boolean).join(" · ")}
          </span>
        </>
      ),
    },
    { key: "exit", label: "Exit reason", cell: (item) => item.exitReason ?? "Not recorded" },
    {
      key: "why",
      label: "Why it needs a look",
      cell: (item) => (
        <>
          <ul className="space-y-1">
            {item.why.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          {item.lapsedOverride ? (
            <p className="mt-1 text-warn">
              An earlier decision ({OUTCOME_LABELS[item.lapsedOverride.outcome]}) lapsed on{" "}
              <Time iso={item.lapsedOverride.expiredAt} />.
            </p>
          ) : null}
        </>
      ),
    },
    {
      key: "input",
      label: "Manager input",
      cell: (item) =>
        item.inputs.asked ? `${item.inputs.answered} of ${item.inputs.asked} answered` : "None asked",
    },
    { key: "since", label: "Waiting since", cell: (item) => <Time iso={item.waitingSince} /> },
  ];
  return (
    <Table
      caption="People waiting for a review decision"
      columns={columns}
      rows={items}
      rowKey={(item) => item.alumnusId}
      stackBelow="lg"
    />
  );
}
