import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Time } from "~/components/time";
import { OutboxStatusBadge, PURPOSE_LABELS } from "~/components/outbox-status";
import {
  Button,
  Card,
  Checkbox,
  IgnoredNotice,
  Notice,
  EmptyState,
  PageHeader,
  SelectField,
  Table,
  TextArea,
  TextField,
} from "~/components/ui";
import { Recipient } from "~/components/outbox/recipient";
import { listOutbox } from "~/modules/outbox/list-outbox.server";
import { retryAllSetAside } from "~/modules/outbox/retry-outbox-message.server";
import {
  OUTBOX_FILTER_LABELS,
  OUTBOX_PURPOSES,
  OUTBOX_STATUSES,
  OutboxFilterSchema,
  RETRY_ALL_LIMIT,
  RetryAllSchema,
  STATUS_LABELS,
} from "~/modules/outbox/schemas";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseFilters, parseForm } from "~/platform/http.server";
import { can } from "~/platform/permissions";

export const meta: MetaFunction = () => [{ title: "Outbox · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "read:outbox");
  const { values: filters, ignored } = parseFilters(request, OutboxFilterSchema);
  const result = await listOutbox({ filters });
  const { before: _before, ...kept } = filters;
  const params = Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  return {
    ...result,
    filters: params,
    canRetry: can(actor, "retry:outbox"),
    ignored: ignored.map(
      (i) => `${OUTBOX_FILTER_LABELS[i.name as keyof typeof OUTBOX_FILTER_LABELS] ?? i.name} (${i.message})`,
    ),
  };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "retry:outbox");
  const input = await parseForm(request, RetryAllSchema);
  const result = await retryAllSetAside({ actor, reason: input.reason });
  return {
    ok: true as const,
    intent: "retry-all",
    message: `${result.retried} message${result.retried === 1 ? "" : "s"} put back in the queue.${result.remaining ? ` ${result.remaining} more are still set aside: retry again to include them.` : ""}`,
  };
});

function query(base: Record<string, string>, extra: Record<string, string | undefined>) {
  const merged = { ...base, ...extra };
  const clean = Object.fromEntries(Object.entries(merged).filter(([, v]) => v)) as Record<string, string>;
  const text = new URLSearchParams(clean).toString();
  return text ? `?${text}` : "/staff/outbox";
}

