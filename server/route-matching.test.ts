import { createRequire } from "node:module";
import fs from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The server's copy of the router is patched (patches/, ADR 091) to flatten and rank a route tree
 * once per routes array and to compile each path pattern once. The patch must be there (npm
 * install applies it; an upgrade of the router without a matching patch fails the install), and
 * matching must give what it gave before: per tree, whatever was matched before.
 */
const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof import("@remix-run/router");

const tree = (prefix: string) => [
  {
    id: `${prefix}-root`,
    path: "/",
    children: [
      { id: `${prefix}-index`, index: true },
      { id: `${prefix}-contract`, path: "staff/contracts/:contractId" },
      { id: `${prefix}-contracts`, path: "staff/contracts" },
      { id: `${prefix}-splat`, path: "*" },
    ],
  },
];
const ids = (matches: { route: { id?: string } }[] | null) => matches?.map((m) => m.route.id) ?? null;

describe("route matching on the server", () => {
  it("runs the patched router", () => {
    const file = require.resolve("@remix-run/router");
    expect(file).toMatch(/router\.cjs\.js$/);
    expect(fs.readFileSync(file, "utf8")).toContain("rankedBranchesCache");
  });

  it("matches the same way on every call, and each tree by its own routes", () => {
    const a = tree("a");
    const b = tree("b");
    for (let i = 0; i < 3; i++) {
      expect(ids(router.matchRoutes(a, "/staff/contracts/c1"))).toEqual(["a-root", "a-contract"]);
      expect(router.matchRoutes(a, "/staff/contracts/c1")?.[1].params).toEqual({ contractId: "c1" });
      expect(ids(router.matchRoutes(a, "/staff/contracts"))).toEqual(["a-root", "a-contracts"]);
      expect(ids(router.matchRoutes(b, "/"))).toEqual(["b-root", "b-index"]);
      expect(ids(router.matchRoutes(b, "/nowhere/else"))).toEqual(["b-root", "b-splat"]);
      expect(router.matchRoutes(b, "/nowhere/else")?.[1].params["*"]).toBe("nowhere/else");
    }
    // A path pattern compiled once still matches case-insensitively and to the end only.
    expect(router.matchPath("/staff/contracts/:contractId", "/STAFF/contracts/x")?.params).toEqual({
      contractId: "x",
    });
    expect(router.matchPath("/staff/contracts/:contractId", "/staff/contracts/x/more")).toBeNull();
    expect(router.matchPath({ path: "/staff", end: false }, "/staff/contracts")?.pathnameBase).toBe("/staff");
  });
});
