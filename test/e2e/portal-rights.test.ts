import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishInitialPolicy } from "~/modules/eligibility/publish-policy.server";
import { db } from "~/platform/db.server";
import { createSession } from "~/platform/session.server";
import { createAlumnus, createStaffUser, unique } from "../factories";
import { startTestApp, type TestApp } from "../setup/app-server";
import { axeViolations, describeViolations } from "./axe";
import { launchBrowser, signInStaff, watchConsole } from "./browser";

/**
 * The person's own portal pages in a real browser, on a phone and on a desktop: no serious or
 * critical accessibility violation (axe), nothing wider than the screen, and the forms work with
 * and without JavaScript. Set SCREENSHOT_DIR to keep a picture of each page at each width.
 */
let app: TestApp;
let browser: Browser;
let alumnusId: string;
const hrCredentials = { email: `${unique("hr")}@comeback.test`, password: "portal rights browser test" };
const WIDTHS = [390, 1280] as const;
const SHOTS = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
  const alumnus = await createAlumnus(db, {
    firstName: "Maja",
    lastName: "Lindqvist",
    preferredName: null,
    personalEmail: `${unique("maja")}@mail.example.org`,
    doNotRehire: true,
    doNotRehireReason: "Reason HR keeps to itself",
  });
  alumnusId = alumnus.id;
  await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
  await createStaffUser(db, { role: "hr", ...hrCredentials });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A browser signed in as the alumnus (the session a confirmed email link starts). */
async function alumnusContext(options: {
  width: number;
  javaScriptEnabled?: boolean;
}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    acceptDownloads: true,
  });
  const [pair] = (await createSession({ alumnusId }, {})).setCookie.split(";");
  const at = pair.indexOf("=");
  await context.addCookies([{ name: pair.slice(0, at), value: pair.slice(at + 1), url: app.url }]);
  return context;
}

async function checkPage(page: Page, name: string, width: number) {
  expect(describeViolations(await axeViolations(page)), `${name} at ${width}px`).toBe("");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} at ${width}px is wider than the screen`).toBeLessThanOrEqual(0);
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
}

describe("the person's own portal pages in a browser", () => {
  it("has no serious accessibility problem and fits the screen on a phone and a desktop", async () => {
    for (const width of WIDTHS) {
      const context = await alumnusContext({ width });
      const page = await context.newPage();
      const problems = watchConsole(page);
      for (const [name, url] of [
        ["home", "/portal"],
        ["profile", "/portal/profile"],
        ["eligibility", "/portal/eligibility"],
        ["privacy", "/portal/privacy"],
      ] as const) {
        await page.goto(`${app.url}${url}`);
        await checkPage(page, name, width);
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it("updates availability, asks for a review, downloads the data and asks for erasure", async () => {
    const context = await alumnusContext({ width: 390 });
    const page = await context.newPage();
    const problems = watchConsole(page);

    await page.goto(`${app.url}/portal`);
    await page
      .getByRole("link", { name: /^Your profile/ })
      .first()
      .click();
    await page.waitForURL(`${app.url}/portal/profile`);
    await page.getByLabel("Hours per week").fill("20");
    await page.getByLabel("Monday").check();
    await page.getByLabel("Thursday").check();
    await page.getByLabel("From", { exact: true }).fill("15:00");
    await page.getByLabel("Until", { exact: true }).fill("09:00");
    // leaving the field says nothing yet (a message appearing then would move the button away
    // from the pointer); the check runs on the first click of Save
    await page.getByLabel("Until", { exact: true }).evaluate((input) => (input as HTMLInputElement).blur());
    expect(await page.getByText("The end time must be after the start time.").count()).toBe(0);
    await page.getByRole("button", { name: "Save your profile" }).click();
    // checked in the browser first: the summary links to the field, and nothing was sent
    const summary = page.getByRole("heading", { name: "There is a problem" });
    await summary.waitFor();
    await expect
      .poll(() => page.getByRole("link", { name: "The end time must be after the start time." }).count())
      .toBe(1);
    await checkPage(page, "profile-error", 390);
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: alumnusId } })).availabilityFrom).not.toBe(
      "15:00",
    );
    await page.getByLabel("Until", { exact: true }).fill("17:00");
    await page.getByRole("button", { name: "Save your profile" }).click();
    await page.getByText("Saved. HR sees your changes straight away.").waitFor();
    expect(await db.alumnus.findUniqueOrThrow({ where: { id: alumnusId } })).toMatchObject({
      availabilityHours: 20,
      availabilityFrom: "15:00",
      availabilityTo: "17:00",
    });
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: alumnusId } })).availabilityDays).toEqual(
      expect.arrayContaining(["mon", "thu"]),
    );

    await page.goto(`${app.url}/portal/eligibility`);
    await page.getByLabel("Your message").fill("My exit reason is recorded wrongly, I left to study.");
    await page.getByRole("button", { name: "Send to HR" }).click();
    await page.getByText("Thank you. Your request is with HR").waitFor();
    await checkPage(page, "eligibility-asked", 390);

    await page.goto(`${app.url}/portal/privacy`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download as JSON (for computers)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(fs.readFileSync((await download.path()) as string, "utf8"));
    expect(JSON.stringify(exported)).toContain(alumnusId);
    expect(JSON.stringify(exported)).not.toContain("Reason HR keeps to itself");

    await page.getByRole("button", { name: "Ask us to erase my data" }).click();
    await expect
      .poll(() => page.getByText("Tick the box to confirm you understand.").count())
      .toBeGreaterThan(0);
    await page.getByLabel("I understand that this cannot be undone once HR approves it.").check();
    await page.getByRole("button", { name: "Ask us to erase my data" }).click();
    await page.getByText(/Your request is with HR \(reference ER-/).waitFor();
    await checkPage(page, "privacy-requested", 390);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("saves the profile without JavaScript", async () => {
    const context = await alumnusContext({ width: 390, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/portal/profile`);
    await page.getByLabel("Where you live").fill("Uppsala, SE");
    await page.getByRole("button", { name: "Save your profile" }).click();
    await page.getByText("Saved. HR sees your changes straight away.").waitFor();
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: alumnusId } })).location).toBe("Uppsala, SE");
    await context.close();
  });

  it("shows HR the request to look again and the erasure request, accessibly", async () => {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await signInStaff(page, app.url, hrCredentials);
      await page.goto(`${app.url}/staff/eligibility/reviews`);
      await page.getByText("My exit reason is recorded wrongly").waitFor();
      await checkPage(page, "staff-reviews", width);
      await page.goto(`${app.url}/staff/eligibility/people/${alumnusId}`);
      await checkPage(page, "staff-person", width);
      await page.goto(`${app.url}/staff/privacy`);
      await checkPage(page, "staff-privacy", width);
      await page
        .getByRole("link", { name: /Maja Lindqvist/ })
        .first()
        .click();
      await page.waitForURL(/\/staff\/privacy\/[^/]+$/);
      await checkPage(page, "staff-privacy-request", width);
      await page.close();
    }
  });
});
