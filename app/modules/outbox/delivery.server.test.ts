import { randomUUID } from "node:crypto";
import { simpleParser } from "mailparser";
import { signAnswerToken, verifyAnswerToken } from "~/modules/invitation-answers/answer-token.server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerBackgroundWork } from "~/modules/background.server";
import { retryOutboxMessage } from "./retry-outbox-message.server";
import { unsubscribeByToken } from "~/modules/preferences/unsubscribe-by-token.server";
import { createAlumnus, createStaffUser, staffActor, unique } from "../../../test/factories";
import { countTried, HEADER_INJECTION_PAYLOADS, triedSummary } from "../../../test/hostile/payloads";
import { startSmtpSink, type SmtpSink } from "../../../test/smtp/sink";
import { db } from "~/platform/db.server";
import {
  dispatchOnce,
  SmtpTransport,
  startDispatcher,
  type DispatcherOptions,
} from "~/platform/mailer/dispatcher.server";
import { queueEmail, queueEmails, type QueueEmailInput } from "~/platform/mailer/mailer.server";
import {
  cancelThrottledEmails,
  countThrottledEmails,
  HELD_UNTIL,
  holdThrottledEmails,
  queueThrottledEmails,
  rescheduleThrottledEmails,
} from "~/platform/mailer/throttle.server";
import {
  signPreferencesToken,
  signUnsubscribeToken,
  unsubscribeLinks,
  verifyPreferencesToken,
  verifyUnsubscribeToken,
} from "~/platform/mailer/unsubscribe.server";

/**
 * The outbox against a real SMTP server (smtp-server in process, with a TCP relay that can
 * refuse connections) and a real database: exactly-once delivery through outages and with two
 * dispatchers, 4xx backoff, 5xx set aside and retried, expired leases, unsubscribe honoured by
 * queued mail, header injection, throttles.
 */

let sink: SmtpSink;
const transports: SmtpTransport[] = [];
const figures: string[] = [];

beforeAll(async () => {
  registerBackgroundWork();
  sink = await startSmtpSink({ keepRaw: true });
});
afterAll(async () => {
  await sink?.close();
  for (const line of figures) console.log(line);
  console.log(`hostile inputs tried (outbox): ${triedSummary()}`);
});
afterEach(async () => {
  for (const t of transports.splice(0)) t.close();
  sink.setDown(false);
  await sink.restoreConnections();
});

function transport() {
  const t = new SmtpTransport(sink.url(), "Comeback <people@comeback.localhost>", { maxConnections: 5 });
  transports.push(t);
  return t;
}

const FAST: Partial<DispatcherOptions> = { retryBaseMs: 200, retryMaxMs: 2000, leaseMs: 30_000 };

function message(to: string, overrides: Partial<QueueEmailInput> = {}): QueueEmailInput {
  return {
    template: "staff-invitation",
    purpose: "transactional",
    to: { address: to, name: "Test Person" },
    email: { subject: `Hello ${to}`, html: `<p>Hello ${to}</p>`, text: `Hello ${to}` },
    ...overrides,
  };
}

async function queueMany(prefix: string, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 500) {
    const chunk = Array.from({ length: Math.min(500, n - i) }, (_, j) =>
      message(`${prefix}-${i + j}@example.org`, { throttleKey: prefix }),
    );
    ids.push(...(await db.$transaction((tx) => queueEmails(tx, chunk))).map((r) => r.id));
  }
  return ids;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 120_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function statusCounts(throttleKey: string) {
  return countThrottledEmails(db, throttleKey);
}

