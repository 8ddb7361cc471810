import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createStaffUser } from "../factories";
import { startTestApp, type TestApp } from "../setup/app-server";
import { launchBrowser, signInStaff, watchConsole } from "./browser";

/**
 * Journey: HR opens the email templates, reads one with its tone report, writes a cold personal
 * note and sees the findings appear as they type (JavaScript), then does the same without
 * JavaScript. The email's HTML stays in a sandboxed frame with no scripts; hostile text is inert.
 */
describe("journey: previewing email templates and checking a personal note", () => {
  let app: TestApp;
  let browser: Browser;
  let hr: { email: string };
  const password = "previews-are-kind-2026";

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
    hr = await createStaffUser(db, { role: "hr", password, name: "Hanna Preview" });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signIn(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.on("dialog", (dialog) => {
      throw new Error(`A dialog opened: ${dialog.message()}`);
    });
    await signInStaff(page, app.url, { email: hr.email, password: password });
    return page;
  }

  it("with JavaScript: finds a template, sees its tone report, and gets live feedback on a note", async () => {
    const context = await browser.newContext();
    const page = await signIn(context);
    const problems = watchConsole(page);

    await page.getByRole("link", { name: "Email templates" }).click();
    await page.waitForURL(`${app.url}/staff/emails`);
    // A client-side navigation changes the URL before React has drawn the new page: wait for it.
    await page
      .getByRole("row", { name: /Kind decline/ })
      .getByText("Transactional")
      .waitFor();
    await page.getByRole("link", { name: "Kind decline" }).click();
    await page.waitForURL(`${app.url}/staff/emails/application-decline`);
    await page.waitForLoadState("networkidle");

    await page.getByRole("heading", { name: "Kind decline", level: 1 }).waitFor();
    await page.getByText("No problems found").first().waitFor();
    const frame = page.locator("iframe");
    await expect(frame.getAttribute("sandbox")).resolves.toBe("");
    const email = page.frameLocator("iframe");
    await email.getByText("Here is why we decided this:").waitFor();

    const note = page.getByLabel("Personal note");
    await note.fill("");
    await note.pressSequentially(
      "Effective immediately, your position has been eliminated. <script>alert(1)</script>",
      { delay: 5 },
    );
    const feedback = page.getByRole("region", { name: /Your note/ });
    // Typing may pause long enough for an early check of part of the note: wait for the final one.
    await feedback.locator('[data-rule="cold.position-eliminated"]').waitFor();
    await feedback.locator('[data-rule="cold.effective-immediately"]').waitFor();
    await page.getByText("Try this: Say it plainly and own it", { exact: false }).first().waitFor();
    // The preview follows the note; the payload is text inside the sandboxed email, never a script.
    await email
      .getByText("Effective immediately, your position has been eliminated. <script>alert(1)</script>")
      .waitFor();
    const scripts = await page.frames()[1].evaluate(() => document.scripts.length);
    expect(scripts).toBe(0);
    await page.locator("pre").getByText("<script>alert(1)</script>", { exact: false }).waitFor();

    await note.fill(
      "Maja, I remember how calm you stayed with the hardest calls. We would love to see you again.",
    );
    await feedback.getByText("Your note reads warmly and clearly.").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("without JavaScript: the note form posts and the page shows the findings", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await signIn(context);
    await page.goto(`${app.url}/staff/emails/return-invitation`);
    await page.getByLabel("Personal note").fill("A decision was made to leverage synergies at this time.");
    await page.getByRole("button", { name: "Check and preview" }).click();
    await page.waitForLoadState("load");
    const feedback = page.getByRole("region", { name: /Your note/ });
    for (const rule of [
      "evasive.it-was-decided",
      "jargon.leverage",
      "jargon.synergies",
      "cold.at-this-time",
    ]) {
      await expect(feedback.locator(`[data-rule="${rule}"]`).isVisible(), rule).resolves.toBe(true);
    }
    await expect(page.getByLabel("Personal note").inputValue()).resolves.toBe(
      "A decision was made to leverage synergies at this time.",
    );
    await context.close();
  });

  it("shows a clear page for a template that does not exist", async () => {
    const context = await browser.newContext();
    const page = await signIn(context);
    const response = await page.goto(`${app.url}/staff/emails/no-such-template`);
    expect(response?.status()).toBe(404);
    await page.getByText("That email template does not exist").waitFor();
    await context.close();
  });
});
