import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmailBrand } from "#emails/components/brand";
import { TEMPLATE_KEYS, templateDefinition, type TemplateKey } from "#emails/index";
import { newLink } from "~/modules/identity/auth-tokens.server";
import { answerUrl } from "~/modules/invitation-answers/answer-token.server";
import { portalContractUrl, staffContractUrl } from "~/modules/contracts/contract-record.server";
import { renderTemplate } from "~/modules/outreach/render-template.server";
import { env } from "~/platform/env.server";
import { unsubscribeLinks } from "~/platform/mailer/unsubscribe.server";
import { BUILD_DIR } from "../../server/build";
import { startTestApp, type TestApp } from "../setup/app-server";

/**
 * Issue 11: no email may link to a page that does not exist, to another host, or to a path
 * beginning with `//`. Every template is rendered (its sample, its links rebased on APP_URL, as
 * the app builds them) and every link in its HTML and text must be an absolute URL on APP_URL
 * whose path a route of the real manifest answers with a page; so must every link builder.
 * Then every link is requested from the running app: none may reach the "no such page" answer
 * or a 5xx (a sample's made-up token gets its link page's own refusal, which is a page of ours).
 */

const build = (await import(pathToFileURL(path.join(BUILD_DIR, "server", "index.js")).href)) as ServerBuild;

/** Every path pattern of the manifest that answers a GET (a loader or a page), as a regex. */
function pagePatterns(): { id: string; re: RegExp }[] {
  const fullPath = (id: string): string => {
    const route = build.routes[id];
    const own = route.path ?? "";
    const parent = route.parentId && route.parentId !== "root" ? fullPath(route.parentId) : "";
    return [parent, own].filter(Boolean).join("/");
  };
  return Object.keys(build.routes)
    .filter((id) => id !== "root")
    .filter((id) => build.routes[id].module.loader || build.routes[id].module.default)
    .map((id) => {
      const pattern = fullPath(id)
        .split("/")
        .filter(Boolean)
        .map((segment) =>
          segment === "*"
            ? ".+"
            : segment.startsWith(":")
              ? "[^/]+"
              : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
        )
        .join("/");
      return { id, re: new RegExp(`^/${pattern}/?$`) };
    });
}

const PATTERNS = pagePatterns();
const SAMPLE_ORIGIN = "http://localhost:3000";

/** What is wrong with a link in an email, or null when it is an existing page of ours. */
function problemWith(link: string): string | null {
  const base = env().appUrl;
  if (!link.startsWith(`${base}/`)) return "not built from APP_URL";
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return "not a URL";
  }
  if (url.origin !== new URL(base).origin) return "another host";
  if (url.pathname.includes("//")) return "a path with //";
  const pathname = url.pathname.slice(new URL(base).pathname.replace(/\/$/, "").length);
  const route = PATTERNS.find((p) => p.re.test(pathname));
  return route ? null : "no page of the app answers this path";
}

/** Links and image addresses (alumni email's logo is loaded from the app). */
function linksIn(html: string, text: string): string[] {
  const hrefs = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
  const inText = [...text.matchAll(/https?:\/\/[^\s<>"'()[\]]+/g)].map((m) => m[0]);
  return [...new Set([...hrefs, ...inText])].filter((l) => !l.startsWith("mailto:"));
}

function rebased(value: unknown): unknown {
  if (typeof value === "string")
    return value.startsWith(SAMPLE_ORIGIN) ? env().appUrl + value.slice(SAMPLE_ORIGIN.length) : value;
  if (Array.isArray(value)) return value.map(rebased);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rebased(v)]));
  }
  return value;
}

/** Alumni email as the app renders it: the logo at the app's own logo address (ADR 036). */
const brand = () =>
  ({
    companyName: "Fjord Pay",
    accentColor: "#1f5f7a",
    logo: { url: `${env().appUrl}/portal/logo?v=0123456789abcdef`, width: 160, height: 40 },
  }) satisfies EmailBrand;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

/** The title of every 404 error page, staff and portal (app/components/error-page.tsx, portal strings). */
const NO_SUCH_PAGE = "We could not find that page";

describe("links in emails", () => {
  it("the route manifest was read", () => {
    expect(PATTERNS.length).toBeGreaterThan(40);
    expect(problemWith(`${env().appUrl}/portal/sign-in/abc`)).toBeNull();
    expect(problemWith(`${env().appUrl}/portal/nowhere`)).not.toBeNull();
    expect(problemWith(`${env().appUrl}//evil.example/x`)).not.toBeNull();
    expect(problemWith("https://evil.example/portal")).not.toBeNull();
  });

  it.each(TEMPLATE_KEYS)("%s links only to existing pages on APP_URL", async (key: TemplateKey) => {
    const definition = templateDefinition(key);
    const email = await renderTemplate(key, rebased(definition.sample) as never, { brand: brand() });
    const links = linksIn(email.html, email.text);
    const problems = links.map((l) => [l, problemWith(l)]).filter(([, p]) => p);
    expect(problems, `${key}: ${links.length} links`).toEqual([]);
  });

  it("every link of every template, requested from the running app, reaches a page of ours", async () => {
    const requested = new Set<string>();
    for (const key of TEMPLATE_KEYS) {
      const email = await renderTemplate(key, rebased(templateDefinition(key).sample) as never, {
        brand: brand(),
      });
      for (const link of linksIn(email.html, email.text)) {
        const url = new URL(link);
        const target = `${url.pathname}${url.search}`;
        if (requested.has(target)) continue;
        requested.add(target);
        const response = await fetch(new URL(target, app.url), { redirect: "manual" });
        const body = await response.text();
        expect(response.status, `${key}: ${target}`).toBeLessThan(500);
        expect(body, `${key}: ${target}`).not.toContain(NO_SUCH_PAGE);
      }
    }
    // The check itself can fail: a path no route answers meets that page.
    const nowhere = await fetch(new URL("/portal/nowhere-at-all", app.url), { redirect: "manual" });
    expect([nowhere.status, (await nowhere.text()).includes(NO_SUCH_PAGE)]).toEqual([404, true]);
    expect(requested.size).toBeGreaterThan(10);
    console.log(`links in emails: ${requested.size} distinct links requested, 0 missing pages`);
  });

  it("the app's own link builders point at existing pages on APP_URL", () => {
    const links = [
      newLink("staff_invite").url,
      newLink("password_reset").url,
      newLink("alumnus_sign_in").url,
      answerUrl({
        alumnusId: "c0ffee00c0ffee00",
        campaignId: "c0ffee00c0ffee01",
        expiresAt: new Date(Date.now() + 86_400_000),
      }),
      staffContractUrl("c0ffee00c0ffee00"),
      portalContractUrl("c0ffee00c0ffee00"),
      unsubscribeLinks({ alumnusId: "c0ffee00c0ffee00", purpose: "return_opportunities" }).preferencesUrl,
      unsubscribeLinks({ alumnusId: "c0ffee00c0ffee00", purpose: "news" }).unsubscribeUrl,
    ];
    expect(links.map((l) => [l, problemWith(l)]).filter(([, p]) => p)).toEqual([]);
  });
});
