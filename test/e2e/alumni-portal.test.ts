import fs from "node:fs";
import { simpleParser } from "mailparser";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCampaign } from "~/modules/campaigns/create-campaign.server";
import { launchCampaign } from "~/modules/campaigns/launch-campaign.server";
import { fanOut, snapshotAudience } from "~/modules/campaigns/run-campaign.server";
import { publishInitialPolicy } from "~/modules/eligibility/publish-policy.server";
import { db } from "~/platform/db.server";
import { createSession } from "~/platform/session.server";
import { createAlumnus, createDecision, createStaffUser, staffActor, unique } from "../factories";
import { campaignValues, createSegment } from "../factories/campaigns";
import type { TestApp } from "../setup/app-server";
import { startAppWithSmtpSink } from "../smtp/app-with-sink";
import type { SmtpSink } from "../smtp/sink";
import { launchBrowser, signInStaff, watchConsole } from "./browser";

/**
 * Journey: a former colleague gets a campaign invitation (read from a real SMTP server), says
 * "Yes, I'm interested" from the email's button, signs in to the alumni site with an email link
 * (read from the same server) confirmed on the page, updates their availability, asks for their
 * eligibility to be looked at again and downloads their data. HR then sees the yes on the
 * campaign and on the person's profile (with the availability change), and the request in the
 * review queue.
 */
const PASSWORD = "journey portal hr password";
let app: TestApp;
let browser: Browser;
let sink: SmtpSink;
let stopApp: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ app, sink, close: stopApp } = await startAppWithSmtpSink());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stopApp?.();
});

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > 60_000) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The parsed emails the SMTP server received for an address, oldest first. */
async function mailsTo(address: string) {
  const mails = sink.mails.filter((m) => m.rcptTo.includes(address));
  return Promise.all(mails.map((m) => simpleParser(m.raw)));
}

/** The first link in an email's plain-text part whose path starts with `path`. */
function linkIn(text: string | undefined, path: string): string {
  const match = new RegExp(`https?://\\S*${path}[^\\s<>"]*`).exec(text ?? "");
  if (!match) throw new Error(`No ${path} link in the email.`);
  return match[0];
}

