import { db } from "~/platform/db.server";
import type { PURPOSE_LABELS } from "./contact-rules";
import { displayName, findByToken } from "./find-by-token.server";
import { withdrawConsent } from "./withdraw-consent.server";

export type UnsubscribeResult =
  | { ok: false }
  | { ok: true; purpose: keyof typeof PURPOSE_LABELS; changed: boolean; cancelled: number; known: boolean };

/**
 * RFC 8058 one-click unsubscribe: the signed token is the only credential (no session, no
 * origin check; ADR 022). Idempotent: a second POST changes nothing and says the same. Mail
 * still queued for that purpose is cancelled in the same transaction; mail already claimed by
 * a dispatcher meets the last look.
 */
export async function unsubscribeByToken(input: { token: string | undefined }): Promise<UnsubscribeResult> {
  return db.$transaction(async (tx) => {
    const found = await findByToken(tx, input.token, { lock: true });
    if (!found) return { ok: false };
    const { purpose, alumnus } = found;
    // A record erased since the email was sent: nothing is held, nothing will be sent.
    if (!alumnus) return { ok: true, purpose, changed: false, cancelled: 0, known: false };
    const { changed, cancelled } = await withdrawConsent({
      tx,
      actor: { type: "alumnus", id: alumnus.id, name: displayName(alumnus) },
      alumnus,
      purposes: [purpose],
      via: "unsubscribe link",
    });
    return { ok: true, purpose, changed, cancelled, known: true };
  });
}
