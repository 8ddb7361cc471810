import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "../../app/platform/db/migrations.server";

/**
 * Start-up faults, each in a real `server/index.ts` process: a clear one-line message, a
 * non-zero exit, no stack trace, and nothing corrupted.
 */
const tmpDirs: string[] = [];
function tmpDir(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

type Run = { code: number | null; out: string; pid: number; kill(): void; ready: Promise<boolean> };

function boot(env: Record<string, string>): Run {
  const cleanEnv = { ...process.env };
  delete cleanEnv.DATABASE_URL;
  delete cleanEnv.EMBEDDED_DATABASE_URL;
  delete cleanEnv.APP_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: {
      ...cleanEnv,
      NODE_ENV: "development",
      SEED_ON_EMPTY: "false",
      DISPATCHER: "false",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run: Run = {
    code: null,
    out: "",
    pid: child.pid ?? 0,
    kill: () => child.kill("SIGTERM"),
    ready: new Promise<boolean>((resolve) => {
      const onData = (chunk: Buffer) => {
        run.out += chunk.toString();
        if (run.out.includes("Comeback is ready")) resolve(true);
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("exit", (code) => {
        run.code = code;
        resolve(false);
      });
    }),
  };
  return run;
}

async function exited(run: Run) {
  const ready = await run.ready;
  expect(ready, run.out).toBe(false);
  return run;
}

function expectNoStack(out: string) {
  expect(out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

// Each test starts real server processes; on a loaded machine that takes a while.
describe("start-up faults", { timeout: 240_000 }, () => {
  it("a taken port: names the port and exits 1", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as net.AddressInfo;
    const run = await exited(boot({ PORT: String(port), DATA_DIR: tmpDir("cb-port-") }));
    blocker.close();
    expect(run.code).toBe(1);
    expect(run.out).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expectNoStack(run.out);
  });

  it("an unreachable DATABASE_URL: names host and port, exits 1 quickly", async () => {
    const started = Date.now();
    const run = await exited(
      boot({ PORT: String(await freePort()), DATABASE_URL: "postgresql://app:secret@127.0.0.1:1/comeback" }),
    );
    expect(run.code).toBe(1);
    expect(run.out).toContain("Cannot reach PostgreSQL at 127.0.0.1:1/comeback");
    expect(run.out).not.toContain("secret");
    expect(Date.now() - started).toBeLessThan(20_000);
    expectNoStack(run.out);
  });

  it("a malformed DATABASE_URL: says what is wrong with it", async () => {
    const run = await exited(boot({ DATABASE_URL: "postgres//oops" }));
    expect(run.code).toBe(1);
    expect(run.out).toContain("DATABASE_URL: must look like postgresql://user:password@host:5432/database");
    expectNoStack(run.out);
  });

  it("a migration with a SQL error: names migration and statement, leaves the data as it was", async () => {
    const dataDir = tmpDir("cb-mig-");
    const migrations = tmpDir("cb-migdir-");
    fs.cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    fs.mkdirSync(path.join(migrations, "29990101000000_typo"));
    fs.writeFileSync(
      path.join(migrations, "29990101000000_typo", "migration.sql"),
      `ALTER TABLE "Alumnus" ADD COLUMN "nickname" TEXT;\nCREATE INDEX ON "Alumnus" ("nickname",);\n`,
    );
    const run = await exited(
      boot({ PORT: String(await freePort()), DATA_DIR: dataDir, MIGRATIONS_DIR: migrations }),
    );
    expect(run.code).toBe(1);
    expect(run.out).toContain("Migration 29990101000000_typo failed at line 2");
    expect(run.out).toContain('CREATE INDEX ON "Alumnus" ("nickname",);');
    expectNoStack(run.out);
    // The same data directory starts fine with the good migrations, and has no half-applied column.
    const port = await freePort();
    const again = boot({ PORT: String(port), DATA_DIR: dataDir });
    expect(await again.ready, again.out).toBe(true);
    again.kill();
    await new Promise((r) => setTimeout(r, 500));
  });

  it("a data directory owned by another process: names the directory and the owner's pid; the owner keeps working", async () => {
    const dataDir = tmpDir("cb-owner-");
    const port = await freePort();
    const owner = boot({ PORT: String(port), DATA_DIR: dataDir, SEED_ON_EMPTY: "true" });
    expect(await owner.ready, owner.out).toBe(true);
    try {
      const second = await exited(boot({ PORT: String(await freePort()), DATA_DIR: dataDir }));
      expect(second.code).toBe(1);
      expect(second.out).toContain(
        `The embedded database in ${path.join(dataDir, "pg")} is already in use by process ${owner.pid}`,
      );
      expectNoStack(second.out);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      owner.kill();
      await owner.ready;
      await new Promise((r) => setTimeout(r, 1000));
    }
  });
});