describe("delivery through an SMTP outage", () => {
  it("delivers each of 1,000 messages exactly once when the server goes down part way and comes back", async () => {
    const key = unique("outage");
    const ids = await queueMany(key, 1000);
    const rows = await db.outboxMessage.findMany({ where: { id: { in: ids } }, select: { messageId: true } });
    const dispatcher = startDispatcher({
      ...FAST,
      transport: transport(),
      idleMs: 50,
      batchSize: 50,
      concurrency: 5,
    });
    try {
      await waitFor("300 messages before the outage", async () => sink.received() >= 300);
      // The server starts answering 421, then stops accepting connections at all.
      sink.setDown(true);
      await waitFor("no transaction in flight", async () => sink.inFlight() === 0);
      // The sink counts a message before its 250 reply has crossed the relay: cutting now could
      // drop a reply the dispatcher never saw, which SMTP can only answer with a second copy.
      // Cut once every message the sink holds is recorded as sent, i.e. its reply arrived.
      await waitFor("every accepted message acknowledged", async () => {
        const accepted = rows.filter((r) => sink.counts.has(r.messageId)).length;
        return (await statusCounts(key)).sent === accepted;
      });
      await sink.cutConnections();
      const receivedAtOutage = sink.received();
      await waitFor("failures recorded during the outage", async () => {
        const c = await statusCounts(key);
        return c.failed >= 200;
      });
      const during = await statusCounts(key);
      sink.setDown(false);
      await sink.restoreConnections();
      const recoveredAt = Date.now();
      await waitFor("every message sent after recovery", async () => (await statusCounts(key)).sent === 1000);
      const drainMs = Date.now() - recoveredAt;
      const final = await statusCounts(key);
      expect(final).toMatchObject({
        sent: 1000,
        failed: 0,
        set_aside: 0,
        queued: 0,
        sending: 0,
        cancelled: 0,
      });
      for (const r of rows) expect(sink.counts.get(r.messageId), r.messageId).toBe(1);
      expect(sink.duplicates()).toEqual([]);
      const retried = await db.outboxMessage.count({ where: { id: { in: ids }, attempts: { gt: 1 } } });
      expect(retried).toBeGreaterThanOrEqual(200);
      figures.push(
        `outbox outage: queued 1000, delivered ${rows.filter((r) => sink.counts.get(r.messageId) === 1).length}, lost 0, duplicated ${sink.duplicates().length}; ` +
          `${receivedAtOutage} delivered before the outage, ${during.failed} waiting to retry during it, ${retried} needed more than one attempt; drained ${drainMs} ms after recovery`,
      );
    } finally {
      await dispatcher.stop();
    }
  });
});

describe("several dispatchers", () => {
  it("two dispatchers on one queue of 1,000 deliver each message once", async () => {
    const key = unique("pair");
    const ids = await queueMany(key, 1000);
    const a = startDispatcher({
      ...FAST,
      transport: transport(),
      workerId: "instance-a",
      idleMs: 20,
      batchSize: 25,
    });
    const b = startDispatcher({
      ...FAST,
      transport: transport(),
      workerId: "instance-b",
      idleMs: 20,
      batchSize: 25,
    });
    try {
      await waitFor("all sent", async () => (await statusCounts(key)).sent === 1000);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const rows = await db.outboxMessage.findMany({
      where: { id: { in: ids } },
      select: { messageId: true, leasedBy: true, attempts: true },
    });
    for (const r of rows) expect(sink.counts.get(r.messageId)).toBe(1);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const byA = rows.filter((r) => r.leasedBy === "instance-a").length;
    const byB = rows.filter((r) => r.leasedBy === "instance-b").length;
    expect(byA + byB).toBe(1000);
    expect(byA).toBeGreaterThan(0);
    expect(byB).toBeGreaterThan(0);
    figures.push(`outbox two dispatchers: 1000 queued, ${byA} + ${byB} sent, 0 duplicated`);
  });

  it("takes over a message whose dispatcher died mid-lease, with the same Message-ID", async () => {
    const to = `${unique("lease")}@example.org`;
    const queued = await db.$transaction((tx) => queueEmail(tx, message(to)));
    // Another instance claimed it and died: the row is 'sending' under a lease that ran out.
    await db.outboxMessage.update({
      where: { id: queued.id },
      data: {
        status: "sending",
        leasedBy: "dead-instance",
        attempts: 1,
        leaseUntil: new Date(Date.now() - 1000),
      },
    });
    const result = await dispatchOnce({ ...FAST, transport: transport(), workerId: "survivor" });
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({
      status: "sent",
      leasedBy: "survivor",
      attempts: 2,
      messageId: queued.messageId,
    });
    expect(sink.counts.get(queued.messageId)).toBe(1);
  });

  it("does not take a message whose lease is still running", async () => {
    const queued = await db.$transaction((tx) => queueEmail(tx, message(`${unique("held")}@example.org`)));
    await db.outboxMessage.update({
      where: { id: queued.id },
      data: { status: "sending", leasedBy: "alive", attempts: 1, leaseUntil: new Date(Date.now() + 60_000) },
    });
    await dispatchOnce({ ...FAST, transport: transport(), workerId: "other" });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: "sending",
      leasedBy: "alive",
    });
    expect(sink.counts.get(queued.messageId)).toBeUndefined();
    await db.outboxMessage.update({
      where: { id: queued.id },
      data: { status: "cancelled", leaseUntil: null },
    });
  });
});

