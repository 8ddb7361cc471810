import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "~/platform/env.server";
import { backgroundQuery } from "./db.server";

/**
 * The background pool's idle connections may be cut by the server (a restart, an administrator,
 * a proxy's idle limit). That must not end the process, and the next query must work.
 */
describe("the background database pool", () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "survives the server ending its idle connections, and answers the next query",
    async () => {
      expect(await backgroundQuery<{ one: number }>("SELECT 1 AS one", [])).toEqual([{ one: 1 }]);
      const admin = new pg.Client({ connectionString: databaseUrl() });
      await admin.connect();
      try {
        const ended = await admin.query(
          `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
           WHERE application_name = 'comeback-background' AND datname = current_database()`,
        );
        expect(ended.rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      // Give the pool the cut connection's error (an 'error' event without a listener would throw here).
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await backgroundQuery<{ one: number }>("SELECT 1 AS one", [])).toEqual([{ one: 1 }]);
    },
  );
});
