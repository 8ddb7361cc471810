import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { conflict, notFound } from "~/platform/errors";
import { RETRY_ALL_LIMIT } from "./schemas";

/** Attempts a message gets again when someone retries it by hand. */
export const RETRY_ATTEMPTS = 3;

/**
 * Puts a set-aside message back in the queue, due now, with a few more attempts. Its
 * Message-ID stays the same. Audited. The dispatcher's last look still applies (an
 * unsubscribed recipient's message is cancelled, not sent).
 */
export async function retryOutboxMessage(input: { actor: StaffUser; messageId: string; reason?: string }) {
  return db.$transaction(async (tx) => {
    const m = await tx.outboxMessage.findUnique({
      where: { id: input.messageId },
      select: { id: true, status: true, attempts: true, lastError: true, template: true },
    });
    if (!m) throw notFound("That message");
    if (m.status !== "set_aside")
      throw conflict(
        `This message is ${m.status === "failed" ? "already being retried" : m.status.replace("_", " ")}; only set-aside messages can be retried.`,
      );
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: m.id, status: "set_aside" },
      data: {
        status: "queued",
        nextAttemptAt: new Date(),
        maxAttempts: m.attempts + RETRY_ATTEMPTS,
        leaseUntil: null,
        leasedBy: null,
      },
    });
    if (count !== 1) throw conflict("Someone else changed this message a moment ago. Reload the page.");
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "outbox.retried",
      entityType: "outbox_message",
      entityId: m.id,
      before: { status: "set_aside", attempts: m.attempts, lastError: m.lastError },
      after: { status: "queued", maxAttempts: m.attempts + RETRY_ATTEMPTS },
      reason: input.reason || null,
    });
    return { retried: 1 };
  });
}

/** Retries every set-aside message (up to RETRY_ALL_LIMIT, oldest first), in one audited step. */
export async function retryAllSetAside(input: { actor: StaffUser; reason?: string }) {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "OutboxMessage" WHERE "status" = 'set_aside'
      ORDER BY "createdAt", "id" LIMIT ${RETRY_ALL_LIMIT} FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) throw conflict("No messages are set aside right now.");
    const ids = rows.map((r) => r.id);
    await tx.$executeRaw`
      UPDATE "OutboxMessage" SET "status" = 'queued', "nextAttemptAt" = now(), "maxAttempts" = "attempts" + ${RETRY_ATTEMPTS},
        "leaseUntil" = NULL, "leasedBy" = NULL
      WHERE "id" = ANY(${ids}::text[]) AND "status" = 'set_aside'`;
    const remaining = await tx.outboxMessage.count({ where: { status: "set_aside" } });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "outbox.retried",
      entityType: "outbox",
      entityId: null,
      before: { status: "set_aside", count: ids.length },
      after: { status: "queued", count: ids.length, messageIds: ids },
      reason: input.reason || null,
    });
    return { retried: ids.length, remaining };
  });
}
