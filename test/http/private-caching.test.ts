import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_DIR } from "../../server/build";
import { startTestApp, type TestApp } from "../setup/app-server";
import { buildAuthzFixtures } from "./fixtures";
import { uniqueIp } from "./helpers";
import { ROLES, ROUTE_POLICY, type Role } from "./route-policy";

/**
 * Private pages are not cached (issue 11): every signed-in answer across the route manifest, as
 * a page and as its `.data` response, is `Cache-Control: no-store` with `Vary: Cookie`; the one
 * declared exception is the employer's logo, public by design and setting no cookie. Signing
 * out asks the browser to clear its cache and expires only its own session cookie: the other
 * kind of session in the same browser stays signed in (ADR 066).
 */
const build = (await import(pathToFileURL(path.join(BUILD_DIR, "server", "index.js")).href)) as ServerBuild;
const routeIds = Object.keys(build.routes).filter((id) => id !== "root");
/** Answers that may be cached: the same bytes for everyone. */
const PUBLIC_ROUTES = new Set(["routes/portal.logo"]);

let app: TestApp;
let fixtures: Awaited<ReturnType<typeof buildAuthzFixtures>>;

beforeAll(async () => {
  app = await startTestApp();
  fixtures = await buildAuthzFixtures();
});
afterAll(async () => {
  await app?.close();
});

const fill = (pathname: string) =>
  pathname.replace(/:([A-Za-z]+)/g, (m, name: string) =>
    fixtures.records[name] ? encodeURIComponent(fixtures.records[name]) : m,
  );

/** The `.data` address Remix's client fetches for a page (single fetch). */
function dataUrl(url: string) {
  const [pathname, query] = url.split("?");
  const base = pathname === "/" ? "/_root.data" : `${pathname.replace(/\/$/, "")}.data`;
  return query ? `${base}?${query}` : base;
}

async function get(url: string, role: Role) {
  const cookie = await fixtures.cookieFor(role);
  return fetch(new URL(url, app.url), {
    headers: { "X-Forwarded-For": uniqueIp(), ...(cookie ? { Cookie: cookie } : {}) },
    redirect: "manual",
  });
}

function expectPrivate(response: Response, label: string) {
  expect(response.headers.get("cache-control"), `${label}: Cache-Control`).toBe("no-store");
  expect(response.headers.get("vary") ?? "", `${label}: Vary`).toMatch(/\bCookie\b/i);
}

let checked = 0;

describe("signed-in answers are never cached", () => {
  it.each(routeIds)("%s", async (id) => {
    const policy = ROUTE_POLICY[id];
    expect(policy, `${id} has a policy row`).toBeDefined();
    if (!policy.loader) return;
    const url = fill(policy.path);
    // The signed-in role the route serves (its refusals and redirects go through the same path).
    const role = ROLES.find((r) => r !== "anonymous" && policy.loader![r] === "ok") ?? "hr";
    {
      const page = await get(url, role);
      const data = await get(dataUrl(url), role);
      if (PUBLIC_ROUTES.has(id)) {
        expect(page.headers.get("cache-control")).toMatch(/\bpublic\b/);
        expect(page.headers.get("set-cookie")).toBeNull();
      } else {
        expectPrivate(page, `GET ${url} as ${role} (${page.status})`);
        expectPrivate(data, `GET ${dataUrl(url)} as ${role} (${data.status})`);
      }
      checked += 2;
    }
  });

  it("an action's answer (a form with errors shown again) is not cached either", async () => {
    const cookie = (await fixtures.cookieFor("hr"))!;
    const response = await fetch(new URL("/staff/decisions/new", app.url), {
      method: "POST",
      headers: {
        Cookie: cookie,
        Origin: app.url,
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": uniqueIp(),
      },
      body: "title=",
      redirect: "manual",
    });
    expect(response.status).toBe(422);
    expectPrivate(response, "POST /staff/decisions/new");
  });

  afterAll(() => {
    console.log(`private caching: ${checked} signed-in answers checked (pages and .data)`);
  });
});

describe("signing out clears what the browser kept", () => {
  async function signOut(path: string, cookie: string) {
    return fetch(new URL(path, app.url), {
      method: "POST",
      headers: {
        Cookie: cookie,
        Origin: app.url,
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": uniqueIp(),
      },
      body: "",
      redirect: "manual",
    });
  }

  async function status(url: string, cookie: string) {
    const response = await fetch(new URL(url, app.url), {
      headers: { Cookie: cookie, "X-Forwarded-For": uniqueIp() },
      redirect: "manual",
    });
    return response.status;
  }

  it.each([
    ["staff", "/sign-out", "hr"],
    ["alumni", "/portal/sign-out", "alumnus"],
  ] as const)(
    "%s sign-out sends Clear-Site-Data for the cache, not for every cookie",
    async (_who, path, role) => {
      const response = await signOut(path, (await fixtures.cookieFor(role))!);
      expect(response.status).toBe(302);
      expect(response.headers.get("clear-site-data")).toBe('"cache"');
      expectPrivate(response, `POST ${path}`);
    },
  );

  it.each([
    ["staff", "/sign-out", "comeback_session", "/portal", "/staff"],
    ["alumni", "/portal/sign-out", "portal_session", "/staff", "/portal"],
  ] as const)(
    "%s sign-out with both kinds of session in the browser ends only its own",
    async (_who, path, ownCookie, otherPage, ownPage) => {
      const both = `${(await fixtures.cookieFor("hr"))!}; ${(await fixtures.cookieFor("alumnus"))!}`;
      expect(await status(otherPage, both)).toBe(200);
      expect(await status(ownPage, both)).toBe(200);
      const response = await signOut(path, both);
      expect(response.status).toBe(302);
      const cookies = response.headers.getSetCookie();
      expect(cookies).toHaveLength(1);
      expect(cookies[0]).toMatch(new RegExp(`^${ownCookie}=;.*Max-Age=0`));
      expect(response.headers.get("clear-site-data") ?? "").not.toMatch(/cookies|\*/);
      // The other session still works with the same cookie header; this one is over (its page
      // now sees only the other kind of session, which may not enter it).
      expect(await status(otherPage, both)).toBe(200);
      expect(await status(ownPage, both)).toBe(403);
    },
  );
});
