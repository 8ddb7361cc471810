import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { newLink, storeAuthToken } from "~/modules/identity/auth-tokens.server";
import { signAnswerToken } from "~/modules/invitation-answers/answer-token.server";
import { sha256 } from "~/platform/crypto.server";
import { buildAlumnus, createAlumnus, createRng, insertAlumni } from "../factories";
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
 * exists; a page that does not answer its viewer 200 with HTML fails the test unless NOT_PAGES
 * says why. The portal's error pages (an expired or tampered answer link, a used sign-in link)
 * are checked too, as someone with no session sees them.
 */
const WIDTHS = [390, 1280] as const;
/** Who looks at a page: the first role in this order the policy lets in. */
const VIEWERS: Role[] = ["hr", "manager", "admin", "alumnus", "anonymous"];
/**
 * Routes whose loader answers its viewer with something other than an HTML page, and why. Any
 * other route the policy lets someone read must render for them: a page that stops answering 200
 * fails here instead of being left out quietly.
 */
const NOT_PAGES: Record<string, string> = {
  "routes/sign-out": "ends the session when loaded, then redirects to the sign-in page",
  "routes/portal.sign-out":
    "ends the portal session when loaded, then redirects to the portal's sign-in page",
  "routes/_index": "only redirects to the sign-in page or the staff home",
};
const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
/** Pages whose reader is not the first role let in: a signed-in person is sent on from them. */
const VIEWER_OF: Record<string, Role> = {
  "routes/sign-in": "anonymous",
};
/** Resource routes (a `.ts` module, no component): files, images, JSON, health checks. */
const isResourceRoute = (route: string) =>
  !fs.existsSync(path.join(ROUTES_DIR, `${route.slice("routes/".length)}.tsx`));

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

type Page = { route: string; path: string; viewer: Role; status: number };

/** The portal's pages for links that no longer work, each with the status it answers. */
async function errorPages(): Promise<Page[]> {
  // The fixture alumnus was sent the fixture campaign: an old link of theirs has expired.
  const expired = signAnswerToken({
    alumnusId: fixtures.records.alumnusId,
    campaignId: fixtures.records.campaignId,
    expiresAt: new Date(Date.now() - 2 * 86_400_000),
  });
  // Their open link with its signature's last character changed.
  const open = fixtures.records.answerToken;
  const tampered = `${open.slice(0, -1)}${open.endsWith("A") ? "B" : "A"}`;
  // A used sign-in link (someone else's: a new link for the fixture alumnus would void their open one).
  const alumnus = await createAlumnus(db);
  const used = newLink("alumnus_sign_in");
  await storeAuthToken(db, {
    purpose: "alumnus_sign_in",
    token: used.token,
    email: alumnus.workEmail!,
    alumnusId: alumnus.id,
  });
  await db.authToken.update({ where: { tokenHash: sha256(used.token) }, data: { usedAt: new Date() } });
  return [
    { route: "expired answer link", path: `/portal/answer/${expired}`, viewer: "anonymous", status: 410 },
    { route: "tampered answer link", path: `/portal/answer/${tampered}`, viewer: "anonymous", status: 404 },
    { route: "used sign-in link", path: `/portal/sign-in/${used.token}`, viewer: "anonymous", status: 404 },
    {
      route: "unknown sign-in link",
      path: "/portal/sign-in/no-such-link-0123456789",
      viewer: "anonymous",
      status: 404,
    },
  ];
}

function pagesToCheck(): Page[] {
  const pages: Page[] = [];
  for (const [route, policy] of Object.entries(ROUTE_POLICY)) {
    if (!policy.loader || route in NOT_PAGES || isResourceRoute(route)) continue;
    const viewer = VIEWER_OF[route] ?? VIEWERS.find((role) => policy.loader?.[role] === "ok");
    if (viewer) pages.push({ route, path: fillPath(policy.path, fixtures.records), viewer, status: 200 });
  }
  return pages;
}

describe("every page at phone and desktop width", () => {
  it("has no serious or critical accessibility violation and never scrolls sideways", async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { route, path, viewer, status } of [...pagesToCheck(), ...(await errorPages())]) {
      const cookie = await fixtures.cookieFor(viewer);
      const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
      const probe = await fetch(new URL(path, app.url), { headers, redirect: "manual" });
      await probe.body?.cancel();
      const type = probe.headers.get("content-type") ?? "";
      if (probe.status !== status || !type.startsWith("text/html")) {
        problems.push(`${route} (${viewer}): ${path} answered ${probe.status} ${type}, not ${status} HTML`);
        continue;
      }

      const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: 800 } });
      if (cookie) {
        const [name, ...value] = cookie.split("=");
        await context.addCookies([{ name, value: value.join("="), url: app.url }]);
      }
      const page = await context.newPage();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        const response = await page.goto(new URL(path, app.url).href, { waitUntil: "load" });
        if (response?.status() !== status) {
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
