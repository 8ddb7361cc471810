import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_DIR } from "../../server/build";
import { CROSS_SITE_POST_ALLOWED } from "../../server/security";
import { startTestApp, type TestApp } from "../setup/app-server";
import { buildAuthzFixtures, fillPath } from "./fixtures";
import { RECORD_POLICY, ROLES, ROUTE_POLICY, type Expectation } from "./route-policy";

/**
 * HARDENING.md's authorization matrix: every route of the real route manifest x {anonymous,
 * alumnus, manager, HR, admin}, loader and action, against the policy table. Prints the figure
 * the README reports.
 */
let app: TestApp;
let build: ServerBuild;
let fixtures: Awaited<ReturnType<typeof buildAuthzFixtures>>;

beforeAll(async () => {
  app = await startTestApp();
  build = (await import(pathToFileURL(path.join(BUILD_DIR, "server", "index.js")).href)) as ServerBuild;
  fixtures = await buildAuthzFixtures();
});
afterAll(async () => {
  await app?.close();
});

function classify(response: Response): Expectation | `status ${number}` {
  if (response.status === 403) return "forbidden";
  if (response.status === 404) return "not-found";
  if (response.status >= 300 && response.status < 400) {
    const location = new URL(response.headers.get("location") ?? "/", app.url).pathname;
    if (location === "/sign-in") return "signin";
    if (location === "/portal/sign-in") return "portal-signin";
    return "ok";
  }
  if (response.status >= 500) return `status ${response.status}`;
  return "ok";
}

function routeIds() {
  return Object.keys(build.routes).filter((id) => id !== "root");
}

describe("authorization matrix", () => {
  it("has a policy row for every route, with loader/action rows matching what the route exports", () => {
    const missing: string[] = [];
    for (const id of routeIds()) {
      const policy = ROUTE_POLICY[id];
      const module = build.routes[id].module;
      if (!policy) missing.push(`${id}: no row`);
      else {
        if (module.loader && !policy.loader) missing.push(`${id}: has a loader but no loader row`);
        if (module.action && !policy.action) missing.push(`${id}: has an action but no action row`);
        if (!module.loader && policy.loader) missing.push(`${id}: row for a loader it does not have`);
        if (!module.action && policy.action) missing.push(`${id}: row for an action it does not have`);
      }
    }
    const stale = Object.keys(ROUTE_POLICY).filter((id) => !build.routes[id]);
    expect(missing, "routes without a policy row").toEqual([]);
    expect(stale, "policy rows for routes that no longer exist").toEqual([]);
  });

  it("answers every route x role as the policy says", async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const id of routeIds()) {
      const policy = ROUTE_POLICY[id];
      if (!policy) continue;
      const url = new URL(fillPath(policy.path, fixtures.records), app.url);
      for (const role of ROLES) {
        if (policy.loader) {
          const cookie = await fixtures.cookieFor(role);
          const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
          const response = await fetch(url, { headers, redirect: "manual" });
          const got = classify(response);
          checked++;
          if (got !== policy.loader[role])
            mismatches.push(`GET ${url.pathname} as ${role}: expected ${policy.loader[role]}, got ${got}`);
        }
        if (policy.action) {
          const cookie = await fixtures.cookieFor(role);
          const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
          const response = await fetch(url, {
            method: "POST",
            headers: { ...headers, Origin: app.url, "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams(policy.form ?? {}).toString(),
            redirect: "manual",
          });
          const got = classify(response);
          checked++;
          if (got !== policy.action[role])
            mismatches.push(`POST ${url.pathname} as ${role}: expected ${policy.action[role]}, got ${got}`);
        }
      }
    }
    console.log(
      `authorization matrix: ${routeIds().length} routes, ${checked} route x role checks, ${mismatches.length} mismatches`,
    );
    expect(mismatches).toEqual([]);
    // over 600 requests, each with a fresh session: more than a minute on a busy two-core machine
  }, 300_000);

  it("answers the record-level rows (another manager's program and applicants) as the policy says", async () => {
    const mismatches: string[] = [];
    for (const policy of RECORD_POLICY) {
      expect(build.routes[policy.route], `${policy.route} exists`).toBeDefined();
      const url = new URL(fillPath(policy.path, fixtures.records), app.url);
      for (const role of ROLES) {
        for (const method of ["GET", "POST"] as const) {
          const expected = method === "GET" ? policy.loader?.[role] : policy.action?.[role];
          if (!expected) continue;
          const cookie = await fixtures.cookieFor(role);
          const response = await fetch(url, {
            method,
            headers: {
              ...(cookie ? { Cookie: cookie } : {}),
              ...(method === "POST"
                ? { Origin: app.url, "Content-Type": "application/x-www-form-urlencoded" }
                : {}),
            },
            body: method === "POST" ? new URLSearchParams(policy.form ?? {}).toString() : undefined,
            redirect: "manual",
          });
          const got = classify(response);
          if (got !== expected)
            mismatches.push(
              `${method} ${url.pathname}${url.search} as ${role}: expected ${expected}, got ${got}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("refuses cross-site POSTs on every route with an action, whoever is signed in", async () => {
    const accepted: string[] = [];
    let exempt = 0;
    for (const id of routeIds()) {
      const policy = ROUTE_POLICY[id];
      if (!policy?.action) continue;
      const url = new URL(fillPath(policy.path, fixtures.records), app.url);
      if (policy.crossSitePost === "token-authenticated") {
        // Exempt on purpose (ADR 022); the server's allow-list must cover it, and nothing else.
        expect(
          CROSS_SITE_POST_ALLOWED.some((re) => re.test(url.pathname)),
          `${id} is exempt in the policy but not in the server`,
        ).toBe(true);
        exempt++;
        continue;
      }
      for (const role of ROLES) {
        const cookie = await fixtures.cookieFor(role);
        const variants: Record<string, string>[] = [
          { Origin: "https://evil.example" },
          { "Sec-Fetch-Site": "cross-site" },
          {},
        ];
        for (const headers of variants) {
          const response = await fetch(url, {
            method: "POST",
            headers: {
              ...(cookie ? { Cookie: cookie } : {}),
              ...headers,
              "Content-Type": "application/x-www-form-urlencoded",
            },
            body: new URLSearchParams(policy.form ?? {}).toString(),
            redirect: "manual",
          });
          if (response.status !== 403)
            accepted.push(
              `POST ${url.pathname} as ${role} with ${JSON.stringify(headers)}: ${response.status}`,
            );
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(exempt).toBe(CROSS_SITE_POST_ALLOWED.length);
  });
});
