import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BRANDING } from "~/modules/portal/branding";
import { db } from "~/platform/db.server";
import { queueEmail } from "~/platform/mailer/mailer.server";
import {
  PREFERENCES_LINK_DAYS,
  signPreferencesToken,
  signUnsubscribeToken,
} from "~/platform/mailer/unsubscribe.server";
import { createAlumnus, createStaffUser, unique } from "../factories";
import { countTried, triedSummary, XSS_PAYLOADS } from "../hostile/payloads";
import { httpClient, startTestApp, type TestApp } from "../setup/app-server";
import { signedInClient } from "./helpers";

/**
 * RFC 8058 one-click unsubscribe and the preference page over HTTP against the production
 * build: no cookies, no known Origin, idempotent; GET never changes anything; tampered links
 * change nothing; preference links expire after 30 days and cannot undo a later "no" (ADR 081);
 * the outbox page's retry works and is audited.
 */
const SIGN_IN_HREF = 'href="/portal/sign-in?redirectTo=%2Fportal%2Fprivacy"';
const DAY_MS = 86_400_000;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
  console.log(`hostile inputs tried (unsubscribe links): ${triedSummary()}`);
});

async function outreachFor(
  alumnusId: string,
  purpose: "return_opportunities" | "news" = "return_opportunities",
) {
  return db.$transaction((tx) =>
    queueEmail(tx, {
      template: "return-invitation",
      purpose,
      alumnusId,
      to: { address: `${unique("u")}@example.org` },
      email: { subject: "Would you like to come back?", html: "<p>x</p>", text: "x" },
      notBefore: new Date(Date.now() + 3_600_000),
    }),
  );
}

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return fetch(new URL(path, app.url), { method: "POST", body, headers, redirect: "manual" });
}

