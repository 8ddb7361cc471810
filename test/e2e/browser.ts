import fs from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

/**
 * Debian's Chromium driven by playwright-core. No browser download ever: the executable comes
 * from the system (`apt-get install -y chromium`), see .ci/run.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
  // CI machines are small and busy (two cores running the app, the database and the browser):
  // give every wait a minute rather than Playwright's 30 s. A journey that never gets there
  // still fails, with the step that did not happen.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(JOURNEY_TIMEOUT_MS);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    page.setDefaultTimeout(JOURNEY_TIMEOUT_MS);
    return page;
  };
  return browser;
}

export const JOURNEY_TIMEOUT_MS = 60_000;

/** Collects console errors and page errors so a journey can assert there were none. */
export function watchConsole(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** Signs a staff member in through the real sign-in form and waits for the staff start page. */
export async function signInStaff(
  page: Page,
  appUrl: string,
  credentials: { email: string; password: string },
) {
  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel("Work email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${appUrl}/staff`);
}
