import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createStaffUser, unique } from "../factories";
import { countTried, triedSummary, XSS_PAYLOADS } from "../hostile/payloads";
import { startTestApp, type TestApp } from "../setup/app-server";
import { cspNonce, markupOutsideOurScripts, reactEscaped, signedInClient, type Client } from "./helpers";

/**
 * Hostile text typed into the staff-administration forms (names, team names, audit reasons) and
 * an administrator whose own name is hostile: every admin page that shows them must show them as
 * text. A page passes when every <script> on it is ours (nonce), the raw payload appears nowhere
 * outside our scripts, and its escaped form does (so it was rendered, as text).
 */
const PASSWORD = "an xss test password";
const ADMIN_NAME = `Ada <img src=x onerror=alert(1)> "Admin"`;
let app: TestApp;
let admin: Client;
const users: { id: string; name: string; email: string }[] = [];
let pagesChecked = 0;
const gotThrough: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  const a = await createStaffUser(db, { role: "admin", password: PASSWORD, name: ADMIN_NAME });
  admin = await signedInClient(app, a.email, PASSWORD);
});
afterAll(async () => {
  console.log(
    `hostile inputs tried (staff admin pages over HTTP): ${triedSummary()}; pages checked ${pagesChecked}; rendered live: ${gotThrough.length}`,
  );
  await app?.close();
});

async function page(path: string) {
  const response = await admin.request(path);
  expect(response.status, path).toBe(200);
  const html = await response.text();
  pagesChecked++;
  return markupOutsideOurScripts(html, cspNonce(response));
}

function expectInert(markup: string, payload: string, where: string) {
  const raw = /[<>"']/.test(payload) && markup.includes(payload);
  const shown = markup.includes(reactEscaped(payload));
  if (raw || !shown) gotThrough.push(`${where}: ${payload}`);
  expect(raw, `raw ${JSON.stringify(payload)} on ${where}`).toBe(false);
  expect(shown, `escaped ${JSON.stringify(payload)} shown on ${where}`).toBe(true);
}

describe("hostile text in staff administration renders inert", () => {
  it("is accepted as ordinary text by the forms (names, team names, reasons)", async () => {
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const email = `${unique(`xss${i}-`)}@comeback.test`;
      const invited = await admin.request("/staff/admin/users?index", {
        method: "POST",
        form: { intent: "invite", name: payload, email, roleId: "hr" },
      });
      expect(invited.status, `invite ${JSON.stringify(payload)}`).toBe(200);
      countTried("xss: staff name");
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      expect(user.name).toBe(payload);
      users.push({ id: user.id, name: payload, email });

      const team = await admin.request("/staff/admin/teams", {
        method: "POST",
        form: { intent: "create-team", name: `${payload} ${i}` },
      });
      expect(team.status, `team ${JSON.stringify(payload)}`).toBe(200);
      countTried("xss: team name");

      const changed = await admin.request(`/staff/admin/users/${user.id}`, {
        method: "POST",
        form: { intent: "change-role", roleId: "admin", reason: payload },
      });
      expect(changed.status, `reason ${JSON.stringify(payload)}`).toBe(200);
      countTried("xss: audit reason");
    }
    expect(
      await db.auditEvent.count({
        where: { action: "staff.role_changed", reason: { in: [...XSS_PAYLOADS] } },
      }),
    ).toBe(XSS_PAYLOADS.length);
  });

  it("the staff list, each staff member's page and the teams page", async () => {
    const list = await page("/staff/admin/users");
    for (const u of users) expectInert(list, u.name, "/staff/admin/users");
    for (const u of users) {
      const detail = await page(`/staff/admin/users/${u.id}`);
      expectInert(detail, u.name, `/staff/admin/users/${u.id}`);
      expectInert(detail, ADMIN_NAME, `actor on /staff/admin/users/${u.id}`);
    }
    const teams = await page("/staff/admin/teams");
    for (const [i, payload] of XSS_PAYLOADS.entries())
      expectInert(teams, `${payload} ${i}`, "/staff/admin/teams");
  });

  it("the audit trail (actor names, reasons, before/after values)", async () => {
    const reasons = await page("/staff/admin/audit?action=staff.role_changed");
    for (const payload of XSS_PAYLOADS) expectInert(reasons, payload, "audit reasons");
    expectInert(reasons, ADMIN_NAME, "audit actor");
    const invited = await page("/staff/admin/audit?action=staff.invited");
    for (const payload of XSS_PAYLOADS) expectInert(invited, payload, "audit after-values");
  });

  it("the mailbox, a message's text, and the invitation page the link opens", async () => {
    const mailbox = await page("/staff/mailbox");
    for (const u of users) expectInert(mailbox, u.name, "/staff/mailbox");
    expectInert(mailbox, `${ADMIN_NAME} invited you to Comeback`, "/staff/mailbox subject");
    for (const u of users.slice(0, 6)) {
      const message = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: u.email } });
      const shown = await page(`/staff/mailbox/${message.id}`);
      expectInert(shown, u.name, `/staff/mailbox/${message.id}`);
      expect(shown).toMatch(/<iframe[^>]*sandbox=""/);
      const token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(message.text)![1];
      const invitation = await fetch(new URL(`/invitation/${token}`, app.url));
      const html = await invitation.text();
      pagesChecked++;
      const markup = markupOutsideOurScripts(html, cspNonce(invitation));
      expectInert(markup, u.name, "/invitation/:token");
      expectInert(markup, ADMIN_NAME, "/invitation/:token (inviter)");
    }
    // And the emails themselves escape the name in their HTML part.
    for (const u of users) {
      const message = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: u.email } });
      if (/[<>]/.test(u.name)) expect(message.html, "email html").not.toContain(u.name);
      expect(message.html).not.toMatch(
        /<(script|img|svg|iframe|details|input|body|style|base|meta http-equiv)\b[^>]*(onerror|onload|ontoggle|onfocus|src=x|javascript:)/i,
      );
    }
    expect(gotThrough).toEqual([]);
  });
});
