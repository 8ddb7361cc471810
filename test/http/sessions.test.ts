import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createStaffUser, createTeam } from "../factories";
import { httpClient, startTestApp, type TestApp } from "../setup/app-server";
import { locationOf, signedInClient, uniqueIp, type Client } from "./helpers";

/**
 * Sessions over HTTP against the production build: fixation, sign-out replay, sign-out
 * everywhere, revocation when an administrator deactivates someone or changes their role, and
 * idle/absolute expiry. "Signed out" means the next request is sent to the sign-in page.
 */
const PASSWORD = "a session test password";
let app: TestApp;
let admin: Client;

beforeAll(async () => {
  app = await startTestApp();
  const a = await createStaffUser(db, { role: "admin", password: PASSWORD });
  admin = await signedInClient(app, a.email, PASSWORD);
});
afterAll(async () => {
  await app?.close();
});

async function landing(client: Client | string, path = "/staff") {
  const response =
    typeof client === "string"
      ? await fetch(new URL(path, app.url), { headers: { Cookie: client }, redirect: "manual" })
      : await client.request(path);
  if (response.status === 302) return `redirect ${locationOf(response, app.url)?.split("?")[0]}`;
  return `status ${response.status}`;
}

async function hrUser() {
  const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
  return { user, client: await signedInClient(app, user.email, PASSWORD) };
}

describe("security headers", () => {
  it("every page, signed in or not, staff or portal, carries CSP (no framing), nosniff and a referrer policy", async () => {
    const { client } = await hrUser();
    const pages: [string, Response][] = [
      ["/sign-in", await fetch(new URL("/sign-in", app.url))],
      ["/portal/sign-in", await fetch(new URL("/portal/sign-in", app.url))],
      ["/staff", await client.request("/staff")],
    ];
    for (const [path, response] of pages) {
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("referrer-policy"), path).toBe("same-origin");
      expect(response.headers.get("x-powered-by"), path).toBeNull();
    }
  });
});

describe("sessions over HTTP", () => {
  it("sets a HttpOnly, SameSite=Lax cookie and replaces the session the browser presented at sign-in", async () => {
    const { user } = await hrUser();
    const browser = httpClient(app.url);
    const first = await browser.request("/sign-in", {
      method: "POST",
      form: { email: user.email, password: PASSWORD },
      headers: { "X-Forwarded-For": uniqueIp() },
    });
    const setCookie = first.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    const before = browser.cookie;
    await browser.request("/sign-in", {
      method: "POST",
      form: { email: user.email, password: PASSWORD },
      headers: { "X-Forwarded-For": uniqueIp() },
    });
    expect(browser.cookie).not.toBe(before);
    expect(await landing(before)).toBe("redirect /sign-in");
    expect(await landing(browser)).toBe("status 200");
  });

  it("an attacker-planted session cookie does not survive the victim's sign-in", async () => {
    const attacker = await hrUser();
    const planted = attacker.client.cookie;
    const { user: victim } = await hrUser();
    const browser = httpClient(app.url);
    browser.cookie = planted;
    await browser.request("/sign-in", {
      method: "POST",
      form: { email: victim.email, password: PASSWORD },
      headers: { "X-Forwarded-For": uniqueIp() },
    });
    expect(browser.cookie).not.toBe(planted);
    expect(await landing(planted)).toBe("redirect /sign-in");
  });

  it("sign-out ends the session on the server: replaying the old cookie gets the sign-in page", async () => {
    const { client } = await hrUser();
    const cookie = client.cookie;
    const out = await client.request("/sign-out", { method: "POST", form: {} });
    expect(locationOf(out, app.url)).toBe("/sign-in");
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect(await landing(cookie)).toBe("redirect /sign-in");
    const replayedPost = await fetch(new URL("/staff/account", app.url), {
      method: "POST",
      headers: { Cookie: cookie, Origin: app.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=change-password&currentPassword=x&password=yyyyyyyyyyyyyy&confirmPassword=yyyyyyyyyyyyyy",
      redirect: "manual",
    });
    expect(locationOf(replayedPost, app.url)).toBe("/sign-in?redirectTo=%2Fstaff%2Faccount");
  });

  it("sign out everywhere ends the person's other browsers too", async () => {
    const { user, client: laptop } = await hrUser();
    const phone = await signedInClient(app, user.email, PASSWORD);
    await laptop.request("/sign-out", { method: "POST", form: { everywhere: "yes" } });
    expect(await landing(phone)).toBe("redirect /sign-in");
    expect(await db.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });

  it("an administrator deactivating someone signs them out on their very next request", async () => {
    const { user, client } = await hrUser();
    expect(await landing(client)).toBe("status 200");
    const response = await admin.request(`/staff/admin/users/${user.id}`, {
      method: "POST",
      form: { intent: "deactivate", reason: "Left the company" },
    });
    expect(response.status).toBe(200);
    expect(await landing(client)).toBe("redirect /sign-in");
    expect(await landing(client, "/staff/mailbox")).toBe("redirect /sign-in");
    // And the password no longer signs them in.
    const again = await httpClient(app.url).request("/sign-in", {
      method: "POST",
      form: { email: user.email, password: PASSWORD },
      headers: { "X-Forwarded-For": uniqueIp() },
    });
    expect(again.status).toBe(401);
  });

  it("a role change ends the sessions; signing in again gives the new role's permissions", async () => {
    const { user, client } = await hrUser();
    const team = await createTeam(db);
    expect(await landing(client, "/staff/mailbox")).toBe("status 200");
    const response = await admin.request(`/staff/admin/users/${user.id}`, {
      method: "POST",
      form: {
        intent: "change-role",
        roleId: "manager",
        teamId: team.id,
        reason: "Leads the disputes team now",
      },
    });
    expect(response.status).toBe(200);
    expect(await landing(client, "/staff/mailbox")).toBe("redirect /sign-in");
    const again = await signedInClient(app, user.email, PASSWORD);
    expect(await landing(again, "/staff/mailbox")).toBe("status 403");
    expect(await landing(again, "/staff")).toBe("status 200");
  });

  it("a deactivated account's session is refused even if the row was never revoked", async () => {
    const { user, client } = await hrUser();
    await db.user.update({ where: { id: user.id }, data: { status: "deactivated" } });
    expect(await db.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
    expect(await landing(client)).toBe("redirect /sign-in");
  });

  it("idle and absolute expiry send the next request to the sign-in page", async () => {
    const idle = await hrUser();
    await db.session.updateMany({
      where: { userId: idle.user.id },
      data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
    });
    expect(await landing(idle.client)).toBe("redirect /sign-in");

    const old = await hrUser();
    await db.session.updateMany({
      where: { userId: old.user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await landing(old.client)).toBe("redirect /sign-in");

    const fresh = await hrUser();
    expect(await landing(fresh.client)).toBe("status 200");
  });
});
