import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createStaffUser } from "../factories";
import { countTried, OPEN_REDIRECT_PAYLOADS, triedSummary } from "../hostile/payloads";
import { httpClient, startTestApp, type TestApp } from "../setup/app-server";
import { signedInClient, uniqueIp } from "./helpers";

/**
 * Every open-redirect payload as `redirectTo`, through the real sign-in form and the sign-in
 * page of someone already signed in: the Location header must stay on our origin every time.
 */
const PASSWORD = "an open redirect test password";
let app: TestApp;
let email: string;
const escaped: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  email = (await createStaffUser(db, { role: "hr", password: PASSWORD })).email;
});
afterAll(async () => {
  console.log(
    `hostile inputs tried (open redirect over HTTP): ${triedSummary()}; left our origin: ${escaped.length}`,
  );
  await app?.close();
});

function staysHome(response: Response, payload: string, via: string) {
  const location = response.headers.get("location");
  expect(response.status, `${via} ${JSON.stringify(payload)}`).toBe(302);
  expect(location, `${via} ${JSON.stringify(payload)}`).toBeTruthy();
  // Browsers resolve Location against the page; backslashes and tabs count as they do in a browser.
  const resolved = new URL(location!, app.url);
  if (resolved.origin !== new URL(app.url).origin || !location!.startsWith("/") || /^\/[\\/]/.test(location!))
    escaped.push(`${via}: ${payload} -> ${location}`);
}

describe("redirect targets never leave our origin", () => {
  it.each(OPEN_REDIRECT_PAYLOADS)("after signing in with redirectTo=%j", async (payload) => {
    countTried("open redirect");
    const response = await httpClient(app.url).request("/sign-in", {
      method: "POST",
      form: { email, password: PASSWORD, redirectTo: payload },
      headers: { "X-Forwarded-For": uniqueIp() },
    });
    staysHome(response, payload, "POST /sign-in");
    expect(escaped).toEqual([]);
  });

  it("when someone already signed in opens the sign-in page with each payload", async () => {
    const client = await signedInClient(app, email, PASSWORD);
    for (const payload of OPEN_REDIRECT_PAYLOADS) {
      countTried("open redirect");
      const response = await client.request(`/sign-in?redirectTo=${encodeURIComponent(payload)}`);
      staysHome(response, payload, "GET /sign-in");
    }
    expect(escaped).toEqual([]);
  });

  it("keeps an ordinary in-app target", async () => {
    const response = await httpClient(app.url).request("/sign-in", {
      method: "POST",
      form: { email, password: PASSWORD, redirectTo: "/staff/account?tab=sessions" },
      headers: { "X-Forwarded-For": uniqueIp() },
    });
    expect(response.headers.get("location")).toBe("/staff/account?tab=sessions");
  });
});
