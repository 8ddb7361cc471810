import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { createElement } from "react";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { templateDefinition, type TemplateProps } from "#emails/index";
import { db } from "~/platform/db.server";
import { dispatchOnce, SmtpTransport } from "~/platform/mailer/dispatcher.server";
import { queueEmail, renderEmail } from "~/platform/mailer/mailer.server";
import { alumniEmailBrand } from "~/modules/portal/get-branding.server";
import { renderTemplate } from "./render-template.server";

/**
 * HARDENING.md: CR/LF in names, subjects and header values never create a header. The message
 * is rendered, queued and delivered over real SMTP to an in-process server; the test reads what
 * arrived on the wire.
 */

const HOSTILE = "Maja\r\nBcc: evil@example.com";

type Received = { rcptTo: string[]; raw: string };
const received: Received[] = [];
let server: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function headerBlock(raw: string) {
  return raw.slice(0, raw.indexOf("\r\n\r\n"));
}

describe("header injection through names and subjects", () => {
  it("renders, stores and delivers a message whose name and subject carry CR/LF without creating a header", async () => {
    const sample = templateDefinition("sign-in-link").sample as TemplateProps<"sign-in-link">;
    const email = await renderTemplate(
      "sign-in-link",
      {
        ...sample,
        firstName: HOSTILE,
        companyName: HOSTILE,
      },
      { brand: await alumniEmailBrand() },
    );
    expect(email.subject).not.toMatch(/[\r\n]/);

    const direct = await renderEmail(createElement("p", null, "x"), HOSTILE);
    expect(direct.subject).toBe("Maja Bcc: evil@example.com");

    const queued = await db.$transaction((tx) =>
      queueEmail(tx, {
        template: email.template,
        purpose: email.purpose,
        to: { address: "maja.header@example.com", name: HOSTILE },
        // Subject given raw as well: queueEmail must not trust that it was rendered safely.
        email: { ...email, subject: HOSTILE },
        // The employer's sender (alumni email) is a header too.
        from: { name: `Fjord Pay${HOSTILE}`, address: "people@fjordpay.example" },
        headers: { "X-Campaign\r\nBcc": `c1${HOSTILE}`, "X-Note": "ok\nBcc: evil2@example.com" },
      }),
    );
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.toName).toBe("Maja Bcc: evil@example.com");
    expect(row.subject).toBe("Maja Bcc: evil@example.com");
    const headers = row.headers as Record<string, string>;
    expect(Object.keys(headers).sort()).toEqual(["X-CampaignBcc", "X-Note"]);
    for (const [k, v] of Object.entries(headers)) {
      expect(k).not.toMatch(/[\r\n:]/);
      expect(v).not.toMatch(/[\r\n]/);
    }

    const transport = new SmtpTransport(smtpUrl, "Comeback <people@comeback.localhost>", {
      maxConnections: 1,
    });
    try {
      const result = await dispatchOnce({ transport, workerId: "header-test" });
      expect(result).toMatchObject({ claimed: 1, sent: 1, failed: 0, setAside: 0 });
    } finally {
      transport.close();
    }

    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message.rcptTo).toEqual(["maja.header@example.com"]);
    const block = headerBlock(message.raw);
    expect(block).not.toMatch(/^bcc:/im);
    const parsed = await simpleParser(message.raw);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe("Maja Bcc: evil@example.com");
    const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to!];
    expect(to.flatMap((t) => t.value.map((v) => v.address))).toEqual(["maja.header@example.com"]);
    expect(to[0].value[0].name).toBe("Maja Bcc: evil@example.com");
    expect(parsed.headers.get("x-note")).toBe("ok Bcc: evil2@example.com");
    expect(parsed.from?.value).toEqual([
      { name: "Fjord PayMaja Bcc: evil@example.com", address: "people@fjordpay.example" },
    ]);
    expect(parsed.text).toContain("If this wasn't you");
  });

  it("refuses a recipient address with a line break or a second address", async () => {
    await expect(
      db.$transaction((tx) =>
        queueEmail(tx, {
          template: "sign-in-link",
          purpose: "transactional",
          to: { address: "maja@example.com\r\nBcc: evil@example.com" },
          email: { subject: "s", html: "<p>x</p>", text: "x" },
        }),
      ),
    ).rejects.toThrow(/not an email address we can send to/);
    await expect(
      db.$transaction((tx) =>
        queueEmail(tx, {
          template: "sign-in-link",
          purpose: "transactional",
          to: { address: "maja@example.com, evil@example.com" },
          email: { subject: "s", html: "<p>x</p>", text: "x" },
        }),
      ),
    ).rejects.toThrow(/not an email address we can send to/);
  });

  it("refuses an alumni email without the employer's sender, and a sender address with a line break", async () => {
    const sample = templateDefinition("sign-in-link").sample as TemplateProps<"sign-in-link">;
    const email = await renderTemplate("sign-in-link", sample, { brand: await alumniEmailBrand() });
    const queue = (from?: { name: string; address: string }) =>
      db.$transaction((tx) =>
        queueEmail(tx, {
          template: email.template,
          purpose: email.purpose,
          to: { address: "maja@example.com" },
          email,
          from,
        }),
      );
    await expect(queue()).rejects.toThrow(/employer's sender/);
    await expect(
      queue({ name: "Fjord Pay", address: "people@fjordpay.example\r\nBcc: evil@example.com" }),
    ).rejects.toThrow(/not an email address we can send to/);
  });
});
