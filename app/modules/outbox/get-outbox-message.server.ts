import { mayOpenMessage } from "~/modules/mailbox/mailbox.server";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { notFound } from "~/platform/errors";
import { outboxNames, templateTitle } from "./outbox-names.server";
import { HELD_UNTIL } from "~/platform/mailer/throttle.server";

/** Templates whose text carries a live sign-in link (besides the mailbox's own list). */
const SIGN_IN_TEMPLATES = ["sign-in-link"];

export type FailureEntry = {
  at: string;
  attempt: number;
  kind: string;
  error: string;
  responseCode?: number;
  by?: string;
};

/** One message with its headers, attempts and failures. The text is shown unless it carries a sign-in link. */
export async function getOutboxMessage({ actor, messageId }: { actor: StaffUser; messageId: string }) {
  const m = await db.outboxMessage.findUnique({ where: { id: messageId } });
  if (!m) throw notFound("That message");
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
  const mayReadText = mayOpenMessage(actor, m.template) && !SIGN_IN_TEMPLATES.includes(m.template);
  const names = (await outboxNames([m]))(m);
  const failures = (Array.isArray(m.failures) ? m.failures : []) as FailureEntry[];
  return {
    smtpConfigured: !!e.SMTP_URL,
    canRetry: actor.permissions.includes("retry:outbox") && m.status === "set_aside",
    message: {
      id: m.id,
      template: m.template,
      templateTitle: templateTitle(m.template),
      ...names,
      purpose: m.purpose,
      subject: m.subject,
      toName: m.toName,
      toAddress: m.toAddress,
      alumnusId: m.alumnusId,
      status: m.status,
      held: (m.status === "queued" || m.status === "failed") && m.nextAttemptAt >= HELD_UNTIL,
      attempts: m.attempts,
      maxAttempts: m.maxAttempts,
      nextAttemptAt: m.nextAttemptAt.toISOString(),
      lastAttemptAt: m.lastAttemptAt?.toISOString() ?? null,
      lastError: m.lastError,
      leasedBy: m.status === "sending" ? m.leasedBy : null,
      leaseUntil: m.status === "sending" ? (m.leaseUntil?.toISOString() ?? null) : null,
      transport: m.transport,
      throttleKey: m.throttleKey,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      headers,
      failures: failures.slice().reverse(),
      text: mayReadText ? m.text : null,
    },
  };
}
