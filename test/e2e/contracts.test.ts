import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Bytes } from "~/platform/crypto.server";
import { db } from "~/platform/db.server";
import { createSession } from "~/platform/session.server";
import { createDraftContract } from "../factories/contracts";
import { startTestApp, type TestApp } from "../setup/app-server";
import { startSmtpSink, type SmtpSink } from "../smtp/sink";
import { axeViolations } from "./axe";
import { launchBrowser, watchConsole } from "./browser";
import { createStaffMember, signInAs } from "./sign-in";

/**
 * Journey: HR sends a drafted gig contract for approval; the hiring manager sees it on their
 * home page and in the approval inbox (terms and the person's history), approves it; HR sees
 * the approval on the contract page and sends the offer; the person reads it in the portal,
 * accepts it and downloads the PDF, which HR downloads too, byte for byte. The person opens the
 * offer from the email the SMTP sink received; after accepting, they upload their document and
 * finish their steps, HR and the manager finish theirs on the contract page, and the contract
 * becomes active (ADR 067). Phone and desktop screenshots of the
 * new pages go to /tmp/shots/contracts when SHOTS=1; axe checks each page.
 */
const SHOTS = process.env.SHOTS ? "/tmp/shots/contracts" : null;
const DESKTOP = { width: 1280, height: 900 };
let app: TestApp;
let browser: Browser;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink({ keepRaw: true });
  // Workers on: the outbox delivers to the sink, as in production.
  app = await startTestApp({ workers: true, env: { SMTP_URL: sink.url() } });
  browser = await launchBrowser();
  if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sink?.close();
});

