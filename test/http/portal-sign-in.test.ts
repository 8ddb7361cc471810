import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerBackgroundWork } from "~/modules/background.server";
import { ALUMNI_SIGN_IN_JOB, ALUMNI_SIGN_IN_LIMITS } from "~/modules/identity/request-alumni-sign-in.server";
import { db } from "~/platform/db.server";
import { runNextJob } from "~/platform/jobs.server";
import { createAlumnus, createStaffUser, unique } from "../factories";
import { httpClient, startTestApp, type TestApp } from "../setup/app-server";
import { locationOf, normalizeBody, signedInClient, uniqueIp, type Client } from "./helpers";

/**
 * The alumni email-link sign-in over HTTP (HARDENING.md, sign-in section; ADR 037): the same
 * answer for known and unknown addresses, the link's page that only shows a button, the
 * confirming POST that starts the one session, and alumni sessions that reach only the portal.
 */
let app: TestApp;
const PASSWORD = "a portal sign-in test password";

beforeAll(async () => {
  app = await startTestApp();
  registerBackgroundWork();
});
afterAll(async () => {
  await app?.close();
});

async function runSignInJobs() {
  while (await runNextJob({ kinds: [ALUMNI_SIGN_IN_JOB] }));
}

async function person(firstName = "Maja") {
  return createAlumnus(db, {
    firstName,
    lastName: unique("Berg"),
    preferredName: null,
    workEmail: `${unique("work")}@fjordpay.example`,
    personalEmail: `${unique("home")}@example.org`,
  });
}

async function askFor(client: Client, email: string, ip = uniqueIp()) {
  return client.request("/portal/sign-in", {
    method: "POST",
    form: { intent: "sign-in", email, redirectTo: "" },
    headers: { "X-Forwarded-For": ip },
  });
}

async function linkFor(address: string) {
  await runSignInJobs();
  const message = await db.outboxMessage.findFirstOrThrow({
    where: { toAddress: address, template: "sign-in-link" },
    orderBy: { createdAt: "desc" },
  });
  return new URL(/https?:\/\/\S+\/portal\/sign-in\/[A-Za-z0-9_-]{43}(\?next=\S+)?/.exec(message.text)![0])
    .pathname;
}

/** Signs an alumnus in over HTTP, as a browser would: ask, open the link, press the button. */
async function signedInAlumnus(email: string) {
  const client = httpClient(app.url);
  expect((await askFor(client, email)).status).toBe(200);
  const path = await linkFor(email);
  const confirmed = await client.request(path, { method: "POST", form: { intent: "confirm-sign-in" } });
  expect(confirmed.status).toBe(302);
  return client;
}

const HEADERS_THAT_MATTER = ["content-type", "retry-after", "cache-control", "x-frame-options"];

