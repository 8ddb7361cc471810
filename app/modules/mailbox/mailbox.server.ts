import type { Prisma } from "~/platform/db.server";

/**
 * The development mailbox: email kept by the "mailbox" transport (no SMTP_URL), plus messages
 * still waiting in the outbox. Messages that carry a live sign-in link (invitations, password
 * resets) open only for people who manage staff: anyone else with read:mailbox could otherwise
 * take over the account the link is for.
 */
export const MAILBOX_WHERE: Prisma.OutboxMessageWhereInput = {
  OR: [{ transport: "mailbox" }, { status: { in: ["queued", "sending", "failed"] } }],
};

/** Outbox templates whose messages carry a link that signs someone in or sets a password. */
export const LINK_BEARING_TEMPLATES: readonly string[] = ["staff-invitation", "password-reset"];

export function mayOpenMessage(viewer: { permissions: readonly string[] }, template: string) {
  return !LINK_BEARING_TEMPLATES.includes(template) || viewer.permissions.includes("manage:staff");
}
