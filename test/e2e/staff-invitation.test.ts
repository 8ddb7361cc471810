import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import type { Browser } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { resetEnvCache } from "~/platform/env.server";
import { createStaffUser, unique } from "../factories";
import { startTestApp, type TestApp } from "../setup/app-server";
import { launchBrowser, signInStaff, watchConsole } from "./browser";

/**
 * Journey: an administrator invites an HR colleague; the invitation travels through the outbox
 * and a real SMTP server; the colleague opens the link from the email, sets a password and
 * lands signed in on the staff start page. The link then no longer works.
 */
const ADMIN_PASSWORD = "journey admin password";
let app: TestApp;
let browser: Browser;
let smtp: SMTPServer;
const inbox: ParsedMail[] = [];
const previousSmtpUrl = process.env.SMTP_URL;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  app = await startTestApp({ workers: true, env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  if (previousSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = previousSmtpUrl;
  resetEnvCache();
});

async function waitForMail(to: string, timeoutMs = 30_000): Promise<ParsedMail> {
  const started = Date.now();
  for (;;) {
    const mail = inbox.find((m) =>
      (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.value.some((v) => v.address === to)),
    );
    if (mail) return mail;
    if (Date.now() - started > timeoutMs)
      throw new Error(`No email to ${to} arrived at the SMTP server within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("journey: inviting an HR colleague", () => {
  it("admin invites, the email arrives over SMTP, the colleague sets a password and is signed in", async () => {
    const admin = await createStaffUser(db, { role: "admin", name: "Ada Admin", password: ADMIN_PASSWORD });
    const colleague = { name: "Hanna O'Lindqvist", email: `${unique("hanna")}@comeback.test` };

    // The administrator signs in and invites the colleague.
    const adminPage = await browser.newPage();
    const adminProblems = watchConsole(adminPage);
    await signInStaff(adminPage, app.url, { email: admin.email, password: ADMIN_PASSWORD });
    await adminPage.getByRole("link", { name: "Staff", exact: true }).click();
    await adminPage.waitForURL(`${app.url}/staff/admin/users`);
    await adminPage.getByLabel("Name").fill(colleague.name);
    await adminPage.getByLabel("Work email").fill(colleague.email);
    await adminPage.getByLabel("Role").selectOption("hr");
    await adminPage.getByRole("button", { name: "Send invitation" }).click();
    await adminPage.getByText(`Invitation sent to ${colleague.email}`).waitFor();
    await adminPage.getByRole("link", { name: colleague.name }).waitFor();

    // The invitation reaches the SMTP server, through the outbox.
    const mail = await waitForMail(colleague.email);
    expect(mail.subject).toBe("Ada Admin invited you to Comeback");
    const link = new RegExp(
      `${app.url.replace(/[.:/]/g, (c) => `\\${c}`)}/invitation/[A-Za-z0-9_-]{43}`,
    ).exec(mail.text ?? "")?.[0];
    expect(link, "the email carries the invitation link").toBeTruthy();
    expect(mail.html).toContain(link);
    // The server has the message once its DATA ends; the dispatcher records it as sent only
    // after reading the server's reply, a moment later.
    await expect
      .poll(() => db.outboxMessage.findFirstOrThrow({ where: { toAddress: colleague.email } }), {
        timeout: 10_000,
        interval: 100,
      })
      .toMatchObject({ status: "sent", transport: "smtp", messageId: mail.messageId });

    // The colleague opens the link in their own browser, sets a password and lands signed in.
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(link!);
    await page.getByRole("heading", { name: `Welcome, ${colleague.name}` }).waitFor();
    await page.getByText("Ada Admin invited you to Comeback as").waitFor();
    await page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
    await page.getByLabel("Password again").fill("correct horse battery stapel");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.getByText("The two passwords do not match.").first().waitFor();
    await page.getByLabel("Password again").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.waitForURL(`${app.url}/staff`);
    await page.getByRole("heading", { name: "Hello, Hanna" }).waitFor();
    await page.getByRole("link", { name: `${colleague.name} · HR` }).waitFor();
    await page.getByRole("link", { name: "Outbox", exact: true }).waitFor(); // HR's navigation
    await expect(page.getByRole("link", { name: "Staff", exact: true }).count()).resolves.toBe(0); // not an admin

    // The link worked once.
    const again = await context.newPage();
    await again.goto(link!);
    await again.getByRole("heading", { name: "This link cannot be used" }).waitFor();

    // The administrator sees the new colleague as active.
    await adminPage.reload();
    const row = adminPage.getByRole("row", {
      name: new RegExp(colleague.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
    });
    await row.getByText("Active").waitFor();

    const user = await db.user.findUniqueOrThrow({ where: { email: colleague.email } });
    expect(user.status).toBe("active");
    expect(
      await db.auditEvent.count({
        where: { entityId: user.id, action: { in: ["staff.invited", "staff.invitation_accepted"] } },
      }),
    ).toBe(2);
    expect(problems).toEqual([]);
    expect(adminProblems).toEqual([]);
    await context.close();
  });
});
