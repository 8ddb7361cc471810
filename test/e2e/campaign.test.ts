import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { resetEnvCache } from "~/platform/env.server";
import { countAudience } from "~/modules/campaigns/audience.server";
import { AUTOMATION_DECISION_TITLE, seedDemoData } from "../../prisma/seed";
import { createSegment } from "../factories/campaigns";
import { startTestApp, type TestApp } from "../setup/app-server";
import { launchBrowser } from "./browser";
import { signInAsHr } from "./sign-in";

/**
 * Journey: HR creates a campaign to a segment of the 2022 automation cohort, writes a personal
 * note that draws a tone warning, rewrites it, previews the email for one recipient, launches,
 * watches the live counts, and every email arrives at the SMTP sink exactly once.
 */
let app: TestApp;
let browser: Browser;
let smtp: SMTPServer;
const inbox: { messageId: string; to: string[]; raw: string }[] = [];
const previousSmtpUrl = process.env.SMTP_URL;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        inbox.push({
          messageId: /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  await seedDemoData();
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

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("journey: an outreach campaign", () => {
  it("HR writes, checks, previews and launches a campaign to eligible people; every email arrives once; one recipient unsubscribes with one click", async () => {
    const decision = await db.workforceDecision.findUniqueOrThrow({
      where: { title: AUTOMATION_DECISION_TITLE },
    });
    const segmentName = "2022 automation cohort in Berlin, consent given";
    const segment = await createSegment(db, {
      name: segmentName,
      query: `consent=granted&decisionId=${decision.id}&location=Berlin%2C+DE`,
    });
    const expected = await countAudience(db, { query: segment.query, quietDays: 30, onlyEligible: true });
    expect(expected.recipients).toBeGreaterThan(10);

    const { page, problems } = await signInAsHr(browser, app.url, { name: "Hanna Berg" });
    await page.getByRole("link", { name: "Outreach", exact: true }).click();
    await page.waitForURL(`${app.url}/staff/campaigns`);
    await page.getByText("No campaigns yet").waitFor();
    await page.getByRole("link", { name: "New campaign", exact: true }).click();
    await page.waitForURL(`${app.url}/staff/campaigns/new`);

    // The draft: audience, content, sender, pace.
    await page.getByLabel("Campaign name").fill("Berlin: invitation to return");
    await page.getByLabel("Segment").selectOption({ label: segmentName });
    await page.getByLabel("Company name").fill("Fjord Pay");
    await page.getByLabel("Team or work").fill("customer support");
    await page
      .getByLabel("What changed, and why we are writing now (invitation)")
      .fill(
        "In 2022 we let most of our support team go and handed the work to an automated assistant. Customers with hard problems told us they miss talking to a person, and we think they are right.",
      );
    await page
      .getByLabel("What we can offer")
      .fill(
        "Remote shifts helping customers with disputes and complaints. You choose your hours, from 10 to 30 a week.",
      );
    await page.getByLabel("Reply by").fill("2027-01-15");
    await expect(page.getByLabel("Sender's name").inputValue()).resolves.toBe("Hanna Berg");
    await page.getByLabel("Sender's role").fill("People Partner");
    // On by default for a new campaign.
    await expect(page.getByLabel("Only people whose rehire verdict is eligible").isChecked()).resolves.toBe(
      true,
    );
    await page.getByLabel("Emails per hour").fill("360000"); // spaced 10 ms apart: the journey does not wait for the pace
    await page.getByRole("button", { name: "Create draft" }).click();
    await page.waitForURL(/\/staff\/campaigns\/[a-z0-9]+$/);
    await page.getByRole("heading", { name: "Berlin: invitation to return" }).waitFor();
    await expect(page.getByTestId("recipients").textContent()).resolves.toBe(
      expected.recipients.toLocaleString("en"),
    );

    // A note that reads cold draws a warning as it is typed; the rewrite reads warmly.
    const note = page.getByRole("textbox", { name: "Your note" });
    await note.fill("We value our human capital and hope you will consider returning.");
    await page.locator('#note-findings [data-rule="cold.resources"]').waitFor();
    await note.fill(
      "I remember how calm you stayed with the hardest calls.\n\nWe would love to have you back, on your terms.",
    );
    await page.getByText("Your note reads warmly and clearly.").waitFor();
    await page.getByRole("button", { name: "Save note" }).click();
    await page.getByText("Note saved.").waitFor();

    // Preview for one particular recipient.
    const options = await page.getByLabel("Preview for").locator("option").allTextContents();
    const chosen = options[1];
    await page.getByLabel("Preview for").selectOption({ label: chosen });
    await page.getByRole("button", { name: "Show preview" }).click();
    await page.waitForURL(/[?&]recipient=/);
    const firstName = chosen.split(" ")[0];
    await page
      .getByTestId("preview-subject")
      .filter({ hasText: `Would you like to work with us again, ${firstName}?` })
      .waitFor();
    await page.frameLocator("iframe[title='The email as HTML']").getByText(`Hello ${firstName},`).waitFor();
    await page
      .frameLocator("iframe[title='The email as HTML']")
      .getByText("I remember how calm you stayed")
      .waitFor();

    // Launch; the counts follow live; every email arrives at the SMTP server once.
    // Launching asks once more, naming how many people the email goes to.
    await page.getByText("Launch campaign…").click();
    await page
      .getByTestId("launch-recipients")
      .filter({ hasText: `${expected.recipients.toLocaleString("en")} people` })
      .waitFor();
    await page
      .getByRole("button", { name: `Yes, send to ${expected.recipients.toLocaleString("en")} people` })
      .click();
    await page.getByText("Launched.").waitFor();
    await until("every email at the SMTP server", async () => inbox.length >= expected.recipients);
    await page
      .getByTestId("count-Sent")
      .filter({ hasText: expected.recipients.toLocaleString("en") })
      .waitFor({ timeout: 60_000 });
    expect(inbox).toHaveLength(expected.recipients);
    expect(new Set(inbox.map((m) => m.messageId)).size).toBe(expected.recipients);
    const campaign = await db.campaign.findFirstOrThrow({ where: { name: "Berlin: invitation to return" } });
    const recipients = await db.campaignRecipient.findMany({
      where: { campaignId: campaign.id },
      select: { address: true, alumnusId: true },
    });
    expect(new Set(inbox.flatMap((m) => m.to))).toEqual(new Set(recipients.map((r) => r.address)));
    expect(inbox[0].raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);
    // Everyone written to is eligible under the published policy.
    const written = await db.alumnus.findMany({
      where: { id: { in: recipients.map((r) => r.alumnusId) } },
      select: { id: true, eligibilityVerdict: { select: { outcome: true } } },
    });
    expect(written).toHaveLength(expected.recipients);
    expect(written.every((a) => a.eligibilityVerdict?.outcome === "eligible")).toBe(true);

    // One recipient unsubscribes with one click, as their mail program does (RFC 8058: a POST, no cookies).
    const unsubscribeUrl = /^List-Unsubscribe:\s*<([^>]+)>/im.exec(inbox[0].raw)?.[1];
    expect(unsubscribeUrl?.startsWith(`${app.url}/unsubscribe/`)).toBe(true);
    const oneClick = await fetch(unsubscribeUrl!, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    const unsubscribed = recipients.find((r) => r.address === inbox[0].to[0])!;
    const person = await db.alumnus.findUniqueOrThrow({
      where: { id: unsubscribed.alumnusId },
      select: { consentReturn: true },
    });
    expect(person.consentReturn).toBe("withdrawn");
    expect(problems).toEqual([]);
  });
});
