import { db } from "~/platform/db.server";
import type { OutboundMessage } from "~/platform/mailer/dispatcher.server";
import { isUnsubscribePurpose } from "~/platform/mailer/unsubscribe.server";
import { CANCEL_REASONS, mayEmail } from "./contact-rules";

/**
 * The dispatcher's last look (registered in app/modules/background.server.ts): just before a
 * claimed batch is sent, cancel every non-transactional message whose recipient has since said
 * no to its purpose, been marked do-not-contact, or been erased. One query per batch.
 */
export async function lastLookBeforeSend(messages: OutboundMessage[]): Promise<Map<string, string>> {
  const cancel = new Map<string, string>();
  const outreach = messages.filter((m) => m.purpose !== "transactional");
  if (outreach.length === 0) return cancel;
  const ids = [...new Set(outreach.map((m) => m.alumnusId).filter((id): id is string => !!id))];
  const alumni = new Map(
    (
      await db.alumnus.findMany({
        where: { id: { in: ids } },
        select: { id: true, consentReturn: true, consentNews: true, doNotContact: true },
      })
    ).map((a) => [a.id, a]),
  );
  for (const m of outreach) {
    const facts = m.alumnusId ? alumni.get(m.alumnusId) : undefined;
    if (!facts) {
      cancel.set(m.id, CANCEL_REASONS.erased);
      continue;
    }
    if (!isUnsubscribePurpose(m.purpose)) continue;
    const verdict = mayEmail(facts, m.purpose, { requireConsent: false });
    if (!verdict.allowed) cancel.set(m.id, CANCEL_REASONS[verdict.reason]);
  }
  return cancel;
}
