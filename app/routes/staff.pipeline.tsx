import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { ActionNotice, SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { OutcomeBadge } from "~/components/eligibility/outcome-badge";
import { ApplicationStatusBadge } from "~/components/pipeline/status";
import { Time } from "~/components/time";
import {
  Button,
  Card,
  EmptyState,
  PageHeader,
  Pager,
  SelectField,
  Table,
  TextArea,
  TextField,
  cx,
  type Column,
} from "~/components/ui";
import { APPLICATION_STATUS_LABELS } from "~/modules/applications/labels";
import { getPipelinePage, type PipelineCard } from "~/modules/applications/list-applications.server";
import { moveApplications } from "~/modules/applications/move-applications.server";
import { APPLICATION_STATUSES } from "~/modules/applications/pipeline";
import { BulkMoveSchema, DeclineSchema, PipelineFilterSchema } from "~/modules/applications/schemas";
import { OUTCOME_LABELS, OUTCOMES } from "~/modules/eligibility/policy";
import { requireAnyPermission } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import { defineAction, defineLoader, parseForm, parseSearchParams } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Pipeline · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, ["read:pipeline:any", "read:pipeline:own"]);
  const filters = parseSearchParams(request, PipelineFilterSchema);
  return { ...(await getPipelinePage({ actor, filters })), filters };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireAnyPermission(request, ["move:application:any", "move:application:own"]);
  const input = await parseForm(request, BulkMoveSchema);
  let decline: { reason: string; whatCouldChange: string } | undefined;
  if (input.to === "declined") {
    const parsed = DeclineSchema.safeParse({
      reason: input.reason ?? "",
      whatCouldChange: input.whatCouldChange ?? "",
    });
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues)
        (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
      throw new AppError(
        "validation",
        "A decline needs the reason and what could change it: each applicant reads them.",
        {
          fieldErrors,
        },
      );
    }
    decline = { reason: parsed.data.reason, whatCouldChange: parsed.data.whatCouldChange };
  }
  const result = await moveApplications({
    actor,
    applicationIds: input.applicationId,
    to: input.to,
    note: input.note,
    decline,
  });
  const moved = result.moved.length;
  const skipped = result.skipped.length;
  const message =
    `${moved} application${moved === 1 ? "" : "s"} moved to “${APPLICATION_STATUS_LABELS[input.to]}”.` +
    (input.to === "declined" && moved ? " Each person gets the decline email." : "") +
    (skipped
      ? ` ${skipped} left as ${skipped === 1 ? "it was" : "they were"}: ${[...new Set(result.skipped.map((s) => s.reason))].join(" ")}`
      : "");
  return { ok: true as const, intent: "bulk", message };
});

function href(filters: Record<string, unknown>, extra: Record<string, string | undefined>) {
  const merged = { ...filters, ...extra, page: extra.page };
  const clean = Object.entries(merged).filter(([, v]) => v !== undefined && v !== "" && v !== null);
  const text = new URLSearchParams(clean.map(([k, v]) => [k, String(v)])).toString();
  return `/staff/pipeline${text ? `?${text}` : ""}`;
}

const hoursOf = (h: number | null) => (h ? `${h} h/week` : "—");

function Cardlet({ card }: { card: PipelineCard }) {
  return (
    <li className="rounded-md border border-line bg-white p-3 text-sm">
      <Link to={`/staff/applications/${card.id}`} className="font-medium text-brand underline">
        {card.name}
      </Link>
      <span className="block text-xs text-muted">{card.program}</span>
      <span className="mt-1 flex flex-wrap items-center gap-2 text-xs">
        <OutcomeBadge outcome={card.eligibility} />
        <span>{hoursOf(card.hours)}</span>
        {card.pastRole ? <span className="text-muted">was {card.pastRole}</span> : null}
      </span>
    </li>
  );
}

