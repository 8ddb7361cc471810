import { subMonths } from "date-fns";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishInitialPolicy } from "~/modules/eligibility/publish-policy.server";
import { db } from "~/platform/db.server";
import { createAlumnus } from "../factories";
import { startTestApp, type TestApp } from "../setup/app-server";
import { launchBrowser } from "./browser";
import { signInAsHr } from "./sign-in";

/**
 * Journey: HR shortens the cooling-off period from 12 to 6 months in a draft, reads the what-if,
 * publishes (the background job re-evaluates everyone while the page shows progress), opens the
 * review queue, decides one person's review with a justification and sees the decision beside
 * the computed verdict on that person's eligibility page.
 */
let app: TestApp;
let browser: Browser;

const monthsAgo = (n: number) => {
  const d = subMonths(new Date(), n);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};

beforeAll(async () => {
  app = await startTestApp({ workers: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("journey: changing the eligibility policy and deciding a review", () => {
  it("HR edits the draft, sees the what-if, publishes, decides a review and sees it on the person's page", async () => {
    const base = {
      hireDate: new Date(Date.UTC(2016, 2, 1)),
      hrRehireFlag: "yes" as const,
      consentReturn: "granted" as const,
      exitReason: "layoff_automation" as const,
    };
    await createAlumnus(db, {
      ...base,
      firstName: "Amara",
      lastName: "Recent",
      exitDate: monthsAgo(8),
      department: "Customer Service",
    });
    await createAlumnus(db, {
      ...base,
      firstName: "Oskar",
      lastName: "Recent",
      exitDate: monthsAgo(7),
      department: "Customer Service",
    });
    await createAlumnus(db, {
      ...base,
      firstName: "Linnea",
      lastName: "Longago",
      exitDate: monthsAgo(30),
      department: "Operations",
    });
    const reviewed = await createAlumnus(db, {
      ...base,
      firstName: "Jonas",
      lastName: "Reviewed",
      exitDate: monthsAgo(30),
      exitReason: "performance",
      hrRehireFlag: "review",
    });
    await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));

    const { page, problems } = await signInAsHr(browser, app.url, { name: "Hanna Policy" });
    await page.getByRole("link", { name: "Eligibility", exact: true }).click();
    await page.waitForURL(`${app.url}/staff/eligibility`);
    await expect
      .poll(() => page.getByRole("heading", { name: "Published policy · version 1" }).count())
      .toBe(1);

    // The draft: cooling-off 12 -> 6 months.
    await page.getByRole("link", { name: "Edit the policy" }).click();
    await page.waitForURL(`${app.url}/staff/eligibility/draft`);
    const coolingOff = page.getByLabel("Cooling-off after leaving (months)");
    expect(await coolingOff.inputValue()).toBe("12");
    await coolingOff.fill("6");
    await page
      .getByLabel("What changes and why (optional)")
      .fill("Shorter cooling-off for the 2025 return programme.");
    await page.getByRole("button", { name: "Save draft and see the what-if" }).click();

    // The what-if: two people become eligible, both in Customer Service.
    const whatIf = page.getByTestId("what-if");
    await whatIf.getByText("Cooling-off: 12 months → 6 months").waitFor();
    expect(await whatIf.innerText()).toContain(
      "2 of 4 verdicts would change: 2 more eligible, 0 less eligible.",
    );
    await whatIf.getByRole("link", { name: "Customer Service" }).waitFor(); // exactly one: a second match fails strict mode
    await whatIf.getByRole("link", { name: "See all 2 people affected" }).click();
    await page.waitForURL(`${app.url}/staff/eligibility/what-if`);
    await page.getByRole("link", { name: "Amara Recent" }).waitFor(); // exactly one: a second match fails strict mode
    await page.getByRole("link", { name: "Oskar Recent" }).waitFor(); // exactly one: a second match fails strict mode
    await page.getByRole("link", { name: "← Draft policy" }).click();
    await page.waitForURL(`${app.url}/staff/eligibility/draft`);

    // Publish: the overview shows the re-evaluation until it is done.
    await page.getByRole("button", { name: "Publish version 2" }).click();
    await page.waitForURL(`${app.url}/staff/eligibility?published=2`);
    await page.getByRole("heading", { name: "Published policy · version 2" }).waitFor();
    await page
      .getByText("Re-evaluated 4 people under version 2; 2 verdicts changed.")
      .waitFor({ timeout: 60_000 });
    expect(await db.eligibilityVerdict.count({ where: { policyVersion: 2, outcome: "eligible" } })).toBe(3);

    // The review queue: decide Jonas's review with a justification.
    await page.getByRole("link", { name: /Review queue/ }).click();
    await page.waitForURL(`${app.url}/staff/eligibility/reviews`);
    await page.getByRole("link", { name: "Jonas Reviewed" }).click();
    await page.waitForURL(`${app.url}/staff/eligibility/people/${reviewed.id}`);
    const decide = page.getByRole("form", { name: "Decide this review" });
    await decide.getByLabel("Decision", { exact: true }).selectOption("eligible");
    await decide
      .getByLabel("Justification")
      .fill(
        "His performance issues came from a team that no longer exists; his later references are strong.",
      );
    await decide.getByRole("button", { name: "Record and stay here" }).click();
    // The person is no longer waiting: the form becomes the override form, with the confirmation in it.
    await page
      .getByRole("form", { name: "Override the verdict" })
      .getByText(/^Recorded: eligible, until/)
      .waitFor();

    // Seen on the person's page after a reload: the decision beside the computed verdict.
    await page.reload();
    const panel = page.getByTestId("verdict-panel");
    await panel.getByText("Review decision: Eligible").waitFor();
    const text = await panel.innerText();
    expect(text).toContain("HR decision in force");
    expect(text).toContain("His performance issues came from a team that no longer exists");
    expect(text).toContain("Computed: Needs review");
    expect(text).toContain("Review decision: Needs review → Eligible");
    expect(text).toMatch(/Left for "performance"; the policy says needs review\./);

    // And the queue is empty again.
    await page.goto(`${app.url}/staff/eligibility/reviews`);
    await page.getByText("Nobody is waiting for review").waitFor();
    expect(problems).toEqual([]);
  });
});