describe("failures", () => {
  it("retries a 4xx with exponential backoff and jitter, then delivers", async () => {
    const to = `${unique("busy")}@example.org`;
    sink.reject(to, { code: 451, message: "4.7.1 Try again later", times: 2 });
    const queued = await db.$transaction((tx) => queueEmail(tx, message(to)));
    const t = transport();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      await dispatchOnce({ transport: t, retryBaseMs: 1000, retryMaxMs: 60_000 });
      const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } });
      expect(row.status).toBe("failed");
      expect(row.attempts).toBe(attempt);
      const failures = row.failures as { kind: string; responseCode?: number; error: string }[];
      const failedAt = new Date((failures[failures.length - 1] as unknown as { at: string }).at).getTime();
      delays.push(row.nextAttemptAt.getTime() - failedAt);
      expect(failures).toHaveLength(attempt);
      expect(failures[attempt - 1]).toMatchObject({ kind: "temporary", responseCode: 451 });
      // Not due yet: another pass leaves it alone.
      expect((await dispatchOnce({ transport: t })).claimed).toBe(0);
      await db.outboxMessage.update({ where: { id: queued.id }, data: { nextAttemptAt: new Date() } });
    }
    // Backoff ceiling doubles per attempt; the delay lies between half and all of it (allowing clock rounding).
    expect(delays[0]).toBeGreaterThanOrEqual(490);
    expect(delays[0]).toBeLessThanOrEqual(1010);
    expect(delays[1]).toBeGreaterThanOrEqual(990);
    expect(delays[1]).toBeLessThanOrEqual(2010);
    await dispatchOnce({ transport: t });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(sink.counts.get(queued.messageId)).toBe(1);
  });

  it("sets a 5xx aside at once; a retry by hand (audited) delivers it with the same Message-ID", async () => {
    const to = `${unique("refused")}@example.org`;
    sink.reject(to, { code: 550, message: "5.1.1 Mailbox unavailable", times: 1 });
    const queued = await db.$transaction((tx) => queueEmail(tx, message(to)));
    await dispatchOnce({ ...FAST, transport: transport() });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.status).toBe("set_aside");
    expect(row.lastError).toMatch(/Mailbox unavailable/);
    expect(row.failures).toMatchObject([{ kind: "permanent", responseCode: 550, attempt: 1 }]);
    expect((await dispatchOnce({ ...FAST, transport: transport() })).claimed).toBe(0);

    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    await retryOutboxMessage({ actor: hr, messageId: queued.id, reason: "Their mailbox is back" });
    await expect(retryOutboxMessage({ actor: hr, messageId: queued.id })).rejects.toMatchObject({
      code: "conflict",
    });
    await dispatchOnce({ ...FAST, transport: transport() });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: "sent",
      attempts: 2,
      messageId: queued.messageId,
    });
    expect(sink.counts.get(queued.messageId)).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "outbox.retried", entityId: queued.id },
    });
    expect(audit).toMatchObject({ actorId: hr.id, reason: "Their mailbox is back" });
  });

  it("sets a message aside after its last temporary failure", async () => {
    const to = `${unique("never")}@example.org`;
    sink.reject(to, { code: 452, message: "4.2.2 Mailbox full", times: 10 });
    const queued = await db.$transaction(async (tx) => {
      const q = await queueEmail(tx, message(to));
      await tx.outboxMessage.update({ where: { id: q.id }, data: { maxAttempts: 3 } });
      return q;
    });
    for (let i = 0; i < 3; i++) {
      await db.outboxMessage.updateMany({
        where: { id: queued.id, status: { in: ["queued", "failed"] } },
        data: { nextAttemptAt: new Date() },
      });
      await dispatchOnce({ ...FAST, transport: transport() });
    }
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: "set_aside",
      attempts: 3,
    });
  });
});

