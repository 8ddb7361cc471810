import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { dispatchOnce, SmtpTransport } from "~/platform/mailer/dispatcher.server";
import { campaignValues, createLaunchedCampaign } from "../../../test/factories/campaigns";
import { pauseCampaign, resumeCampaign } from "./control-campaign.server";
import { createCampaign } from "./create-campaign.server";
import { getCampaignPage } from "./get-campaign-page.server";
import { launchCampaign } from "./launch-campaign.server";
import { fanOut, settleCampaign, snapshotAudience } from "./run-campaign.server";
import { unsubscribeByToken } from "~/modules/preferences/unsubscribe-by-token.server";

/**
 * HARDENING.md: SMTP down or answering 4xx for a while during a campaign -> nothing lost, user
 * actions still succeed, delivery resumes by itself, each recipient gets exactly one email.
 * 1,000 recipients go through the real dispatcher to an in-process SMTP server that is first
 * not listening at all, then refuses some messages with 451, then accepts everything.
 */

const RECIPIENTS = 1000;
type Received = { messageId: string; to: string[]; raw: string };
const received: Received[] = [];
let refuseEvery = 0; // answer 451 to every n-th message while > 0
let dataCommands = 0;
let server: SMTPServer | undefined;

function startServer(port: number) {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        dataCommands++;
        if (refuseEvery > 0 && dataCommands % refuseEvery === 0) {
          const error = Object.assign(new Error("Try again later: mailbox busy"), { responseCode: 451 });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? "";
        received.push({ messageId, to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  return new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
}

async function freePort() {
  const probe = new SMTPServer({ logger: false });
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.server.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe("a 1,000-message campaign through an SMTP outage", () => {
  it("delivers every recipient's email exactly once after the server recovers", async () => {
    // The fastest throttle (10 ms apart, the factory's), so the test does not wait for the pace.
    const {
      campaignId: id,
      actor,
      segment,
    } = await createLaunchedCampaign({ recipients: RECIPIENTS, seed: 4242, fanOut: true });
    expect(await db.outboxMessage.count({ where: { campaignId: id } })).toBe(RECIPIENTS);
    // Retries here are milliseconds apart, so a slow machine retries the same messages in every
    // round while the server is down, and the 451s fall on set places in the order of sending: a
    // message could use its 8 attempts in the test's few seconds (and be set aside, by design) where
    // real backoff (30 s doubling up to an hour) spreads them over hours. Enough attempts that only a lost or doubled email fails.
    await db.outboxMessage.updateMany({ where: { campaignId: id }, data: { maxAttempts: 100 } });
    // A reminder to the same people, queued for next week.
    const reminder = await createCampaign({
      actor,
      values: campaignValues(segment.id, {
        template: "return-reminder",
        invitedOn: "2026-11-01",
        sendAt: new Date(Date.now() + 7 * 86_400_000),
      }),
    });
    await launchCampaign({ actor, campaignId: reminder.id });
    await snapshotAudience(reminder.id);
    await fanOut(reminder.id);
    expect(await db.outboxMessage.count({ where: { campaignId: reminder.id, status: "queued" } })).toBe(
      RECIPIENTS,
    );

    const port = await freePort();
    const transport = new SmtpTransport(`smtp://127.0.0.1:${port}`, "Comeback <people@comeback.test>", {
      maxConnections: 4,
    });
    const options = {
      transport,
      workerId: "campaign-test",
      batchSize: 100,
      retryBaseMs: 5,
      retryMaxMs: 40,
      concurrency: 4,
    };
    try {
      // 1. The SMTP server is down: nothing is lost, messages wait to be retried.
      let failed = 0;
      for (let i = 0; i < 3; i++) failed += (await dispatchOnce(options)).failed;
      expect(failed).toBeGreaterThan(0);
      expect(received).toHaveLength(0);
      expect(await db.outboxMessage.count({ where: { campaignId: id, status: "sent" } })).toBe(0);

      // HR can still pause and resume while mail is down.
      await pauseCampaign({ actor, campaignId: id });
      expect((await dispatchOnce(options)).claimed).toBe(0);
      await resumeCampaign({ actor, campaignId: id });

      // 2. It comes back, but refuses every fourth message with a temporary 451 for a while.
      refuseEvery = 4;
      await startServer(port);
      let rounds = 0;
      for (;;) {
        const waiting = await db.outboxMessage.count({
          where: { campaignId: id, status: { in: ["queued", "failed", "sending"] } },
        });
        if (waiting === 0) break;
        if (dataCommands > 300) refuseEvery = 0; // 3. fully recovered
        const result = await dispatchOnce(options);
        if (result.claimed === 0) await new Promise((r) => setTimeout(r, 20));
        if (++rounds > 5000) throw new Error("The queue did not drain.");
      }
    } finally {
      transport.close();
    }

    const statuses = await db.outboxMessage.groupBy({
      by: ["status"],
      where: { campaignId: id },
      _count: { _all: true },
    });
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count._all]))).toEqual({ sent: RECIPIENTS });
    // Exactly once, counted by Message-ID on the wire, and once per recipient address.
    const ids = received.map((r) => r.messageId);
    expect(ids.every((m) => m.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(RECIPIENTS);
    expect(received).toHaveLength(RECIPIENTS);
    const recipients = await db.campaignRecipient.findMany({
      where: { campaignId: id },
      select: { address: true },
    });
    expect(new Set(received.flatMap((r) => r.to))).toEqual(new Set(recipients.map((r) => r.address)));
    const stored = await db.outboxMessage.findMany({
      where: { campaignId: id },
      select: { messageId: true },
    });
    expect(new Set(stored.map((m) => m.messageId))).toEqual(new Set(ids));
    // What arrived carries the one-click unsubscribe headers and no tracking pixel.
    // Exactly one pair of each, on every message.
    for (const { raw } of received) {
      const head = raw.slice(0, raw.search(/\r?\n\r?\n/));
      expect(head.match(/^List-Unsubscribe:/gim)).toHaveLength(1);
      expect(head.match(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/gim)).toHaveLength(1);
      // From the employer's sender (the demo branding), not the app's own address (ADR 036).
      expect(head).toMatch(/^From: "?Fjord Pay People Team"? <people@fjordpay\.example>$/im);
    }
    const sample = received[0].raw;
    expect(sample).not.toMatch(/<img[^>]+width="1"/i);
    console.info(
      `campaign outage test: ${RECIPIENTS} queued, ${received.length} delivered, ${new Set(ids).size} distinct Message-IDs, ${dataCommands - received.length} refused with 451 and retried`,
    );

    expect(await settleCampaign(id)).toBeNull();
    const view = await getCampaignPage({ campaignId: id });
    expect(view.campaign.status).toBe("completed");
    expect(view.progress).toMatchObject({ sent: RECIPIENTS, queued: 0, held: 0, failed: 0, set_aside: 0 });

    // The token in the header's URL is the one the one-click POST (RFC 8058) acts on (the POST
    // itself over HTTP: test/http/campaigns.test.ts): that person is unsubscribed, and the
    // outbox cancels their queued reminder; everyone else's stays queued.
    const url = /^List-Unsubscribe:\s*<([^>]+)>/im.exec(sample.replace(/\r?\n[ \t]+/g, " "))![1];
    const token = decodeURIComponent(new URL(url).pathname.split("/").pop()!);
    const person = await db.outboxMessage.findFirstOrThrow({
      where: { campaignId: id, messageId: received[0].messageId },
      select: { alumnusId: true },
    });
    expect(url).toMatch(/\/unsubscribe\/[^/]+$/);
    expect(await unsubscribeByToken({ token })).toMatchObject({ ok: true, changed: true, cancelled: 1 });
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: person.alumnusId! } })).consentReturn).toBe(
      "withdrawn",
    );
    const theirs = await db.outboxMessage.findFirstOrThrow({
      where: { campaignId: reminder.id, alumnusId: person.alumnusId },
    });
    expect(theirs.status).toBe("cancelled");
    expect(await db.outboxMessage.count({ where: { campaignId: reminder.id, status: "queued" } })).toBe(
      RECIPIENTS - 1,
    );
  }, 180_000); // A thousand messages through a real SMTP server: minutes on a loaded machine.
});