describe("one-click unsubscribe (RFC 8058)", () => {
  it("works without cookies or a known Origin, cancels queued mail, and is idempotent", async () => {
    const alumnus = await createAlumnus(db, { consentReturn: "granted", consentNews: "granted" });
    const queued = await outreachFor(alumnus.id);
    const token = signUnsubscribeToken({ alumnusId: alumnus.id, purpose: "return_opportunities" });

    // GET shows the question and changes nothing (link scanners follow links).
    const page = await fetch(new URL(`/unsubscribe/${token}`, app.url));
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("referrer-policy")).toMatch(/no-referrer$/);
    const html = (await page.text()).replace(/<!-- -->/g, "");
    expect(html).toContain("Unsubscribe from return opportunities");
    // An alumnus sees the employer's name (the demo default here), never the product's.
    expect(html).toContain(`getting email from ${DEFAULT_BRANDING.companyName} about return opportunities`);
    expect(html).not.toMatch(/Comeback/);
    // The never-expiring link does not lead to a page that grants consent: choosing again is signing in.
    expect(html).not.toContain("/preferences/");
    expect(html).toContain(SIGN_IN_HREF);
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: alumnus.id } })).consentReturn).toBe("granted");

    // What a mail provider sends: a urlencoded POST, no cookie, a foreign or no Origin.
    const first = await post(`/unsubscribe/${token}`, "List-Unsubscribe=One-Click", {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: "https://mail.example",
    });
    expect(first.status).toBe(200);
    expect((await first.text()).replace(/<!-- -->/g, "")).toContain("You are unsubscribed");
    const after = await db.alumnus.findUniqueOrThrow({ where: { id: alumnus.id } });
    expect(after).toMatchObject({ consentReturn: "withdrawn", consentNews: "granted" });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: "cancelled",
    });

    const form = new FormData();
    form.set("List-Unsubscribe", "One-Click");
    const second = await post(`/unsubscribe/${token}`, form, { "Sec-Fetch-Site": "cross-site" });
    expect(second.status).toBe(200);
    expect(
      await db.auditEvent.count({ where: { action: "alumnus.unsubscribed", entityId: alumnus.id } }),
    ).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "alumnus.unsubscribed", entityId: alumnus.id },
    });
    expect(event).toMatchObject({ actorType: "alumnus", actorId: alumnus.id });
  });

  it("refuses a POST without List-Unsubscribe=One-Click and changes nothing", async () => {
    const alumnus = await createAlumnus(db, { consentNews: "granted" });
    const token = signUnsubscribeToken({ alumnusId: alumnus.id, purpose: "news" });
    const response = await post(`/unsubscribe/${token}`, "List-Unsubscribe=Yes", {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(422);
    // The page's own form answers with the schema's message for the field.
    expect(await response.text()).toContain("This request is missing List-Unsubscribe=One-Click.");
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: alumnus.id } })).consentNews).toBe("granted");
  });

  it("refuses tampered and hostile links on both pages, without reflecting them", async () => {
    const alumnus = await createAlumnus(db, { consentReturn: "granted", consentNews: "granted" });
    const other = await createAlumnus(db, { consentReturn: "granted" });
    const token = signUnsubscribeToken({ alumnusId: alumnus.id, purpose: "news" });
    const [, code, sig] = token.split(".");
    const tampered = [
      `${other.id}.${code}.${sig}`,
      `${alumnus.id}.r.${sig}`,
      `${token}x`,
      token.slice(0, -2),
      `${alumnus.id}.${code}`,
    ];
    const hostile = XSS_PAYLOADS.map((p) => encodeURIComponent(p));
    for (const t of [...tampered, ...hostile]) {
      for (const path of [`/unsubscribe/${t}`, `/preferences/${t}`]) {
        const get = await fetch(new URL(path, app.url));
        const body = await get.text();
        expect([400, 404], `${path}`).toContain(get.status);
        if (get.status === 404) {
          expect(body).toContain("This link cannot be used");
          // A way on: the alumni site's sign-in, back to the contact choices.
          expect(body).toContain(SIGN_IN_HREF);
        }
        expect(body).not.toContain("<script>alert");
      }
      const oneClick = await post(`/unsubscribe/${t}`, "List-Unsubscribe=One-Click", {
        "Content-Type": "application/x-www-form-urlencoded",
      });
      expect([400, 404]).toContain(oneClick.status);
    }
    // A preferences link with its date, person or purpose changed is as broken as any other.
    const preferences = signPreferencesToken({ alumnusId: alumnus.id, purpose: "news" });
    const [pid, pcode, issued, psig] = preferences.split(".");
    const later = (parseInt(issued, 36) + 30 * 86_400).toString(36);
    const tamperedPreferences = [
      `${pid}.${pcode}.${later}.${psig}`,
      `${other.id}.${pcode}.${issued}.${psig}`,
      `${pid}.r.${issued}.${psig}`,
      `${pid}.${pcode}.${issued}.${sig}`,
    ];
    for (const t of tamperedPreferences) {
      const get = await fetch(new URL(`/preferences/${t}`, app.url));
      expect(get.status, t).toBe(404);
      expect(await get.text()).toContain("This link cannot be used");
      const saved = await httpClient(app.url).request(`/preferences/${t}`, {
        method: "POST",
        form: { returnOpportunities: "yes", news: "yes" },
      });
      expect(saved.status, t).toBe(404);
    }
    countTried("tampered unsubscribe links", tampered.length * 3 + tamperedPreferences.length * 2);
    countTried("xss in link tokens", hostile.length * 3);
    expect(await db.alumnus.findUniqueOrThrow({ where: { id: alumnus.id } })).toMatchObject({
      consentReturn: "granted",
      consentNews: "granted",
    });
    expect(await db.alumnus.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      consentReturn: "granted",
    });
    expect(
      await db.auditEvent.count({
        where: { entityId: { in: [alumnus.id, other.id] }, action: { startsWith: "alumnus." } },
      }),
    ).toBe(0);
  });
});

