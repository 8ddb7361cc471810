import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SmtpNotice } from "~/components/smtp-notice";
import { Time } from "~/components/time";
import { Recipient } from "~/components/outbox/recipient";
import { Badge, Card, EmptyState, IgnoredNotice, PageHeader, Table } from "~/components/ui";
import { listMailbox } from "~/modules/mailbox/list-mailbox.server";
import { requirePermission } from "~/platform/auth.server";
import { defineLoader, parseFilters } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Mailbox · Comeback" }];

const MailboxParams = z.object({
  before: z
    .string()
    .regex(/^[a-z0-9]{1,40}$/i, "Not a message id.")
    .optional(),
});

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "read:mailbox");
  const { values, ignored } = parseFilters(request, MailboxParams);
  return {
    ...(await listMailbox({ actor, before: values.before })),
    ignored: ignored.length ? ["older page"] : [],
  };
});

export default function Mailbox() {
  const { smtpConfigured, messages, olderCursor, ignored } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Mailbox"
        description="Email that Comeback kept instead of sending, and email waiting to be sent. Newest first."
      />
      {ignored.length ? (
        <div className="mb-4">
          <IgnoredNotice names={ignored} />
        </div>
      ) : null}
      <div className="mb-6">
        <SmtpNotice configured={smtpConfigured} />
      </div>
      <Card>
        {messages.length === 0 ? (
          <EmptyState title="The mailbox is empty">
            Invitations, password resets and other email appear here when Comeback writes them.
          </EmptyState>
        ) : (
          <Table
            caption="Messages, newest first"
            rows={messages}
            rowKey={(m) => m.id}
            columns={[
              {
                key: "subject",
                label: "Subject",
                rowHeader: true,
                cell: (m) =>
                  m.mayOpen ? (
                    <Link className="text-brand underline" to={`/staff/mailbox/${m.id}`}>
                      {m.subject}
                    </Link>
                  ) : (
                    <>
                      {m.subject}
                      <span className="block text-xs text-muted">
                        Carries a sign-in link: only administrators can open it.
                      </span>
                    </>
                  ),
              },
              { key: "to", label: "To", cell: (m) => <Recipient message={m} /> },
              {
                key: "status",
                label: "Status",
                cell: (m) =>
                  m.transport === "mailbox" ? (
                    <Badge tone="good">Kept here</Badge>
                  ) : (
                    <Badge tone="warn">{m.status === "failed" ? "Retrying" : "Waiting to be sent"}</Badge>
                  ),
              },
              { key: "written", label: "Written", cell: (m) => <Time iso={m.createdAt} /> },
            ]}
          />
        )}
        {olderCursor ? (
          <p className="mt-4 text-sm">
            <Link className="text-brand underline" to={`?before=${encodeURIComponent(olderCursor)}`}>
              Older messages →
            </Link>
          </p>
        ) : null}
      </Card>
    </>
  );
}
