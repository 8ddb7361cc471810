import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createSession } from "~/platform/session.server";
import { createStaffUser } from "../factories";
import { allowConsoleError } from "../setup/console";
import { startTestApp, type TestApp } from "../setup/app-server";

/**
 * HARDENING.md: database down or slow -> fast 503 with a clear page, no hung requests (pool
 * timeouts set), recovery without restarting the app. The app reaches its database through a
 * TCP proxy this test can cut ("refuse": nothing listens) or turn into a black hole ("slow":
 * connections are accepted and never answered).
 */
class ChaosProxy {
  private server = net.createServer((client) => this.onClient(client));
  private sockets = new Set<net.Socket>();
  mode: "up" | "slow" = "up";
  port = 0;
  constructor(private target: { host: string; port: number }) {}
  private onClient(client: net.Socket) {
    this.sockets.add(client);
    client.on("close", () => this.sockets.delete(client));
    client.on("error", () => {});
    if (this.mode === "slow") return; // accept, never answer
    const upstream = net.connect(this.target);
    this.sockets.add(upstream);
    upstream.on("close", () => this.sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  }
  async listen(port = 0) {
    await new Promise<void>((resolve) => this.server.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }
  dropConnections() {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
  async refuse() {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
  async restore() {
    this.mode = "up";
    if (!this.server.listening) {
      this.server = net.createServer((client) => this.onClient(client));
      await this.listen(this.port);
    }
  }
  slow() {
    this.mode = "slow";
    this.dropConnections();
  }
  async close() {
    this.dropConnections();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let proxy: ChaosProxy;
let app: TestApp;
let cookie: string;
const BOUND_MS = 15_000; // "not hung": every request must have an answer well within this

beforeAll(async () => {
  const target = new URL(process.env.DATABASE_URL as string);
  const user = await createStaffUser(db, { role: "hr" });
  cookie = (await createSession({ userId: user.id }, {})).setCookie.split(";")[0];
  const { disconnectDb } = await import("~/platform/db.server");
  await disconnectDb();
  proxy = new ChaosProxy({ host: target.hostname, port: Number(target.port) });
  await proxy.listen();
  const viaProxy = new URL(target);
  viaProxy.port = String(proxy.port);
  process.env.DATABASE_URL = viaProxy.toString();
  app = await startTestApp({
    env: { DB_CONNECT_TIMEOUT_MS: "1000", DB_STATEMENT_TIMEOUT_MS: "2000", DB_POOL_MAX: "5" },
  });
});
afterAll(async () => {
  await app?.close();
  await proxy?.restore();
  await proxy?.close();
});

async function timed(path: string) {
  const started = Date.now();
  const response = await fetch(`${app.url}${path}`, {
    headers: { Cookie: cookie },
    redirect: "manual",
    signal: AbortSignal.timeout(BOUND_MS),
  });
  const body = await response.text();
  return { status: response.status, body, ms: Date.now() - started };
}

describe("database outage", () => {
  it("answers normally while the database is up", async () => {
    expect((await timed("/healthz")).status).toBe(200);
    expect((await timed("/readyz")).status).toBe(200);
    expect((await timed("/staff")).status).toBe(200);
  });

  it("database refusing connections: fast 503s with a clear page, none hung, then recovery without restart", async () => {
    allowConsoleError();
    await proxy.refuse();
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => timed("/staff")),
      ...Array.from({ length: 10 }, () => timed("/readyz")),
    ]);
    expect(
      results.every((r) => r.status === 503),
      JSON.stringify(results.map((r) => r.status)),
    ).toBe(true);
    const page = results[0].body;
    expect(page).toContain("cannot reach its database");
    expect(page).not.toMatch(/at .+\.(ts|js):\d+/); // no stack trace
    console.log(
      `database refused: ${results.length} requests, slowest answer ${Math.max(...results.map((r) => r.ms))} ms, 0 hung`,
    );

    // Liveness never asks the database: the process is alive and says so at once.
    const live = await timed("/healthz");
    expect(live.status).toBe(200);
    expect(live.ms).toBeLessThan(1_000);

    await proxy.restore();
    await expect
      .poll(async () => (await timed("/readyz")).status, { timeout: 10_000, interval: 250 })
      .toBe(200);
    expect((await timed("/staff")).status).toBe(200);
  });

  it("database accepting connections but never answering: 503s within the pool timeouts, none hung, then recovery", async () => {
    allowConsoleError();
    proxy.slow();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => timed(i % 2 ? "/staff" : "/readyz")),
    );
    expect(
      results.every((r) => r.status === 503),
      JSON.stringify(results.map((r) => [r.status, r.ms])),
    ).toBe(true);
    // Readiness gives up after its own short timeout (1 s), whatever the pool's timeouts are.
    const ready = await timed("/readyz");
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ status: "unavailable", database: "unreachable" });
    expect(JSON.parse(ready.body).ms).toBeLessThan(2_500);
    // Liveness answers at once while the database is silent.
    const live = await Promise.all(Array.from({ length: 5 }, () => timed("/healthz")));
    expect(live.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(Math.max(...live.map((r) => r.ms))).toBeLessThan(1_000);
    console.log(
      `database silent: ${results.length} requests, slowest answer ${Math.max(...results.map((r) => r.ms))} ms, 0 hung`,
    );
    await proxy.restore();
    await expect
      .poll(async () => (await timed("/staff")).status, { timeout: 15_000, interval: 250 })
      .toBe(200);
  });
});
