import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirectoryInUseError, startEmbeddedPostgres } from "./embedded.server";

/** The data-directory database, as `npm start` opens it. */
describe("embedded database in a data directory", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function query<T>(url: string, text: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  }

  it("is never opened twice, in this process or another; keeps what was written across a stop and a start", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-embedded-"));
    dirs.push(dir);
    const dataDir = path.join(dir, "pg");
    const first = await startEmbeddedPostgres({ dataDir });
    await query(first.url, `CREATE TABLE kept (id int PRIMARY KEY, name text)`);
    await query(first.url, `INSERT INTO kept VALUES (1, 'Åsa Ström')`);
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toBeInstanceOf(DataDirectoryInUseError);
    await first.stop();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(second.url, `SELECT name FROM kept`)).toEqual([{ name: "Åsa Ström" }]);
    } finally {
      await second.stop();
    }
  });
});
