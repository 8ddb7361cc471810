import type { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  BACKGROUND_APPLICATION,
  BACKGROUND_GRACE_MS,
  BACKGROUND_MAX_WAIT_MS,
  SessionQueryQueue,
} from "./session-queue.server";

/**
 * The order in which the embedded database's queue serves connections, on a fake clock: a
 * stand-in session runs each simple query for the milliseconds its text names and records when
 * it started (ADR 083).
 */
type Run = { sql: string; at: number; waiting: number };

function query(sql: string) {
  const text = new TextEncoder().encode(`${sql}\0`);
  const message = new Uint8Array(5 + text.length);
  message[0] = 0x51; // 'Q'
  new DataView(message.buffer).setInt32(1, 4 + text.length);
  message.set(text, 5);
  return message;
}

function startup(applicationName: string) {
  const body = new TextEncoder().encode(`user\0postgres\0application_name\0${applicationName}\0\0`);
  const message = new Uint8Array(8 + body.length);
  const view = new DataView(message.buffer);
  view.setInt32(0, message.length);
  view.setInt32(4, 196608);
  message.set(body, 8);
  return message;
}

function fakeSession() {
  const runs: Run[] = [];
  const session = {
    runExclusive: <T>(fn: () => Promise<T>) => fn(),
    isInTransaction: () => false,
    async execProtocolRawStream(message: Uint8Array) {
      if (message[0] !== 0x51) return; // a startup message
      const sql = new TextDecoder().decode(message.subarray(5, message.length - 1));
      runs.push({ sql, at: Date.now(), waiting: queue.getQueueLength() });
      const ms = Number(/took (\d+)/.exec(sql)?.[1] ?? 0);
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
  };
  const queue = new SessionQueryQueue(session as unknown as PGlite, () => Date.now());
  let nextHandler = 1;
  const connect = (background: boolean) => {
    const handler = nextHandler++;
    void queue.enqueue(
      handler,
      startup(background ? `${BACKGROUND_APPLICATION}-import` : "comeback"),
      () => {},
    );
    return (sql: string) => queue.enqueue(handler, query(sql), () => {});
  };
  return { runs, connect };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("embedded session queue order", () => {
  it("serves waiting requests before a background statement that has waited less than the cap", async () => {
    const { runs, connect } = fakeSession();
    const page = connect(false);
    const other = connect(false);
    const importer = connect(true);
    void page("page 1 took 50");
    void importer("import step took 50");
    void other("other page took 50");
    void page("page 2 took 50");
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.map((r) => r.sql)).toEqual([
      "page 1 took 50",
      "other page took 50",
      "page 2 took 50",
      "import step took 50",
    ]);
    // Alone, it still waited for requests to pause (the gap between a request's statements).
    expect(runs[3].at).toBe(150 + BACKGROUND_GRACE_MS);
  });

  it("runs a background statement that has waited the cap even while requests keep coming", async () => {
    const { runs, connect } = fakeSession();
    const importer = connect(true);
    // A steady stream: a new request every 50 ms for 3 s, each taking 60 ms, so one always waits.
    const pages = Array.from({ length: 6 }, () => connect(false));
    for (let i = 0; i < 60; i++) setTimeout(() => void pages[i % pages.length](`page ${i} took 60`), i * 50);
    void importer("import step 1 took 20");
    await vi.advanceTimersByTimeAsync(1000);
    void importer("import step 2 took 20");
    await vi.advanceTimersByTimeAsync(10_000);

    const step1 = runs.find((r) => r.sql.startsWith("import step 1"))!;
    const step2 = runs.find((r) => r.sql.startsWith("import step 2"))!;
    // Each goes at the end of the request running when it reached the cap, with requests waiting.
    expect(step1.at).toBeGreaterThanOrEqual(BACKGROUND_MAX_WAIT_MS);
    expect(step1.at).toBeLessThan(BACKGROUND_MAX_WAIT_MS + 60);
    expect(step1.waiting).toBeGreaterThan(0);
    expect(step2.at).toBeGreaterThanOrEqual(1000 + BACKGROUND_MAX_WAIT_MS);
    expect(step2.at).toBeLessThan(1000 + BACKGROUND_MAX_WAIT_MS + 60);
    expect(step2.waiting).toBeGreaterThan(0);
    // Requests that came before the cap went first; every request was still served.
    expect(runs.filter((r) => r.at < step1.at).every((r) => r.sql.startsWith("page"))).toBe(true);
    expect(runs.filter((r) => r.sql.startsWith("page"))).toHaveLength(60);
  });
});
