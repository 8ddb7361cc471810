import path from "node:path";
import { threadId } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { startWorkerThread, type WorkerClient } from "./worker-thread.server";

const fixture = path.join(import.meta.dirname, "../../test/fixtures/worker-thread-module.ts");
type Reply = { text: string; threadId: number };
let client: WorkerClient<string, Reply> | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

describe("worker threads", () => {
  it("runs a TypeScript module in another thread; requests sent before it loaded wait for it", async () => {
    client = startWorkerThread<string, Reply>(fixture, { name: "test" });
    expect(client.ready).toBe(false);
    const replies = Promise.all([client.call("one"), client.call("two")]);
    await client.started;
    expect(client.ready).toBe(true);
    const [one, two] = await replies;
    expect(one.text).toBe("ONE");
    expect(two.text).toBe("TWO");
    expect(one.threadId).not.toBe(threadId);
  });

  it("passes a request's error back to its caller; the thread keeps serving", async () => {
    client = startWorkerThread<string, Reply>(fixture, { name: "test" });
    await expect(client.call("fail")).rejects.toThrow("Refused on purpose.");
    expect((await client.call("again")).text).toBe("AGAIN");
  });

  it("rejects what is still waiting when the thread ends, and every later request", async () => {
    client = startWorkerThread<string, Reply>(fixture, { name: "test" });
    await client.started;
    await expect(client.call("exit")).rejects.toThrow("The test thread stopped (exit code 3).");
    expect(client.ready).toBe(false);
    await expect(client.call("later")).rejects.toThrow("The test thread stopped (exit code 3).");
  });

  it("reports a module that cannot load", async () => {
    client = startWorkerThread<string, Reply>(path.join(import.meta.dirname, "no-such-module.ts"), {
      name: "test",
    });
    await expect(client.started).rejects.toThrow(/The test thread failed: .*no-such-module/);
    await expect(client.call("anything")).rejects.toThrow(/The test thread failed/);
  });
});
