import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { randomToken } from "../crypto.server";
import type { Db } from "../db.server";
import { env } from "../env.server";
import { AppError } from "../errors";
import { isUnsubscribePurpose, unsubscribeLinks } from "./unsubscribe.server";

/**
 * Every email is an OutboxMessage written in the same transaction as the change that caused it;
 * the dispatcher delivers it later (no network call inside a transaction). Rendering happens
 * here, before the transaction is asked to store the result.
 */

export type EmailPurpose = "transactional" | "return_opportunities" | "news";

export type Sender = { name: string; address: string };

/** `audience` is the template's ("alumnus", "staff"...): alumni email needs its own sender. */
export type RenderedEmail = { subject: string; html: string; text: string; audience?: string };

/**
 * Strips what could start a new header line (CR, LF and the other line separators become a
 * space), other control characters, and bidirectional overrides or zero-width characters that
 * could disguise a name or subject; keeps the text otherwise as written.
 */
export function headerSafe(value: string, maxLength = 200): string {
  return value
    .replace(/[\r\n\u0085\u2028\u2029]+/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]/g, "")
    .trim()
    .slice(0, maxLength);
}

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** A single plain address, no display name, no line breaks: anything else is refused. */
export function assertDeliverableAddress(address: string): string {
  const value = address.trim().toLowerCase();
  if (value.length > 254 || !ADDRESS.test(value)) {
    throw new AppError("validation", `"${headerSafe(address, 80)}" is not an email address we can send to.`);
  }
  return value;
}

/**
 * Plain-text part: headings keep their case (html-to-text shouts them by default). Images are
 * left out, except those marked `data-text="alt"` (the employer's logo), which become their alt
 * text on a line of its own, without the image's address.
 */
const PLAIN_TEXT_OPTIONS = {
  selectors: [
    ...["h1", "h2", "h3", "h4"].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'img[data-text="alt"]', format: "altText" },
  ],
  formatters: {
    altText: (elem: { attribs?: Record<string, string> }, _walk: unknown, builder: AltTextBuilder) => {
      const alt = elem.attribs?.alt?.trim();
      if (!alt) return;
      builder.openBlock({ leadingLineBreaks: 1 });
      builder.addInline(alt, { noWordTransform: true });
      builder.closeBlock({ trailingLineBreaks: 1 });
    },
  },
};

type AltTextBuilder = {
  openBlock(options: { leadingLineBreaks: number }): void;
  addInline(text: string, options: { noWordTransform: boolean }): void;
  closeBlock(options: { trailingLineBreaks: number }): void;
};

export async function renderEmail(element: ReactElement, subject: string): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: PLAIN_TEXT_OPTIONS }),
  ]);
  return { subject: headerSafe(subject, 150), html, text };
}

function mailDomain() {
  const from = env().MAIL_FROM;
  const match = /@([^>\s]+)/.exec(from);
  return match?.[1] ?? "comeback.localhost";
}

export type QueueEmailInput = {
  template: string;
  purpose: EmailPurpose;
  to: { address: string; name?: string | null };
  email: RenderedEmail;
  /** Required for every purpose but "transactional": unsubscribe links and the last look need it. */
  alumnusId?: string | null;
  userId?: string | null;
  /** Extra headers. Values are made header-safe; List-Unsubscribe is always ours. */
  headers?: Record<string, string>;
  /** Not delivered before this time (schedules, throttles). */
  notBefore?: Date;
  /** Groups messages sent at a limited rate, e.g. "campaign:<id>" (see throttle.server.ts). */
  throttleKey?: string | null;
  /**
   * The sender when it is not MAIL_FROM. Required for alumni templates: alumni email comes from
   * the employer (`alumniSender()` in app/modules/portal, ADR 036).
   */
  from?: Sender | null;
};

const HEADER_NAME = /^[A-Za-z0-9-]{1,60}$/;
/** Headers the mailer writes itself; a caller cannot set them through `headers`. */
const RESERVED_HEADERS = new Set([
  "from",
  "to",
  "cc",
  "bcc",
  "subject",
  "message-id",
  "date",
  "sender",
  "reply-to",
  "return-path",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
]);

/** The row queueEmail writes, without touching the database (queueEmails writes many at once). */
export function outboxRow(input: QueueEmailInput) {
  const address = assertDeliverableAddress(input.to.address);
  const from = input.from;
  if (input.email.audience === "alumnus" && !from) {
    throw new Error(
      `The ${input.template} email goes to an alumnus: pass the employer's sender as \`from\`.`,
    );
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.headers ?? {})) {
    const name = headerSafe(k, 60).replace(/[^A-Za-z0-9-]/g, "");
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) continue;
    headers[name] = headerSafe(String(v), 900);
  }
  if (input.purpose !== "transactional") {
    if (!input.alumnusId || !isUnsubscribePurpose(input.purpose)) {
      throw new Error(
        `A ${input.purpose} email needs the alumnus it is for, so it can carry an unsubscribe link.`,
      );
    }
    Object.assign(headers, unsubscribeLinks({ alumnusId: input.alumnusId, purpose: input.purpose }).headers);
  }
  return {
    template: input.template,
    purpose: input.purpose,
    toAddress: address,
    toName: input.to.name ? headerSafe(input.to.name, 120) || null : null,
    alumnusId: input.alumnusId ?? null,
    userId: input.userId ?? null,
    subject: headerSafe(input.email.subject, 150),
    html: input.email.html,
    text: input.email.text,
    messageId: `<${randomToken(18)}@${mailDomain()}>`,
    headers,
    nextAttemptAt: input.notBefore ?? new Date(),
    throttleKey: input.throttleKey ? headerSafe(input.throttleKey, 120) : null,
    fromName: from ? headerSafe(from.name, 120) || null : null,
    fromAddress: from ? assertDeliverableAddress(from.address) : null,
  };
}

/** Adds a message to the outbox inside the caller's transaction. */
export async function queueEmail(tx: Db, input: QueueEmailInput) {
  return tx.outboxMessage.create({ data: outboxRow(input), select: { id: true, messageId: true } });
}

/** Adds many messages in one statement (campaign fan-out), inside the caller's transaction. */
export async function queueEmails(tx: Db, inputs: QueueEmailInput[]) {
  if (inputs.length === 0) return [];
  return tx.outboxMessage.createManyAndReturn({
    data: inputs.map(outboxRow),
    select: { id: true, messageId: true },
  });
}