describe("preference page", () => {
  it("shows and saves a choice per purpose, audited; refuses cross-site posts", async () => {
    const alumnus = await createAlumnus(db, { consentReturn: "granted", consentNews: "unknown" });
    const queued = await outreachFor(alumnus.id);
    const token = signPreferencesToken({ alumnusId: alumnus.id, purpose: "return_opportunities" });
    const client = httpClient(app.url);
    const page = await client.request(`/preferences/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<input type="checkbox" name="returnOpportunities"[^>]*checked=""/);
    expect(html).not.toMatch(/<input type="checkbox" name="news"[^>]*checked=""/);
    expect(html).toContain("Alumni news");
    expect(html.replace(/<!-- -->/g, "")).toContain(`what ${DEFAULT_BRANDING.companyName} may write to you`);
    expect(html).not.toMatch(/Comeback/);

    const refused = await fetch(new URL(`/preferences/${token}`, app.url), {
      method: "POST",
      body: "news=yes",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
      redirect: "manual",
    });
    expect(refused.status).toBe(403);

    // The form's own check: a value the schema cannot read is answered next to its box.
    const nul = await client.request(`/preferences/${token}`, {
      method: "POST",
      form: { returnOpportunities: "yes", news: "yes\u0000" },
    });
    expect(nul.status).toBe(422);
    const nulPage = await nul.text();
    expect(nulPage).toContain("Remove the invisible NUL character from this field.");
    expect(nulPage).toContain('href="#field-news"');
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: alumnus.id } })).consentNews).toBe("unknown");

    // News yes, return opportunities no (an unticked box is absent from the form).
    const saved = await client.request(`/preferences/${token}`, { method: "POST", form: { news: "yes" } });
    expect(saved.status).toBe(200);
    expect((await saved.text()).replace(/<!-- -->/g, "")).toContain("We also stopped 1 message");
    expect(await db.alumnus.findUniqueOrThrow({ where: { id: alumnus.id } })).toMatchObject({
      consentReturn: "withdrawn",
      consentNews: "granted",
    });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: "cancelled",
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "alumnus.preferences_updated", entityId: alumnus.id },
    });
    expect(event.before).toEqual({ consentReturn: "granted", consentNews: "unknown" });
    expect(event.after).toMatchObject({
      consentReturn: "withdrawn",
      consentNews: "granted",
      queuedEmailsCancelled: 1,
    });

    const again = await client.request(`/preferences/${token}`, { method: "POST", form: { news: "yes" } });
    expect(await again.text()).toContain("Nothing changed");
    expect(
      await db.auditEvent.count({ where: { action: "alumnus.preferences_updated", entityId: alumnus.id } }),
    ).toBe(1);
  });
});

describe("preference links expire and cannot undo a later no (ADR 081)", () => {
  it(`works for ${PREFERENCES_LINK_DAYS} days; after that a clear 410 page offers signing in, and nothing changes`, async () => {
    const alumnus = await createAlumnus(db, {
      firstName: "Expirio",
      consentReturn: "withdrawn",
      consentNews: "withdrawn",
    });
    const client = httpClient(app.url);
    const issuedAgo = (days: number) =>
      signPreferencesToken({
        alumnusId: alumnus.id,
        purpose: "return_opportunities",
        issuedAt: new Date(Date.now() - days * DAY_MS),
      });

    // 29 days old: still usable.
    const young = await client.request(`/preferences/${issuedAgo(PREFERENCES_LINK_DAYS - 1)}`);
    expect(young.status).toBe(200);
    expect((await young.text()).replace(/<!-- -->/g, "")).toContain("This link works until");

    // 31 days old: the page says so, names nobody, offers signing in, and a POST changes nothing.
    const old = issuedAgo(PREFERENCES_LINK_DAYS + 1);
    const expired = await client.request(`/preferences/${old}`);
    expect(expired.status).toBe(410);
    expect(expired.headers.get("cache-control")).toBe("no-store");
    const html = (await expired.text()).replace(/<!-- -->/g, "");
    expect(html).toContain("This link has expired");
    expect(html).toContain("works for 30 days");
    expect(html).toContain(SIGN_IN_HREF);
    expect(html).not.toContain("Expirio");
    expect(html).not.toContain('type="checkbox"');
    const posted = await client.request(`/preferences/${old}`, {
      method: "POST",
      form: { returnOpportunities: "yes", news: "yes" },
    });
    expect(posted.status).toBe(410);
    expect(await posted.text()).toContain("This link has expired");

    // A link from before preferences links expired (the never-expiring unsubscribe token) is
    // treated as expired on this page: it can still unsubscribe, never grant.
    const legacy = signUnsubscribeToken({ alumnusId: alumnus.id, purpose: "return_opportunities" });
    const legacyPage = await client.request(`/preferences/${legacy}`);
    expect(legacyPage.status).toBe(410);
    expect(await legacyPage.text()).toContain(SIGN_IN_HREF);
    const legacyPost = await client.request(`/preferences/${legacy}`, {
      method: "POST",
      form: { returnOpportunities: "yes", news: "yes" },
    });
    expect(legacyPost.status).toBe(410);

    expect(await db.alumnus.findUniqueOrThrow({ where: { id: alumnus.id } })).toMatchObject({
      consentReturn: "withdrawn",
      consentNews: "withdrawn",
    });
    expect(
      await db.auditEvent.count({ where: { action: "alumnus.preferences_updated", entityId: alumnus.id } }),
    ).toBe(0);
  });

  it("a link written before the person said no cannot say yes again; the one-click link keeps working", async () => {
    const alumnus = await createAlumnus(db, { consentReturn: "granted", consentNews: "unknown" });
    const preferences = signPreferencesToken({
      alumnusId: alumnus.id,
      purpose: "return_opportunities",
      issuedAt: new Date(Date.now() - 60_000),
    });
    // Years later, the one-click link in the same email still withdraws.
    const unsubscribe = signUnsubscribeToken({ alumnusId: alumnus.id, purpose: "return_opportunities" });
    const oneClick = await post(`/unsubscribe/${unsubscribe}`, "List-Unsubscribe=One-Click", {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(oneClick.status).toBe(200);

    const client = httpClient(app.url);
    const page = await client.request(`/preferences/${preferences}`);
    expect(page.status).toBe(200);
    const html = (await page.text()).replace(/<!-- -->/g, "");
    expect(html).toMatch(/<input type="checkbox" name="returnOpportunities"[^>]*disabled=""/);
    expect(html).toContain("You said no to this after this link was sent");

    // A hand-made POST asking for yes again is refused with the way on, and changes nothing.
    const regrant = await client.request(`/preferences/${preferences}`, {
      method: "POST",
      form: { returnOpportunities: "yes", news: "yes" },
    });
    expect(regrant.status).toBe(409);
    const refusal = (await regrant.text()).replace(/<!-- -->/g, "");
    expect(refusal).toContain("You said no to return opportunities after this link was sent");
    expect(refusal).toContain(SIGN_IN_HREF);
    expect(await db.alumnus.findUniqueOrThrow({ where: { id: alumnus.id } })).toMatchObject({
      consentReturn: "withdrawn",
      consentNews: "unknown",
    });

    // The other purpose is still theirs to choose with this link.
    const news = await client.request(`/preferences/${preferences}`, {
      method: "POST",
      form: { news: "yes" },
    });
    expect(news.status).toBe(200);
    expect(await db.alumnus.findUniqueOrThrow({ where: { id: alumnus.id } })).toMatchObject({
      consentReturn: "withdrawn",
      consentNews: "granted",
    });
  });
});

describe("outbox page", () => {
  it("lets HR see a set-aside message and retry it, audited; refuses a bad filter clearly", async () => {
    const hr = await createStaffUser(db, { role: "hr" });
    const client = await signedInClient(app, hr.email, "correct horse battery staple");
    const subject = unique("Refused ");
    const m = await db.$transaction((tx) =>
      queueEmail(tx, {
        template: "staff-invitation",
        purpose: "transactional",
        to: { address: `${unique("x")}@example.org` },
        email: { subject, html: "<p>x</p>", text: "x" },
      }),
    );
    await db.outboxMessage.update({
      where: { id: m.id },
      data: {
        status: "set_aside",
        attempts: 1,
        lastError: "550 5.1.1 Mailbox unavailable",
        failures: [
          {
            at: new Date().toISOString(),
            attempt: 1,
            kind: "permanent",
            error: "550 5.1.1 Mailbox unavailable",
            responseCode: 550,
          },
        ],
      },
    });
    const list = await client.request("/staff/outbox?status=set_aside");
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain(subject);
    expect(listHtml).toContain("Retry all set-aside messages");

    const noConfirm = await client.request("/staff/outbox", {
      method: "POST",
      form: { intent: "retry-all", reason: "x" },
    });
    expect(noConfirm.status).toBe(422);
    // The refusal lands under the tick box, and the reason typed comes back.
    const noConfirmHtml = await noConfirm.text();
    expect(noConfirmHtml).toMatch(
      /<p id="retry-all-confirm-error"[^>]*>(<span[^>]*>[^<]*<\/span>)?Tick the box to confirm you want every set-aside message retried\.<\/p>/,
    );
    expect(noConfirmHtml).toMatch(/<textarea[^>]*id="retry-all-reason"[^>]*>x<\/textarea>/);

    const bad = await client.request("/staff/outbox?status=lost&sort=drop%20table");
    // An unreadable filter is left out and named on the page (issue 11), not a refusal of the list.
    expect(bad.status).toBe(200);
    expect((await bad.text()).replace(/<!-- -->/g, "")).toContain("Part of this address was left out");

    const detail = await client.request(`/staff/outbox/${m.id}`);
    const detailHtml = await detail.text();
    expect(detailHtml).toContain("Mailbox unavailable");
    expect(detailHtml).toContain("Refused for good");
    expect(detailHtml).toContain("Retry this message");

    // The form's schema refuses a long reason, under the field, and retries nothing.
    const tooLong = await client.request(`/staff/outbox/${m.id}`, {
      method: "POST",
      form: { intent: "retry", reason: "r".repeat(501) },
    });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.text()).toMatch(
      /<p id="retry-reason-error"[^>]*>(<span[^>]*>[^<]*<\/span>)?Keep the reason under 500 characters\.<\/p>/,
    );
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("set_aside");

    const retried = await client.request(`/staff/outbox/${m.id}`, {
      method: "POST",
      form: { reason: "Mailbox restored" },
    });
    expect(retried.status).toBe(200);
    expect(await retried.text()).toContain("Back in the queue");
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      status: "queued",
      maxAttempts: 4,
    });
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { action: "outbox.retried", entityId: m.id } }),
    ).toMatchObject({ actorId: hr.id, reason: "Mailbox restored" });

    const twice = await client.request(`/staff/outbox/${m.id}`, { method: "POST", form: {} });
    expect(twice.status).toBe(409);
  });
});
