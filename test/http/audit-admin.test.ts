import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkPendingAuditEvents } from "~/platform/audit-chain.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { createAlumnus, createStaffUser, unique } from "../factories";
import { countTried, CSV_INJECTION_PAYLOADS, triedSummary } from "../hostile/payloads";
import { httpClient, startTestApp, type TestApp } from "../setup/app-server";
import { signedInClient, uniqueIp, type Client } from "./helpers";

/**
 * The audit trail's admin page and export over HTTP: the integrity check names the first broken
 * link after a row is altered or deleted; the CSV export is a streamed download with a name we
 * choose, neutralises formulas and is itself audited.
 */
const PASSWORD = "an audit test password";
let app: TestApp;
let admin: Client;
let adminId: string;
let hr: Client;
let hrId: string;

beforeAll(async () => {
  app = await startTestApp();
  const a = await createStaffUser(db, { role: "admin", password: PASSWORD });
  adminId = a.id;
  admin = await signedInClient(app, a.email, PASSWORD);
  const h = await createStaffUser(db, { role: "hr", password: PASSWORD });
  hrId = h.id;
  hr = await signedInClient(app, h.email, PASSWORD);
});
afterAll(async () => {
  console.log(`hostile inputs tried (audit export over HTTP): ${triedSummary()}`);
  await app?.close();
});

/** One event, linked into the chain as the app's linker would link it after the commit (ADR 084). */
async function event(entityId: string, reason?: string) {
  const id = await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: { type: "system", name: "audit test" },
      action: "team.created",
      entityType: "team",
      entityId,
      reason,
    }),
  );
  await linkPendingAuditEvents({ wait: true });
  return id;
}

async function integrityText() {
  const response = await admin.request("/staff/admin/audit?verify=1");
  expect(response.status).toBe(200);
  return (await response.text()).replace(/<!-- -->/g, "");
}

function parseCsv(text: string): string[][] {
  return parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
}

describe("refusals in the audit trail (issue 11)", () => {
  it("a flood of cross-site posts, throttled sign-ins and permission refusals is a few events a minute, filterable on the page", async () => {
    const ip = uniqueIp();
    const since = new Date();
    const crossSite = httpClient(app.url, { origin: "https://evil.example" });
    for (let i = 0; i < 40; i++) {
      const response = await crossSite.request("/staff/alumni/views", {
        method: "POST",
        form: { name: "x" },
        headers: { "X-Forwarded-For": ip },
      });
      expect(response.status).toBe(403);
    }
    const guesses = httpClient(app.url);
    const email = `${unique("ghost")}@comeback.test`;
    let throttled = 0;
    for (let i = 0; i < 15; i++) {
      const response = await guesses.request("/sign-in", {
        method: "POST",
        form: { email, password: `guess ${i}` },
        headers: { "X-Forwarded-For": ip },
      });
      if (response.status === 429) throttled++;
    }
    expect(throttled).toBeGreaterThanOrEqual(9);
    for (let i = 0; i < 20; i++) {
      expect((await hr.request("/staff/admin/audit")).status).toBe(403);
    }
    // The cross-site refusals are written after the answer: give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events = await db.auditEvent.findMany({
      where: { action: { startsWith: "refusal." }, occurredAt: { gte: since } },
    });
    const mine = events.filter(
      (e) => (e.after as { address?: string } | null)?.address === ip || e.actorId === hrId,
    );
    const count = (action: string) => mine.filter((e) => e.action === action).length;
    // One per kind and minute (two if the test ran across a minute's turn), not 40, 9 and 20.
    expect(count("refusal.cross_site")).toBeGreaterThanOrEqual(1);
    expect(count("refusal.cross_site")).toBeLessThanOrEqual(2);
    expect(count("refusal.rate_limited")).toBeGreaterThanOrEqual(1);
    expect(count("refusal.rate_limited")).toBeLessThanOrEqual(2);
    expect(count("refusal.forbidden")).toBeGreaterThanOrEqual(1);
    expect(count("refusal.forbidden")).toBeLessThanOrEqual(2);

    const page = await admin.request("/staff/admin/audit?action=refusal.*");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("refusal.cross_site");
    expect(html).toContain("refusal.forbidden");
    // Each row names its action in words, with the action's code on hover.
    const shown = [...html.matchAll(/<span title="([a-z_]+\.[a-z_]+)">/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(shown.filter((action) => !action.startsWith("refusal."))).toEqual([]);
  });
});