/** The first link to `path` in the mail the sink received for `to` (quoted-printable undone). */
async function linkInMail(to: string, path: RegExp) {
  let found: string | undefined;
  await expect
    .poll(
      () => {
        for (const mail of sink.mails.filter((m) => m.rcptTo.includes(to))) {
          const raw = mail.raw.replace(/=\r?\n/g, "").replace(/=3D/gi, "=");
          found = raw.match(path)?.[0];
          if (found) return true;
        }
        return false;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

async function noSeriousAxe(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe("journey: a gig contract through approval", () => {
  it(
    "HR sends it, the manager approves it from the inbox, HR sends the offer, the person accepts it",
    { timeout: 300_000 },
    async () => {
      const hr = await createStaffMember("hr", { name: "Hanna Contracts" });
      const manager = await createStaffMember("manager", { name: "Mats Lindqvist" });
      const { contract, person } = await createDraftContract(db, {
        hiringManagerId: manager.id,
        createdById: hr.id,
        terms: { equipmentStipend: "250.00" },
      });
      await db.employmentPeriod.create({
        data: {
          alumnusId: person.id,
          startDate: new Date("2018-02-01T00:00:00Z"),
          endDate: new Date("2023-05-31T00:00:00Z"),
          jobTitle: "Support agent",
          department: "Customer Service",
        },
      });
      const name = `${person.preferredName || person.firstName} ${person.lastName}`;

      // HR: the draft, then send it for approval.
      const { page: hrPage, problems: hrProblems } = await signInAs(browser, app.url, hr, {
        viewport: DESKTOP,
      });
      await hrPage.goto(`${app.url}/staff/contracts?view=prepare`);
      await hrPage.getByRole("link", { name }).click();
      await hrPage.waitForURL(`${app.url}/staff/contracts/${contract.id}`);
      await expect.poll(() => hrPage.getByRole("heading", { name, level: 1 }).isVisible()).toBe(true);
      await noSeriousAxe(hrPage);
      await shoot(hrPage, "contract-draft");
      await hrPage.getByRole("button", { name: "Send for approval" }).click();
      await hrPage.getByText("Sent for approval. One approver was emailed.").waitFor();

      // The manager: home page to-do, the inbox, approve.
      const { page: mPage, problems: mProblems } = await signInAs(browser, app.url, manager, {
        viewport: DESKTOP,
      });
      await mPage.getByRole("link", { name: /Contracts waiting for your approval/ }).click();
      await mPage.waitForURL(/\/staff\/contracts/);
      await mPage.getByRole("heading", { name, level: 2 }).waitFor();
      await expect.poll(() => mPage.getByText("Support agent · Customer Service").isVisible()).toBe(true);
      // A manager's payload never says why the person left.
      expect(await mPage.content()).not.toMatch(/Why they left|Layoff|Performance|Conduct/);
      await noSeriousAxe(mPage);
      await shoot(mPage, "approval-inbox");
      await mPage.getByRole("button", { name: "Send my decision" }).click();
      await mPage.getByText("Choose approve, ask for changes or reject.").first().waitFor();
      await mPage.getByLabel(/^Approve/).check();
      await mPage.getByRole("button", { name: "Send my decision" }).click();
      // The contract leaves the inbox; the answer stays on the page above the (now empty) list.
      await mPage.getByText("Nothing waits for your approval").waitFor();
      await mPage.getByText("Approved. HR can send the offer now.").waitFor();
      await shoot(mPage, "approval-inbox-done");

      // HR: the approval shows on the contract; send the offer.
      await hrPage.reload();
      await hrPage.getByText("Approved by Mats Lindqvist").waitFor();
      await noSeriousAxe(hrPage);
      await shoot(hrPage, "contract-approved");
      await hrPage.getByRole("button", { name: "Send the offer" }).click();
      await hrPage.getByText("Offer sent.").waitFor();
      const row = await db.gigContract.findUniqueOrThrow({ where: { id: contract.id } });
      expect(row.status).toBe("offered");
      await hrPage.goto(`${app.url}/staff/contracts?view=offered`);
      await hrPage.getByRole("link", { name }).waitFor();
      await noSeriousAxe(hrPage);
      await shoot(hrPage, "contracts-list");

      // The person, signed in to the portal (the email-link sign-in has its own tests): reads the
      // contract from My applications, tries to accept without ticking the box, then accepts.
      const pContext = await browser.newContext({ viewport: DESKTOP });
      const cookie = (await createSession({ alumnusId: person.id }, {})).setCookie.split(";")[0];
      const eq = cookie.indexOf("=");
      await pContext.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: app.url }]);
      const pPage = await pContext.newPage();
      const pProblems = watchConsole(pPage);
      // The offer email, as delivered over SMTP, leads to the contract.
      const offerLink = await linkInMail(
        person.personalEmail!,
        new RegExp(`${app.url.replace(/[.:/]/g, "\\$&")}/portal/contracts/[A-Za-z0-9_-]+`),
      );
      expect(offerLink).toBe(`${app.url}/portal/contracts/${contract.id}`);
      await pPage.goto(offerLink);
      await pPage.waitForURL(`${app.url}/portal/contracts/${contract.id}`);
      await pPage.getByRole("heading", { name: "Your contract", level: 1 }).waitFor();
      expect(await pPage.content()).not.toContain("Comeback");
      await expect.poll(() => pPage.getByText(`SHA-256): ${row.termsHash}`).isVisible()).toBe(true);
      await noSeriousAxe(pPage);
      await shoot(pPage, "portal-contract-offer");
      await pPage.getByRole("button", { name: "Accept the contract" }).click();
      await pPage
        .getByText("Tick the box to say you have read the contract and accept it.")
        .first()
        .waitFor();
      await pPage.getByLabel("I have read this contract and I accept it.").check();
      await pPage.getByRole("button", { name: "Accept the contract" }).click();
      await pPage.getByText("Welcome back! You accepted this contract on").waitFor();
      const download = pPage.getByRole("link", { name: "Download your copy (PDF)" });
      await download.waitFor();
      await noSeriousAxe(pPage);
      await shoot(pPage, "portal-contract-accepted");
      const pdf = await pPage.request.get(`${app.url}${await download.getAttribute("href")}`);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      const acceptance = await db.contractAcceptance.findUniqueOrThrow({
        where: { contractId: contract.id },
      });
      expect(sha256Bytes(await pdf.body())).toBe(acceptance.pdfSha256);
      expect(acceptance.textSha256).toBe(row.termsHash);
      expect(acceptance.userAgent).toContain("Chrom");

      // HR sees the record of the acceptance and downloads the same PDF.
      await hrPage.goto(`${app.url}/staff/contracts/${contract.id}`);
      await hrPage.getByRole("heading", { name: "Acceptance" }).waitFor();
      await noSeriousAxe(hrPage);
      await shoot(hrPage, "contract-accepted");
      const staffPdf = await hrPage.request.get(`${app.url}/staff/contracts/${contract.id}/pdf`);
      expect(sha256Bytes(await staffPdf.body())).toBe(acceptance.pdfSha256);

      // Onboarding: the person's steps in the portal, a document upload, then HR's and the manager's.
      expect((await db.gigContract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe(
        "onboarding",
      );
      await pPage.getByRole("link", { name: "Your steps before you start" }).click();
      await pPage.waitForURL(`${app.url}/portal/onboarding/${contract.id}`);
      await pPage.getByRole("heading", { name: "Before you start", level: 1 }).waitFor();
      await noSeriousAxe(pPage);
      await shoot(pPage, "portal-onboarding");
      const fileInput = pPage.getByLabel(/Your document \(PDF, PNG or JPEG/);
      await fileInput.setInputFiles({
        name: "notes.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("plain text"),
      });
      await pPage.getByRole("button", { name: "Upload" }).click();
      await pPage.getByText("This file is not a PDF, PNG or JPEG.").first().waitFor();
      await pPage.getByLabel(/Your document \(PDF, PNG or JPEG/).setInputFiles({
        name: "passport.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
      });
      await pPage.getByRole("button", { name: "Upload" }).click();
      await pPage.getByText("Thank you, we have your document.").first().waitFor();
      await pPage.getByRole("button", { name: "I have done this" }).click();
      await pPage.getByText("Thank you, that step is done.").first().waitFor();
      // Said once, at the top of the page (the step's own form is gone once it is done).
      expect(await pPage.getByText("Thank you, that step is done.").count()).toBe(1);
      await hrPage.goto(`${app.url}/staff/contracts/${contract.id}`);
      await hrPage.getByRole("heading", { name: "Onboarding" }).waitFor();
      await hrPage.getByRole("link", { name: /passport\.pdf/ }).waitFor();
      await noSeriousAxe(hrPage);
      await shoot(hrPage, "contract-onboarding");
      await hrPage
        .getByRole("listitem")
        .filter({ hasText: "Create the accounts and system access" })
        .getByRole("button", { name: "Mark done" })
        .click();
      await hrPage.getByText("Step marked done.").first().waitFor();
      await mPage.goto(`${app.url}/staff/contracts/${contract.id}`);
      const managerStep = (title: string) =>
        mPage.getByRole("listitem").filter({ hasText: title }).getByRole("button", { name: "Mark done" });
      await managerStep("Send or confirm the equipment").click();
      await mPage.getByText("Step marked done.").first().waitFor();
      await expect.poll(() => managerStep("Send or confirm the equipment").count()).toBe(0);
      await managerStep("Book the first shift together").click();
      await mPage.getByText("Done. That was the last step: the contract is active.").first().waitFor();
      const active = await db.gigContract.findUniqueOrThrow({ where: { id: contract.id } });
      expect(active.status).toBe("active");
      expect(
        await db.auditEvent.count({ where: { entityId: contract.id, action: "contract.activated" } }),
      ).toBe(1);
      await pPage.reload();
      await pPage.getByText("All done: your contract is active. Welcome back!").waitFor();
      await shoot(pPage, "portal-onboarding-active");
      expect(hrProblems).toEqual([]);
      expect(mProblems).toEqual([]);
      // The one refused upload (a text file named .pdf) answers 422, which the browser logs.
      expect(pProblems.filter((p) => !p.includes("status of 422"))).toEqual([]);
      expect(pProblems.filter((p) => p.includes("status of 422"))).toHaveLength(1);
    },
  );
});
