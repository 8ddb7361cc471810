import type { Db } from "../db.server";
import { Prisma } from "../db.server";
import { headerSafe, queueEmails, type QueueEmailInput } from "./mailer.server";

/**
 * Sending at a limited rate (ADR 021). Messages that share a throttle key (e.g.
 * "campaign:<id>") are spaced evenly: at most `perHour` become due per hour. The schedule is
 * written on each row's nextAttemptAt when the messages are queued, so the dispatcher needs no
 * extra state and several instances keep to it without talking to each other. Holding
 * (pause), rescheduling (resume, new rate) and cancelling work on the same key.
 */

/** Far enough in the future to mean "held until someone resumes". */
export const HELD_UNTIL = new Date(Date.UTC(9999, 11, 31));

const PENDING = ["queued", "failed"] as const;

function intervalMs(perHour: number) {
  if (!Number.isInteger(perHour) || perHour < 1 || perHour > 360_000) {
    throw new Error("A throttle is a whole number of messages per hour, from 1 to 360000.");
  }
  return 3_600_000 / perHour;
}

async function lockKey(tx: Db, throttleKey: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(727114021, hashtext(${throttleKey}))`;
}

export type ThrottleInput = {
  /** e.g. "campaign:<id>" */
  throttleKey: string;
  perHour: number;
  /** First message not before this time (default now). */
  startAt?: Date;
};

/**
 * Queues messages (inside the caller's transaction) spaced to the key's rate, continuing after
 * whatever is already waiting under the same key, so a fan-out in several chunks keeps one
 * schedule. Returns the ids and the first and last delivery times.
 */
export async function queueThrottledEmails(
  tx: Db,
  input: ThrottleInput & { messages: Omit<QueueEmailInput, "throttleKey" | "notBefore">[] },
) {
  const key = headerSafe(input.throttleKey, 120);
  const step = intervalMs(input.perHour);
  await lockKey(tx, key);
  const last = await tx.outboxMessage.aggregate({
    where: { throttleKey: key, status: { in: [...PENDING] }, nextAttemptAt: { lt: HELD_UNTIL } },
    _max: { nextAttemptAt: true },
  });
  const startAt = Math.max(
    (input.startAt ?? new Date()).getTime(),
    last._max.nextAttemptAt ? last._max.nextAttemptAt.getTime() + step : 0,
  );
  const rows = await queueEmails(
    tx,
    input.messages.map((m, i) => ({
      ...m,
      throttleKey: key,
      notBefore: new Date(Math.round(startAt + i * step)),
    })),
  );
  return {
    ids: rows.map((r) => r.id),
    firstAt: new Date(startAt),
    lastAt: new Date(Math.round(startAt + Math.max(0, input.messages.length - 1) * step)),
  };
}

/** Pause: nothing under the key is delivered until it is rescheduled. Messages already being sent finish. */
export async function holdThrottledEmails(tx: Db, throttleKey: string) {
  await lockKey(tx, throttleKey);
  const { count } = await tx.outboxMessage.updateMany({
    where: { throttleKey, status: { in: [...PENDING] } },
    data: { nextAttemptAt: HELD_UNTIL },
  });
  return { held: count };
}

/**
 * Resume or change the rate: every waiting message under the key is spaced again from
 * `startAt`, oldest first.
 */
export async function rescheduleThrottledEmails(tx: Db, input: ThrottleInput) {
  const step = intervalMs(input.perHour);
  await lockKey(tx, input.throttleKey);
  const start = input.startAt ?? new Date();
  const count = await tx.$executeRaw`
    UPDATE "OutboxMessage" AS m
    SET "nextAttemptAt" = ${start}::timestamptz + make_interval(secs => ((o.n - 1) * ${step / 1000}::float8))
    FROM (
      SELECT "id", row_number() OVER (ORDER BY "createdAt", "id") AS n
      FROM "OutboxMessage"
      WHERE "throttleKey" = ${input.throttleKey} AND "status" IN ('queued', 'failed')
    ) AS o
    WHERE m."id" = o."id"`;
  return { rescheduled: count };
}

/** Cancels every message still waiting under the key (campaign cancelled). */
export async function cancelThrottledEmails(tx: Db, input: { throttleKey: string; reason: string }) {
  await lockKey(tx, input.throttleKey);
  const { count } = await tx.outboxMessage.updateMany({
    where: { throttleKey: input.throttleKey, status: { in: [...PENDING] } },
    data: { status: "cancelled", lastError: headerSafe(input.reason, 500), leaseUntil: null },
  });
  return { cancelled: count };
}

export type OutboxCounts = Record<
  "queued" | "held" | "sending" | "sent" | "failed" | "set_aside" | "cancelled",
  number
>;

/** Live counts for one key (a campaign's queued / sent / failed / set-aside figures). */
export async function countThrottledEmails(tx: Db, throttleKey: string): Promise<OutboxCounts> {
  const rows = await tx.$queryRaw<{ status: string; held: boolean; n: bigint }[]>(Prisma.sql`
    SELECT "status"::text AS status, ("nextAttemptAt" >= ${HELD_UNTIL}) AS held, count(*) AS n
    FROM "OutboxMessage" WHERE "throttleKey" = ${throttleKey}
    GROUP BY 1, 2`);
  const counts: OutboxCounts = {
    queued: 0,
    held: 0,
    sending: 0,
    sent: 0,
    failed: 0,
    set_aside: 0,
    cancelled: 0,
  };
  for (const r of rows) {
    const key = (
      r.held && (r.status === "queued" || r.status === "failed") ? "held" : r.status
    ) as keyof OutboxCounts;
    counts[key] += Number(r.n);
  }
  return counts;
}
