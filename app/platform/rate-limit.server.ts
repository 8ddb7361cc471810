import { db, type Db } from "./db.server";

/**
 * Fixed-window counters in the database, so limits hold across app instances. One statement per
 * hit: the window resets itself when it has passed.
 */
export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/** A counter's state without counting a hit: hits in the window and when the latest one was. */
export type RateLimitState = { count: number; lastHitAt: Date | null };

export async function hitRateLimit(
  key: string,
  options: { limit: number; windowSeconds: number },
  tx: Db = db,
): Promise<RateLimitResult> {
  const rows = await tx.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "lastHitAt") VALUES (${key}, 1, now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "lastHitAt" = now(),
      "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${options.windowSeconds}) THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${options.windowSeconds}) THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  const { count, windowStart } = rows[0];
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((windowStart.getTime() + options.windowSeconds * 1000 - Date.now()) / 1000),
  );
  return { allowed: count <= options.limit, count, retryAfterSeconds };
}

export async function resetRateLimit(key: string, tx: Db = db) {
  await tx.rateLimit.deleteMany({ where: { key } });
}

/** The current count in the window, without counting a hit. */
export async function peekRateLimit(key: string, windowSeconds: number, tx: Db = db): Promise<number> {
  return (await rateLimitState(key, windowSeconds, tx)).count;
}

/** The count in the window and the latest hit, without counting one. */
export async function rateLimitState(
  key: string,
  windowSeconds: number,
  tx: Db = db,
): Promise<RateLimitState> {
  const row = await tx.rateLimit.findUnique({ where: { key } });
  if (!row || row.windowStart.getTime() + windowSeconds * 1000 <= Date.now()) {
    return { count: 0, lastHitAt: null };
  }
  return { count: row.count, lastHitAt: row.lastHitAt };
}

/**
 * Backoff after `limit` hits: the next attempt waits `baseSeconds`, doubling with each further
 * hit, never more than `maxSeconds` after the latest one. Seconds left to wait, or 0.
 */
export function backoffSeconds(
  state: RateLimitState,
  options: { limit: number; baseSeconds: number; maxSeconds: number },
  now = Date.now(),
): number {
  if (state.count < options.limit || !state.lastHitAt) return 0;
  const wait = Math.min(
    options.maxSeconds,
    options.baseSeconds * 2 ** Math.min(30, state.count - options.limit),
  );
  const left = Math.ceil((state.lastHitAt.getTime() + wait * 1000 - now) / 1000);
  return Math.max(0, left);
}
