import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ApplicantHistory } from "~/components/contracts/applicant-history";
import { ActionNotice, useActionResult } from "~/components/form";
import { DecisionForm } from "~/components/contracts/decision-form";
import { ContractStatusBadge } from "~/components/contracts/status";
import { TermsFacts } from "~/components/contracts/terms-facts";
import { Time } from "~/components/time";
import { Card, cx, EmptyState, PageHeader, Pager, Table } from "~/components/ui";
import { decideContract } from "~/modules/contracts/decide-contract.server";
import {
  contractViewCounts,
  getApprovalInbox,
  listContracts,
} from "~/modules/contracts/list-contracts.server";
import { CONTRACT_VIEWS, type ContractView } from "~/modules/contracts/views";
import { DecisionSchema } from "~/modules/contracts/schemas";
import { requireAnyPermission } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import {
  defineAction,
  defineLoader,
  parseForm,
  parseSearchParams,
  submittedForm,
} from "~/platform/http.server";
import { can, type Permission } from "~/platform/permissions";

export const meta: MetaFunction = () => [{ title: "Contracts · Comeback" }];

const READERS: Permission[] = ["read:contract:any", "approve:contract:team", "approve:contract:second"];
const VIEW_KEYS = Object.keys(CONTRACT_VIEWS) as [ContractView, ...ContractView[]];
const Query = z.object({
  view: z.enum(VIEW_KEYS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
});

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, READERS);
  const query = parseSearchParams(request, Query);
  const approver = can(actor, "approve:contract:team") || can(actor, "approve:contract:second");
  const view: ContractView = query.view ?? (approver ? "approvals" : "pending");
  const counts = await contractViewCounts(actor);
  const views = VIEW_KEYS.filter((v) => v !== "approvals" || approver).map((key) => ({
    key,
    label: CONTRACT_VIEWS[key].label,
    count: counts[key],
  }));
  const mayEditChecklist = can(actor, "manage:contract");
  if (view === "approvals") {
    return { view, views, inbox: await getApprovalInbox({ actor }), list: null, page: 1, mayEditChecklist };
  }
  return {
    mayEditChecklist,
    view,
    views,
    inbox: null,
    list: await listContracts({ actor, view, page: query.page }),
    page: query.page,
  };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireAnyPermission(request, ["approve:contract:team", "approve:contract:second"]);
  const form = await submittedForm(request);
  const intent = String(form.get("intent") ?? "");
  if (!intent.startsWith("decide-"))
    throw new AppError("bad_request", "This form is out of date. Reload the page and try again.");
  const input = await parseForm(request, DecisionSchema, form);
  const result = await decideContract({ actor, contractId: intent.slice("decide-".length), input });
  const message =
    input.decision === "approve"
      ? result.complete
        ? "Approved. HR can send the offer now."
        : `Your approval is in. It still needs ${result.waitingFor.join(" and ")}.`
      : input.decision === "reject"
        ? "Rejected. HR has your comment."
        : "Sent back to HR with your comment.";
  return { ok: true as const, intent, message };
});

