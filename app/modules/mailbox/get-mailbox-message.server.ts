import { outboxNames, templateTitle } from "~/modules/outbox/outbox-names.server";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { forbidden, notFound } from "~/platform/errors";
import { MAILBOX_WHERE, mayOpenMessage } from "./mailbox.server";

/**
 * Links in the text part that point at this app, so a developer can follow them: absolute URLs
 * on APP_URL's origin only. A path beginning with `//` (or `/\`, which URLs read the same way)
 * would be a protocol-relative link to another host once written as a path, so it is left out.
 */
export function ourLinks(text: string, appUrl: string): string[] {
  const origin = new URL(appUrl).origin;
  const out = new Set<string>();
  for (const match of text.matchAll(/https?:\/\/[^\s<>"'()[\]]+/g)) {
    try {
      const url = new URL(match[0]);
      if (url.origin === origin && !url.pathname.startsWith("//")) out.add(url.href);
    } catch {
      // not a URL after all
    }
  }
  return [...out];
}

/** One message as the mailbox shows it: headers, the text part and the HTML part (shown sandboxed). */
export async function getMailboxMessage({ actor, messageId }: { actor: StaffUser; messageId: string }) {
  const m = await db.outboxMessage.findFirst({ where: { AND: [MAILBOX_WHERE, { id: messageId }] } });
  if (!m) throw notFound("That message");
  if (!mayOpenMessage(actor, m.template)) {
    throw forbidden(
      "This message carries a link that signs someone in, so only administrators who manage staff can open it.",
    );
  }
  const e = env();
  const headers: [string, string][] = [
    ["From", e.MAIL_FROM],
    ["To", m.toName ? `${m.toName} <${m.toAddress}>` : m.toAddress],
    ["Subject", m.subject],
    ["Message-ID", m.messageId],
    ...Object.entries((m.headers ?? {}) as Record<string, string>).map(
      ([k, v]) => [k, String(v)] as [string, string],
    ),
  ];
  const names = (await outboxNames([m]))(m);
  return {
    smtpConfigured: !!e.SMTP_URL,
    message: {
      id: m.id,
      template: m.template,
      templateTitle: templateTitle(m.template),
      ...names,
      subject: m.subject,
      toName: m.toName,
      toAddress: m.toAddress,
      status: m.status,
      transport: m.transport,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      headers,
      text: m.text,
      html: m.html,
      links: ourLinks(m.text, e.appUrl),
    },
  };
}
