import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SmtpNotice } from "~/components/smtp-notice";
import { Recipient } from "~/components/outbox/recipient";
import { Time } from "~/components/time";
import { Card, PageHeader } from "~/components/ui";
import { getMailboxMessage } from "~/modules/mailbox/get-mailbox-message.server";
import { requirePermission } from "~/platform/auth.server";
import { defineLoader, parseParams } from "~/platform/http.server";
import { recordId } from "~/platform/input";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "message" in data ? data.message.subject : "Message"} · Mailbox · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const { messageId } = parseParams(params, { messageId: recordId }, "That message");
  const actor = await requirePermission(request, "read:mailbox");
  return getMailboxMessage({ actor, messageId });
});

export default function MailboxMessage() {
  const { smtpConfigured, message } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/mailbox" className="text-brand underline">
          ← Mailbox
        </Link>
      </p>
      <PageHeader
        title={message.subject}
        description={
          <>
            {message.templateTitle} to <Recipient message={message} inline />
            {message.campaign?.href ? (
              <>
                {" "}
                from the campaign{" "}
                <Link className="text-brand underline" to={message.campaign.href}>
                  {message.campaign.name}
                </Link>
              </>
            ) : null}{" "}
            · written <Time iso={message.createdAt} />
          </>
        }
      />
      <div className="mb-6">
        <SmtpNotice configured={smtpConfigured} />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <div className="space-y-6">
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
          {message.links.length ? (
            <Card title="Links to Comeback in this message">
              <ul className="space-y-1 text-sm">
                {message.links.map((href) => (
                  <li key={href}>
                    <a className="break-all text-brand underline" href={href}>
                      {href}
                    </a>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-sm text-muted">
                Following a link here does what clicking it in the email would do (for example, accept an
                invitation).
              </p>
            </Card>
          ) : null}
          <Card title="Plain text">
            <pre className="whitespace-pre-wrap break-words font-mono text-xs leading-5">{message.text}</pre>
          </Card>
        </div>
        <Card title="As it looks in an email program">
          {/* sandbox="" : no scripts, no forms, no navigation of this page, an opaque origin. */}
          <iframe
            title={`The email “${message.subject}”`}
            sandbox=""
            srcDoc={message.html}
            className="h-[36rem] w-full rounded border border-line bg-white"
          />
        </Card>
      </div>
    </>
  );
}