function Tabs({
  views,
  current,
}: {
  views: { key: ContractView; label: string; count: number }[];
  current: ContractView;
}) {
  return (
    <nav aria-label="Contract lists" className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {views.map((v) => (
          <li key={v.key}>
            <Link
              to={`?view=${v.key}`}
              aria-current={v.key === current ? "page" : undefined}
              className={cx(
                "inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium ring-1",
                v.key === current
                  ? "bg-brand text-white ring-brand"
                  : "bg-white text-ink ring-line hover:bg-brand-soft",
              )}
            >
              {v.label}
              <span className={cx("text-xs", v.key === current ? "text-white" : "text-muted")}>
                {v.count}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * A decision's answer, shown above the list once its contract has left the inbox (approved,
 * sent back, or decided by someone else meanwhile): the form that would show it is gone.
 */
function DecidedNotice({ inbox }: { inbox: NonNullable<Data["inbox"]> }) {
  const result = useActionResult();
  const intent = result?.intent;
  if (!intent?.startsWith("decide-") || inbox.some((item) => `decide-${item.id}` === intent)) return null;
  return (
    <div className="mb-6">
      <ActionNotice intent={intent} />
    </div>
  );
}

function Inbox({ inbox }: { inbox: NonNullable<Data["inbox"]> }) {
  if (inbox.length === 0)
    return (
      <>
        <DecidedNotice inbox={inbox} />
        <EmptyState title="Nothing waits for your approval">
          When HR sends you a contract to approve, it appears here with its terms and the person's history,
          and you get an email.
        </EmptyState>
      </>
    );
  return (
    <>
      <DecidedNotice inbox={inbox} />
      <ol className="space-y-6">
        {inbox.map((item) => (
          <li key={item.id}>
            <Card>
              <div className="mb-4 flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h2 className="text-lg font-semibold">
                    <Link className="text-brand underline" to={`/staff/contracts/${item.id}`}>
                      {item.person}
                    </Link>
                  </h2>
                  <p className="text-sm text-muted">
                    {item.program.title} · waiting{" "}
                    {item.waitingDays === 0
                      ? "since today"
                      : `for ${item.waitingDays} ${item.waitingDays === 1 ? "day" : "days"}`}
                    {item.submittedAt ? (
                      <>
                        {" "}
                        (sent <Time iso={item.submittedAt} />)
                      </>
                    ) : null}
                  </p>
                </div>
                <ContractStatusBadge status="pending_approval" />
              </div>
              <div className="grid gap-6 lg:grid-cols-2">
                <div>
                  <h3 className="mb-2 font-medium">Terms</h3>
                  <TermsFacts terms={item.terms} rateRange={item.rateRange} />
                  <h3 className="mb-1 mt-4 font-medium">Who must approve</h3>
                  <ul className="list-disc space-y-1 pl-5 text-sm">
                    {item.needs.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                </div>
                <div>
                  <h3 className="mb-2 font-medium">The person</h3>
                  <ApplicantHistory history={item.history} />
                </div>
              </div>
              <div className="mt-6 border-t border-line pt-4">
                <DecisionForm
                  intent={`decide-${item.id}`}
                  version={item.version}
                  asCapacity={item.asCapacity}
                />
              </div>
            </Card>
          </li>
        ))}
      </ol>
    </>
  );
}

export default function ContractsPage() {
  const { view, views, inbox, list, page, mayEditChecklist } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Contracts"
        description="Gig contracts from offer to first day: what waits for your approval, and where every contract stands."
        actions={
          mayEditChecklist ? (
            <Link to="/staff/onboarding/checklist" className="text-sm text-brand underline">
              Onboarding checklist
            </Link>
          ) : null
        }
      />
      <Tabs views={views} current={view} />
      {inbox ? <Inbox inbox={inbox} /> : null}
      {list ? (
        <>
          <Table
            caption={CONTRACT_VIEWS[view].label}
            rows={list.rows}
            rowKey={(r) => r.id}
            stackBelow="lg"
            empty={
              <EmptyState title="No contracts here">Contracts move here as their status changes.</EmptyState>
            }
            columns={[
              {
                key: "person",
                label: "Person",
                rowHeader: true,
                cell: (r) => (
                  <Link className="font-medium text-brand underline" to={`/staff/contracts/${r.id}`}>
                    {r.person}
                  </Link>
                ),
              },
              { key: "program", label: "Program", cell: (r) => r.program },
              { key: "pay", label: "Pay", cell: (r) => r.terms.rate },
              { key: "hours", label: "Hours", cell: (r) => r.terms.hours },
              { key: "start", label: "Starts", cell: (r) => r.terms.start },
              { key: "status", label: "Status", cell: (r) => <ContractStatusBadge status={r.status} /> },
              { key: "since", label: "Since", cell: (r) => <Time iso={r.since} /> },
            ]}
          />
          <div className="mt-4">
            <Pager
              page={page}
              pageCount={list.pageCount}
              label={`Pages of ${CONTRACT_VIEWS[view].label.toLowerCase()}`}
            />
          </div>
        </>
      ) : null}
    </>
  );
}