describe("journey: a former colleague comes back through the portal", () => {
  it(
    "says yes from the invitation email, signs in with an email link, updates availability, asks for a review, downloads their data; HR sees all of it",
    { timeout: 300_000 },
    async () => {
      const hrUser = await createStaffUser(db, { role: "hr", name: "Hanna Berg", password: PASSWORD });
      const hr = staffActor(hrUser);
      const decision = await createDecision(db);
      const email = `${unique("maja")}@mail.example.org`;
      const person = await createAlumnus(db, {
        firstName: "Maja",
        lastName: "Lindqvist",
        preferredName: null,
        personalEmail: email,
        workEmail: `${unique("maja")}@former.example`,
        decisionId: decision.id,
        consentReturn: "granted",
        consentNews: "granted",
        doNotContact: false,
        exitDate: new Date("2022-06-01"),
      });
      await db.employmentPeriod.create({
        data: {
          alumnusId: person.id,
          startDate: new Date("2018-02-01T00:00:00Z"),
          endDate: new Date("2022-06-01T00:00:00Z"),
          jobTitle: "Support agent",
          department: "Customer Service",
        },
      });
      await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
      const segment = await createSegment(db, { query: `decisionId=${decision.id}` });
      const campaignName = "Come back to support";
      const { id: campaignId } = await createCampaign({
        actor: hr,
        values: campaignValues(segment.id, { name: campaignName }),
      });
      await launchCampaign({ actor: hr, campaignId });
      // The launch job does the same; both steps are guarded, so whichever runs first wins.
      await snapshotAudience(campaignId);
      await fanOut(campaignId);
      expect(await db.outboxMessage.count({ where: { campaignId } })).toBe(1);

      // The invitation arrives at the mail server; its main button opens the answer page.
      const [invitation] = await until("the invitation", async () => {
        const mails = await mailsTo(email);
        return mails.length > 0 && mails;
      });
      expect(invitation.subject).toBe("Would you like to work with us again, Maja?");
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
      const problems = watchConsole(page);
      await page.goto(linkIn(invitation.text, "/portal/answer/"));
      await page.getByRole("heading", { name: /Would you like to work with us again, Maja/ }).waitFor();
      await page.getByLabel("Yes, I'm interested").check();
      await page.getByLabel("Hours a week").selectOption({ label: "10 to 20 hours" });
      await page.getByLabel("Earliest start").selectOption({ label: "Within a month" });
      await page.getByRole("button", { name: "Send my answer" }).click();
      await page.getByRole("heading", { name: "Thank you, Maja" }).waitFor();
      expect(
        await db.invitationAnswer.findUniqueOrThrow({
          where: { campaignId_alumnusId: { campaignId, alumnusId: person.id } },
        }),
      ).toMatchObject({ answer: "interested" });
      // The answer page does not sign anyone in.
      expect((await page.context().cookies()).map((c) => c.name)).toEqual([]);

      // Sign in by email link: ask, read the link from the mail server, confirm on the page.
      await page.goto(`${app.url}/portal/sign-in`);
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await page.getByRole("heading", { name: "Check your email" }).waitFor();
      const signIn = await until("the sign-in link", async () =>
        (await mailsTo(email)).find((m) => m.text?.includes("/portal/sign-in/")),
      );
      const signInLink = linkIn(signIn.text, "/portal/sign-in/");
      await page.goto(signInLink);
      // Opening the link only shows the confirmation; the session starts on the button.
      expect(await db.session.count({ where: { alumnusId: person.id } })).toBe(0);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${app.url}/portal`);
      await page.getByRole("heading", { name: "Welcome back, Maja Lindqvist" }).waitFor();
      expect(await db.session.count({ where: { alumnusId: person.id } })).toBe(1);

      // Availability. Past roles are shown from HR's records, read-only.
      await page.goto(`${app.url}/portal/profile`);
      const roles = page.locator("section", {
        has: page.getByRole("heading", { name: "Your roles with us" }),
      });
      await roles.getByText("Support agent, Customer Service").waitFor();
      expect(await roles.locator("input, textarea, select").count()).toBe(0);
      await page.getByLabel("Hours per week").fill("16");
      await page.getByLabel("Tuesday").check();
      await page.getByLabel("Wednesday").check();
      await page.getByLabel("From", { exact: true }).fill("09:00");
      await page.getByLabel("Until", { exact: true }).fill("13:00");
      await page.getByRole("button", { name: "Save your profile" }).click();
      await page.getByText("Saved. HR sees your changes straight away.").waitFor();
      const saved = await db.alumnus.findUniqueOrThrow({ where: { id: person.id } });
      expect(saved).toMatchObject({
        availabilityHours: 16,
        availabilityFrom: "09:00",
        availabilityTo: "13:00",
      });
      expect(saved.availabilityDays).toEqual(expect.arrayContaining(["tue", "wed"]));

      // Ask for the eligibility verdict to be looked at again.
      const reviewMessage = "I left to finish my degree; my exit reason says otherwise.";
      await page.goto(`${app.url}/portal/eligibility`);
      await page.getByLabel("Your message").fill(reviewMessage);
      await page.getByRole("button", { name: "Send to HR" }).click();
      await page.getByText("Thank you. Your request is with HR").waitFor();

      // Download everything held about them.
      await page.goto(`${app.url}/portal/privacy`);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download as JSON (for computers)" }).click(),
      ]);
      const exported = fs.readFileSync((await download.path()) as string, "utf8");
      expect(exported).toContain(person.id);
      expect(exported).toContain(campaignId);
      expect(exported).toContain(reviewMessage);
      expect(JSON.parse(exported)).toBeTruthy();
      expect(problems).toEqual([]);

      // HR: the yes on the campaign and on the profile, the request in the review queue.
      const hrContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const hrPage = await hrContext.newPage();
      const hrProblems = watchConsole(hrPage);
      await signInStaff(hrPage, app.url, { email: hrUser.email, password: PASSWORD });
      await hrPage.goto(`${app.url}/staff/campaigns/${campaignId}`);
      await hrPage.getByRole("heading", { name: campaignName }).waitFor();
      await expect.poll(() => hrPage.getByRole("link", { name: /^1\s*Interested$/ }).count()).toBe(1);
      const answers = hrPage.getByRole("table", { name: "Who answered what" });
      await answers.getByRole("link", { name: "Maja Lindqvist" }).waitFor();
      await answers.getByText("10 to 20 hours a week; could start within a month").waitFor();

      await answers.getByRole("link", { name: "Maja Lindqvist" }).click();
      await hrPage.waitForURL(`${app.url}/staff/alumni/${person.id}`);
      await hrPage.getByText(`Answered the invitation “${campaignName}”: Interested`).waitFor();
      await hrPage.getByText("Profile updated by the person").first().waitFor();
      await hrPage.getByText(/Hours per week: .* → 16/).waitFor();
      await hrPage.getByText("Asked for their eligibility to be looked at again").waitFor();

      await hrPage.goto(`${app.url}/staff/eligibility/reviews`);
      await hrPage.getByText(reviewMessage).waitFor();
      expect(hrProblems).toEqual([]);
      await hrContext.close();
      await page.close();
    },
  );

  it("signing out of the portal or of the staff site in the same browser ends only that session", async () => {
    const hrUser = await createStaffUser(db, { role: "hr", name: "Hanna Both", password: PASSWORD });
    const person = await createAlumnus(db, { personalEmail: `${unique("both")}@mail.example.org` });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    async function addAlumniSession(into: BrowserContext) {
      const [pair] = (await createSession({ alumnusId: person.id }, {})).setCookie.split(";");
      const at = pair.indexOf("=");
      await into.addCookies([{ name: pair.slice(0, at), value: pair.slice(at + 1), url: app.url }]);
    }
    const sessionCookies = async () =>
      (await context.cookies())
        .map((c) => c.name)
        .filter((n) => n.endsWith("_session"))
        .sort();

    // Portal sign-out first: the staff session stays.
    await signInStaff(page, app.url, { email: hrUser.email, password: PASSWORD });
    await addAlumniSession(context);
    await page.goto(`${app.url}/portal`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${app.url}/portal/sign-in?signedOut=1`);
    expect(await sessionCookies()).toEqual(["comeback_session"]);
    await page.goto(`${app.url}/staff`);
    expect(new URL(page.url()).pathname).toBe("/staff");
    await page.getByRole("button", { name: "Sign out" }).waitFor();

    // Staff sign-out: the alumni session stays.
    await addAlumniSession(context);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${app.url}/sign-in`);
    expect(await sessionCookies()).toEqual(["portal_session"]);
    await page.goto(`${app.url}/portal`);
    expect(new URL(page.url()).pathname).toBe("/portal");
    expect(await db.session.count({ where: { alumnusId: person.id, revokedAt: null } })).toBe(1);
    expect(await db.session.count({ where: { userId: hrUser.id, revokedAt: null } })).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
