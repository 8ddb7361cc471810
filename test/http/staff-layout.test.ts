import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createStaffUser } from "../factories";
import { startTestApp, type TestApp } from "../setup/app-server";
import { signedInClient, type Client } from "./helpers";

/** A page that fails inside the staff area keeps the staff navigation (the layout's boundary). */
const PASSWORD = "a layout test password";
let app: TestApp;
let hr: Client;

beforeAll(async () => {
  app = await startTestApp();
  const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
  hr = await signedInClient(app, user.email, PASSWORD);
});
afterAll(async () => {
  await app?.close();
});

describe("the staff layout on errors", () => {
  it("a 404 inside the staff area keeps the navigation and says what happened", async () => {
    const response = await hr.request("/staff/alumni/no-such-person");
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('aria-label="Staff areas"');
    expect(html).toContain("We could not find that page");
    expect(html).toContain('href="/staff/alumni"');
  });

  it("a 403 keeps the navigation too, without the entries this person may not use", async () => {
    const response = await hr.request("/staff/admin/users");
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('aria-label="Staff areas"');
    expect(html).toContain("You do not have access to this");
    expect(html).not.toContain('href="/staff/admin/users"');
  });

  it("someone who is not signed in is still sent to the sign-in page", async () => {
    const response = await fetch(new URL("/staff/alumni", app.url), { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/sign-in/);
  });
});
