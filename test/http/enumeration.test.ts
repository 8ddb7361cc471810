import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD_RESET_JOB, PASSWORD_RESET_LIMITS } from "~/modules/identity/request-password-reset.server";
import { SIGN_IN_LIMITS } from "~/modules/identity/sign-in.server";
import { db } from "~/platform/db.server";
import { createStaffUser, unique } from "../factories";
import { httpClient, startTestApp, type TestApp } from "../setup/app-server";
import { normalizeBody, uniqueIp } from "./helpers";

/**
 * No account enumeration over HTTP: sign-in and forgot-password answer a known address exactly
 * as they answer an unknown one (status, the headers that matter, and the page text), including
 * once the per-address limit pauses further attempts.
 */
let app: TestApp;
const PASSWORD = "an enumeration test password";

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const HEADERS_THAT_MATTER = [
  "content-type",
  "location",
  "retry-after",
  "cache-control",
  "x-frame-options",
  "content-security-policy",
];

async function answer(path: string, form: Record<string, string>, ip: string, email: string) {
  const response = await httpClient(app.url).request(path, {
    method: "POST",
    form,
    headers: { "X-Forwarded-For": ip },
  });
  const body = await response.text();
  const headers = Object.fromEntries(
    HEADERS_THAT_MATTER.map((h) => {
      const value = response.headers.get(h);
      if (h === "content-security-policy") return [h, value?.replace(/'nonce-[^']+'/g, "'nonce-N'")];
      // Two requests a moment apart may differ by a second; compare in whole minutes (as the page says).
      if (h === "retry-after" && value) return [h, `${Math.ceil(Number(value) / 60)} min`];
      return [h, value];
    }),
  );
  return {
    status: response.status,
    setsCookie: response.headers.getSetCookie().length > 0,
    headers,
    body: normalizeBody(body, { [email]: "EMAIL", [encodeURIComponent(email)]: "EMAIL" }),
  };
}

describe("sign-in", () => {
  it("answers a wrong password for a real account exactly like an unknown address, on the form", async () => {
    const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
    const ghost = `${unique("ghost")}@comeback.test`;
    const known = await answer(
      "/sign-in",
      { email: user.email, password: "not the password" },
      uniqueIp(),
      user.email,
    );
    const unknown = await answer(
      "/sign-in",
      { email: ghost, password: "not the password" },
      uniqueIp(),
      ghost,
    );
    expect(known.status).toBe(401);
    expect(known.body).toContain("That email and password do not match an active account.");
    expect(known.body).toContain("<h1"); // the sign-in form again, not an error page
    expect(known.body).toContain(">Sign in</h1>");
    expect(known).toEqual(unknown);
  });

  it("pauses an address after repeated failures, the same way whether or not it has an account", async () => {
    const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
    const ghost = `${unique("ghost")}@comeback.test`;
    const attempts = SIGN_IN_LIMITS.perAccount.limit + 2;
    for (let i = 0; i < attempts; i++) {
      const known = await answer(
        "/sign-in",
        { email: user.email, password: `guess ${i}` },
        uniqueIp(),
        user.email,
      );
      const unknown = await answer("/sign-in", { email: ghost, password: `guess ${i}` }, uniqueIp(), ghost);
      expect(known, `attempt ${i + 1}`).toEqual(unknown);
      if (i >= SIGN_IN_LIMITS.perAccount.limit) {
        expect(known.status).toBe(429);
        expect(known.headers["retry-after"]).toMatch(/^\d+ min$/);
        expect(known.body).toContain("Too many sign-in attempts");
      }
    }
    // The right password does not get through a pause either.
    const locked = await httpClient(app.url).request("/sign-in", {
      method: "POST",
      form: { email: user.email, password: PASSWORD },
      headers: { "X-Forwarded-For": uniqueIp() },
    });
    expect(locked.status).toBe(429);
    expect(locked.headers.getSetCookie()).toEqual([]);
  });

  it("a browser that signed in before gets in while a stranger's guesses hold the account (issue 11)", async () => {
    const owner = await createStaffUser(db, { role: "hr", password: PASSWORD });
    const first = httpClient(app.url);
    const signIn = (client: ReturnType<typeof httpClient>, password: string) =>
      client.request("/sign-in", {
        method: "POST",
        form: { email: owner.email, password },
        headers: { "X-Forwarded-For": uniqueIp() },
      });
    expect((await signIn(first, PASSWORD)).status).toBe(302);
    const note = first.cookie.split("; ").find((pair) => /^comeback_device=/.test(pair));
    expect(note).toBeDefined();

    const stranger = httpClient(app.url);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await signIn(stranger, `guess ${i}`)).status);
    expect(statuses.slice(0, SIGN_IN_LIMITS.perAccount.limit)).toEqual(
      Array(SIGN_IN_LIMITS.perAccount.limit).fill(401),
    );
    expect(statuses.slice(SIGN_IN_LIMITS.perAccount.limit)).toEqual(
      Array(20 - SIGN_IN_LIMITS.perAccount.limit).fill(429),
    );

    // A browser the owner never used waits like the stranger; the one they signed in with does not.
    expect((await signIn(httpClient(app.url), PASSWORD)).status).toBe(429);
    const sameBrowser = httpClient(app.url);
    sameBrowser.cookie = note!;
    const back = await signIn(sameBrowser, PASSWORD);
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe("/staff");
    expect((await sameBrowser.request("/staff")).status).toBe(200);
  });

  it("limits attempts from one client address across many accounts", async () => {
    const ip = uniqueIp();
    let last: Response | undefined;
    for (let i = 0; i <= SIGN_IN_LIMITS.perIp.limit; i++) {
      last = await httpClient(app.url).request("/sign-in", {
        method: "POST",
        form: { email: `${unique("spray")}@comeback.test`, password: "guess" },
        headers: { "X-Forwarded-For": ip },
      });
    }
    expect(last?.status).toBe(429);
    expect(await last?.text()).toContain("Too many sign-in attempts");
  });
});

