import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { WORKDAY_MAPPING_COLUMNS } from "../../prisma/seed";
import { createStaffUser } from "../factories";
import { campaignValues, createSegment } from "../factories/campaigns";
import { httpClient, type TestApp } from "../setup/app-server";
import { startAppWithSmtpSink } from "../smtp/app-with-sink";
import type { SmtpSink } from "../smtp/sink";
import { locationOf, signedInClient, uniqueIp, type Client } from "../http/helpers";

/**
 * Issue 11: people created by an import have UUID ids, and the signed links in a campaign email
 * once accepted only cuids, so nobody imported could be sent a campaign. Journey over HTTP
 * against the production build, with the background workers and a real SMTP server: HR imports
 * the Workday sample export (the shared fixture), three of the imported people sign in to the
 * alumni site by an email link read from the SMTP server and say yes to return opportunities,
 * HR launches a campaign to everyone who said yes, each email arrives once, and every link in it
 * works: the answer page, the preferences page, and the one-click unsubscribe.
 */
const PASSWORD = "an imported campaign password";
const FIXTURE = path.join(import.meta.dirname, "../fixtures/workday-terminations-sample.csv");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let app: TestApp;
let sink: SmtpSink;
let stopApp: () => Promise<void>;
let hr: Client;

beforeAll(async () => {
  ({ app, sink, close: stopApp } = await startAppWithSmtpSink());
  const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
  hr = await signedInClient(app, user.email, PASSWORD);
});
afterAll(async () => {
  await stopApp?.();
});

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 60_000) {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > ms) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The mails the SMTP server received for an address, parsed. */
async function mailsTo(address: string) {
  const raw = sink.mails.filter((m) => m.rcptTo.includes(address));
  return Promise.all(raw.map(async (m) => ({ raw: m.raw, parsed: await simpleParser(m.raw) })));
}

async function importFixture() {
  const form = new FormData();
  form.set("file", new Blob([fs.readFileSync(FIXTURE)], { type: "text/csv" }), path.basename(FIXTURE));
  const uploaded = await hr.request("/staff/imports/new", { method: "POST", body: form });
  expect(uploaded.status).toBe(302);
  const mappingPath = locationOf(uploaded, app.url)!;
  const importId = mappingPath.split("/")[3];
  const columns = Object.fromEntries(
    Object.entries(WORKDAY_MAPPING_COLUMNS).map(([k, v]) => [`col_${k}`, v]),
  );
  const mapped = await hr.request(mappingPath, {
    method: "POST",
    form: { dateFormat: "us", system: "workday", ...columns },
  });
  expect(mapped.status).toBe(302);
  const checked = await until("the dry run", async () => {
    const run = await db.importRun.findUniqueOrThrow({ where: { id: importId } });
    return ["checked", "invalid"].includes(run.status) ? run : null;
  });
  expect(checked).toMatchObject({ status: "checked", createCount: 60, rejectCount: 0 });
  const commit = await hr.request(`/staff/imports/${importId}`, {
    method: "POST",
    form: { intent: "commit" },
  });
  expect(commit.status).toBe(200);
  await until("the commit", async () => {
    const run = await db.importRun.findUniqueOrThrow({ where: { id: importId } });
    return run.status === "committed" ? run : null;
  });
  return importId;
}

/** The person asks for a sign-in link, reads it at the SMTP server, confirms, and says yes. */
async function grantConsentInPortal(address: string) {
  const client = httpClient(app.url);
  const asked = await client.request("/portal/sign-in", {
    method: "POST",
    form: { intent: "sign-in", email: address, redirectTo: "" },
    headers: { "X-Forwarded-For": uniqueIp() },
  });
  expect(asked.status).toBe(200);
  const mail = await until(`the sign-in link for ${address}`, async () => (await mailsTo(address))[0]);
  const link = /https?:\/\/\S+\/portal\/sign-in\/[A-Za-z0-9_-]{43}/.exec(mail.parsed.text ?? "")![0];
  const confirmed = await client.request(new URL(link).pathname, {
    method: "POST",
    form: { intent: "confirm-sign-in" },
  });
  expect(confirmed.status).toBe(302);
  const saved = await client.request("/portal/privacy", {
    method: "POST",
    form: { intent: "contact", returnOpportunities: "yes" },
  });
  expect(saved.status).toBe(200);
}

