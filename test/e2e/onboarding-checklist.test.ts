import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { startTestApp, type TestApp } from "../setup/app-server";
import { axeViolations } from "./axe";
import { JOURNEY_TIMEOUT_MS, launchBrowser } from "./browser";
import { signInAsHr } from "./sign-in";

/**
 * The onboarding checklist editor with JavaScript (ADR 085): "Add a task" and the moves change the
 * steps in place, without a request and without the "Not saved yet" notice of the page without
 * script; an empty new step is refused next to its own field before anything is sent; Save keeps
 * the steps in the order shown as a new version, which the page shows again after a reload.
 * Moving a step once cost the other step of the swap its required/optional tick (their radio
 * buttons shared a name for a moment), so Save was refused on a step nobody had touched.
 */
const PATH = "/staff/onboarding/checklist";
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

const steps = (page: Page) => page.locator("ol > li > fieldset");
const titles = (page: Page) =>
  steps(page).evaluateAll((sets) =>
    sets.map((s) => (s.querySelector("input[name$='.title']") as HTMLInputElement).value),
  );

describe("onboarding checklist editor, with JavaScript", () => {
  it(
    "adds a step, moves it up, saves it as a new version that a reload shows",
    { timeout: JOURNEY_TIMEOUT_MS * 2 },
    async () => {
      const { page, context, problems } = await signInAsHr(browser, app.url);
      try {
        await page.goto(`${app.url}${PATH}`);
        const before = await titles(page);
        expect(before.length).toBeGreaterThan(1);
        const versionBefore = await db.onboardingChecklistVersion.count();

        // Every post of the page from here on is counted: adding and moving must not post.
        const posts: string[] = [];
        page.on("request", (r) => {
          if (r.method() === "POST") posts.push(r.url());
        });

        await page.getByRole("button", { name: "Add a task" }).click();
        await expect.poll(() => steps(page).count()).toBe(before.length + 1);
        const added = steps(page).last();
        await expect
          .poll(() => added.locator("legend").first().textContent())
          .toBe(`Step ${before.length + 1}`);

        // Saved empty: refused in the browser, next to the new step's title, nothing sent.
        await page.getByRole("button", { name: "Save as a new version" }).first().click();
        const title = added.getByLabel("What needs doing");
        await expect.poll(() => title.getAttribute("aria-invalid")).toBe("true");
        expect(posts).toEqual([]);

        await title.fill("Meet the team lead");
        await added.getByLabel("Who does it").selectOption("manager");
        await added.getByLabel("Kind").selectOption("first_shift");
        await added.getByLabel("Due within (days)").fill("5");
        await added.getByLabel("No, optional").check();
        await added.getByRole("button", { name: `Move up step ${before.length + 1}` }).click();

        const expected = [...before.slice(0, -1), "Meet the team lead", before[before.length - 1]];
        await expect.poll(() => titles(page)).toEqual(expected);
        expect(posts).toEqual([]);
        expect(await page.getByText("Not saved yet").count()).toBe(0);

        await page.getByRole("button", { name: "Save as a new version" }).first().click();
        await expect
          .poll(() => page.getByText(/Saved as version \d+\./).count(), { timeout: 15_000 })
          .toBeGreaterThan(0);
        expect(posts).toHaveLength(1);
        expect(await db.onboardingChecklistVersion.count()).toBe(versionBefore + 1);

        await page.reload();
        expect(await titles(page)).toEqual(expected);
        const moved = steps(page).nth(before.length - 1);
        expect(await moved.getByLabel("Who does it").inputValue()).toBe("manager");
        expect(await moved.getByLabel("Kind").inputValue()).toBe("first_shift");
        expect(await moved.getByLabel("Due within (days)").inputValue()).toBe("5");
        expect(await moved.getByLabel("No, optional").isChecked()).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
