import { outboxNames, templateTitle } from "~/modules/outbox/outbox-names.server";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { MAILBOX_WHERE, mayOpenMessage } from "./mailbox.server";

export const MAILBOX_PAGE_SIZE = 50;

/** The mailbox list, newest first, paged by (created, id). */
export async function listMailbox({ actor, before }: { actor: StaffUser; before?: string }) {
  const cursor = before
    ? await db.outboxMessage.findFirst({
        where: { AND: [MAILBOX_WHERE, { id: before }] },
        select: { id: true, createdAt: true },
      })
    : null;
  const rows = await db.outboxMessage.findMany({
    where: cursor
      ? {
          AND: [
            MAILBOX_WHERE,
            {
              OR: [
                { createdAt: { lt: cursor.createdAt } },
                { createdAt: cursor.createdAt, id: { lt: cursor.id } },
              ],
            },
          ],
        }
      : MAILBOX_WHERE,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAILBOX_PAGE_SIZE + 1,
    select: {
      id: true,
      template: true,
      toAddress: true,
      toName: true,
      subject: true,
      status: true,
      transport: true,
      createdAt: true,
      sentAt: true,
      alumnusId: true,
      campaignId: true,
      throttleKey: true,
    },
  });
  const page = rows.slice(0, MAILBOX_PAGE_SIZE);
  const namesOf = await outboxNames(page);
  return {
    smtpConfigured: !!env().SMTP_URL,
    messages: page.map((m) => ({
      ...m,
      ...namesOf(m),
      templateTitle: templateTitle(m.template),
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      mayOpen: mayOpenMessage(actor, m.template),
    })),
    olderCursor: rows.length > MAILBOX_PAGE_SIZE ? page[page.length - 1].id : null,
  };
}
