import { db, type Prisma } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { likeLiteral } from "~/platform/like";
import { HELD_UNTIL } from "~/platform/mailer/throttle.server";
import { outboxNames, templateTitle } from "./outbox-names.server";
import { OUTBOX_STATUSES, type OutboxFilters, type OutboxStatusKey } from "./schemas";

export const OUTBOX_PAGE_SIZE = 50;

export function outboxWhere(filters: OutboxFilters): Prisma.OutboxMessageWhereInput {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.purpose ? { purpose: filters.purpose } : {}),
    ...(filters.template ? { template: filters.template } : {}),
    ...(filters.to ? { toAddress: { contains: likeLiteral(filters.to.toLowerCase()) } } : {}),
    ...(filters.throttleKey ? { throttleKey: filters.throttleKey } : {}),
  };
}

/** Counts by status (for the whole outbox) and one page of messages matching the filters, newest first. */
export async function listOutbox({ filters }: { filters: OutboxFilters }) {
  const where = outboxWhere(filters);
  const cursor = filters.before
    ? await db.outboxMessage.findFirst({
        where: { id: filters.before },
        select: { id: true, createdAt: true },
      })
    : null;
  const [grouped, rows, templates] = await Promise.all([
    db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    db.outboxMessage.findMany({
      where: cursor
        ? {
            AND: [
              where,
              {
                OR: [
                  { createdAt: { lt: cursor.createdAt } },
                  { createdAt: cursor.createdAt, id: { lt: cursor.id } },
                ],
              },
            ],
          }
        : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: OUTBOX_PAGE_SIZE + 1,
      select: {
        id: true,
        template: true,
        purpose: true,
        toAddress: true,
        toName: true,
        subject: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastError: true,
        throttleKey: true,
        createdAt: true,
        sentAt: true,
        alumnusId: true,
        campaignId: true,
      },
    }),
    db.outboxMessage.findMany({
      distinct: ["template"],
      select: { template: true },
      orderBy: { template: "asc" },
      take: 100,
    }),
  ]);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatusKey, number>;
  for (const g of grouped) counts[g.status] = g._count._all;
  const page = rows.slice(0, OUTBOX_PAGE_SIZE);
  const namesOf = await outboxNames(page);
  return {
    smtpConfigured: !!env().SMTP_URL,
    counts,
    templates: templates.map((t) => ({ value: t.template, label: templateTitle(t.template) })),
    messages: page.map((m) => ({
      ...m,
      ...namesOf(m),
      templateTitle: templateTitle(m.template),
      held: (m.status === "queued" || m.status === "failed") && m.nextAttemptAt >= HELD_UNTIL,
      nextAttemptAt: m.nextAttemptAt.toISOString(),
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
    olderCursor: rows.length > OUTBOX_PAGE_SIZE ? page[page.length - 1].id : null,
  };
}
