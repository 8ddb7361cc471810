import { simpleParser } from "mailparser";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { templateDefinition, type TemplateProps } from "#emails/index";
import { renderTemplate } from "~/modules/outreach/render-template.server";
import { alumniEmailBrand, alumniSender } from "~/modules/portal/get-branding.server";
import { db } from "~/platform/db.server";
import { queueThrottledEmails } from "~/platform/mailer/throttle.server";
import { unsubscribeLinks } from "~/platform/mailer/unsubscribe.server";
import { createAlumnus, createStaffUser, unique } from "../factories";
import type { TestApp } from "../setup/app-server";
import { startAppWithSmtpSink } from "../smtp/app-with-sink";
import type { SmtpSink } from "../smtp/sink";
import { launchBrowser, signInStaff, watchConsole } from "./browser";

/**
 * Journey: two invitations to return are queued for one alumnus, an hour apart (a campaign's
 * throttle). The first arrives at a real SMTP server; the alumnus follows its unsubscribe link
 * and confirms; the second is cancelled before it is due, and HR sees it as cancelled in the
 * outbox, with the reason.
 */
let app: TestApp;
let browser: Browser;
let sink: SmtpSink;
let stopApp: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ app, sink, close: stopApp } = await startAppWithSmtpSink());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stopApp?.();
});

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 60_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("journey: an alumnus unsubscribes with one click", () => {
  it("receives an invitation, unsubscribes from it, and the next queued one is cancelled where HR can see it", async () => {
    const to = `${unique("maja")}@mail.example.org`;
    const alumnus = await createAlumnus(db, {
      firstName: "Maja",
      lastName: "Lindqvist",
      preferredName: null,
      personalEmail: to,
      consentReturn: "granted",
      consentNews: "granted",
    });
    const links = unsubscribeLinks({ alumnusId: alumnus.id, purpose: "return_opportunities" });
    const sample = templateDefinition("return-invitation").sample as TemplateProps<"return-invitation">;
    const email = await renderTemplate(
      "return-invitation",
      {
        ...sample,
        firstName: "Maja",
        preferencesUrl: links.preferencesUrl,
      },
      { brand: await alumniEmailBrand() },
    );
    const throttleKey = `campaign:${unique("journey")}`;
    const base = {
      template: email.template,
      purpose: email.purpose,
      alumnusId: alumnus.id,
      to: { address: to, name: "Maja Lindqvist" },
      from: await alumniSender(),
    };
    await db.$transaction((tx) =>
      queueThrottledEmails(tx, {
        throttleKey,
        perHour: 1,
        messages: [
          { ...base, email },
          { ...base, email: { ...email, subject: "A reminder: would you like to come back?" } },
        ],
      }),
    );
    const [first, second] = await db.outboxMessage.findMany({
      where: { throttleKey },
      orderBy: { nextAttemptAt: "asc" },
    });

    // The first message arrives at the SMTP server with its one-click headers.
    const raw = await waitFor(
      "the first message at the SMTP server",
      () => sink.mails.find((m) => m.messageId === first.messageId)?.raw,
    );
    const mail = await simpleParser(raw);
    const list = mail.headers.get("list") as {
      unsubscribe: { url: string };
      "unsubscribe-post": { name: string };
    };
    expect(list["unsubscribe-post"].name).toBe("List-Unsubscribe=One-Click");
    const unsubscribeUrl = list.unsubscribe.url;
    expect(unsubscribeUrl.startsWith(`${app.url}/unsubscribe/`)).toBe(true);
    expect(mail.text).toContain(links.preferencesUrl);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "queued",
    });

    // The alumnus follows the link: a question first, nothing changes until they confirm.
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(unsubscribeUrl);
    await page.getByRole("heading", { name: "Stop email about return opportunities?" }).waitFor();
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: alumnus.id } })).consentReturn).toBe("granted");
    await page.getByRole("button", { name: "Unsubscribe from return opportunities" }).click();
    await page.getByRole("heading", { name: "You are unsubscribed" }).waitFor();
    await page.getByText("we stopped the messages that were already waiting to go out").waitFor();

    const after = await db.alumnus.findUniqueOrThrow({ where: { id: alumnus.id } });
    expect(after).toMatchObject({ consentReturn: "withdrawn", consentNews: "granted" });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "cancelled",
    });

    // The unsubscribe link never expires, so it does not lead to a page that can say yes again:
    // it points to signing in (ADR 081).
    await page.getByRole("link", { name: "Sign in to choose what we email you about" }).click();
    await page.waitForURL(/\/portal\/sign-in\?redirectTo=%2Fportal%2Fprivacy$/);
    // The email's own preferences link still works for 30 days, but cannot undo the "no" that
    // came after it was sent; the other purpose stays theirs to choose.
    await page.goto(links.preferencesUrl);
    await page.getByRole("heading", { name: "What we email you about" }).waitFor();
    await expect(page.getByLabel("Return opportunities").isChecked()).resolves.toBe(false);
    await expect(page.getByLabel("Return opportunities").isDisabled()).resolves.toBe(true);
    await page.getByText("You said no to this after this link was sent").waitFor();
    await expect(page.getByLabel("Alumni news").isChecked()).resolves.toBe(true);
    await expect(page.getByLabel("Alumni news").isDisabled()).resolves.toBe(false);
    expect(problems).toEqual([]);
    await context.close();

    // HR sees the second message as cancelled in the outbox, with the reason.
    const hr = await createStaffUser(db, { role: "hr", name: "Hedda HR", password: "journey hr password" });
    const hrContext = await browser.newContext();
    const hrPage = await hrContext.newPage();
    const hrProblems = watchConsole(hrPage);
    await signInStaff(hrPage, app.url, { email: hr.email, password: "journey hr password" });
    await hrPage.getByRole("link", { name: "Outbox" }).click();
    await hrPage.waitForURL(`${app.url}/staff/outbox`);
    await hrPage.getByLabel("Status", { exact: true }).selectOption("cancelled");
    await hrPage.getByLabel("Recipient address contains").fill(to);
    await hrPage.getByRole("button", { name: "Show messages" }).click();
    await hrPage.waitForURL(/status=cancelled/);
    const row = hrPage.getByRole("row", { name: /A reminder: would you like to come back\?/ });
    await expect(row.getByText("Cancelled").isVisible()).resolves.toBe(true);
    await row.getByRole("link", { name: "A reminder: would you like to come back?" }).click();
    await hrPage.waitForURL(`${app.url}/staff/outbox/${second.id}`);
    await hrPage.getByText("Why it was cancelled").waitFor();
    await hrPage
      .getByText("The recipient unsubscribed from this kind of email before it was sent.")
      .waitFor();
    expect(hrProblems).toEqual([]);
    await hrContext.close();

    // Exactly one message reached the server; the audit trail has the unsubscribe.
    expect(sink.mails.filter((m) => m.rcptTo.includes(to))).toHaveLength(1);
    expect(
      await db.auditEvent.count({ where: { action: "alumnus.unsubscribed", entityId: alumnus.id } }),
    ).toBe(1);
  });
});
