import { recordAudit, type AuditActor } from "./audit.server";
import { sha256 } from "./crypto.server";
import { db } from "./db.server";
import { log } from "./logging.server";
import { hitRateLimit, peekRateLimit } from "./rate-limit.server";
import { requestContext } from "./request-context.server";

/**
 * Refusals in the audit trail (issue 11): throttled requests (429), cross-site form posts (403)
 * and permission refusals (403). A flood must not bloat the trail, so they are aggregated per
 * kind, per actor (or client address when nobody is signed in) and per minute: the first refusal
 * of a minute writes one event (`refusal.*`), which also says how many the same actor or address
 * had in the minute before; the others that minute only count.
 */

export type RefusalKind = "rate_limited" | "cross_site" | "forbidden";

const ACTION = {
  rate_limited: "refusal.rate_limited",
  cross_site: "refusal.cross_site",
  forbidden: "refusal.forbidden",
} as const;

function minuteOf(time: number) {
  return new Date(Math.floor(time / 60_000) * 60_000).toISOString().slice(0, 16);
}

export async function recordRefusal(input: {
  kind: RefusalKind;
  actor?: AuditActor;
  ip?: string;
  method?: string;
  path?: string;
  /** Why, in a few words (the permission needed, the origin refused...). */
  reason?: string;
}): Promise<void> {
  const context = requestContext();
  const ip = (input.ip ?? context?.ip ?? "unknown").slice(0, 64);
  const actor: AuditActor = input.actor ?? { type: "anonymous" };
  const who = actor.type === "staff" || actor.type === "alumnus" ? `${actor.type}:${actor.id}` : `ip:${ip}`;
  const now = Date.now();
  const minute = minuteOf(now);
  const key = (m: string) => `refusal:${input.kind}:${sha256(who)}:${m}`;
  try {
    const hit = await hitRateLimit(key(minute), { limit: 1, windowSeconds: 120 });
    if (hit.count !== 1) return;
    const previousMinute = await peekRateLimit(key(minuteOf(now - 60_000)), 120);
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actor,
        action: ACTION[input.kind],
        entityType: "route",
        entityId: (input.path ?? context?.path ?? "").slice(0, 200) || null,
        after: {
          minute,
          method: input.method ?? context?.method,
          ...(input.reason ? { reason: input.reason.slice(0, 200) } : {}),
          ...(actor.type === "anonymous" ? { address: ip } : {}),
          note: "first refusal of this minute for this actor or address; later ones this minute are counted, not recorded",
          refusalsPreviousMinute: previousMinute,
        },
      }),
    );
  } catch (error) {
    // A refusal never becomes a 500 because its audit write failed; the log keeps the trace.
    log.error("could not audit a refusal", { error, kind: input.kind });
  }
}
