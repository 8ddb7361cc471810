import fs from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

/**
 * The browser the journeys drive with playwright-core (no browser download by Playwright):
 * the system's Chromium when there is one (`CHROMIUM_PATH`, else `/usr/bin/chromium`), otherwise
 * the headless Chromium shipped inside the `@sparticuz/chromium` dev dependency, unpacked on
 * first use (a few seconds). `PACKAGED_CHROMIUM=1` ignores the system browser, so the packaged
 * path a fresh machine takes is proven in CI too (ADR 072).
 */
export const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** The package's own flags it needs to run anywhere; not `--single-process` (a second browser
 * context fails with it) nor the ones that switch web security off, which the journeys test. */
const PACKAGED_FLAGS_NOT_USED = new Set([
  "--single-process",
  "--disable-web-security",
  "--allow-running-insecure-content",
  "--disable-site-isolation-trials",
  "--disable-setuid-sandbox",
]);

export async function chromiumExecutable(): Promise<{ path: string; args: string[]; packaged: boolean }> {
  if (process.env.PACKAGED_CHROMIUM !== "1" && fs.existsSync(SYSTEM_CHROMIUM)) {
    return { path: SYSTEM_CHROMIUM, args: ARGS, packaged: false };
  }
  const { default: packaged } = await import("@sparticuz/chromium");
  const extra = packaged.args.filter(
    (arg) => !PACKAGED_FLAGS_NOT_USED.has(arg) && !arg.startsWith("--headless") && !ARGS.includes(arg),
  );
  return { path: await packaged.executablePath(), args: [...ARGS, ...extra], packaged: true };
}

export async function launchBrowser(): Promise<Browser> {
  const executable = await chromiumExecutable();
  if (executable.packaged) console.info(`browser journeys: the packaged Chromium (${executable.path})`);
  const browser = await chromium.launch({ executablePath: executable.path, args: executable.args });
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