async function answer(email: string, ip: string) {
  const started = performance.now();
  const response = await askFor(httpClient(app.url), email, ip);
  const body = await response.text();
  const ms = performance.now() - started;
  return {
    ms,
    seen: {
      status: response.status,
      setsCookie: response.headers.getSetCookie().length > 0,
      headers: Object.fromEntries(
        HEADERS_THAT_MATTER.map((h) => {
          const value = response.headers.get(h);
          return [h, h === "retry-after" && value ? `${Math.ceil(Number(value) / 60)} min` : value];
        }),
      ),
      body: normalizeBody(body, { [email]: "EMAIL" }),
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe("asking for a link", () => {
  it("answers a known and an unknown address identically, in about the same time", async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    const people = [];
    for (let i = 0; i < 8; i++) people.push(await person());
    for (let i = 0; i < 8; i++) {
      const alumnus = people[i];
      const ghost = `${unique("ghost")}@example.org`;
      // Interleaved, each first in turn, so load on the machine hits both alike.
      const address = i % 4 < 2 ? alumnus.workEmail! : alumnus.personalEmail!;
      const [a, b] =
        i % 2
          ? [await answer(address, uniqueIp()), await answer(ghost, uniqueIp())]
          : await answer(ghost, uniqueIp()).then(async (g) => [await answer(address, uniqueIp()), g]);
      expect(a.seen.status).toBe(200);
      expect(a.seen.body).toContain("Check your email");
      expect(a.seen).toEqual(b.seen);
      known.push(a.ms);
      unknown.push(b.ms);
    }
    const difference = Math.abs(median(known) - median(unknown));
    console.info(
      `alumni sign-in link request: median ${median(known).toFixed(1)} ms known, ${median(unknown).toFixed(1)} ms unknown (8 each)`,
    );
    // The request never looks the address up (a job does), so only noise separates the two.
    expect(difference).toBeLessThan(Math.max(50, median(unknown)));
  });

  it("pauses an address after a few requests with the same answer whether or not it is known", async () => {
    const alumnus = await person();
    const ghost = `${unique("ghost")}@example.org`;
    for (let i = 0; i <= ALUMNI_SIGN_IN_LIMITS.perAddress.limit; i++) {
      const known = await answer(alumnus.workEmail!, uniqueIp());
      const unknown = await answer(ghost, uniqueIp());
      expect(known.seen, `request ${i + 1}`).toEqual(unknown.seen);
      if (i === ALUMNI_SIGN_IN_LIMITS.perAddress.limit) {
        expect(known.seen.status).toBe(429);
        expect(known.seen.headers["retry-after"]).toMatch(/^\d+ min$/);
        expect(known.seen.body).toContain("Use the newest email from us");
      }
    }
  });

  it("limits requests from one client address", async () => {
    const ip = uniqueIp();
    let last: Response | undefined;
    for (let i = 0; i <= ALUMNI_SIGN_IN_LIMITS.perIp.limit; i++) {
      last = await askFor(httpClient(app.url), `${unique("spray")}@example.org`, ip);
    }
    expect(last?.status).toBe(429);
    expect(await last?.text()).toContain("too many sign-in requests from your network");
  });

  it("refuses a malformed address next to the field, without a 500", async () => {
    for (const email of [
      "",
      "not an address",
      "a@b\r\nBcc: x@evil.example",
      "x".repeat(300) + "@example.org",
    ]) {
      const response = await askFor(httpClient(app.url), email);
      expect(response.status, email).toBe(422);
      expect(await response.text()).toContain("Enter an email address, such as name@example.com.");
    }
  });
});

describe("the link", () => {
  it("opening it shows a button and starts nothing; pressing it starts the session and goes on", async () => {
    const alumnus = await person();
    const client = httpClient(app.url);
    await askFor(client, alumnus.workEmail!);
    const path = await linkFor(alumnus.workEmail!);

    for (let i = 0; i < 2; i++) {
      const opened = await client.request(path);
      expect(opened.status).toBe(200);
      expect(opened.headers.getSetCookie()).toEqual([]);
      expect(opened.headers.get("cache-control")).toBe("no-store");
      // The last policy in the header wins: the link is never sent on as a referrer.
      expect(opened.headers.get("referrer-policy")).toMatch(/(^|, )no-referrer$/);
      const html = await opened.text();
      expect(html).toContain("Finish signing in");
      expect(html).not.toMatch(/comeback/i);
    }
    // A POST without the button's intent (a scanner, a stray form) does not use the link up.
    const stray = await client.request(path, { method: "POST", form: {} });
    expect(stray.status).toBe(422);
    expect(stray.headers.getSetCookie()).toEqual([]);
    // Answered on the confirm page, in its form's error summary, with the button still there.
    const strayPage = await stray.text();
    expect(strayPage).toContain("Press the Sign in button on this page to finish signing in.");
    expect(strayPage).toContain('name="intent" value="confirm-sign-in"');

    const confirmed = await client.request(path, { method: "POST", form: { intent: "confirm-sign-in" } });
    expect(confirmed.status).toBe(302);
    expect(locationOf(confirmed, app.url)).toBe("/portal");
    const cookie = confirmed.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^portal_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const home = await client.request("/portal");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(`Welcome back, Maja ${alumnus.lastName}`);

    // Used: the same link now says so, and cannot start a second session.
    const reused = await httpClient(app.url).request(path, {
      method: "POST",
      form: { intent: "confirm-sign-in" },
    });
    expect(reused.status).toBe(404);
    expect(reused.headers.getSetCookie()).toEqual([]);
    expect(await reused.text()).toContain("This link cannot be used");
  });

  it("20 parallel confirmations of one link over HTTP give exactly one session", async () => {
    const alumnus = await person();
    await askFor(httpClient(app.url), alumnus.workEmail!);
    const path = await linkFor(alumnus.workEmail!);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        httpClient(app.url).request(path, { method: "POST", form: { intent: "confirm-sign-in" } }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 404)).toHaveLength(19);
    expect(responses.filter((r) => r.headers.getSetCookie().length > 0)).toHaveLength(1);
    expect(await db.session.count({ where: { alumnusId: alumnus.id } })).toBe(1);
    console.info("alumni sign-in link over HTTP: 20 parallel redemptions -> 1 session");
  });

  it("after signing in, goes back to the portal page that asked for it (portal pages only)", async () => {
    const alumnus = await person();
    const client = httpClient(app.url);
    const start = await client.request("/portal");
    expect(locationOf(start, app.url)).toBe("/portal/sign-in");
    await client.request("/portal/sign-in", {
      method: "POST",
      form: { intent: "sign-in", email: alumnus.workEmail!, redirectTo: "/staff/admin/users" },
      headers: { "X-Forwarded-For": uniqueIp() },
    });
    const path = await linkFor(alumnus.workEmail!);
    const confirmed = await client.request(`${path}?next=${encodeURIComponent("https://evil.example/")}`, {
      method: "POST",
      form: { intent: "confirm-sign-in" },
    });
    expect(locationOf(confirmed, app.url)).toBe("/portal");
  });
});

describe("alumni sessions reach only the portal", () => {
  it("an alumnus gets 403 on staff pages, and sees only their own name in the portal", async () => {
    const maja = await person("Maja");
    const other = await person("Jonas");
    const client = await signedInAlumnus(maja.workEmail!);
    for (const path of [
      "/staff",
      "/staff/alumni",
      `/staff/alumni/${other.id}`,
      `/staff/alumni/${maja.id}`,
      "/staff/admin/users",
    ]) {
      const response = await client.request(path);
      expect(response.status, path).toBe(403);
      expect(await response.text()).not.toContain(other.lastName);
    }
    const exported = await client.request("/staff/alumni/export?consent=granted");
    expect(exported.status).toBe(403);
    const home = await (await client.request("/portal")).text();
    expect(home).toContain(maja.lastName);
    expect(home).not.toContain(other.lastName);
  });

  it("a staff member cannot open the portal's pages as an alumnus, but can reach its sign-in page", async () => {
    const hr = await createStaffUser(db, { role: "hr", password: PASSWORD });
    const client = await signedInClient(app, hr.email, PASSWORD);
    const home = await client.request("/portal");
    expect(home.status).toBe(403);
    const html = await home.text();
    expect(html).toContain("Staff accounts cannot open them");
    expect(html).not.toMatch(/comeback/i);
    expect((await client.request("/portal/sign-in")).status).toBe(200);
    // Staff keep their own session meanwhile.
    expect((await client.request("/staff")).status).toBe(200);
  });

  it("signing out ends the session on the server and clears the cookie", async () => {
    const alumnus = await person();
    const client = await signedInAlumnus(alumnus.workEmail!);
    const cookie = client.cookie;
    const out = await client.request("/portal/sign-out", { method: "POST", form: {} });
    expect(out.status).toBe(302);
    expect(locationOf(out, app.url)).toBe("/portal/sign-in?signedOut=1");
    expect(out.headers.getSetCookie()[0]).toMatch(/^portal_session=;.*Max-Age=0/);
    const page = await client.request("/portal/sign-in?signedOut=1");
    expect(await page.text()).toContain("You have signed out.");
    // The old cookie, replayed, no longer works.
    const replay = httpClient(app.url);
    replay.cookie = cookie;
    expect(locationOf(await replay.request("/portal"), app.url)).toBe("/portal/sign-in");
    const session = await db.session.findFirstOrThrow({ where: { alumnusId: alumnus.id } });
    expect(session.revokedAt).not.toBeNull();
  });
});
