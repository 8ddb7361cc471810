import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newLink, storeAuthToken } from "~/modules/identity/auth-tokens.server";
import { db } from "~/platform/db.server";
import { createStaffUser, unique } from "../factories";
import { httpClient, startTestApp, type TestApp } from "../setup/app-server";
import { locationOf, normalizeBody, signedInClient } from "./helpers";

/**
 * Invitation and password-reset links over HTTP: one clear page for every link that cannot be
 * used, pages that are never cached or sent on as a referrer, and single use under 20 parallel
 * redemptions (exactly one browser ends up signed in).
 */
const PASSWORD = "a links test password";
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function invitationFor(options: { expired?: boolean } = {}) {
  const admin = await createStaffUser(db, { role: "admin", name: "Inviting Admin" });
  const user = await createStaffUser(db, { role: "hr", status: "invited", name: "Ingrid Invited" });
  const link = newLink("staff_invite");
  await storeAuthToken(db, {
    purpose: "staff_invite",
    token: link.token,
    email: user.email,
    userId: user.id,
    createdById: admin.id,
    now: options.expired ? new Date(Date.now() - 73 * 3_600_000) : undefined,
  });
  return { user, token: link.token };
}

async function pageFor(path: string, token: string) {
  const response = await fetch(new URL(`${path}/${token}`, app.url));
  return {
    status: response.status,
    body: normalizeBody(await response.text(), { [token]: "TOKEN" }),
    headers: response.headers,
  };
}

const form = { password: PASSWORD, confirmPassword: PASSWORD };

describe("invitation links", () => {
  it("shows who invited whom, never cached and never sent on as a referrer", async () => {
    const { token } = await invitationFor();
    const page = await pageFor("/invitation", token);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Inviting Admin invited you to Comeback as");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("referrer-policy")).toContain("no-referrer");
  });

  it("answers unknown, expired, used and replaced links with the same page", async () => {
    const unknown = await pageFor("/invitation", "B".repeat(43));
    const expired = await invitationFor({ expired: true });
    const used = await invitationFor();
    expect(
      (await httpClient(app.url).request(`/invitation/${used.token}`, { method: "POST", form })).status,
    ).toBe(302);
    const replaced = await invitationFor();
    await storeAuthToken(db, {
      purpose: "staff_invite",
      token: newLink("staff_invite").token,
      email: replaced.user.email,
      userId: replaced.user.id,
    });
    const pages = [
      unknown,
      await pageFor("/invitation", expired.token),
      await pageFor("/invitation", used.token),
      await pageFor("/invitation", replaced.token),
    ];
    for (const page of pages) {
      expect(page.status).toBe(404);
      expect(page.body).toContain("This link cannot be used");
      expect(page.body).toBe(pages[0].body);
    }
  });

  it("20 parallel redemptions of one link sign in exactly one browser", async () => {
    const { user, token } = await invitationFor();
    const browsers = Array.from({ length: 20 }, () => httpClient(app.url));
    const responses = await Promise.all(
      browsers.map((b, i) =>
        b.request(`/invitation/${token}`, {
          method: "POST",
          form: { password: `${PASSWORD} ${i}`, confirmPassword: `${PASSWORD} ${i}` },
        }),
      ),
    );
    const winners = responses.filter((r) => r.status === 302);
    expect(winners).toHaveLength(1);
    expect(locationOf(winners[0], app.url)).toBe("/staff");
    expect(responses.filter((r) => r.status === 404)).toHaveLength(19);
    expect(browsers.filter((b) => b.cookie !== "")).toHaveLength(1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    const signedIn = browsers.find((b) => b.cookie !== "")!;
    expect((await signedIn.request("/staff")).status).toBe(200);
  });
});

describe("password-reset links", () => {
  it("set a new password once, end every other session and sign this browser in", async () => {
    const user = await createStaffUser(db, { role: "hr", password: "the old long password" });
    const elsewhere = await signedInClient(app, user.email, "the old long password");
    const link = newLink("password_reset");
    await storeAuthToken(db, {
      purpose: "password_reset",
      token: link.token,
      email: user.email,
      userId: user.id,
    });
    const page = await pageFor("/reset-password", link.token);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");

    const browser = httpClient(app.url);
    const done = await browser.request(`/reset-password/${link.token}`, { method: "POST", form });
    expect(locationOf(done, app.url)).toBe("/staff");
    expect((await browser.request("/staff")).status).toBe(200);
    expect(locationOf(await elsewhere.request("/staff"), app.url)).toBe("/sign-in");
    const again = await httpClient(app.url).request(`/reset-password/${link.token}`, {
      method: "POST",
      form,
    });
    expect(again.status).toBe(404);
    expect(await again.text()).toContain("This link cannot be used");
    expect(await db.auditEvent.count({ where: { action: "auth.password_reset", entityId: user.id } })).toBe(
      1,
    );
  });

  it("refuses a mismatched confirmation next to the field, without using the link up", async () => {
    const user = await createStaffUser(db, { role: "hr" });
    const link = newLink("password_reset");
    await storeAuthToken(db, {
      purpose: "password_reset",
      token: link.token,
      email: user.email,
      userId: user.id,
    });
    const response = await httpClient(app.url).request(`/reset-password/${link.token}`, {
      method: "POST",
      form: { password: PASSWORD, confirmPassword: `${PASSWORD}!` },
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("The two passwords do not match.");
    expect((await pageFor("/reset-password", link.token)).status).toBe(200);
    expect(unique).toBeDefined();
  });
});
