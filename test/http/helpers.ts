import { expect } from "vitest";
import { httpClient, type TestApp } from "../setup/app-server";

/**
 * Helpers for HTTP tests against the production build. Requests come from loopback, where the
 * app trusts X-Forwarded-For, so each test can act from its own client address and the per-IP
 * sign-in limit of one test does not spill into another.
 */
let ipCounter = 0;
export function uniqueIp() {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export type Client = ReturnType<typeof httpClient>;

/** A cookie-keeping client signed in over HTTP, as a browser would be. */
export async function signedInClient(app: TestApp, email: string, password: string): Promise<Client> {
  const client = httpClient(app.url);
  const response = await client.request("/sign-in", {
    method: "POST",
    form: { email, password },
    headers: { "X-Forwarded-For": uniqueIp() },
  });
  expect(response.status, `sign-in of ${email}`).toBe(302);
  expect(client.cookie).not.toBe("");
  return client;
}

/** Where a redirect goes, as a path on our origin (or the full URL when it leaves). */
export function locationOf(response: Response, base: string) {
  const location = response.headers.get("location");
  if (!location) return null;
  const url = new URL(location, base);
  return url.origin === new URL(base).origin ? `${url.pathname}${url.search}` : url.href;
}

export function cspNonce(response: Response): string {
  const match = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "");
  if (!match) throw new Error("The page has no CSP nonce.");
  return match[1];
}

/**
 * The page without its own scripts, after checking that every <script> on it is ours (carries
 * the response's CSP nonce). Hostile text must not appear raw in what remains.
 */
export function markupOutsideOurScripts(html: string, nonce: string) {
  const all = html.match(/<script\b/gi)?.length ?? 0;
  const ours =
    html.match(new RegExp(`<script\\b[^>]*\\bnonce="${nonce.replace(/[+/=]/g, (c) => `\\${c}`)}"`, "gi"))
      ?.length ?? 0;
  expect(ours, "every <script> element on the page carries our nonce").toBe(all);
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
}

/** What React writes for text in markup (element content and attribute values). */
export function reactEscaped(text: string) {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}

/** Same page, two answers: remove what differs by design (nonces, request ids, given strings). */
export function normalizeBody(text: string, replacements: Record<string, string> = {}) {
  let out = text
    .replace(/<!-- -->/g, "") // React's separators between adjacent text parts
    .replace(/nonce="[^"]*"/g, 'nonce="N"')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "CORRELATION-ID");
  for (const [from, to] of Object.entries(replacements)) out = out.split(from).join(to);
  return out;
}
