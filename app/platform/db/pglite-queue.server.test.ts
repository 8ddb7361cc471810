import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEphemeralPostgres, type EmbeddedPostgres } from "./embedded.server";

/**
 * Many connections sharing embedded PostgreSQL's one backend: parameterised statements
 * (Parse/Bind/Execute/Sync) and transactions from different connections must not interleave.
 */
let database: EmbeddedPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  database = await startEphemeralPostgres();
  pool = new pg.Pool({ connectionString: database.url, max: 10 });
  await pool.query("CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)");
  await pool.query("INSERT INTO counter VALUES (1, 0)");
});
afterAll(async () => {
  await pool?.end();
  await database?.stop();
});

describe("embedded PostgreSQL shared by many connections", () => {
  it("answers 200 parallel parameterised queries from 10 connections, each with its own result", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        pool.query<{ v: string; w: string }>("SELECT $1::text AS v, repeat($2::text, $3::int) AS w", [
          `value ${i}`,
          "x",
          i % 50,
        ]),
      ),
    );
    const failures = results
      .filter((r) => r.status === "rejected")
      .map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    results.forEach((r, i) => {
      const row = (r as PromiseFulfilledResult<pg.QueryResult<{ v: string; w: string }>>).value.rows[0];
      expect(row).toEqual({ v: `value ${i}`, w: "x".repeat(i % 50) });
    });
  });

  it("keeps each transaction whole while other connections keep asking", async () => {
    const increments = Array.from({ length: 20 }, async () => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const { rows } = await client.query<{ n: number }>("SELECT n FROM counter WHERE id = $1", [1]);
        await client.query("UPDATE counter SET n = $1 WHERE id = $2", [rows[0].n + 1, 1]);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    });
    const readers = Array.from({ length: 40 }, (_, i) => pool.query("SELECT $1::int AS i", [i]));
    await Promise.all([...increments, ...readers]);
    const { rows } = await pool.query<{ n: number }>("SELECT n FROM counter WHERE id = 1");
    expect(rows[0].n).toBe(20);
  });

  it("gives the backend back when a connection drops in the middle of a transaction", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query("BEGIN");
    await client.query("UPDATE counter SET n = -1 WHERE id = 1");
    await client.end();
    const { rows } = await pool.query<{ n: number }>("SELECT n FROM counter WHERE id = $1", [1]);
    expect(rows[0].n).toBe(20);
  });
});
