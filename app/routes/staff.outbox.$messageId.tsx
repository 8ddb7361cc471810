import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { OutboxStatusBadge, PURPOSE_LABELS } from "~/components/outbox-status";
import { FailedAttemptsTable } from "~/components/outbox/failed-attempts";
import { Recipient } from "~/components/outbox/recipient";
import { Time } from "~/components/time";
import { Card, Facts, Notice, PageHeader, TextArea } from "~/components/ui";
import { getOutboxMessage } from "~/modules/outbox/get-outbox-message.server";
import { retryOutboxMessage } from "~/modules/outbox/retry-outbox-message.server";
import { RetryReasonSchema } from "~/modules/outbox/schemas";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm, parseParams } from "~/platform/http.server";
import { recordId } from "~/platform/input";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "message" in data ? data.message.subject : "Message"} · Outbox · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const { messageId } = parseParams(params, { messageId: recordId }, "That message");
  const actor = await requirePermission(request, "read:outbox");
  return getOutboxMessage({ actor, messageId });
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const { messageId } = parseParams(params, { messageId: recordId }, "That message");
  const actor = await requirePermission(request, "retry:outbox");
  const input = await parseForm(request, RetryReasonSchema);
  await retryOutboxMessage({ actor, messageId, reason: input.reason });
  return {
    ok: true as const,
    intent: "retry",
    message: "Back in the queue: the dispatcher sends it within a few seconds.",
  };
});

export default function OutboxMessage() {
  const { message, canRetry } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData && !actionData.ok ? actionData.error : undefined;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/outbox" className="text-brand underline">
          ← Outbox
        </Link>
      </p>
      <PageHeader
        title={message.subject}
        description={
          <>
            To <Recipient message={message} inline /> · written <Time iso={message.createdAt} />
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Delivery">
            <Facts
              items={[
                { label: "Status", value: <OutboxStatusBadge status={message.status} held={message.held} /> },
                { label: "Attempts", value: `${message.attempts} of ${message.maxAttempts}` },
                { label: "Last attempt", value: <Time iso={message.lastAttemptAt} fallback="Not yet" /> },
                {
                  label: message.status === "sent" ? "Sent" : "Next attempt",
                  value:
                    message.status === "sent" ? (
                      <>
                        <Time iso={message.sentAt} />{" "}
                        {message.transport === "mailbox" ? "(kept in the Mailbox)" : "(SMTP)"}
                      </>
                    ) : message.held ? (
                      "Held until the sending is resumed"
                    ) : message.status === "queued" || message.status === "failed" ? (
                      <Time iso={message.nextAttemptAt} />
                    ) : (
                      "—"
                    ),
                },
                { label: "Template", value: message.templateTitle },
                { label: "Purpose", value: PURPOSE_LABELS[message.purpose] ?? message.purpose },
                {
                  label: "Campaign",
                  value: message.campaign?.href ? (
                    <Link className="text-brand underline" to={message.campaign.href}>
                      {message.campaign.name}
                    </Link>
                  ) : (
                    "—"
                  ),
                },
                {
                  label: "Being sent by",
                  value: message.leasedBy ? (
                    <>
                      {message.leasedBy} (until <Time iso={message.leaseUntil} seconds />)
                    </>
                  ) : (
                    "—"
                  ),
                },
              ]}
            />
            {message.lastError ? (
              <div className="mt-4">
                <Notice
                  tone={
                    message.status === "cancelled"
                      ? "info"
                      : message.status === "set_aside"
                        ? "error"
                        : "warning"
                  }
                  title={message.status === "cancelled" ? "Why it was cancelled" : "Last error"}
                >
                  <span className="break-words">{message.lastError}</span>
                </Notice>
              </div>
            ) : null}
          </Card>

          <Card title="Failed attempts">
            {message.failures.length === 0 ? (
              <p className="text-sm text-muted">No attempt has failed.</p>
            ) : (
              <FailedAttemptsTable failures={message.failures} />
            )}
          </Card>

          <Card title="Headers">
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              {message.headers.map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="font-medium text-muted">{name}</dt>
                  <dd className="break-all font-mono text-xs leading-5">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>

          <Card title="Plain text">
            {message.text === null ? (
              <p className="text-sm text-muted">
                This message carries a link that signs someone in, so its text is not shown here.
              </p>
            ) : (
              <pre className="whitespace-pre-wrap break-words font-mono text-xs leading-5">
                {message.text}
              </pre>
            )}
          </Card>
        </div>

        <div className="space-y-6">
          {canRetry ? (
            <Card title="Retry">
              <RetryForm />
            </Card>
          ) : actionData?.ok ? (
            <Notice tone="success">{actionData.message}</Notice>
          ) : error ? (
            <Notice tone="error">{error.message}</Notice>
          ) : null}
          {message.alumnusId ? (
            <Card title="Recipient">
              <p className="text-sm">
                {message.recipient?.href ? (
                  <Link className="text-brand underline" to={message.recipient.href}>
                    {message.recipient.name}
                  </Link>
                ) : (
                  "A person no longer on record"
                )}
              </p>
              <p className="mt-1 text-sm text-muted">
                Their contact preferences decide whether outreach email reaches them; a change is honoured
                even for mail already queued.
              </p>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** Puts this message back in the queue, with a reason for the audit trail (RetryReasonSchema). */
function RetryForm() {
  const form = useValidatedForm(RetryReasonSchema, { intent: "retry" });
  return (
    <ValidatedForm form={form} className="space-y-3">
      <p className="text-sm text-muted">
        Puts the message back in the queue with a few more attempts. It keeps its Message-ID, so a mail server
        that already has it can tell. If the recipient unsubscribed meanwhile, it is cancelled instead.
      </p>
      <TextArea label="Reason (kept in the audit trail)" rows={2} maxLength={500} {...form.field("reason")} />
      <SubmitButton>Retry this message</SubmitButton>
    </ValidatedForm>
  );
}
