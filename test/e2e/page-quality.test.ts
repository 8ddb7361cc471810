import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { buildAlumnus, createRng, insertAlumni } from "../factories";
import { buildAuthzFixtures, fillPath } from "../http/fixtures";
import { ROUTE_POLICY, type Role } from "../http/route-policy";
import { startTestApp, type TestApp } from "../setup/app-server";
import { axeViolations, describeViolations } from "./axe";
import { launchBrowser } from "./browser";

/**
 * Every page of the app, as the person it is for sees it, at phone (390 px) and desktop
 * (1280 px) width, with 1,000 people in the pool: no serious or critical axe violation, and no
 * page wider than the screen (nothing scrolls sideways). The pages come from the route policy
 * table, which the authorization matrix keeps complete, so a new page is checked as soon as it
 * exists. Resource routes (CSV, images, JSON) and redirects are skipped.
 */
const WIDTHS = [390, 1280] as const;
/** Who looks at a page: the first role in this order the policy lets in. */
const VIEWERS: Role[] = ["hr", "manager", "admin", "alumnus", "anonymous"];
/** Pages that end something when loaded, or only redirect: not pages anyone reads. */
const SKIP = new Set(["routes/sign-out", "routes/portal.sign-out", "routes/_index"]);

let app: TestApp;
let browser: Browser;
let fixtures: Awaited<ReturnType<typeof buildAuthzFixtures>>;

beforeAll(async () => {
  app = await startTestApp();
  // 1,000 people first, so the published policy's verdicts (and the review queue) cover them.
  const rng = createRng(20261206);
  const decision = await db.workforceDecision.findFirst({ select: { id: true } });
  await insertAlumni(
    db,
    Array.from({ length: 1000 }, (_, i) =>
      buildAlumnus(rng, { index: 500_000 + i, decisionId: decision?.id ?? null }),
    ),
  );
  fixtures = await buildAuthzFixtures();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

type Page = { route: string; path: string; viewer: Role };

function pagesToCheck(): Page[] {
  const pages: Page[] = [];
  for (const [route, policy] of Object.entries(ROUTE_POLICY)) {
    if (!policy.loader || SKIP.has(route)) continue;
    const viewer = VIEWERS.find((role) => policy.loader?.[role] === "ok");
    if (viewer) pages.push({ route, path: fillPath(policy.path, fixtures.records), viewer });
  }
  return pages;
}

describe("every page at phone and desktop width", () => {
  it("has no serious or critical accessibility violation and never scrolls sideways", async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { route, path, viewer } of pagesToCheck()) {
      const cookie = await fixtures.cookieFor(viewer);
      const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
      const probe = await fetch(new URL(path, app.url), { headers, redirect: "manual" });
      await probe.body?.cancel();
      if (probe.status !== 200 || !probe.headers.get("content-type")?.startsWith("text/html")) continue;

      const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: 800 } });
      if (cookie) {
        const [name, ...value] = cookie.split("=");
        await context.addCookies([{ name, value: value.join("="), url: app.url }]);
      }
      const page = await context.newPage();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        const response = await page.goto(new URL(path, app.url).href, { waitUntil: "load" });
        if (response?.status() !== 200) {
          problems.push(`${route} (${viewer}, ${width} px): answered ${response?.status()}`);
          continue;
        }
        const { documentWidth, widest } = await page.evaluate(() => {
          // The innermost elements reaching past the right edge: what to fix, not its ancestors.
          const viewport = window.innerWidth;
          const over = (e: Element) => e.getBoundingClientRect().right > viewport + 1;
          const culprits = Array.from(document.body.querySelectorAll("*"))
            .filter((e) => over(e) && !Array.from(e.children).some(over))
            .slice(0, 3)
            .map((e) => {
              const cls = typeof e.className === "string" ? e.className.split(" ").slice(0, 3).join(".") : "";
              const text = (e.textContent ?? "").trim().slice(0, 40);
              return `${e.tagName.toLowerCase()}${cls ? `.${cls}` : ""} "${text}" reaches ${Math.round(e.getBoundingClientRect().right)} px`;
            });
          return { documentWidth: document.documentElement.scrollWidth, widest: culprits.join("; ") };
        });
        if (documentWidth > width) {
          problems.push(`${route} (${viewer}, ${width} px): page is ${documentWidth} px wide; ${widest}`);
        }
        const violations = await axeViolations(page);
        if (violations.length) {
          problems.push(`${route} (${viewer}, ${width} px):\n  ${describeViolations(violations)}`);
        }
        checked += 1;
      }
      await context.close();
    }
    console.info(
      `page quality: ${checked} page views checked (every HTML page at ${WIDTHS.join(" and ")} px)`,
    );
    expect(problems, problems.join("\n")).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  }, 1_800_000);
});
