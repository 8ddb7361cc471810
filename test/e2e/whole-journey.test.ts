import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { db } from "~/platform/db.server";
import { WORKDAY_MAPPING_COLUMNS, WORKDAY_MAPPING_NAME } from "../../prisma/seed";
import { createDecision, createStaffUser } from "../factories";
import type { TestApp } from "../setup/app-server";
import { startAppWithSmtpSink } from "../smtp/app-with-sink";
import type { SmtpSink } from "../smtp/sink";
import { axeViolations } from "./axe";
import { launchBrowser, signInStaff, watchConsole } from "./browser";
import { fillInvitationCampaign } from "./campaign-form";

/**
 * The whole product, once, in a real browser (issue 17): HR imports the Workday sample export
 * into a phased decision, publishes the eligibility policy, creates and opens a return program
 * in phase 2, saves a view of one returning colleague and launches a campaign to it. The
 * invitation arrives at a real SMTP server; the person says yes, signs in with the emailed link
 * and applies. The hiring manager shortlists; HR makes the offer and sends the contract for
 * approval; the manager approves; HR sends the offer; the person accepts it from the emailed
 * link and finishes their onboarding steps, HR and the manager finish theirs, and the overview
 * shows one more active person in phase 2. Every step is photographed (desktop, and phone for the
 * portal) into test-results/whole-journey; `docs/screenshots/` holds copies of the main ones.
 */
const PASSWORD = "whole journey password";
const SHOTS = path.resolve("test-results/whole-journey");
let app: TestApp;
let browser: Browser;
let sink: SmtpSink;
let stopApp: (() => Promise<void>) | undefined;

beforeAll(async () => {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  ({ app, sink, close: stopApp } = await startAppWithSmtpSink());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stopApp?.();
});

let step = 0;
/** A numbered screenshot of the page as it is now (and at phone width when asked). */
async function shoot(page: Page, name: string, options: { phone?: boolean } = {}) {
  step++;
  const prefix = String(step).padStart(2, "0");
  await page.screenshot({ path: `${SHOTS}/${prefix}-${name}-desktop.png`, fullPage: true });
  if (options.phone) {
    const size = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/${prefix}-${name}-phone.png`, fullPage: true });
    if (size) await page.setViewportSize(size);
  }
}

async function accessible(page: Page, name: string) {
  const violations = await axeViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations)}`).toEqual([]);
}

/** The parsed emails the SMTP server received for an address, oldest first. */
async function mailsTo(address: string) {
  const mails = sink.mails.filter((m) => m.rcptTo.includes(address));
  return Promise.all(mails.map((m) => simpleParser(m.raw)));
}

/** The first email to `address` whose plain text has a link to `linkPath`, as that link. */
async function linkFromMail(address: string, linkPath: string) {
  const pattern = new RegExp(`https?://\\S*${linkPath}[^\\s<>"]*`);
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        for (const mail of await mailsTo(address)) {
          link = pattern.exec(mail.text ?? "")?.[0];
          if (link) return true;
        }
        return false;
      },
      { timeout: 60_000, interval: 250 },
    )
    .toBe(true);
  return link!;
}

/** The "Active" cell of a phase's row in the overview's phase table. */
async function activeInPhase(page: Page, phaseLabel: string) {
  await page.goto(`${app.url}/staff/overview`);
  const table = page.getByRole("table", {
    name: "Target headcount and people contracted and active, per phase",
  });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: phaseLabel }) });
  return Number((await row.getByRole("cell").last().innerText()).trim());
}

