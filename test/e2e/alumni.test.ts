import fs from "node:fs";
import { parse } from "csv-parse/sync";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createAlumnus, createDecision, unique } from "../factories";
import { CSV_INJECTION_PAYLOADS } from "../hostile/payloads";
import { startTestApp, type TestApp } from "../setup/app-server";
import { launchBrowser } from "./browser";
import { signInAsHr } from "./sign-in";

/**
 * Journey: HR finds a person by search, narrows the list with a filter, saves the view, opens
 * the profile, adds a note and a tag, marks the person do-not-rehire with a reason, then
 * exports the saved view: the download arrives and no cell would run as a formula.
 */
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

describe("journey: HR works with the alumni pool", () => {
  it("searches, filters, saves a view, edits a profile and exports the view", async () => {
    const surname = `Okafor${unique("").slice(-6)}`;
    const decision = await createDecision(db, { title: unique("2022 AI customer-service automation ") });
    const kwame = await createAlumnus(db, {
      firstName: "Kwame",
      lastName: surname,
      jobTitle: "Support Agent",
      consentReturn: "granted",
      decisionId: decision.id,
    });
    await createAlumnus(db, {
      firstName: "Ama",
      lastName: surname,
      jobTitle: "Support Agent",
      consentReturn: "withdrawn",
    });
    // Colleagues whose imported job titles are hostile to spreadsheets.
    for (const payload of CSV_INJECTION_PAYLOADS)
      await createAlumnus(db, {
        firstName: "Formula",
        lastName: surname,
        jobTitle: payload,
        consentReturn: "granted",
      });

    const {
      user: hr,
      context,
      page,
      problems,
    } = await signInAsHr(browser, app.url, { name: "Hedda HR", acceptDownloads: true });
    await page.getByRole("link", { name: "Alumni", exact: true }).click();
    await page.waitForURL(`${app.url}/staff/alumni`);

    // Search by surname: everyone with it; then only those open to contact.
    const filters = page.getByRole("search", { name: "Search and filter alumni" });
    await filters.getByLabel("Search").fill(surname.toLowerCase());
    await filters.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === surname.toLowerCase());
    await page.getByText(`${2 + CSV_INJECTION_PAYLOADS.length} people`).waitFor();
    await filters.getByLabel("Contact consent (return opportunities)").selectOption("granted");
    await filters.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.searchParams.get("consent") === "granted");
    await page.getByText(`${1 + CSV_INJECTION_PAYLOADS.length} people`).waitFor();
    await expect(page.getByRole("link", { name: `Ama ${surname}` }).count()).resolves.toBe(0);

    // Save the view.
    const viewName = `Open to contact ${surname}`;
    await page.getByLabel("Save this view as").fill(viewName);
    await page.getByRole("button", { name: "Save view" }).click();
    await page.getByText(`View saved as “${viewName}”.`).waitFor();
    await page.getByRole("link", { name: viewName, exact: true }).waitFor();

    // Open the profile; add a note and a tag; mark do-not-rehire with a reason.
    await page.getByRole("link", { name: `Kwame ${surname}` }).click();
    await page.waitForURL(`${app.url}/staff/alumni/${kwame.id}`);
    await page.getByRole("heading", { name: `Kwame ${surname}` }).waitFor();
    await page
      .getByLabel("Note", { exact: true })
      .fill("Called on Tuesday: keen on weekend chat shifts from March.");
    await page.getByRole("button", { name: "Add note" }).click();
    await page.getByText("Note added to the timeline.").waitFor();
    await page.getByText("Called on Tuesday: keen on weekend chat shifts from March.").waitFor();
    await expect(page.getByLabel("Note", { exact: true }).inputValue()).resolves.toBe("");
    await page.getByLabel("Note", { exact: true }).fill("Prefers email to phone.");
    await page.getByRole("button", { name: "Add note" }).click();
    await page.getByText("Prefers email to phone.").waitFor();
    await expect(page.getByLabel("Note", { exact: true }).inputValue()).resolves.toBe("");
    await page.getByLabel("Add a tag").fill("weekend-shifts");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByText("Tagged “weekend-shifts”.").waitFor();
    // The flag is a restricted action, folded at the end of the page.
    await page.locator("summary", { hasText: "Mark do not rehire" }).click();
    await page.getByLabel("Change the flag").selectOption("yes");
    await page
      .getByLabel("Reason", { exact: true })
      .fill("Shared customer data outside the company in 2022 (case HR-2022-114).");
    await page.getByRole("button", { name: "Save flag" }).click();
    await page.getByText("Marked do not rehire. The reason is in the audit trail.").waitFor();
    await page.getByText("Marked do not rehire", { exact: true }).first().waitFor();

    // Back to the saved view; export it.
    await page.getByRole("link", { name: "← All alumni" }).click();
    await page.getByRole("link", { name: viewName, exact: true }).click();
    await page.waitForURL(
      (url) =>
        url.searchParams.get("consent") === "granted" && url.searchParams.get("q") === surname.toLowerCase(),
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export this view (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^alumni-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    const file = await download.path();
    const text = fs.readFileSync(file, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const table = parse(text.replace(/^\uFEFF/, "")) as string[][];
    expect(table).toHaveLength(2 + CSV_INJECTION_PAYLOADS.length);
    for (const row of table)
      for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r\n]/);
    const header = table[0];
    const kwameRow = table.find((r) => r[header.indexOf("Alumnus id")] === kwame.id);
    expect(kwameRow?.[header.indexOf("Tags")]).toBe("weekend-shifts");
    expect(kwameRow?.[header.indexOf("Do not rehire")]).toBe("yes");

    const actions = await db.auditEvent.findMany({ where: { actorId: hr.id }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "segment.saved",
        "alumnus.note_added",
        "alumnus.tagged",
        "alumnus.restricted_updated",
        "alumni.exported",
      ]),
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});