describe("forgot password", () => {
  it("answers known and unknown addresses identically, and queues the same work for both", async () => {
    const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
    const ghost = `${unique("ghost")}@comeback.test`;
    const jobs = await db.job.count({ where: { kind: PASSWORD_RESET_JOB } });
    const known = await answer("/forgot-password", { email: user.email }, uniqueIp(), user.email);
    const unknown = await answer("/forgot-password", { email: ghost }, uniqueIp(), ghost);
    expect(known.status).toBe(200);
    expect(known.body).toContain("If an active Comeback account uses this address");
    expect(known).toEqual(unknown);
    expect(await db.job.count({ where: { kind: PASSWORD_RESET_JOB } })).toBe(jobs + 2);
  });

  it("pauses an address after a few requests, known or not, with the same answer", async () => {
    const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
    const ghost = `${unique("ghost")}@comeback.test`;
    for (let i = 0; i <= PASSWORD_RESET_LIMITS.perAddress.limit; i++) {
      const known = await answer("/forgot-password", { email: user.email }, uniqueIp(), user.email);
      const unknown = await answer("/forgot-password", { email: ghost }, uniqueIp(), ghost);
      expect(known, `request ${i + 1}`).toEqual(unknown);
      if (i === PASSWORD_RESET_LIMITS.perAddress.limit) {
        expect(known.status).toBe(429);
        expect(known.body).toContain("Too many password-reset requests");
      }
    }
  });

  it("limits requests from one client address", async () => {
    const ip = uniqueIp();
    let last: Response | undefined;
    for (let i = 0; i <= PASSWORD_RESET_LIMITS.perIp.limit; i++) {
      last = await httpClient(app.url).request("/forgot-password", {
        method: "POST",
        form: { email: `${unique("spray")}@comeback.test` },
        headers: { "X-Forwarded-For": ip },
      });
    }
    expect(last?.status).toBe(429);
  });
});
