import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { AUTOMATION_DECISION_TITLE, seedDemoData } from "../../prisma/seed";
import { createAlumnus, unique } from "../factories";
import { createSegment } from "../factories/campaigns";
import { startTestApp, type TestApp } from "../setup/app-server";
import { axeViolations } from "./axe";
import { launchBrowser, watchConsole } from "./browser";
import { createStaffMember, signInAs } from "./sign-in";
import { fillInvitationCampaign } from "./campaign-form";

/**
 * Journey: HR creates a return program for the 2022 decision's phase 2, opens it, points a
 * campaign at it and launches it; an alumnus answers the invitation ("Yes, I'm interested"),
 * follows the answer page on to the program, signs in by email link and applies (the application
 * records the invitation, and the campaign's answers show it); the hiring manager shortlists with a note; HR makes an
 * offer (a draft contract exists); the decision's phase progress shows one offered.
 * Screenshots at phone and desktop widths go to /tmp/shots/pipeline for people to look at.
 */
const SHOTS = "/tmp/shots/pipeline";
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await seedDemoData();
  // Workers on: the campaign's launch job, the sign-in link job and the outbox run as in production.
  app = await startTestApp({ workers: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The newest email of one template to one address, once the workers have written it. */
async function emailTo(address: string, template: string) {
  const find = () =>
    db.outboxMessage.findFirst({ where: { toAddress: address, template }, orderBy: { createdAt: "desc" } });
  await expect.poll(find, { timeout: 60_000, interval: 250 }).toBeTruthy();
  return (await find())!;
}

async function shoot(page: Page, name: string) {
  for (const [label, width] of [
    ["phone", 390],
    ["desktop", 1280],
  ] as const) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
    // The page never scrolls sideways (a wide table scrolls inside its own box); when it does,
    // the elements past the right edge are named.
    const overflow = await page.evaluate((w) => {
      if (document.documentElement.scrollWidth <= w) return [];
      return [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > w + 0.5)
        .slice(-3)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    }, width);
    expect(overflow, `${name} fits ${width} px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function accessible(page: Page, name: string) {
  const violations = await axeViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations)}`).toEqual([]);
}

describe("journey: a return program from creation to an offer", () => {
  it("HR creates and opens a program, an alumnus applies in the portal, the manager shortlists, HR offers", async () => {
    const hrUser = await createStaffMember("hr", { name: "Hanna Berg" });
    const managerUser = await createStaffMember("manager", { name: "Mats Lindqvist" });
    const decision = await db.workforceDecision.findUniqueOrThrow({
      where: { title: AUTOMATION_DECISION_TITLE },
      include: { phases: { orderBy: { position: "asc" } } },
    });
    const phase2 = decision.phases[1];
    const handle = unique("maja");
    const personEmail = `${handle}@example.org`;
    const person = await createAlumnus(db, {
      firstName: "Maja",
      lastName: "Lindgren",
      preferredName: null,
      personalEmail: personEmail,
      engagementPreference: "gig",
      availabilityHours: 15,
      decisionId: decision.id,
      exitDate: new Date("2022-06-30T00:00:00Z"),
      consentReturn: "granted",
      doNotContact: false,
    });
    await db.eligibilityVerdict.deleteMany({ where: { alumnusId: person.id } });
    // A saved view of exactly this person (the demo pool stays out of the journey's campaign).
    const segment = await createSegment(db, { name: "Maja, for the weekend program", query: `q=${handle}` });

    // HR creates the program (a draft), opens it, and points a campaign at it.
    const { page: hr, problems: hrProblems } = await signInAs(browser, app.url, hrUser);
    await hr.goto(`${app.url}/staff/programs/new`);
    await hr.getByLabel("Title").fill("Support specialist (weekend shifts)");
    await hr
      .getByLabel("Description")
      .fill(
        "Help merchants and customers with complex problems, remotely.\n\n- Chat and phone\n- Shifts you choose each week",
      );
    await hr.getByLabel("Decision phase").selectOption(phase2.id);
    await hr.getByLabel("Lowest hourly rate").fill("18.50");
    await hr.getByLabel("Highest hourly rate").fill("24");
    await hr.getByLabel("Openings").fill("10");
    await hr.getByLabel("Hiring manager").selectOption(managerUser.id);
    await hr.getByRole("button", { name: "Create the program" }).click();
    await hr.waitForURL(/\/staff\/programs\/[^/?]+\?saved=created/);
    const programId = new URL(hr.url()).pathname.split("/").pop()!;
    await hr.getByRole("button", { name: "Open for applications" }).click();
    await expect.poll(() => hr.getByText("The program is open").count()).toBeGreaterThan(0);
    await accessible(hr, "program page");
    await shoot(hr, "staff-program");

    await hr.goto(`${app.url}/staff/campaigns/new?segment=${segment.id}`);
    await fillInvitationCampaign(hr, {
      name: "Weekend shifts invitation",
      programId,
      whyNow:
        "In 2022 we let most of our support team go and handed the work to an automated assistant. Customers with hard problems miss talking to a person.",
    });
    // Maja has no verdict yet: the campaign writes to everyone in the view, not only the eligible.
    await hr.getByLabel("Only people whose rehire verdict is eligible").uncheck();
    await shoot(hr, "staff-campaign-new");
    await hr.getByRole("button", { name: "Create draft" }).click();
    await hr.waitForURL(/\/staff\/campaigns\/[a-z0-9]+$/);
    await hr.getByText("for the return program").waitFor();
    // Launching asks once more, naming how many people the email goes to.
    await hr.getByText("Launch campaign…").click();
    await hr.getByRole("button", { name: /^Yes, send to \d+ (person|people)$/ }).click();
    await hr.getByText("Launched.").waitFor();
    const campaign = await db.campaign.findFirstOrThrow({ where: { name: "Weekend shifts invitation" } });
    expect(campaign.programId).toBe(programId);

    // The alumnus answers the invitation from its email: yes, interested.
    const alumContext = await browser.newContext();
    const alum = await alumContext.newPage();
    const alumProblems = watchConsole(alum);
    const invitation = await emailTo(personEmail, "return-invitation");
    const answerLink = /https?:\/\/\S+\/portal\/answer\/[A-Za-z0-9._-]+/.exec(invitation.text)![0];
    await alum.goto(`${app.url}${new URL(answerLink).pathname}`);
    await alum.getByLabel("Yes, I'm interested").check();
    await alum.getByRole("button", { name: "Send my answer" }).click();
    await alum.getByRole("heading", { name: "Thank you, Maja" }).waitFor();
    expect(await db.invitationAnswer.findFirst({ where: { alumnusId: person.id } })).toMatchObject({
      answer: "interested",
    });
    await accessible(alum, "answer given");
    await shoot(alum, "portal-answer-done");

    // The answer page leads on to the program: sign in by email link, land on its apply form.
    await alum.getByRole("link", { name: "Apply for Support specialist (weekend shifts)" }).click();
    await alum.waitForURL(/\/portal\/sign-in\?redirectTo=/);
    await alum.getByLabel("Email address").fill(personEmail);
    await alum.getByRole("button", { name: "Email me a sign-in link" }).click();
    await alum.getByText("Check your email").first().waitFor();
    const message = await emailTo(personEmail, "sign-in-link");
    const link = new URL(
      /https?:\/\/\S+\/portal\/sign-in\/[A-Za-z0-9_-]+(\?next=\S+)?/.exec(message.text)![0],
    );
    await alum.goto(`${app.url}${link.pathname}${link.search}`);
    await alum.getByRole("button", { name: "Sign in" }).click();
    await alum.waitForURL(`${app.url}/portal/programs/${programId}?campaign=${campaign.id}`);
    await expect(await alum.getByLabel("Hours a week you could work").inputValue()).toBe("15");
    await accessible(alum, "portal program");
    await shoot(alum, "portal-program");
    await alum.getByRole("button", { name: "Send my application" }).click();
    await expect.poll(() => alum.getByText("Tell us in a few sentences").count()).toBeGreaterThan(0);
    await alum
      .getByLabel("Why would you like to come back?")
      .fill("I loved solving the hard cases, and my weekends are free again.");
    await alum.getByLabel("Saturday").check();
    await alum.getByRole("button", { name: "Send my application" }).click();
    await alum.waitForURL(`${app.url}/portal/applications?sent=1`);
    await alum.getByText("We have your application. Someone will read it soon.").waitFor();
    await accessible(alum, "portal applications");
    await shoot(alum, "portal-applications");
    await alum.getByRole("link", { name: "Ways back" }).first().click();
    await alum.waitForURL(`${app.url}/portal/programs`);
    await accessible(alum, "portal programs");
    await shoot(alum, "portal-programs");
    const application = await db.application.findFirstOrThrow({ where: { programId, alumnusId: person.id } });
    // It came from the invitation: the campaign is recorded with it.
    expect(application).toMatchObject({
      status: "submitted",
      source: "invitation",
      campaignId: campaign.id,
      availabilityHours: 15,
    });
    expect(application.availabilityDays).toContain("sat");
    await hr.goto(`${app.url}/staff/campaigns/${campaign.id}`);
    await hr.getByRole("link", { name: /^Submitted/ }).waitFor();
    await accessible(hr, "campaign answers");
    await shoot(hr, "staff-campaign-answers");

    // The hiring manager shortlists with a note.
    const { page: mgr, problems: mgrProblems } = await signInAs(browser, app.url, managerUser);
    await mgr.goto(`${app.url}/staff/pipeline?view=board`);
    await shoot(mgr, "staff-pipeline-board");
    await mgr.getByRole("link", { name: "Maja Lindgren" }).first().click();
    await mgr.waitForURL(`${app.url}/staff/applications/${application.id}`);
    await accessible(mgr, "application page (manager)");
    await mgr.getByLabel("Note with the move (optional)").fill("Strong on disputes; weekends suit us.");
    await mgr.getByRole("button", { name: "Shortlist" }).click();
    await mgr.getByText("Moved to “Shortlisted”.").waitFor();
    expect(await mgr.getByRole("button", { name: /Make the offer/ }).count()).toBe(0);

    // HR makes the offer: the application is offered and a draft contract exists.
    await hr.goto(`${app.url}/staff/pipeline`);
    await accessible(hr, "pipeline list");
    await shoot(hr, "staff-pipeline-list");
    await hr.goto(`${app.url}/staff/applications/${application.id}`);
    await hr.getByText("Strong on disputes; weekends suit us.").waitFor();
    await hr.getByLabel("Hourly rate (EUR)").fill("20.00");
    await hr.getByLabel("Maximum hours per week").fill("16");
    await hr.getByRole("button", { name: "Make the offer (drafts the contract)" }).click();
    await hr.getByText("Offer started").first().waitFor();
    await shoot(hr, "staff-application");
    const contract = await db.gigContract.findUniqueOrThrow({ where: { applicationId: application.id } });
    expect(contract.status).toBe("draft");
    expect(contract.hourlyRate.toFixed(2)).toBe("20.00");

    // Phase progress shows one offered.
    await hr.goto(`${app.url}/staff/decisions/${decision.id}`);
    const table = hr.getByRole("table", { name: `${phase2.name}: target headcount against applications` });
    // The figure in the "Offered" row, as shown on screen.
    const offered = table.getByRole("row", { name: /^Offered/ }).getByRole("cell");
    await expect.poll(() => offered.innerText()).toBe("1");
    await shoot(hr, "staff-decision-progress");
    // The person's way back on HR's profile: offered, with the application beside it.
    await hr.goto(`${app.url}/staff/alumni/${person.id}`);
    const line = hr.getByRole("list", { name: "Return status" });
    await expect.poll(() => line.locator("[aria-current=step]").textContent()).toMatch(/^Offered/);
    await hr.getByRole("link", { name: "Support specialist (weekend shifts)" }).waitFor();
    await accessible(hr, "profile with the way back");
    await shoot(hr, "staff-profile-journey");
    await alum.goto(`${app.url}/portal/applications`);
    await alum.getByText("We would like you back. An offer is being prepared for you.").waitFor();

    expect([...hrProblems, ...alumProblems, ...mgrProblems]).toEqual([]);
  }, 300_000);
});
