import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { WORKDAY_MAPPING_COLUMNS, WORKDAY_MAPPING_NAME } from "../../prisma/seed";
import { startTestApp, type TestApp } from "../setup/app-server";
import { launchBrowser } from "./browser";
import { signInAsHr } from "./sign-in";

describe("journey: HR imports a Workday terminations export", () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp({ workers: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("uploads the sample with the saved mapping, sees the dry run, commits and finds it in the history", async () => {
    // The saved mapping the demo data carries.
    await db.importMapping.upsert({
      where: { name: WORKDAY_MAPPING_NAME },
      create: {
        name: WORKDAY_MAPPING_NAME,
        system: "workday",
        dateFormat: "us",
        columns: WORKDAY_MAPPING_COLUMNS,
        valueMaps: { exitReason: {} },
      },
      update: {},
    });
    const { page, problems } = await signInAsHr(browser, app.url);

    await page.goto(`${app.url}/staff/imports`);
    await page.getByRole("link", { name: "New import" }).click();
    await page.waitForURL(/\/staff\/imports\/new$/);
    await page.getByLabel("Saved mapping (optional)").selectOption({ label: WORKDAY_MAPPING_NAME });
    await page
      .getByLabel("CSV file")
      .setInputFiles(path.join(import.meta.dirname, "../fixtures/workday-terminations-sample.csv"));
    await page.getByRole("button", { name: "Upload and continue" }).click();
    await page.waitForURL(/\/mapping\?mappingId=/);
    await page.getByText(`Using the saved mapping ${WORKDAY_MAPPING_NAME}`).waitFor();
    await expect(page.getByLabel("Employee ID").inputValue()).resolves.toBe("Employee ID");
    await expect(page.getByLabel("US: 03/31/2024 (month first)").isChecked()).resolves.toBe(true);
    // The first rows, read with the saved mapping: nothing to fix.
    await expect(page.getByText("Would be rejected").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Check the whole file (dry run)" }).click();

    await page.waitForURL(/\/staff\/imports\/[^/]+$/);
    await page.getByRole("heading", { name: "Dry run: what the import will do" }).waitFor();
    const facts = page.locator("dl");
    await facts.getByText("Will be created").waitFor();
    await expect(
      facts.locator("div", { hasText: "Will be created" }).locator("dd").innerText(),
    ).resolves.toBe("60");
    await expect(
      facts.locator("div", { hasText: "Rejected (not imported)" }).locator("dd").innerText(),
    ).resolves.toBe("0");
    await page.getByRole("button", { name: "Import 60 people" }).click();
    await page.getByRole("heading", { name: "Result" }).waitFor();
    await expect(
      facts
        .locator("div", { hasText: /^Created/ })
        .locator("dd")
        .innerText(),
    ).resolves.toBe("60");

    await page.getByRole("link", { name: "← Import history" }).click();
    await page.waitForURL(/\/staff\/imports$/);
    const row = page.getByRole("row", { name: /workday-terminations-sample\.csv/ });
    await row.getByText("Imported").waitFor();
    await row.getByText(WORKDAY_MAPPING_NAME).waitFor();
    await expect(row.getByRole("cell").nth(5).innerText()).resolves.toBe("60");
    expect(await db.alumnus.count({ where: { hrId: { startsWith: "E1000" }, source: "import" } })).toBe(60);
    expect(problems).toEqual([]);
  });
});