describe("unsubscribe honoured by queued mail", () => {
  async function outreach(
    alumnusId: string,
    to: string,
    purpose: "return_opportunities" | "news" = "return_opportunities",
  ) {
    return db.$transaction((tx) =>
      queueEmail(tx, message(to, { template: "return-invitation", purpose, alumnusId })),
    );
  }

  it("cancels waiting mail when the person unsubscribes, and the last look catches the rest at send time", async () => {
    const to = `${unique("alum")}@example.org`;
    const alumnus = await createAlumnus(db, {
      consentReturn: "granted",
      consentNews: "granted",
      personalEmail: to,
    });
    const first = await outreach(alumnus.id, to);
    const news = await outreach(alumnus.id, to, "news");
    const result = await unsubscribeByToken({
      token: signUnsubscribeToken({ alumnusId: alumnus.id, purpose: "return_opportunities" }),
    });
    expect(result).toMatchObject({ ok: true, changed: true, cancelled: 1 });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "cancelled",
    });

    // Claimed before the change is seen elsewhere: consent withdrawn by another path, mail already queued.
    const later = await outreach(alumnus.id, to);
    const transactional = await db.$transaction((tx) =>
      queueEmail(tx, message(to, { alumnusId: alumnus.id })),
    );
    await db.outboxMessage.update({ where: { id: later.id }, data: { status: "queued" } });
    const outcome = await dispatchOnce({ ...FAST, transport: transport() });
    expect(outcome.cancelled).toBeGreaterThanOrEqual(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({
      status: "cancelled",
      lastError: expect.stringMatching(/unsubscribed/),
    });
    expect(sink.counts.get(later.messageId)).toBeUndefined();
    expect(sink.counts.get(first.messageId)).toBeUndefined();
    // Other purposes and transactional mail still go.
    expect(sink.counts.get(news.messageId)).toBe(1);
    expect(sink.counts.get(transactional.messageId)).toBe(1);

    // Idempotent: a second one-click changes nothing and writes no second audit event.
    const again = await unsubscribeByToken({
      token: signUnsubscribeToken({ alumnusId: alumnus.id, purpose: "return_opportunities" }),
    });
    expect(again).toMatchObject({ ok: true, changed: false, cancelled: 0 });
    expect(
      await db.auditEvent.count({ where: { action: "alumnus.unsubscribed", entityId: alumnus.id } }),
    ).toBe(1);
  });

  it("cancels at send time for do-not-contact and erased records", async () => {
    const to = `${unique("dnc")}@example.org`;
    const alumnus = await createAlumnus(db, { consentReturn: "granted" });
    const m = await outreach(alumnus.id, to);
    await db.alumnus.update({ where: { id: alumnus.id }, data: { doNotContact: true } });
    const gone = await createAlumnus(db, { consentReturn: "granted" });
    const m2 = await outreach(gone.id, `${unique("gone")}@example.org`);
    await db.alumnus.delete({ where: { id: gone.id } });
    await dispatchOnce({ ...FAST, transport: transport() });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      status: "cancelled",
      lastError: expect.stringMatching(/do-not-contact/),
    });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: m2.id } })).toMatchObject({
      status: "cancelled",
      lastError: expect.stringMatching(/no longer exists/),
    });
  });

  it("signs links for imported people, whose ids are UUIDs (issue 11)", async () => {
    const id = randomUUID();
    const token = signUnsubscribeToken({ alumnusId: id, purpose: "return_opportunities" });
    expect(verifyUnsubscribeToken(token)).toEqual({ alumnusId: id, purpose: "return_opportunities" });
    const preferences = signPreferencesToken({ alumnusId: id, purpose: "news" });
    expect(verifyPreferencesToken(preferences)).toMatchObject({
      status: "valid",
      alumnusId: id,
      purpose: "news",
    });
    const expiresAt = new Date(Date.now() + 86_400_000);
    expect(
      verifyAnswerToken(signAnswerToken({ alumnusId: id, campaignId: randomUUID(), expiresAt })),
    ).toMatchObject({ status: "valid", alumnusId: id });
    // Still no dots, slashes or other punctuation in an id.
    for (const bad of [`${id}.x`, "../../etc", "-leading-hyphen", "short"])
      expect(() => signUnsubscribeToken({ alumnusId: bad, purpose: "news" }), bad).toThrow();
  });

  it("refuses tampered tokens and changes nothing", async () => {
    const alumnus = await createAlumnus(db, { consentReturn: "granted", consentNews: "granted" });
    const other = await createAlumnus(db, { consentReturn: "granted" });
    const token = signUnsubscribeToken({ alumnusId: alumnus.id, purpose: "news" });
    expect(verifyUnsubscribeToken(token)).toEqual({ alumnusId: alumnus.id, purpose: "news" });
    const [id, code, sig] = token.split(".");
    const tampered = [
      `${other.id}.${code}.${sig}`, // someone else's id under this signature
      `${id}.r.${sig}`, // another purpose
      `${id}.${code}.${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`,
      `${id}.${code}`,
      `${id}.${code}.${sig}.x`,
      "",
      "a".repeat(500),
      `${id}.${code}.${sig}`.toUpperCase(),
    ];
    for (const t of tampered) {
      expect(verifyUnsubscribeToken(t), t).toBeNull();
      expect(await unsubscribeByToken({ token: t })).toEqual({ ok: false });
    }
    expect(await db.alumnus.findUniqueOrThrow({ where: { id: alumnus.id } })).toMatchObject({
      consentReturn: "granted",
      consentNews: "granted",
    });
    expect(await db.alumnus.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      consentReturn: "granted",
    });
    // The token names no address or name.
    expect(token).not.toMatch(/@|%40/);
    expect(token).not.toContain(alumnus.firstName);
  });

  it("puts List-Unsubscribe and one-click headers on outreach mail only", async () => {
    const to = `${unique("hdr")}@example.org`;
    const alumnus = await createAlumnus(db, { consentNews: "granted" });
    const m = await outreach(alumnus.id, to, "news");
    const t = await db.$transaction((tx) => queueEmail(tx, message(`${unique("tx")}@example.org`)));
    await dispatchOnce({ ...FAST, transport: transport() });
    const raw = (id: string) => sink.mails.find((x) => x.messageId === id)!.raw;
    const parsed = await simpleParser(raw(m.messageId));
    const links = unsubscribeLinks({ alumnusId: alumnus.id, purpose: "news" });
    expect(parsed.headers.get("list")).toEqual({
      unsubscribe: { url: links.unsubscribeUrl },
      "unsubscribe-post": { name: "List-Unsubscribe=One-Click" },
    });
    expect(raw(m.messageId).replace(/\r\n[ \t]+/g, " ")).toContain(
      `List-Unsubscribe: <${links.unsubscribeUrl}>`,
    );
    const plain = await simpleParser(raw(t.messageId));
    expect(plain.headers.has("list")).toBe(false);
    // A non-transactional message without its alumnus cannot be queued (it could not be unsubscribed from).
    await expect(db.$transaction((tx) => queueEmail(tx, message(to, { purpose: "news" })))).rejects.toThrow(
      /needs the alumnus/,
    );
  });
});