describe("journey: the whole product, from an HR export to a colleague at work again", () => {
  it(
    "import, policy, program, campaign, email, yes, application, shortlist, offer, approval, acceptance, onboarding, overview",
    { timeout: 600_000 },
    async () => {
      const hrUser = await createStaffUser(db, { role: "hr", name: "Hanna Berg", password: PASSWORD });
      const managerUser = await createStaffUser(db, {
        role: "manager",
        name: "Mats Lindqvist",
        password: PASSWORD,
      });
      // The decision the export's people left under, in two phases with their targets.
      const decision = await createDecision(db, {
        title: "2020 support automation",
        phases: {
          create: [
            { position: 1, name: "Pilot", startsOn: new Date("2026-01-01T00:00:00Z"), targetHeadcount: 5 },
            {
              position: 2,
              name: "Weekend cover",
              startsOn: new Date("2026-06-01T00:00:00Z"),
              targetHeadcount: 12,
            },
          ],
        },
      });
      const phase2 = await db.decisionPhase.findFirstOrThrow({
        where: { decisionId: decision.id, position: 2 },
      });
      // The saved Workday mapping, as an earlier import left it.
      await db.importMapping.create({
        data: {
          name: WORKDAY_MAPPING_NAME,
          system: "workday",
          dateFormat: "us",
          columns: WORKDAY_MAPPING_COLUMNS,
          valueMaps: { exitReason: {} },
        },
      });

      const hrContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const hr = await hrContext.newPage();
      // When a step fails, every open page as it was is kept beside the step photographs.
      onTestFailed(async () => {
        for (const [i, page] of browser
          .contexts()
          .flatMap((c) => c.pages())
          .entries())
          await page.screenshot({ path: `${SHOTS}/failed-${i}.png`, fullPage: true }).catch(() => {});
      });
      const hrProblems = watchConsole(hr);
      await signInStaff(hr, app.url, { email: hrUser.email, password: PASSWORD });
      const phaseLabel = `${decision.title} · ${phase2.name}`;
      const activeBefore = await activeInPhase(hr, phaseLabel);

      // 1. HR imports the Workday export into the decision.
      await hr.goto(`${app.url}/staff/imports/new`);
      await hr.getByLabel("Saved mapping (optional)").selectOption({ label: WORKDAY_MAPPING_NAME });
      await hr
        .getByLabel("CSV file")
        .setInputFiles(path.join(import.meta.dirname, "../fixtures/workday-terminations-sample.csv"));
      await hr.getByRole("button", { name: "Upload and continue" }).click();
      await hr.waitForURL(/\/mapping\?mappingId=/);
      await hr
        .getByLabel("Workforce decision for everyone in this file (optional)")
        .selectOption({ label: decision.title });
      await shoot(hr, "import-mapping");
      await hr.getByRole("button", { name: "Check the whole file (dry run)" }).click();
      await hr.getByRole("heading", { name: "Dry run: what the import will do" }).waitFor();
      await hr.getByRole("button", { name: "Import 60 people" }).click();
      await hr.getByRole("heading", { name: "Result" }).waitFor();
      await expect
        .poll(() => db.alumnus.count({ where: { decisionId: decision.id, source: "import" } }), {
          timeout: 60_000,
        })
        .toBe(60);
      // The page refreshes itself while the import runs; look at it once it is done.
      await hr.reload();
      await hr.getByRole("heading", { name: "Result" }).waitFor();
      await accessible(hr, "import result");
      await shoot(hr, "import-result");

      // 2. HR publishes the eligibility policy; everyone gets a verdict.
      await hr.goto(`${app.url}/staff/eligibility/draft`);
      await hr.getByRole("button", { name: "Save draft and see the what-if" }).click();
      await hr.getByTestId("what-if").waitFor();
      await hr.getByRole("button", { name: "Publish version 1" }).click();
      await hr.waitForURL(`${app.url}/staff/eligibility?published=1`);
      await hr.getByText(/^Re-evaluated 60 people under version 1/).waitFor({ timeout: 60_000 });
      // The page refreshes itself while the job runs; look at it once it is done.
      await hr.goto(`${app.url}/staff/eligibility`);
      await hr.getByText(/^Re-evaluated 60 people under version 1/).waitFor();
      await accessible(hr, "eligibility published");
      await shoot(hr, "policy-published");

      // The returning colleague: eligible, from the export. Consent is the person's to give and
      // no export carries it; this one gave it on the alumni site before the campaign.
      const person = await db.alumnus.findFirstOrThrow({
        where: {
          decisionId: decision.id,
          personalEmail: { not: null },
          eligibilityVerdict: { outcome: "eligible" },
        },
        orderBy: { hrId: "asc" },
      });
      await db.alumnus.update({ where: { id: person.id }, data: { consentReturn: "granted" } });
      const email = person.personalEmail!;
      const name = `${person.preferredName || person.firstName} ${person.lastName}`;
      const firstName = person.preferredName || person.firstName;

      // 3. HR creates the program for phase 2 and opens it.
      await hr.goto(`${app.url}/staff/programs/new`);
      await hr.getByLabel("Title").fill("Dispute specialist (weekend shifts)");
      await hr
        .getByLabel("Description")
        .fill("Help customers with disputes the assistant cannot settle, remotely.\n\n- Chat and phone");
      await hr.getByLabel("Decision phase").selectOption(phase2.id);
      await hr.getByLabel("Lowest hourly rate").fill("19");
      await hr.getByLabel("Highest hourly rate").fill("25");
      await hr.getByLabel("Openings").fill("12");
      await hr.getByLabel("Hiring manager").selectOption(managerUser.id);
      await hr.getByRole("button", { name: "Create the program" }).click();
      await hr.waitForURL(/\/staff\/programs\/[^/?]+\?saved=created/);
      const programId = new URL(hr.url()).pathname.split("/").pop()!;
      await hr.getByRole("button", { name: "Open for applications" }).click();
      await expect.poll(() => hr.getByText("The program is open").count()).toBeGreaterThan(0);
      await shoot(hr, "program-open");

      // 4. HR saves a view of this person and launches a campaign to it.
      await hr.goto(`${app.url}/staff/alumni?q=${encodeURIComponent(email)}`);
      await hr.getByRole("link", { name }).first().waitFor();
      await hr.getByLabel("Save this view as").fill(`${name}, weekend shifts`);
      await hr.getByRole("button", { name: "Save view" }).click();
      await hr
        .getByRole("link", { name: /Start a campaign to this view/ })
        .first()
        .click();
      await hr.waitForURL(/\/staff\/campaigns\/new\?segment=/);
      await fillInvitationCampaign(hr, {
        name: "Weekend disputes invitation",
        programId,
        whyNow:
          "In 2020 we handed routine support to an automated assistant. Customers with hard disputes miss talking to a person.",
      });
      await hr.getByRole("button", { name: "Create draft" }).click();
      await hr.waitForURL(/\/staff\/campaigns\/[a-z0-9]+$/);
      await hr.getByText("Launch campaign…").click();
      await hr.getByRole("button", { name: "Yes, send to 1 person" }).click();
      await hr.getByText("Launched.").waitFor();
      await shoot(hr, "campaign-launched");
      const campaign = await db.campaign.findFirstOrThrow({ where: { name: "Weekend disputes invitation" } });

      // 5. The invitation arrives at the SMTP server; the person says yes from its button.
      const alumContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const alum = await alumContext.newPage();
      const alumProblems = watchConsole(alum);
      const answerLink = await linkFromMail(email, "/portal/answer/");
      const [invitation] = await mailsTo(email);
      expect(invitation.subject).toBe(`Would you like to work with us again, ${firstName}?`);
      await alum.goto(answerLink);
      await alum.getByLabel("Yes, I'm interested").check();
      await alum.getByRole("button", { name: "Send my answer" }).click();
      await alum.getByRole("heading", { name: `Thank you, ${firstName}` }).waitFor();
      await accessible(alum, "answer given");
      await shoot(alum, "portal-answer", { phone: true });

      // 6. Signs in with the emailed link and applies.
      await alum.getByRole("link", { name: "Apply for Dispute specialist (weekend shifts)" }).click();
      await alum.waitForURL(/\/portal\/sign-in\?redirectTo=/);
      await alum.getByLabel("Email address").fill(email);
      await alum.getByRole("button", { name: "Email me a sign-in link" }).click();
      await alum.getByText("Check your email").first().waitFor();
      await alum.goto(await linkFromMail(email, "/portal/sign-in/"));
      await alum.getByRole("button", { name: "Sign in" }).click();
      await alum.waitForURL(`${app.url}/portal/programs/${programId}?campaign=${campaign.id}`);
      await alum.getByLabel("Hours a week you could work").fill("15");
      await alum
        .getByLabel("Why would you like to come back?")
        .fill("I loved solving the hard cases, and my weekends are free again.");
      await alum.getByLabel("Saturday").check();
      await shoot(alum, "portal-apply", { phone: true });
      await alum.getByRole("button", { name: "Send my application" }).click();
      await alum.waitForURL(`${app.url}/portal/applications?sent=1`);
      await accessible(alum, "portal applications");
      const application = await db.application.findFirstOrThrow({
        where: { programId, alumnusId: person.id },
      });
      expect(application).toMatchObject({
        status: "submitted",
        source: "invitation",
        campaignId: campaign.id,
      });

      // 7. The hiring manager shortlists.
      const mgrContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const mgr = await mgrContext.newPage();
      const mgrProblems = watchConsole(mgr);
      await signInStaff(mgr, app.url, { email: managerUser.email, password: PASSWORD });
      await mgr.goto(`${app.url}/staff/applications/${application.id}`);
      await mgr.getByLabel("Note with the move (optional)").fill("Strong on disputes; weekends suit us.");
      await mgr.getByRole("button", { name: "Shortlist" }).click();
      await mgr.getByText("Moved to “Shortlisted”.").waitFor();
      await shoot(mgr, "manager-shortlisted");

      // 8. HR makes the offer and sends the drafted contract for approval.
      await hr.goto(`${app.url}/staff/applications/${application.id}`);
      await hr.getByLabel("Hourly rate (EUR)").fill("21.00");
      await hr.getByLabel("Maximum hours per week").fill("16");
      await hr.getByRole("button", { name: "Make the offer (drafts the contract)" }).click();
      await hr.getByText("Offer started").first().waitFor();
      const contract = await db.gigContract.findUniqueOrThrow({ where: { applicationId: application.id } });
      await hr.goto(`${app.url}/staff/contracts/${contract.id}`);
      await hr.getByLabel("Minimum hours a week").fill("8");
      await hr.getByLabel("Start date").fill("2027-03-01");
      await hr.getByLabel("Notice period (days)").fill("14");
      await hr.getByLabel("Where the work happens").selectOption("remote");
      await hr.getByRole("button", { name: "Save the terms" }).click();
      await hr.getByText("Terms saved.").first().waitFor();
      await expect.poll(() => hr.getByText("Still to fill in before approval").count()).toBe(0);
      await hr.getByRole("button", { name: "Send for approval" }).click();
      await hr.getByText(/^Sent for approval\./).waitFor();
      await shoot(hr, "contract-sent-for-approval");

      // 9. The manager approves from the approval inbox.
      await mgr.goto(`${app.url}/staff/contracts`);
      await mgr.getByRole("heading", { name, level: 2 }).waitFor();
      await accessible(mgr, "approval inbox");
      await shoot(mgr, "manager-approval-inbox");
      await mgr.getByLabel(/^Approve/).check();
      await mgr.getByRole("button", { name: "Send my decision" }).click();
      await mgr.getByText("Approved. HR can send the offer now.").waitFor();

      // 10. HR sends the offer; the person accepts it from the emailed link.
      await hr.reload();
      await hr.getByRole("button", { name: "Send the offer" }).click();
      await hr.getByText("Offer sent.").waitFor();
      const offerLink = await linkFromMail(email, `/portal/contracts/${contract.id}`);
      await alum.goto(offerLink);
      await alum.getByRole("heading", { name: "Your contract", level: 1 }).waitFor();
      await accessible(alum, "portal contract");
      await shoot(alum, "portal-contract-offer", { phone: true });
      await alum.getByLabel("I have read this contract and I accept it.").check();
      await alum.getByRole("button", { name: "Accept the contract" }).click();
      await alum.getByText("Welcome back! You accepted this contract on").waitFor();

      // 11. Onboarding: the person's steps, then HR's and the manager's; the contract is active.
      await alum.getByRole("link", { name: "Your steps before you start" }).click();
      await alum.waitForURL(`${app.url}/portal/onboarding/${contract.id}`);
      await alum.getByLabel(/Your document \(PDF, PNG or JPEG/).setInputFiles({
        name: "passport.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
      });
      await alum.getByRole("button", { name: "Upload" }).click();
      await alum.getByText("Thank you, we have your document.").first().waitFor();
      await alum.getByRole("button", { name: "I have done this" }).click();
      await alum.getByText("Thank you, that step is done.").first().waitFor();
      await hr.goto(`${app.url}/staff/contracts/${contract.id}`);
      await hr
        .getByRole("listitem")
        .filter({ hasText: "Create the accounts and system access" })
        .getByRole("button", { name: "Mark done" })
        .click();
      await hr.getByText("Step marked done.").first().waitFor();
      await mgr.goto(`${app.url}/staff/contracts/${contract.id}`);
      const managerStep = (title: string) =>
        mgr.getByRole("listitem").filter({ hasText: title }).getByRole("button", { name: "Mark done" });
      await managerStep("Send or confirm the equipment").click();
      await mgr.getByText("Step marked done.").first().waitFor();
      await expect.poll(() => managerStep("Send or confirm the equipment").count()).toBe(0);
      await managerStep("Book the first shift together").click();
      await mgr.getByText("Done. That was the last step: the contract is active.").first().waitFor();
      await shoot(mgr, "contract-active");
      expect((await db.gigContract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe("active");
      await alum.reload();
      await alum.getByText("All done: your contract is active. Welcome back!").waitFor();
      await shoot(alum, "portal-onboarding-done", { phone: true });

      // 12. The overview: one more person active, in phase 2, and the funnel reaches "active".
      expect(await activeInPhase(hr, phaseLabel)).toBe(activeBefore + 1);
      await hr.goto(`${app.url}/staff/overview?decision=${decision.id}`);
      await accessible(hr, "overview");
      await shoot(hr, "overview", { phone: true });
      const funnel = hr.getByRole("table", { name: `People at each stage, ${decision.title}` });
      const activeRow = funnel
        .getByRole("row")
        .filter({ has: hr.getByRole("rowheader", { name: "Active" }) });
      expect(await activeRow.getByRole("cell").first().innerText()).toBe("1");

      expect(hrProblems).toEqual([]);
      expect(mgrProblems).toEqual([]);
      expect(alumProblems).toEqual([]);
    },
  );
});