describe("audit trail admin page", () => {
  it("names people and records with links, says what happened in words, and says whose clock it uses", async () => {
    const person = await createAlumnus(db, {
      firstName: "Ingrid",
      lastName: unique("Readable"),
      languages: ["sv"],
    });
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actor: { type: "staff", id: adminId, name: "Audit Admin", role: "admin" },
        action: "alumnus.updated",
        entityType: "alumnus",
        entityId: person.id,
        before: { exitReason: "performance", availabilityDays: ["fri", "mon"], version: 1 },
        after: { exitReason: "layoff_automation", availabilityDays: ["wed", "mon"], version: 2 },
      }),
    );
    const html = (
      await (await admin.request(`/staff/admin/audit?entityType=alumnus&entityId=${person.id}`)).text()
    ).replace(/<!-- -->/g, "");
    expect(html).toContain(`href="/staff/alumni/${person.id}">Ingrid ${person.lastName}</a>`);
    expect(html).toContain(`href="/staff/admin/users/${adminId}">Audit Admin</a>`);
    expect(html).toContain("Person edited by hand");
    expect(html).toContain("Exit reason");
    expect(html).toContain("Layoff (automation)");
    expect(html).toContain("Monday, Friday");
    expect(html).toContain("Monday, Wednesday");
    // Codes stay out of sight: no raw field names, enum values, version bookkeeping or the id as text.
    expect(html).not.toMatch(/>(exitReason|layoff_automation|availabilityDays|version)</);
    expect(html).not.toContain(`>${person.id}<`);
    expect(html).not.toContain("Times are UTC");
    expect(html).toContain("Times are in your time zone");
  });

  it("filters come from the URL; values outside the allow-list get a clear refusal", async () => {
    const tag = unique("team");
    await event(tag, "Created for the filter test");
    const page = await (await admin.request(`/staff/admin/audit?entityType=team&entityId=${tag}`)).text();
    expect(page).toContain("Created for the filter test");
    const bad = await admin.request("/staff/admin/audit?action=DROP%20TABLE");
    // An unreadable filter is left out and named on the page (issue 11), not a refusal of the list.
    expect(bad.status).toBe(200);
    expect((await bad.text()).replace(/<!-- -->/g, "")).toContain("Part of this address was left out");
  });

  it("reports an intact trail, then the first broken link when an event is altered", async () => {
    expect(await integrityText()).toContain("The audit trail is intact");
    const id = await event(unique("victim"), "Original reason");
    await event(unique("after"));
    await db.$executeRaw`UPDATE "AuditEvent" SET "reason" = 'Rewritten later' WHERE "id" = ${id}`;
    const text = await integrityText();
    expect(text).toContain(`The audit trail is broken at event ${id}`);
    expect(text).toContain(`Event ${id} was changed after it was written.`);
    await db.$executeRaw`UPDATE "AuditEvent" SET "reason" = 'Original reason' WHERE "id" = ${id}`;
    expect(await integrityText()).toContain("The audit trail is intact");
  });

  it("exports the filtered view as a streamed, formula-safe CSV with a name of our choosing, and audits the export", async () => {
    const tag = unique("csv");
    for (const payload of CSV_INJECTION_PAYLOADS) await event(tag, payload);
    countTried("csv injection", CSV_INJECTION_PAYLOADS.length);

    expect((await hr.request(`/staff/admin/audit/export?entityId=${tag}`)).status).toBe(403);

    const response = await admin.request(
      `/staff/admin/audit/export?entityId=${tag}&filename=..%2F..%2Fevil.sh`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="audit-trail-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("content-length"), "streamed, not buffered").toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store");
    const table = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(table).toHaveLength(1 + CSV_INJECTION_PAYLOADS.length);
    for (const row of table) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
    const reasons = table.slice(1).map((r) => r[table[0].indexOf("Reason")]);
    expect(reasons).toEqual(CSV_INJECTION_PAYLOADS.map((p) => (/^[=+\-@\t\r\n]/.test(p) ? `'${p}` : p)));

    const exported = await db.auditEvent.findFirstOrThrow({
      where: { action: "audit.exported", actorId: adminId },
      orderBy: { id: "desc" },
    });
    expect(exported.after).toMatchObject({ filters: { entityId: tag }, rows: CSV_INJECTION_PAYLOADS.length });
  });

  it("names the event after a deleted one", async () => {
    const doomed = await event(unique("doomed"));
    const survivor = await event(unique("survivor"));
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${doomed}`;
    const text = await integrityText();
    expect(text).toContain(`The audit trail is broken at event ${survivor}`);
    expect(text).toContain("an event was deleted or reordered just before it");
  });
});
