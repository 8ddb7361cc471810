import { db, type Db } from "./db.server";

/**
 * Fixed-window counters in the database, so limits hold across app instances. One statement per
 * hit: the window resets itself when it has passed.
 */
export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

export async function hitRateLimit(
  key: string,
  options: { limit: number; windowSeconds: number },
  tx: Db = db,
): Promise<RateLimitResult> {
  const rows = await tx.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
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
  const row = await tx.rateLimit.findUnique({ where: { key } });
  if (!row) return 0;
  if (row.windowStart.getTime() + windowSeconds * 1000 <= Date.now()) return 0;
  return row.count;
}
