import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SmtpNotice } from "~/components/smtp-notice";
import { Time } from "~/components/time";
import { IgnoredNotice, Badge, Card, EmptyState, PageHeader } from "~/components/ui";
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
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Messages, newest first</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Subject
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    To
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Written
                  </th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.id} className="border-t border-line align-top">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      {m.mayOpen ? (
                        <Link className="text-brand underline" to={`/staff/mailbox/${m.id}`}>
                          {m.subject}
                        </Link>
                      ) : (
                        <>
                          {m.subject}
                          <p className="text-xs text-muted">
                            Carries a sign-in link: only administrators can open it.
                          </p>
                        </>
                      )}
                    </th>
                    <td className="py-2 pr-3">
                      {m.recipient?.href ? (
                        <Link className="text-brand underline" to={m.recipient.href}>
                          {m.recipient.name}
                        </Link>
                      ) : (
                        m.toName
                      )}
                      <span className="block break-all text-xs text-muted">{m.toAddress}</span>
                    </td>
                    <td className="py-2 pr-3">
                      {m.transport === "mailbox" ? (
                        <Badge tone="good">Kept here</Badge>
                      ) : (
                        <Badge tone="warn">{m.status === "failed" ? "Retrying" : "Waiting to be sent"}</Badge>
                      )}
                    </td>
                    <td className="py-2 whitespace-nowrap">
                      <Time iso={m.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
