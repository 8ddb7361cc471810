import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Bytes } from "~/platform/crypto.server";
import { db } from "~/platform/db.server";
import { createSession } from "~/platform/session.server";
import { createStaffUser } from "../factories";
import { createDraftContract } from "../factories/contracts";
import { startTestApp, type TestApp } from "../setup/app-server";
import { axeViolations } from "./axe";
import { launchBrowser, signInStaff, watchConsole } from "./browser";

/**
 * Journey: HR sends a drafted gig contract for approval; the hiring manager sees it on their
 * home page and in the approval inbox (terms and the person's history), approves it; HR sees
 * the approval on the contract page and sends the offer; the person reads it in the portal,
 * accepts it and downloads the PDF, which HR downloads too, byte for byte. Phone and desktop screenshots of the
 * new pages go to /tmp/shots/contracts when SHOTS=1; axe checks each page.
 */
const PASSWORD = "journey contracts password";
const SHOTS = process.env.SHOTS ? "/tmp/shots/contracts" : null;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp({ workers: false });
  browser = await launchBrowser();
  if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

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
      const hr = await createStaffUser(db, { role: "hr", name: "Hanna Contracts", password: PASSWORD });
      const manager = await createStaffUser(db, {
        role: "manager",
        name: "Mats Lindqvist",
        password: PASSWORD,
      });
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
      const hrContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const hrPage = await hrContext.newPage();
      const hrProblems = watchConsole(hrPage);
      await signInStaff(hrPage, app.url, { email: hr.email, password: PASSWORD });
      await hrPage.goto(`${app.url}/staff/contracts?view=prepare`);
      await hrPage.getByRole("link", { name }).click();
      await hrPage.waitForURL(`${app.url}/staff/contracts/${contract.id}`);
      await expect.poll(() => hrPage.getByRole("heading", { name, level: 1 }).isVisible()).toBe(true);
      await noSeriousAxe(hrPage);
      await shoot(hrPage, "contract-draft");
      await hrPage.getByRole("button", { name: "Send for approval" }).click();
      await hrPage.getByText("Sent for approval. One approver was emailed.").waitFor();

      // The manager: home page to-do, the inbox, approve.
      const mContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const mPage = await mContext.newPage();
      const mProblems = watchConsole(mPage);
      await signInStaff(mPage, app.url, { email: manager.email, password: PASSWORD });
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
      const pContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const cookie = (await createSession({ alumnusId: person.id }, {})).setCookie.split(";")[0];
      const eq = cookie.indexOf("=");
      await pContext.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: app.url }]);
      const pPage = await pContext.newPage();
      const pProblems = watchConsole(pPage);
      await pPage.goto(`${app.url}/portal/applications`);
      await pPage.getByRole("link", { name: `Read the contract for ${row.role}` }).click();
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
      expect(hrProblems).toEqual([]);
      expect(mProblems).toEqual([]);
      expect(pProblems).toEqual([]);
    },
  );
});
