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
 * out asks the browser to clear its cache and cookies.
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
  it.each([
    ["staff", "/sign-out", "hr"],
    ["alumni", "/portal/sign-out", "alumnus"],
  ] as const)("%s sign-out sends Clear-Site-Data for the cache and cookies", async (_who, path, role) => {
    const cookie = (await fixtures.cookieFor(role))!;
    const response = await fetch(new URL(path, app.url), {
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
    expect(response.status).toBe(302);
    expect(response.headers.get("clear-site-data")).toBe('"cache", "cookies"');
    expectPrivate(response, `POST ${path}`);
  });
});
