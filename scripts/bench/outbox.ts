/**
 * npm run bench:outbox — 10,000 queued messages delivered to a local SMTP sink (smtp-server in a
 * child process) through the outbox dispatcher, against the floor: a plain nodemailer pooled
 * loop sending the same messages to the same sink. Prints messages/s for both and ends with
 * `bench outbox: ratio <dispatcher / floor>`.
 *
 * Database: DATABASE_URL when set (a server database of your own; the bench removes what it
 * wrote), otherwise an embedded PostgreSQL in a temporary directory (never ./data).
 *   BENCH_MESSAGES=10000  BENCH_CONNECTIONS=5
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nodemailer, { type TransportOptions } from "nodemailer";
import { templateDefinition, type TemplateProps } from "../../emails/index";
import { registerBackgroundWork } from "../../app/modules/background.server";
import { renderTemplate } from "../../app/modules/outreach/render-template.server";
import { alumniEmailBrand } from "../../app/modules/portal/get-branding.server";
import { startEmbeddedPostgres } from "../../app/platform/db/embedded.server";
import { applyMigrations } from "../../app/platform/db/migrations.server";
import { db, disconnectDb } from "../../app/platform/db.server";
import { env } from "../../app/platform/env.server";
import { SmtpTransport, startDispatcher } from "../../app/platform/mailer/dispatcher.server";
import { queueThrottledEmails } from "../../app/platform/mailer/throttle.server";
import { buildAlumnus, createRng, insertAlumni } from "../../test/factories";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 5);
const here = path.dirname(fileURLToPath(import.meta.url));

type Stats = { received: number; unique: number; duplicates: number };

async function startSink() {
  const child = fork(path.join(here, "smtp-sink-process.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (m: { url: string }) => resolve(m.url));
    child.once("exit", (code) => reject(new Error(`The SMTP sink exited (${code}).`)));
  });
  let next = 0;
  const ask = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const id = ++next;
      const onMessage = (m: { id?: number }) => {
        if (m.id !== id) return;
        child.off("message", onMessage);
        resolve(m as T);
      };
      child.on("message", onMessage);
      child.send({ type, id });
    });
  return {
    url,
    stats: () => ask<Stats>("stats"),
    reset: () => ask("reset"),
    stop: (c: ChildProcess = child) => {
      c.send({ type: "stop" });
      return new Promise<void>((resolve) => c.once("exit", () => resolve()));
    },
  };
}

async function waitFor(sink: Awaited<ReturnType<typeof startSink>>, count: number) {
  for (;;) {
    const s = await sink.stats();
    if (s.received >= count) return s;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function main() {
  process.env.LOG_LEVEL ??= "warn";
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let tmp: string | undefined;
  const onServer = !!process.env.DATABASE_URL;
  if (!onServer) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-bench-outbox-"));
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg") });
    process.env.EMBEDDED_DATABASE_URL = embedded.url;
  }
  const url = process.env.DATABASE_URL ?? embedded!.url;
  await applyMigrations(url);
  registerBackgroundWork();
  const sink = await startSink();
  const key = `bench:${Date.now().toString(36)}`;
  const hrPrefix = `BENCH${Date.now().toString(36)}-`;
  try {
    // Realistic messages: a rendered invitation to return, one per alumnus, with the one-click headers.
    const rng = createRng(42);
    const seeds = Array.from({ length: MESSAGES }, (_, i) =>
      buildAlumnus(rng, {
        index: i,
        hrId: `${hrPrefix}${i}`,
        workEmail: `bench.${key.slice(6)}.${i}@example-fintech.com`,
        consentReturn: "granted",
      }),
    );
    const alumni: { id: string; hrId: string | null }[] = [];
    for (let i = 0; i < seeds.length; i += 1000)
      alumni.push(...(await db.$transaction((tx) => insertAlumni(tx, seeds.slice(i, i + 1000)))));
    const sample = templateDefinition("return-invitation").sample as TemplateProps<"return-invitation">;
    const email = await renderTemplate("return-invitation", sample, { brand: await alumniEmailBrand() });
    const inputs = alumni.map((a, i) => ({
      template: email.template,
      purpose: email.purpose,
      alumnusId: a.id,
      to: { address: `alumnus${i}@bench.example`, name: `${seeds[i].firstName} ${seeds[i].lastName}` },
      email: { ...email, subject: `${email.subject} (${i})` },
    }));
    const queueStarted = performance.now();
    for (let i = 0; i < inputs.length; i += 1000) {
      await db.$transaction((tx) =>
        queueThrottledEmails(tx, {
          throttleKey: key,
          perHour: 360_000,
          startAt: new Date(Date.now() + 3_600_000),
          messages: inputs.slice(i, i + 1000),
        }),
      );
    }
    const queueMs = performance.now() - queueStarted;
    const rows = await db.outboxMessage.findMany({
      where: { throttleKey: key },
      select: {
        toAddress: true,
        toName: true,
        subject: true,
        html: true,
        text: true,
        messageId: true,
        headers: true,
      },
    });

    // Floor: plain nodemailer, pooled, same connections, same messages, same sink.
    const floorTransport = nodemailer.createTransport({
      url: sink.url,
      pool: true,
      maxConnections: CONNECTIONS,
      maxMessages: Infinity,
      disableFileAccess: true,
      disableUrlAccess: true,
    } as TransportOptions);
    const from = env().MAIL_FROM;
    const floorStarted = performance.now();
    const inFlight = CONNECTIONS * 2;
    let nextRow = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        for (let r = rows[nextRow++]; r; r = rows[nextRow++]) {
          await floorTransport.sendMail({
            from,
            to: { name: r.toName ?? "", address: r.toAddress },
            subject: r.subject,
            html: r.html,
            text: r.text,
            messageId: r.messageId,
            headers: r.headers as Record<string, string>,
          });
        }
      }),
    );
    const floorStats = await waitFor(sink, rows.length);
    const floorMs = performance.now() - floorStarted;
    floorTransport.close();
    await sink.reset();

    // The dispatcher: claims, last look, sends, records, exactly as in the app.
    await db.outboxMessage.updateMany({ where: { throttleKey: key }, data: { nextAttemptAt: new Date() } });
    const started = performance.now();
    const dispatcher = startDispatcher({
      transport: new SmtpTransport(sink.url, from, { maxConnections: CONNECTIONS }),
      batchSize: 100,
      concurrency: inFlight,
      idleMs: 10,
    });
    const stats = await waitFor(sink, rows.length);
    const dispatcherMs = performance.now() - started;
    await dispatcher.stop();
    const sent = await db.outboxMessage.count({ where: { throttleKey: key, status: "sent" } });

    const floorRate = rows.length / (floorMs / 1000);
    const rate = rows.length / (dispatcherMs / 1000);
    console.log(
      `database ${onServer ? "PostgreSQL server" : "embedded PGlite"}; ${rows.length} messages of ${Math.round(rows[0].html.length / 1024)} KB HTML; ${CONNECTIONS} pooled SMTP connections; sink in a child process`,
    );
    console.log(
      `queued ${rows.length} in ${(queueMs / 1000).toFixed(1)} s (${Math.round(rows.length / (queueMs / 1000))} msgs/s, with throttle schedule and unsubscribe headers)`,
    );
    console.log(
      `floor (plain nodemailer pooled loop) ${floorRate.toFixed(0)} msgs/s in ${(floorMs / 1000).toFixed(2)} s; received ${floorStats.unique} unique, ${floorStats.duplicates} duplicated`,
    );
    console.log(
      `dispatcher ${rate.toFixed(0)} msgs/s in ${(dispatcherMs / 1000).toFixed(2)} s; received ${stats.unique} unique, ${stats.duplicates} duplicated; ${sent} recorded as sent`,
    );
    if (stats.unique !== rows.length || stats.duplicates !== 0 || sent !== rows.length) process.exitCode = 1;
    console.log(`bench outbox: ratio ${(rate / floorRate).toFixed(2)}`);
  } finally {
    await db.outboxMessage.deleteMany({ where: { throttleKey: key } }).catch(() => {});
    await db.alumnus.deleteMany({ where: { hrId: { startsWith: hrPrefix } } }).catch(() => {});
    await sink.stop();
    await disconnectDb();
    await embedded?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
