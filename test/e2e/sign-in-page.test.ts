import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app-server";
import { launchBrowser, watchConsole } from "./browser";

describe("journey: opening Comeback", () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the sign-in page with no console errors, and sends staff areas to it", async () => {
    const page = await browser.newPage();
    const problems = watchConsole(page);
    await page.goto(`${app.url}/staff?view=recent`);
    await page.waitForLoadState("networkidle");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/staff?view=recent");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByLabel("Work email").waitFor();

    // Client-side validation runs once hydrated; the server gives the same message without JS.
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Enter your email address.").first().waitFor();
    expect(problems).toEqual([]);
  });
});
