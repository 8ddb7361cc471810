import { describe, expect, it } from "vitest";
import { db, isSharedBackend, statementNamer } from "./db.server";

/**
 * Prepared statements (ADR 093): on a PostgreSQL server each connection parses a statement once
 * and keeps it; on the embedded database, whose connections share one backend, nothing is named.
 */
const onServer = Boolean(process.env.TEST_DATABASE_URL);

describe("statement names", () => {
  const sql = (n: number) => `SELECT "id" FROM "Team" WHERE "id" = $1 LIMIT ${n}`;

  it("gives one statement one name, and different statements different names", () => {
    const name = statementNamer();
    const first = name({ sql: sql(1), args: ["a"] });
    expect(first).toMatch(/^cb_[0-9a-f]{40}$/);
    expect(name({ sql: sql(1), args: ["b"] })).toBe(first);
    expect(statementNamer()({ sql: sql(1), args: [] })).toBe(first);
    expect(name({ sql: sql(2), args: ["a"] })).not.toBe(first);
  });

  it("leaves unnamed what selects every column, long parameter lists, and anything past the limit", () => {
    const name = statementNamer(4);
    expect(name({ sql: `SELECT * FROM "Team"`, args: [] })).toBe("");
    expect(name({ sql: `SELECT t.*, 1 FROM "Team" t`, args: [] })).toBe("");
    expect(name({ sql: `SELECT count(*) FROM "Team"`, args: [] })).not.toBe("");
    const many = Array.from({ length: 40 }, (_, i) => `$${i + 1}`).join(", ");
    expect(name({ sql: `SELECT 1 WHERE 1 IN (${many})`, args: Array(40).fill(1) })).toBe("");
    expect(name({ sql: sql(3), args: [] })).toBe("");
  });
});

describe("which database shares one backend", () => {
  it("tells PGlite from a PostgreSQL server by what version() says", () => {
    expect(
      isSharedBackend("PostgreSQL 18.6 (PGlite 0.5.14) on wasm32-unknown-emscripten, compiled by emcc"),
    ).toBe(true);
    expect(
      isSharedBackend("PostgreSQL 15.20 (Debian 15.20-0+deb12u1) on x86_64-pc-linux-gnu, compiled by gcc"),
    ).toBe(false);
  });
});

describe("prepared statements on the database in use", () => {
  it(
    onServer ? "are kept by the connection on a PostgreSQL server" : "are not used on the embedded database",
    async () => {
      const [{ version }] = await db.$queryRaw<{ version: string }[]>`SELECT version() AS version`;
      expect(isSharedBackend(version)).toBe(!onServer);
      const prepared = await db.$transaction(async (tx) => {
        await tx.team.findMany({ where: { name: "nobody" }, select: { id: true } });
        await tx.team.findMany({ where: { name: "nobody else" }, select: { id: true } });
        return tx.$queryRaw<{ statement: string }[]>`
        SELECT statement FROM pg_prepared_statements
        WHERE name LIKE 'cb\\_%' AND statement LIKE '%"Team"%' AND statement NOT LIKE '%pg\\_prepared%'`;
      });
      expect(prepared.length).toBe(onServer ? 1 : 0);
    },
  );

  it("keeps answering a statement that selects every column after a column is added", async () => {
    // A prepared `SELECT *` would fail here with "cached plan must not change result type".
    const read = () =>
      db.$transaction(async (tx) => tx.$queryRaw<unknown[]>`SELECT * FROM "Team" WHERE "id" = ${"none"}`);
    await read();
    await read();
    await db.$executeRaw`ALTER TABLE "Team" ADD COLUMN "addedLater" integer`;
    try {
      await expect(read()).resolves.toEqual([]);
    } finally {
      await db.$executeRaw`ALTER TABLE "Team" DROP COLUMN "addedLater"`;
    }
  });
});
