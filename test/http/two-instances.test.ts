import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { resetEnvCache } from "~/platform/env.server";
import { createLaunchedCampaign } from "../factories/campaigns";
import { startTestApp, type TestApp } from "../setup/app-server";
import { startSmtpSink, type SmtpSink } from "../smtp/sink";

/**
 * HARDENING.md: two app instances on one database -> each email once, each job once. Two
 * servers of the built app run side by side on this file's database, each with its own outbox
 * dispatcher and job runner (in this test process, so they share its database pool; separate
 * processes would meet in the database the same way: SKIP LOCKED claims with leases),
 * delivering to one SMTP server. HR launches a campaign to 300
 * people from one instance; the launch job is claimed by one runner, and every invitation
 * arrives exactly once (counted by Message-ID at the server), whichever dispatcher sent it.
 */
const RECIPIENTS = 300;
let sink: SmtpSink;
let first: TestApp;
let second: TestApp;
const previousSmtpUrl = process.env.SMTP_URL;

beforeAll(async () => {
  sink = await startSmtpSink();
  first = await startTestApp({ workers: true, env: { SMTP_URL: sink.url() } });
  second = await startTestApp({ workers: true, env: { SMTP_URL: sink.url() } });
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await sink?.close();
  if (previousSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = previousSmtpUrl;
  resetEnvCache();
});

describe("two app instances on one database", () => {
  it("run a campaign's launch job once and deliver each email once", async () => {
    // Launching queues the job; both instances' runners look for it.
    const { campaignId: id } = await createLaunchedCampaign({ recipients: RECIPIENTS, seed: 1717 });

    await expect.poll(() => sink.counts.size, { timeout: 120_000, interval: 250 }).toBe(RECIPIENTS);
    // Give a second delivery of anything the time to happen, if it were going to.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(sink.duplicates()).toEqual([]);
    expect(sink.received()).toBe(RECIPIENTS);
    expect(await db.outboxMessage.count({ where: { campaignId: id } })).toBe(RECIPIENTS);
    expect(await db.outboxMessage.count({ where: { campaignId: id, status: "sent" } })).toBe(RECIPIENTS);
    const jobs = await db.job.findMany({
      where: { payload: { path: ["campaignId"], equals: id } },
      select: { kind: true, status: true, attempts: true, runAfter: true },
    });
    // Jobs that were due ran once each (a later check may wait, not yet due, never started).
    const ran = jobs.filter((j) => j.status !== "queued");
    expect(ran.length).toBeGreaterThan(0);
    for (const job of ran) expect(job, job.kind).toMatchObject({ status: "done", attempts: 1 });
    for (const job of jobs.filter((j) => j.status === "queued")) {
      expect(job.attempts, job.kind).toBe(0);
      expect(job.runAfter.getTime(), job.kind).toBeGreaterThan(Date.now());
    }
    const senders = await db.outboxMessage.groupBy({
      by: ["leasedBy"],
      where: { campaignId: id },
      _count: true,
    });
    console.log(
      `two instances: ${RECIPIENTS} recipients, ${sink.received()} emails received, 0 duplicated; ${ran.length} job(s) run, each once; sent by ${senders.length} dispatcher(s) (${senders.map((s) => s._count).join(" + ")})`,
    );
  }, 180_000);
});
