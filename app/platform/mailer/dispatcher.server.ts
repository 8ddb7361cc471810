import os from "node:os";
import nodemailer, { type Transporter, type TransportOptions } from "nodemailer";
import { randomToken } from "../crypto.server";
import { db } from "../db.server";
import { env } from "../env.server";
import { log } from "../logging.server";
import { headerSafe } from "./mailer.server";

/**
 * Delivers the outbox. Several dispatchers (in several app instances) can run at once: each
 * claims a batch with FOR UPDATE SKIP LOCKED and holds it under a lease, sends outside any
 * transaction, then records the result only if it still holds the lease. A claimed message
 * whose lease ran out (its dispatcher died) is claimed again; the Message-ID stays the same.
 */

export type OutboundMessage = {
  id: string;
  toAddress: string;
  toName: string | null;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
  purpose: string;
  alumnusId: string | null;
  attempts: number;
  maxAttempts: number;
  /** The message's own sender (alumni email: the employer's); null for MAIL_FROM. */
  fromName?: string | null;
  fromAddress?: string | null;
};

export interface MailTransport {
  readonly name: "smtp" | "mailbox";
  send(message: OutboundMessage): Promise<void>;
  close(): void;
}

export class SmtpTransport implements MailTransport {
  readonly name = "smtp" as const;
  private transporter: Transporter;
  constructor(
    url: string,
    private from = env().MAIL_FROM,
    options: { maxConnections?: number } = {},
  ) {
    this.transporter = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: options.maxConnections ?? 5,
      maxMessages: Infinity,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      disableFileAccess: true,
      disableUrlAccess: true,
    } as TransportOptions);
  }
  async send(message: OutboundMessage) {
    await this.transporter.sendMail({
      from: message.fromAddress ? { name: message.fromName ?? "", address: message.fromAddress } : this.from,
      to: message.toName ? { name: message.toName, address: message.toAddress } : message.toAddress,
      subject: message.subject,
      html: message.html,
      text: message.text,
      messageId: message.messageId,
      headers: message.headers,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }
  close() {
    this.transporter.close();
  }
}

/** No SMTP configured: messages stay in the database and show in the dev mailbox page. */
export class MailboxTransport implements MailTransport {
  readonly name = "mailbox" as const;
  async send() {}
  close() {}
}

export function transportFromEnv(): MailTransport {
  const url = env().SMTP_URL;
  return url ? new SmtpTransport(url) : new MailboxTransport();
}

export type DeliveryFailure = {
  kind: "temporary" | "permanent";
  message: string;
  code?: string;
  responseCode?: number;
};

/** Errors about the connection or the server as a whole, not about this message. */
const CONNECTION_CODES = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "EDNS",
  "ETLS",
  "EAUTH",
  "ENOAUTH",
  "EPROTOCOL",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * 5xx replies about a message (envelope or content refused) are permanent; 4xx replies, refused
 * or dropped connections, timeouts and server-wide refusals (authentication, greeting) are
 * temporary: they say nothing about the message, and setting the whole queue aside because a
 * password expired would bury every email.
 */
export function classifyFailure(error: unknown): DeliveryFailure {
  const e = error as { responseCode?: number; code?: string; message?: string; response?: string };
  const message = headerSafe(e?.response || e?.message || String(error), 500);
  const code = typeof e?.code === "string" ? e.code : undefined;
  const responseCode = typeof e?.responseCode === "number" ? e.responseCode : undefined;
  const connectionLevel = code !== undefined && CONNECTION_CODES.has(code);
  const kind =
    !connectionLevel && responseCode !== undefined && responseCode >= 500 ? "permanent" : "temporary";
  return { kind, message, code, responseCode };
}

/** Exponential backoff with jitter: a delay between half and all of base * 2^(attempt-1), capped. */
export function retryDelayMs(
  attempt: number,
  options: { baseMs: number; maxMs: number },
  random = Math.random,
) {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Last look before sending: modules register a check (app/modules/background.server.ts) that
 * receives the claimed batch just before it is sent and returns, per message id, a reason to
 * cancel it (e.g. the recipient unsubscribed). One call per batch, so it costs one query.
 */
export type BeforeSend = (messages: OutboundMessage[]) => Promise<Map<string, string>>;
let beforeSendHook: BeforeSend | undefined;
export function setBeforeSend(hook: BeforeSend | undefined) {
  beforeSendHook = hook;
}

export type DispatcherOptions = {
  transport: MailTransport;
  workerId?: string;
  batchSize?: number;
  leaseMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  concurrency?: number;
  /** Attempts a message gets when the server refuses it permanently (5xx); default 1 (RFC 5321). */
  permanentAttempts?: number;
};

type ClaimedRow = Omit<OutboundMessage, "headers"> & { headers: unknown };

export async function claimBatch(
  workerId: string,
  batchSize: number,
  leaseMs: number,
): Promise<OutboundMessage[]> {
  // A message whose dispatcher died after using its last attempt is set aside, not retried forever.
  await db.$executeRaw`
    UPDATE "OutboxMessage"
    SET "status" = 'set_aside', "leaseUntil" = NULL, "leasedBy" = NULL,
        "lastError" = COALESCE("lastError", 'The dispatcher sending it stopped; no attempts left.')
    WHERE "status" = 'sending' AND "leaseUntil" < now() AND "attempts" >= "maxAttempts"`;
  const rows = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxMessage" AS m
    SET "status" = 'sending', "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000}::float8),
        "leasedBy" = ${workerId}, "attempts" = m."attempts" + 1, "lastAttemptAt" = now()
    WHERE m."id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE ("status" IN ('queued', 'failed') AND "nextAttemptAt" <= now())
         OR ("status" = 'sending' AND "leaseUntil" < now())
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING m."id", m."toAddress", m."toName", m."subject", m."html", m."text", m."messageId", m."headers",
              m."purpose", m."alumnusId", m."attempts", m."maxAttempts", m."fromName", m."fromAddress"`;
  return rows.map((r) => ({ ...r, headers: (r.headers ?? {}) as Record<string, string> }));
}

/** Extends the lease on messages this worker still holds; returns the new expiry (local clock). */
async function extendLease(ids: string[], workerId: string, leaseMs: number) {
  if (ids.length === 0) return;
  await db.$executeRaw`
    UPDATE "OutboxMessage" SET "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000}::float8)
    WHERE "id" = ANY(${ids}::text[]) AND "leasedBy" = ${workerId} AND "status" = 'sending'`;
}

/** Records deliveries in one statement; only rows this worker still holds. */
async function markSent(sent: { id: string; at: Date }[], workerId: string, transport: string) {
  if (sent.length === 0) return;
  await db.$executeRaw`
    UPDATE "OutboxMessage" AS m
    SET "status" = 'sent', "sentAt" = v.at, "transport" = ${transport}, "leaseUntil" = NULL, "lastError" = NULL
    FROM unnest(${sent.map((s) => s.id)}::text[], ${sent.map((s) => s.at)}::timestamptz[]) AS v(id, at)
    WHERE m."id" = v.id AND m."leasedBy" = ${workerId} AND m."status" = 'sending'`;
}

async function markCancelled(cancel: Map<string, string>, workerId: string) {
  for (const [id, reason] of cancel) {
    await db.outboxMessage.updateMany({
      where: { id, leasedBy: workerId, status: "sending" },
      data: { status: "cancelled", leaseUntil: null, lastError: headerSafe(reason, 500) },
    });
  }
}

/** Gives messages back untouched (their attempt is not counted): the lease ran short before sending. */
async function release(ids: string[], workerId: string) {
  if (ids.length === 0) return;
  await db.$executeRaw`
    UPDATE "OutboxMessage" SET "status" = CASE WHEN "attempts" > 1 THEN 'failed'::"OutboxStatus" ELSE 'queued'::"OutboxStatus" END,
      "attempts" = "attempts" - 1, "leaseUntil" = NULL, "nextAttemptAt" = now()
    WHERE "id" = ANY(${ids}::text[]) AND "leasedBy" = ${workerId} AND "status" = 'sending'`;
}

async function markFailed(
  message: OutboundMessage,
  workerId: string,
  failure: DeliveryFailure,
  options: { retryBaseMs: number; retryMaxMs: number; permanentAttempts: number },
) {
  const outOfAttempts = message.attempts >= message.maxAttempts;
  const setAside =
    outOfAttempts || (failure.kind === "permanent" && message.attempts >= options.permanentAttempts);
  const entry = JSON.stringify([
    {
      at: new Date().toISOString(),
      attempt: message.attempts,
      kind: failure.kind,
      error: failure.message,
      ...(failure.responseCode ? { responseCode: failure.responseCode } : {}),
      by: workerId.slice(0, 80),
    },
  ]);
  const next = setAside
    ? null
    : new Date(
        Date.now() +
          retryDelayMs(message.attempts, { baseMs: options.retryBaseMs, maxMs: options.retryMaxMs }),
      );
  // Keeps the newest 20 failures.
  await db.$executeRaw`
    UPDATE "OutboxMessage"
    SET "status" = ${setAside ? "set_aside" : "failed"}::"OutboxStatus", "leaseUntil" = NULL, "lastError" = ${failure.message},
        "nextAttemptAt" = COALESCE(${next}::timestamptz, "nextAttemptAt"),
        "failures" = (SELECT COALESCE(jsonb_agg(e ORDER BY i), '[]'::jsonb) FROM (
            SELECT e, i FROM jsonb_array_elements("failures" || ${entry}::jsonb) WITH ORDINALITY AS t(e, i)
            ORDER BY i DESC LIMIT 20) AS newest)
    WHERE "id" = ${message.id} AND "leasedBy" = ${workerId} AND "status" = 'sending'`;
  return setAside;
}

export type DispatchResult = {
  claimed: number;
  sent: number;
  failed: number;
  setAside: number;
  cancelled: number;
  released: number;
};

function newWorkerId() {
  return `${os.hostname()}:${process.pid}:${randomToken(4)}`;
}

/** Claims one batch and delivers it. Returns what happened; `claimed: 0` means the queue is idle. */
export async function dispatchOnce(options: DispatcherOptions): Promise<DispatchResult> {
  const workerId = options.workerId ?? newWorkerId();
  const leaseMs = options.leaseMs ?? 120_000;
  const retry = {
    retryBaseMs: options.retryBaseMs ?? 30_000,
    retryMaxMs: options.retryMaxMs ?? 3_600_000,
    permanentAttempts: Math.max(1, options.permanentAttempts ?? 1),
  };
  const claimedAt = Date.now();
  const batch = await claimBatch(workerId, options.batchSize ?? 50, leaseMs);
  const result: DispatchResult = {
    claimed: batch.length,
    sent: 0,
    failed: 0,
    setAside: 0,
    cancelled: 0,
    released: 0,
  };
  if (batch.length === 0) return result;

  // Lease bookkeeping on the local clock, started before the claim (so it errs on the short side).
  let leaseEnds = claimedAt + leaseMs;
  const pending = new Set(batch.map((m) => m.id));
  const heartbeat = setInterval(
    () => {
      const renewedAt = Date.now();
      extendLease([...pending], workerId, leaseMs)
        .then(() => {
          leaseEnds = renewedAt + leaseMs;
        })
        .catch((error) => log.warn("outbox lease could not be extended", { error }));
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );

  try {
    const cancel = beforeSendHook ? await beforeSendHook(batch) : new Map<string, string>();
    if (cancel.size) {
      await markCancelled(cancel, workerId);
      for (const id of cancel.keys()) pending.delete(id);
      result.cancelled = cancel.size;
    }
    const queue = batch.filter((m) => !cancel.has(m.id));
    let sent: { id: string; at: Date }[] = [];
    const flush = async () => {
      const chunk = sent;
      sent = [];
      await markSent(chunk, workerId, options.transport.name);
      for (const s of chunk) pending.delete(s.id);
    };
    const tooLate: string[] = [];
    let lastFailure: DeliveryFailure | undefined;
    // Never start a send that might finish after the lease: another dispatcher could take it.
    const margin = Math.min(30_000, leaseMs / 4);
    const worker = async () => {
      for (let message = queue.shift(); message; message = queue.shift()) {
        if (Date.now() > leaseEnds - margin) {
          tooLate.push(message.id);
          continue;
        }
        try {
          await options.transport.send(message);
        } catch (error) {
          const failure = classifyFailure(error);
          pending.delete(message.id);
          const setAside = await markFailed(message, workerId, failure, retry);
          if (setAside) result.setAside++;
          else result.failed++;
          log.debug("email delivery failed", {
            outboxId: message.id,
            kind: failure.kind,
            code: failure.code,
            responseCode: failure.responseCode,
            attempt: message.attempts,
            setAside,
          });
          lastFailure ??= failure;
          continue;
        }
        sent.push({ id: message.id, at: new Date() });
        result.sent++;
        if (sent.length >= 25) await flush();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 5) }, worker));
    await flush();
    if (tooLate.length) {
      await release(tooLate, workerId);
      result.released = tooLate.length;
    }
    // One line per batch, not per message: an outage would otherwise flood the log.
    if (lastFailure) {
      log.warn("email delivery failed", {
        failed: result.failed,
        setAside: result.setAside,
        sent: result.sent,
        code: lastFailure.code,
        responseCode: lastFailure.responseCode,
      });
    }
  } finally {
    clearInterval(heartbeat);
  }
  return result;
}

export type RunningDispatcher = { stop(): Promise<void>; wake(): void };

/** Runs dispatchOnce in a loop until stopped; idles with a short poll when the queue is empty. */
export function startDispatcher(options: DispatcherOptions & { idleMs?: number }): RunningDispatcher {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  const workerId = options.workerId ?? newWorkerId();
  const loop = (async () => {
    while (!stopped) {
      let claimed = 0;
      try {
        claimed = (await dispatchOnce({ ...options, workerId })).claimed;
      } catch (error) {
        log.warn("outbox dispatcher could not run a batch", { error });
      }
      if (stopped) break;
      if (claimed === 0) {
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
          timer = setTimeout(resolve, options.idleMs ?? 1000);
        });
      }
    }
  })();
  return {
    wake() {
      wakeUp?.();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wakeUp?.();
      await loop;
      options.transport.close();
    },
  };
}