describe("header injection", () => {
  it("no hostile name, subject or header value creates a header on the wire", async () => {
    const alumnus = await createAlumnus(db, { consentNews: "granted" });
    const sent: { messageId: string; payload: string }[] = [];
    for (const payload of HEADER_INJECTION_PAYLOADS) {
      const to = `${unique("inj")}@example.org`;
      const q = await db.$transaction((tx) =>
        queueEmail(tx, {
          ...message(to, { purpose: "news", template: "phase-change-notice", alumnusId: alumnus.id }),
          to: { address: to, name: payload },
          email: { subject: payload, html: "<p>x</p>", text: "x" },
          headers: {
            "X-Campaign": payload,
            [`X-Note${payload}`]: "v",
            "List-Unsubscribe": `<https://evil.example/${payload}>`,
            Bcc: "victim@example.com",
          },
          throttleKey: payload,
        }),
      );
      sent.push({ messageId: q.messageId, payload });
      countTried("header injection", 1);
    }
    await dispatchOnce({ ...FAST, transport: transport() });
    for (const { messageId } of sent) {
      const mail = sink.mails.find((x) => x.messageId === messageId)!;
      const head = mail.raw.slice(0, mail.raw.indexOf("\r\n\r\n"));
      expect(head).not.toMatch(/^(bcc|cc|subject: hijacked|to: victim)/im);
      expect(head).not.toContain("evil.example");
      expect(mail.rcptTo).toHaveLength(1);
      const parsed = await simpleParser(mail.raw);
      expect(parsed.bcc).toBeUndefined();
      expect(parsed.cc).toBeUndefined();
      expect(parsed.headers.get("list")).toEqual({
        unsubscribe: { url: unsubscribeLinks({ alumnusId: alumnus.id, purpose: "news" }).unsubscribeUrl },
        "unsubscribe-post": { name: "List-Unsubscribe=One-Click" },
      });
    }
  });
});

