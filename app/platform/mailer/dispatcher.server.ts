import os from "node:os";
import nodemailer, { type Transporter, type TransportOptions } from "nodemailer";
import { randomToken } from "../crypto.server";
import { db } from "../db.server";
import { env } from "../env.server";
import { log } from "../logging.server";

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
      from: this.from,
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

export type DeliveryFailure = { kind: "temporary" | "permanent"; message: string };

/** 5xx SMTP replies are permanent; 4xx replies, refused or dropped connections are temporary. */
export function classifyFailure(error: unknown): DeliveryFailure {
  const e = error as { responseCode?: number; code?: string; message?: string; response?: string };
  const message = (e?.response || e?.message || String(error)).slice(0, 500);
  if (typeof e?.responseCode === "number" && e.responseCode >= 500) return { kind: "permanent", message };
  return { kind: "temporary", message };
}

/** Exponential backoff with full jitter. */
export function retryDelayMs(attempt: number, options: { baseMs: number; maxMs: number }, random = Math.random) {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Last look before sending: the outreach module registers a check that cancels messages whose
 * recipient has since unsubscribed. Returns a reason to cancel, or null to send.
 */
export type BeforeSend = (message: OutboundMessage) => Promise<string | null>;
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
};

type ClaimedRow = Omit<OutboundMessage, "headers"> & { headers: unknown };

export async function claimBatch(workerId: string, batchSize: number, leaseMs: number): Promise<OutboundMessage[]> {
  const rows = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxMessage" AS m
    SET "status" = 'sending', "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000}::float8),
        "leasedBy" = ${workerId}, "attempts" = m."attempts" + 1
    WHERE m."id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE ("status" IN ('queued', 'failed') AND "nextAttemptAt" <= now())
         OR ("status" = 'sending' AND "leaseUntil" < now())
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING m."id", m."toAddress", m."toName", m."subject", m."html", m."text", m."messageId", m."headers",
              m."purpose", m."alumnusId", m."attempts", m."maxAttempts"`;
  return rows.map((r) => ({ ...r, headers: (r.headers ?? {}) as Record<string, string> }));
}

async function markSent(id: string, workerId: string, transport: string) {
  await db.outboxMessage.updateMany({
    where: { id, leasedBy: workerId, status: "sending" },
    data: { status: "sent", sentAt: new Date(), transport, leaseUntil: null, lastError: null },
  });
}

async function markCancelled(id: string, workerId: string, reason: string) {
  await db.outboxMessage.updateMany({
    where: { id, leasedBy: workerId, status: "sending" },
    data: { status: "cancelled", leaseUntil: null, lastError: reason },
  });
}

async function markFailed(message: OutboundMessage, workerId: string, failure: DeliveryFailure, options: Required<Pick<DispatcherOptions, "retryBaseMs" | "retryMaxMs">>) {
  const outOfAttempts = message.attempts >= message.maxAttempts;
  const setAside = failure.kind === "permanent" || outOfAttempts;
  await db.outboxMessage.updateMany({
    where: { id: message.id, leasedBy: workerId, status: "sending" },
    data: setAside
      ? { status: "set_aside", leaseUntil: null, lastError: failure.message }
      : {
          status: "failed",
          leaseUntil: null,
          lastError: failure.message,
          nextAttemptAt: new Date(Date.now() + retryDelayMs(message.attempts, { baseMs: options.retryBaseMs, maxMs: options.retryMaxMs })),
        },
  });
  return setAside;
}

export type DispatchResult = { claimed: number; sent: number; failed: number; setAside: number; cancelled: number };

/** Claims one batch and delivers it. Returns what happened; `claimed: 0` means the queue is idle. */
export async function dispatchOnce(options: DispatcherOptions): Promise<DispatchResult> {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomToken(4)}`;
  const retry = { retryBaseMs: options.retryBaseMs ?? 30_000, retryMaxMs: options.retryMaxMs ?? 3_600_000 };
  const batch = await claimBatch(workerId, options.batchSize ?? 50, options.leaseMs ?? 120_000);
  const result: DispatchResult = { claimed: batch.length, sent: 0, failed: 0, setAside: 0, cancelled: 0 };
  const queue = [...batch];
  const worker = async () => {
    for (let message = queue.shift(); message; message = queue.shift()) {
      const cancelReason = beforeSendHook ? await beforeSendHook(message) : null;
      if (cancelReason) {
        await markCancelled(message.id, workerId, cancelReason);
        result.cancelled++;
        continue;
      }
      try {
        await options.transport.send(message);
      } catch (error) {
        const failure = classifyFailure(error);
        const setAside = await markFailed(message, workerId, failure, retry);
        if (setAside) result.setAside++;
        else result.failed++;
        log.warn("email delivery failed", { outboxId: message.id, kind: failure.kind, attempt: message.attempts, setAside });
        continue;
      }
      await markSent(message.id, workerId, options.transport.name);
      result.sent++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 5) }, worker));
  return result;
}

export type RunningDispatcher = { stop(): Promise<void>; wake(): void };

/** Runs dispatchOnce in a loop until stopped; idles with a short poll when the queue is empty. */
export function startDispatcher(options: DispatcherOptions & { idleMs?: number }): RunningDispatcher {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomToken(4)}`;
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
