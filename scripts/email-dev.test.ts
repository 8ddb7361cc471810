import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEMPLATE_KEYS } from "../emails/index";
import { createEmailDevServer, escapeHtml } from "./email-dev";

/** npm run email:dev serves every template without the database: index, pages, raw HTML and text. */
let base: string;
const server = createEmailDevServer();

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("email:dev preview server", () => {
  it("lists every template", async () => {
    const response = await fetch(base);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    for (const key of TEMPLATE_KEYS) expect(html).toContain(`href="/${key}"`);
  });

  it("shows a template with its subject, tone report, text and sandboxed HTML", async () => {
    const html = await (await fetch(`${base}/return-invitation`)).text();
    expect(html).toContain("Would you like to work with us again, Maja?");
    expect(html).toContain("No problems found.");
    expect(html).toMatch(/<iframe sandbox="" [^>]*srcdoc="&lt;!DOCTYPE html/);
    expect(html).toContain("Tell us you are interested http://localhost:3000/portal/answer/preview-token");
  });

  it("checks a note given in the query, escaping it everywhere", async () => {
    const note = `<script>alert(1)</script> Effective immediately.`;
    const html = await (await fetch(`${base}/application-decline?note=${encodeURIComponent(note)}`)).text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain(escapeHtml("<script>alert(1)</script> Effective immediately."));
    expect(html).toContain("cold.effective-immediately");
  });

  it("serves the raw HTML and text, and 404s unknown templates", async () => {
    const text = await fetch(`${base}/sign-in-link.txt`);
    expect(text.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await text.text()).toContain("expires in 15 minutes");
    const html = await fetch(`${base}/sign-in-link.html`);
    expect(await html.text()).toMatch(/^<!DOCTYPE html/);
    const missing = await fetch(`${base}/nope%3Cb%3E`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("nope&lt;b&gt;");
  });

  it("refuses anything but GET", async () => {
    expect((await fetch(base, { method: "POST" })).status).toBe(405);
  });
});