export default function Outbox() {
  const { counts, messages, olderCursor, filters, templates, canRetry, smtpConfigured, ignored } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const filtered = Object.keys(filters).length > 0;
  const total = OUTBOX_STATUSES.reduce((n, s) => n + counts[s], 0);
  return (
    <>
      <PageHeader
        title="Outbox"
        description={
          <>
            Every email Comeback writes waits here until it is delivered
            {smtpConfigured
              ? " to the SMTP server"
              : " (no SMTP server is configured: delivered email is kept in the Mailbox)"}
            . Failed attempts are retried by themselves with growing pauses; messages the mail server refused
            for good are set aside for someone to look at.
          </>
        }
      />
      {ignored.length ? (
        <div className="mb-4">
          <IgnoredNotice names={ignored} />
        </div>
      ) : null}

      <section aria-labelledby="counts-heading" className="mb-6">
        <h2 id="counts-heading" className="sr-only">
          Messages by status
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {OUTBOX_STATUSES.map((s) => (
            <li key={s}>
              <Link
                to={query({}, { status: s })}
                className="block rounded-lg border border-line bg-white p-4 hover:border-brand"
                aria-current={filters.status === s ? "true" : undefined}
              >
                <span className="block text-2xl font-semibold tabular-nums">
                  {counts[s].toLocaleString("en")}
                </span>
                <span className="text-sm text-muted">{STATUS_LABELS[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {counts.set_aside > 0 && canRetry ? (
        <Card title="Set aside" className="mb-6">
          <RetryAllForm setAside={counts.set_aside} />
        </Card>
      ) : actionData?.ok ? (
        <div className="mb-6">
          <Notice tone="success">{actionData.message}</Notice>
        </div>
      ) : null}

      <Card title="Filter" className="mb-6">
        <Form method="get" className="grid grid-cols-1 gap-4 md:grid-cols-3 lg:grid-cols-5">
          <SelectField
            label="Status"
            name="status"
            defaultValue={filters.status ?? ""}
            options={[
              { value: "", label: "Any status" },
              ...OUTBOX_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
            ]}
          />
          <SelectField
            label="Purpose"
            name="purpose"
            defaultValue={filters.purpose ?? ""}
            options={[
              { value: "", label: "Any purpose" },
              ...OUTBOX_PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] })),
            ]}
          />
          <SelectField
            label="Template"
            name="template"
            defaultValue={filters.template ?? ""}
            options={[{ value: "", label: "Any template" }, ...templates]}
          />
          <TextField
            label="Recipient address contains"
            name="to"
            type="search"
            defaultValue={filters.to ?? ""}
            maxLength={254}
          />
          <TextField
            label="Sending group"
            name="throttleKey"
            hint="For example campaign:…"
            defaultValue={filters.throttleKey ?? ""}
            maxLength={120}
          />
          <div className="flex items-end gap-3 md:col-span-3 lg:col-span-5">
            <Button type="submit">Show messages</Button>
            {filtered ? (
              <Link className="text-sm text-brand underline" to="/staff/outbox">
                Clear filters
              </Link>
            ) : null}
          </div>
        </Form>
      </Card>

      <Card>
        {messages.length === 0 ? (
          total === 0 ? (
            <EmptyState title="No email yet">
              Invitations, password resets, campaign messages and decisions appear here as soon as Comeback
              writes them.
            </EmptyState>
          ) : (
            <EmptyState title="No messages match">Try another status or fewer filters.</EmptyState>
          )
        ) : (
          <Table
            caption="Messages, newest first"
            rows={messages}
            rowKey={(m) => m.id}
            stackBelow="lg"
            columns={[
              {
                key: "subject",
                label: "Subject",
                rowHeader: true,
                cell: (m) => (
                  <>
                    <Link className="text-brand underline" to={`/staff/outbox/${m.id}`}>
                      {m.subject}
                    </Link>
                    <span className="block text-xs text-muted">
                      {m.templateTitle} · {PURPOSE_LABELS[m.purpose] ?? m.purpose}
                      {m.campaign ? (
                        <>
                          {" · "}
                          <Link className="underline" to={m.campaign.href ?? "#"}>
                            {m.campaign.name}
                          </Link>
                        </>
                      ) : null}
                    </span>
                  </>
                ),
              },
              { key: "to", label: "To", cell: (m) => <Recipient message={m} /> },
              {
                key: "status",
                label: "Status",
                cell: (m) => (
                  <>
                    <OutboxStatusBadge status={m.status} held={m.held} />
                    {m.status === "failed" ||
                    (m.status === "queued" && !m.held && m.nextAttemptAt > m.createdAt) ? (
                      <span className="block text-xs text-muted">
                        next <Time iso={m.nextAttemptAt} />
                      </span>
                    ) : null}
                    {m.lastError && m.status !== "sent" ? (
                      <span className="block max-w-xs truncate text-xs text-muted" title={m.lastError}>
                        {m.lastError}
                      </span>
                    ) : null}
                  </>
                ),
              },
              {
                key: "attempts",
                label: "Attempts",
                align: "right",
                cell: (m) => <span className="tabular-nums">{m.attempts}</span>,
              },
              { key: "written", label: "Written", cell: (m) => <Time iso={m.createdAt} /> },
            ]}
          />
        )}
        {olderCursor ? (
          <p className="mt-4 text-sm">
            <Link className="text-brand underline" to={query(filters, { before: olderCursor })}>
              Older messages →
            </Link>
          </p>
        ) : null}
      </Card>
    </>
  );
}

/** Puts every set-aside message back in the queue, with a reason and a tick box (RetryAllSchema). */
function RetryAllForm({ setAside }: { setAside: number }) {
  const form = useValidatedForm(RetryAllSchema, { intent: "retry-all" });
  return (
    <ValidatedForm form={form} className="space-y-3">
      <p className="text-sm text-muted">
        {setAside} message{setAside === 1 ? " was" : "s were"} refused by the mail server or ran out of
        attempts. Open one to see why, or put them all back in the queue once the cause is fixed (up to{" "}
        {RETRY_ALL_LIMIT} at a time). People who unsubscribed meanwhile are still left out.
      </p>
      <TextArea label="Reason (kept in the audit trail)" rows={2} maxLength={500} {...form.field("reason")} />
      <Checkbox
        label="I fixed the cause; retry every set-aside message"
        value="yes"
        {...form.checkbox("confirm")}
        defaultChecked={false}
      />
      <SubmitButton variant="secondary">Retry all set-aside messages</SubmitButton>
    </ValidatedForm>
  );
}
