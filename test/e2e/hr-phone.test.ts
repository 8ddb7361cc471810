import { subMonths } from "date-fns";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countAudience } from "~/modules/campaigns/audience.server";
import { createCampaign } from "~/modules/campaigns/create-campaign.server";
import { publishInitialPolicy } from "~/modules/eligibility/publish-policy.server";
import { db } from "~/platform/db.server";
import { buildAlumnus, createDecision, createRng, insertAlumni, staffActor } from "../factories";
import { campaignValues, createSegment } from "../factories/campaigns";
import { startTestApp, type TestApp } from "../setup/app-server";
import { launchBrowser } from "./browser";
import { createStaffMember, signInAs } from "./sign-in";

/**
 * Journey: HR's morning on a phone (390 px). HR signs in and sees the to-do counts, opens the
 * review queue from its count, unfolds the filters and narrows the queue to one reason, decides
 * the 25 people on the page at once with one justification, opens the next person and decides
 * them with "Record and open the next person", then launches a campaign after the confirmation
 * that names how many people it writes to (the 25 just decided eligible among them). No page
 * on the way scrolls sideways.
 */
const PHONE = { width: 390, height: 844 };
let app: TestApp;
let browser: Browser;

const monthsAgo = (n: number) => {
  const d = subMonths(new Date(), n);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("journey: HR's review morning on a phone", () => {
  it("sees the counts, filters the queue to one reason, decides 25 people at once, decides the next one and launches a campaign", async () => {
    const hr = await createStaffMember("hr", { name: "Hanna Phone" });
    const decision = await createDecision(db, { title: "2022 support automation" });
    const rng = createRng(20261207);
    const person = (index: number, overrides: Parameters<typeof buildAlumnus>[1]) =>
      buildAlumnus(rng, {
        index,
        decisionId: decision.id,
        department: "Customer Service",
        hireDate: new Date(Date.UTC(2016, 2, 1)),
        exitDate: monthsAgo(30),
        consentReturn: "granted",
        doNotRehire: false,
        legalHold: false,
        ...overrides,
      });
    // 30 whose HR-system flag disagrees with the policy (the reason filtered on), 6 who left for
    // performance (another reason: they stay out of the filtered view), 4 already eligible.
    await insertAlumni(db, [
      ...Array.from({ length: 30 }, (_, i) =>
        person(700_000 + i, { exitReason: "layoff_automation", hrRehireFlag: "review" }),
      ),
      ...Array.from({ length: 6 }, (_, i) =>
        person(700_100 + i, { exitReason: "performance", hrRehireFlag: null }),
      ),
      ...Array.from({ length: 4 }, (_, i) =>
        person(700_200 + i, { exitReason: "layoff_automation", hrRehireFlag: "yes" }),
      ),
    ]);
    await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
    expect(await db.eligibilityVerdict.count({ where: { outcome: "needs_review" } })).toBe(36);
    const segment = await createSegment(db, {
      name: "The 2022 support cohort",
      query: `decisionId=${decision.id}&consent=granted`,
    });
    const campaignName = "Support: come back on your terms";
    const { id: campaignId } = await createCampaign({
      actor: staffActor(hr),
      values: campaignValues(segment.id, { name: campaignName, onlyEligible: true }),
    });

    // Home: the to-do counts, each a link to the work.
    const { page, problems } = await signInAs(browser, app.url, hr, { viewport: PHONE });
    const sideways: string[] = [];
    const checkWidth = async () => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.width) sideways.push(`${new URL(page.url()).pathname} is ${width} px wide`);
    };

    const todos = page.getByRole("region", { name: "What needs doing" });
    const reviews = todos.getByRole("link", { name: /Reviews waiting/ });
    await expect.poll(() => reviews.innerText()).toMatch(/^36\s+Reviews waiting/);
    await checkWidth();
    await reviews.click();
    await page.waitForURL(`${app.url}/staff/eligibility/reviews`);
    await page.getByText("36 people waiting.").waitFor();

    // The filters are folded on a phone: unfold them, then narrow the queue to one reason.
    const filters = page
      .locator("details")
      .filter({ has: page.locator('form[aria-label="Filter the queue"]') });
    await expect.poll(() => filters.getAttribute("open")).toBeNull(); // folded once the page runs
    await checkWidth();
    await filters.locator("summary").click();
    await filters.getByLabel("The HR system's rehire flag disagrees").check();
    await filters.getByLabel("Department").selectOption({ label: "Customer Service (36 waiting)" });
    await filters.getByRole("button", { name: "Show people" }).click();
    await page.waitForURL(/[?&]reason=hr_flag/);
    await page.getByText("30 people waiting in this view.").waitFor();
    await checkWidth();

    // Decide the 25 people on this page at once, with one justification.
    const bulk = page.getByRole("form", { name: "Decide the ticked people" });
    await bulk.getByLabel("Tick everyone on this page (25)").check();
    await bulk.getByLabel("Eligible", { exact: true }).check();
    const justification =
      "They left in the 2022 automation layoff, not for anything they did; the HR system's review flag was set for the whole team.";
    await bulk.getByLabel("Justification").fill(justification);
    await bulk.getByRole("button", { name: "Record for 25 people" }).click();
    await page.getByText(/^Recorded eligible for 25 people, until \d{4}-\d{2}-\d{2}\.$/).waitFor();
    await page.getByText("5 people waiting in this view.").waitFor();
    await checkWidth();
    // Each person has the decision and an audit event of their own; nobody else was touched.
    const decided = await db.eligibilityVerdict.findMany({
      where: { overrideJustification: justification },
      select: { alumnusId: true, overrideOutcome: true },
    });
    expect(decided).toHaveLength(25);
    expect(decided.every((v) => v.overrideOutcome === "eligible")).toBe(true);
    const audited = await db.auditEvent.findMany({
      where: { action: "verdict.review_decided", reason: justification },
      select: { entityId: true },
    });
    expect(new Set(audited.map((a) => a.entityId))).toEqual(new Set(decided.map((v) => v.alumnusId)));
    expect(await db.eligibilityVerdict.count({ where: { overrideOutcome: { not: null } } })).toBe(25);

    // Open the next person waiting in this view, decide them and go on to the one after.
    const results = page.locator("#queue-results");
    const first = results.locator('a[href^="/staff/eligibility/people/"]').first();
    const firstName = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(/\/staff\/eligibility\/people\/[a-z0-9]+\?.*reason=hr_flag/);
    await page.getByRole("heading", { name: firstName }).first().waitFor();
    const firstUrl = page.url();
    await checkWidth();
    const decide = page.getByRole("form", { name: "Decide this review" });
    await decide.getByLabel("Decision", { exact: true }).selectOption("not_eligible");
    await decide
      .getByLabel("Justification")
      .fill("Their manager's references from the last year were weak; we will look again next spring.");
    await decide.getByRole("button", { name: "Record and open the next person" }).click();
    await page.getByText(/This is the next person waiting in your view/).waitFor();
    expect(new URL(page.url()).pathname).not.toBe(new URL(firstUrl).pathname);
    expect(new URL(page.url()).search).toContain("reason=hr_flag");
    await checkWidth();

    // Outreach: the campaign now reaches the people just decided eligible; launching asks first.
    const expected = await countAudience(db, { query: segment.query, quietDays: 30, onlyEligible: true });
    expect(expected.recipients).toBe(29); // 4 eligible before + 25 decided eligible
    await page.locator("summary", { hasText: "Menu" }).click();
    await page
      .getByRole("navigation", { name: "Staff areas" })
      .getByRole("link", { name: "Outreach" })
      .first()
      .click();
    await page.waitForURL(`${app.url}/staff/campaigns`);
    await checkWidth();
    // The list's rows are cards here: the table itself fits the phone (no box to scroll inside).
    await expect(page.locator("main table").evaluate((t) => t.scrollWidth)).resolves.toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.getByRole("link", { name: campaignName }).click();
    await page.waitForURL(`${app.url}/staff/campaigns/${campaignId}`);
    await checkWidth();
    await page.getByText("Launch campaign…").click();
    await page.getByTestId("launch-recipients").filter({ hasText: "29 people" }).waitFor();
    await page.getByRole("button", { name: "Yes, send to 29 people" }).click();
    await page.getByText("Launched.", { exact: false }).first().waitFor();
    await checkWidth();
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(campaign.status).not.toBe("draft");
    expect(campaign.launchedAt).not.toBeNull();

    expect(sideways).toEqual([]);
    expect(problems).toEqual([]);
  });
});
