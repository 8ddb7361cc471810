import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEphemeralPostgres, type EmbeddedPostgres } from "./embedded.server";
import { BACKGROUND_APPLICATION } from "./session-queue.server";

/**
 * The embedded database serves many connections from one PostgreSQL session. Queries that wait
 * in its queue together must still each get their own answer (electric-sql/pglite#1046).
 */
let embedded: EmbeddedPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  embedded = await startEphemeralPostgres();
  pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
});
afterAll(async () => {
  await pool?.end();
  await embedded?.stop();
});

async function queuedBehindTransaction(count: number, query: (i: number) => Promise<unknown>) {
  const holder = await pool.connect();
  await holder.query("BEGIN");
  await holder.query("SELECT 1");
  // While the transaction holds the session, every other connection's query waits in the queue.
  const waiting = Array.from({ length: count }, (_, i) =>
    query(i).then(
      (value) => ({ value }),
      (error: Error) => ({ error }),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  await holder.query("COMMIT");
  holder.release();
  return Promise.all(waiting);
}

describe("embedded database session queue", () => {
  it("answers each connection's extended-protocol query with its own rows when they were queued together", async () => {
    for (let round = 0; round < 5; round++) {
      const results = await queuedBehindTransaction(7, (i) =>
        pool.query("SELECT $1::text AS v, $2::int AS n", [`r${round}-c${i}`, i]),
      );
      expect(
        results.map((r) => ("value" in r ? (r.value as pg.QueryResult).rows[0] : String(r.error))),
      ).toEqual(Array.from({ length: 7 }, (_, i) => ({ v: `r${round}-c${i}`, n: i })));
    }
  });

  it("keeps serving after a query fails", async () => {
    const results = await queuedBehindTransaction(4, (i) =>
      i === 1 ? pool.query("SELEC broken") : pool.query("SELECT $1::int AS n", [i]),
    );
    expect("error" in results[1]).toBe(true);
    for (const i of [0, 2, 3])
      expect((results[i] as { value: pg.QueryResult }).value.rows[0]).toEqual({ n: i });
    expect((await pool.query("SELECT 42 AS n")).rows[0]).toEqual({ n: 42 });
  });

  it("rolls back and frees the session when a connection goes away inside a transaction", async () => {
    await pool.query("CREATE TABLE IF NOT EXISTS queue_probe (id int)");
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    client.on("error", () => {}); // the connection is cut on purpose below
    await client.query("BEGIN");
    await client.query("INSERT INTO queue_probe VALUES (1)");
    const other = pool.query("SELECT count(*)::int AS n FROM queue_probe");
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await other).rows[0]).toEqual({ n: 0 });
  });

  it("serves a request's statement before background work that was waiting longer", async () => {
    const connect = async (background: boolean) => {
      const client = new pg.Client({
        connectionString: embedded.url,
        application_name: background ? `${BACKGROUND_APPLICATION}-test` : "comeback",
      });
      await client.connect();
      return client;
    };
    const [holder, ...background] = await Promise.all([
      connect(true),
      connect(true),
      connect(true),
      connect(true),
    ]);
    const request = await connect(false);
    try {
      const at = (client: pg.Client) =>
        client.query<{ t: string }>("SELECT clock_timestamp()::text AS t").then((r) => r.rows[0].t);
      // A background transaction holds the session (PGlite runs on this thread, so a statement
      // that sleeps would stop the test too); three background statements queue, then a request's.
      await holder.query("BEGIN");
      await holder.query("SELECT 1");
      const backgroundTimes = background.map(at);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const requestTime = at(request);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await holder.query("COMMIT");
      const later = await Promise.all(backgroundTimes);
      for (const t of later) expect(t > (await requestTime)).toBe(true);
      // Background work alone is still served.
      expect(await at(background[0])).toBeTruthy();
    } finally {
      await Promise.all([holder, ...background, request].map((c) => c.end()));
    }
  });
});