export default function Pipeline() {
  const data = useLoaderData<typeof loader>();
  const { filters, programs, mayMove } = data;
  const location = useLocation();
  const view = data.view;
  const filterCount = ["program", "status", "eligibility", "q"].filter(
    (k) => !!filters[k as keyof typeof filters],
  ).length;

  const columns: Column<PipelineCard>[] = [
    ...(mayMove
      ? [
          {
            key: "pick",
            label: "Select",
            hideCardLabel: true,
            cell: (r: PipelineCard) => (
              <input
                type="checkbox"
                name="applicationId"
                value={r.id}
                form="bulk"
                aria-label={`Select ${r.name}`}
                className="h-4 w-4"
              />
            ),
          },
        ]
      : []),
    {
      key: "name",
      label: "Applicant",
      rowHeader: true,
      cell: (r) => (
        <>
          <Link to={`/staff/applications/${r.id}`} className="font-medium text-brand underline">
            {r.name}
          </Link>
          {r.pastRole ? <span className="block text-xs text-muted">was {r.pastRole}</span> : null}
        </>
      ),
    },
    { key: "program", label: "Program", cell: (r) => r.program },
    { key: "status", label: "Status", cell: (r) => <ApplicationStatusBadge status={r.status} /> },
    { key: "eligibility", label: "Eligibility", cell: (r) => <OutcomeBadge outcome={r.eligibility} /> },
    { key: "hours", label: "Availability", cell: (r) => hoursOf(r.hours) },
    { key: "moved", label: "Last change", cell: (r) => <Time iso={r.movedAt} /> },
  ];

  return (
    <>
      <PageHeader
        title="Pipeline"
        description="Applications to return programs, from submitted to hired. HR and each program's hiring manager move them along together."
        actions={
          <nav aria-label="Pipeline views" className="flex gap-1 rounded-md ring-1 ring-line">
            {(["list", "board"] as const).map((v) => (
              <Link
                key={v}
                to={href(filters, { view: v === "list" ? undefined : v })}
                aria-current={view === v ? "page" : undefined}
                className={cx(
                  "rounded-md px-3 py-2 text-sm font-medium",
                  view === v ? "bg-brand text-white" : "text-brand hover:bg-brand-soft",
                )}
              >
                {v === "list" ? "List" : "Board"}
              </Link>
            ))}
          </nav>
        }
      />
      <a href="#results" className="sr-only focus:not-sr-only">
        Skip to results
      </a>
      <details
        className="mb-6 rounded-lg border border-line bg-white p-4 lg:open:p-5"
        open={filterCount > 0 || undefined}
      >
        <summary className="cursor-pointer text-sm font-medium">
          Filters{filterCount ? ` (${filterCount} in use)` : ""}
        </summary>
        <Form method="get" className="mt-3 grid gap-4 md:grid-cols-2 lg:grid-cols-5" key={location.search}>
          {view === "board" ? <input type="hidden" name="view" value="board" /> : null}
          <SelectField
            label="Program"
            name="program"
            defaultValue={filters.program ?? ""}
            options={[
              { value: "", label: "Every program" },
              ...programs.map((p) => ({ value: p.id, label: p.title })),
            ]}
          />
          <SelectField
            label="Status"
            name="status"
            defaultValue={filters.status ?? ""}
            options={[
              { value: "", label: "Any status" },
              ...APPLICATION_STATUSES.map((s) => ({ value: s, label: APPLICATION_STATUS_LABELS[s] })),
            ]}
          />
          <SelectField
            label="Eligibility"
            name="eligibility"
            defaultValue={filters.eligibility ?? ""}
            options={[
              { value: "", label: "Any verdict" },
              ...OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] })),
              { value: "none", label: "No verdict yet" },
            ]}
          />
          <TextField
            label="Name contains"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            maxLength={100}
          />
          <div className="flex items-end gap-3">
            <Button type="submit">Show</Button>
            {filterCount ? (
              <Link className="text-sm text-brand underline" to={href({ view: filters.view }, {})}>
                Clear
              </Link>
            ) : null}
          </div>
        </Form>
      </details>

      <div id="results">
        {data.view === "board" ? (
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-4">
            {data.board.map((column) => (
              <section
                key={column.status}
                aria-labelledby={`col-${column.status}`}
                className="rounded-lg bg-paper p-3"
              >
                <h2
                  id={`col-${column.status}`}
                  className="mb-2 flex items-center justify-between text-sm font-semibold"
                >
                  {APPLICATION_STATUS_LABELS[column.status]}
                  <span className="tabular-nums text-muted">{column.count.toLocaleString("en")}</span>
                </h2>
                {column.cards.length ? (
                  <ul className="space-y-2">
                    {column.cards.map((c) => (
                      <Cardlet key={c.id} card={c} />
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-muted">None.</p>
                )}
                {column.count > column.cards.length ? (
                  <Link
                    to={href(filters, { view: undefined, status: column.status })}
                    className="mt-2 inline-block text-sm text-brand underline"
                  >
                    All {column.count.toLocaleString("en")} in the list →
                  </Link>
                ) : null}
              </section>
            ))}
          </div>
        ) : (
          <Card>
            {/* The bulk form says its own outcome; without it (no rows left), it is said here. */}
            {mayMove && data.rows.length ? null : <ActionNotice intent="bulk" />}
            <p className="mb-3 text-sm text-muted">
              {data.total.toLocaleString("en")} application{data.total === 1 ? "" : "s"}
              {filterCount ? " match" : ""}, most recently changed first.
            </p>
            <Table
              caption="Applications, most recently changed first"
              columns={columns}
              rows={data.rows}
              rowKey={(r) => r.id}
              stackBelow="lg"
              empty={
                <EmptyState title={filterCount ? "No applications match" : "No applications yet"}>
                  {filterCount
                    ? "Try fewer filters."
                    : "When people apply to an open program from the portal, or HR adds them, they appear here."}
                </EmptyState>
              }
            />
            <Pager page={data.page} pageCount={data.pageCount} label="Pages of the pipeline" />
            {mayMove && data.rows.length ? <BulkMoveForm /> : null}
          </Card>
        )}
      </div>
    </>
  );
}

/**
 * Moves the applications ticked in the table (their boxes belong to this form: `form="bulk"`),
 * with BulkMoveSchema here and in the action.
 */
function BulkMoveForm() {
  const form = useValidatedForm(BulkMoveSchema, { intent: "bulk", defaultValues: { to: "in_review" } });
  return (
    <ValidatedForm form={form} id="bulk" className="mt-6 space-y-3 border-t border-line pt-4">
      <h2 className="text-base font-semibold">Move the ticked applications</h2>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <SelectField
          label="Move to"
          options={[
            { value: "in_review", label: "In review" },
            { value: "shortlisted", label: "Shortlisted" },
            { value: "declined", label: "Declined (each person gets the decline email)" },
          ]}
          {...form.field("to")}
        />
        <TextArea label="Note (optional, kept on each application)" rows={2} {...form.field("note")} />
      </div>
      <details className="text-sm" open={!!(form.errorsFor("reason") || form.errorsFor("whatCouldChange"))}>
        <summary className="cursor-pointer font-medium">When declining: what each person reads</summary>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <TextArea label="Why we decided this" rows={3} {...form.field("reason")} />
          <TextArea label="What could change the answer" rows={3} {...form.field("whatCouldChange")} />
        </div>
      </details>
      <SubmitButton variant="secondary">Move the ticked applications</SubmitButton>
    </ValidatedForm>
  );
}