describe("journey: a campaign to people created by an import", () => {
  it("imports the Workday sample, three people say yes in the portal, the campaign reaches them and its links work", async () => {
    const importId = await importFixture();
    const imported = await db.alumnus.findMany({
      where: { lastImportId: importId },
      select: { id: true, personalEmail: true, firstName: true },
      orderBy: { hrId: "asc" },
    });
    expect(imported).toHaveLength(60);
    expect(imported.every((a) => UUID.test(a.id))).toBe(true);

    const chosen = imported.filter((a) => a.personalEmail).slice(0, 3);
    expect(chosen).toHaveLength(3);
    for (const person of chosen) await grantConsentInPortal(person.personalEmail!);
    expect(await db.alumnus.count({ where: { lastImportId: importId, consentReturn: "granted" } })).toBe(3);
    sink.reset();

    // HR writes to everyone who said yes to return opportunities, and launches.
    const segment = await createSegment(db, { name: "Imported, said yes", query: "consent=granted" });
    const values = campaignValues(segment.id, { name: "Imported people: invitation to return" });
    const form: Record<string, string> = { intent: "save" };
    for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== false) form[k] = String(v);
    const created = await hr.request("/staff/campaigns/new", { method: "POST", form });
    expect(created.status).toBe(302);
    const campaignPath = locationOf(created, app.url)!;
    const launched = await hr.request(campaignPath, { method: "POST", form: { intent: "launch" } });
    expect(launched.status, (await launched.clone().text()).slice(0, 400)).toBe(200);

    // Each email arrives once, at the person's own address.
    await until("three campaign emails", async () => sink.mails.length >= 3);
    expect(sink.duplicates()).toEqual([]);
    expect(new Set(sink.mails.flatMap((m) => m.rcptTo))).toEqual(new Set(chosen.map((p) => p.personalEmail)));

    for (const person of chosen) {
      const [mail] = await mailsTo(person.personalEmail!);
      expect(mail.parsed.subject).toContain(person.firstName);
      const html = String(mail.parsed.html);
      const links = [...html.matchAll(/href="([^"]+)"/g)]
        .map((m) => m[1].replace(/&amp;/g, "&"))
        .filter((l) => !l.startsWith("mailto:"));
      const answer = links.find((l) => l.includes("/portal/answer/"));
      const preferences = links.find((l) => l.includes("/preferences/"));
      expect(answer, "the answer button").toBeDefined();
      expect(preferences, "the preferences link").toBeDefined();
      // Every link is ours and answers with a page: no 404, no error.
      for (const link of links) {
        expect(link.startsWith(`${app.url}/`), link).toBe(true);
        const page = await httpClient(app.url).request(new URL(link).pathname);
        expect(page.status, link).toBe(200);
      }
      expect(await (await httpClient(app.url).request(new URL(preferences!).pathname)).text()).toContain(
        person.firstName,
      );

      // The answer page records a yes for this imported person.
      const answered = await httpClient(app.url).request(new URL(answer!).pathname, {
        method: "POST",
        form: { intent: "answer", answer: "interested" },
      });
      expect(answered.status, (await answered.clone().text()).slice(0, 400)).toBe(200);

      // The one-click unsubscribe in the header works as a mail program sends it.
      const header = /^List-Unsubscribe:\s*<([^>]+)>/im.exec(mail.raw.replace(/\r\n[ \t]+/g, " "))?.[1];
      expect(header?.startsWith(`${app.url}/unsubscribe/`)).toBe(true);
      const oneClick = await fetch(header!, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(oneClick.status).toBe(200);
      expect(
        (await db.alumnus.findUniqueOrThrow({ where: { id: person.id }, select: { consentReturn: true } }))
          .consentReturn,
      ).toBe("withdrawn");
    }
    const campaignId = campaignPath.split("/").pop()!;
    expect(await db.invitationAnswer.count({ where: { campaignId } })).toBe(3);
  });
});