describe("throttle", () => {
  it("spaces messages to the rate, continues the schedule, holds, resumes and cancels by key", async () => {
    const alumni = await Promise.all([1, 2, 3].map(() => createAlumnus(db, { consentReturn: "granted" })));
    const key = `campaign:${unique("c")}`;
    const start = new Date(Date.now() + 3_600_000);
    const messages = alumni.map((a) =>
      message(`${unique("t")}@example.org`, {
        template: "return-invitation",
        purpose: "return_opportunities",
        alumnusId: a.id,
      }),
    );
    const first = await db.$transaction((tx) =>
      queueThrottledEmails(tx, { throttleKey: key, perHour: 60, startAt: start, messages }),
    );
    const second = await db.$transaction((tx) =>
      queueThrottledEmails(tx, { throttleKey: key, perHour: 60, messages: messages.slice(0, 1) }),
    );
    const rows = await db.outboxMessage.findMany({
      where: { throttleKey: key },
      orderBy: { nextAttemptAt: "asc" },
    });
    expect(rows.map((r) => r.nextAttemptAt.getTime() - start.getTime())).toEqual([
      0, 60_000, 120_000, 180_000,
    ]);
    expect(first.lastAt.getTime() - first.firstAt.getTime()).toBe(120_000);
    expect(second.firstAt.getTime() - start.getTime()).toBe(180_000);
    expect(await countThrottledEmails(db, key)).toMatchObject({ queued: 4, held: 0 });

    await db.$transaction((tx) => holdThrottledEmails(tx, key));
    expect(await countThrottledEmails(db, key)).toMatchObject({ queued: 0, held: 4 });
    expect(
      (await db.outboxMessage.findFirstOrThrow({ where: { throttleKey: key } })).nextAttemptAt.getTime(),
    ).toBe(HELD_UNTIL.getTime());

    const resumeAt = new Date(Date.now() + 7_200_000);
    await db.$transaction((tx) =>
      rescheduleThrottledEmails(tx, { throttleKey: key, perHour: 120, startAt: resumeAt }),
    );
    const after = await db.outboxMessage.findMany({
      where: { throttleKey: key },
      orderBy: { nextAttemptAt: "asc" },
    });
    expect(after.map((r) => r.nextAttemptAt.getTime() - resumeAt.getTime())).toEqual([
      0, 30_000, 60_000, 90_000,
    ]);

    const cancelled = await db.$transaction((tx) =>
      cancelThrottledEmails(tx, { throttleKey: key, reason: "Campaign cancelled by HR" }),
    );
    expect(cancelled.cancelled).toBe(4);
    expect(await countThrottledEmails(db, key)).toMatchObject({ cancelled: 4, queued: 0 });
    await expect(
      db.$transaction((tx) => queueThrottledEmails(tx, { throttleKey: key, perHour: 0, messages })),
    ).rejects.toThrow(/whole number/);
  });
});
