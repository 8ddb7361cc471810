import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_WELCOME } from "~/modules/portal/demo-welcome";
import { db } from "~/platform/db.server";
import { createSession } from "~/platform/session.server";
import { createAlumnus, createStaffUser } from "../factories";
import { countTried, triedSummary, XSS_PAYLOADS } from "../hostile/payloads";
import { httpClient, startTestApp, type TestApp } from "../setup/app-server";
import { cspNonce, markupOutsideOurScripts, reactEscaped, signedInClient, type Client } from "./helpers";

/**
 * The welcome page: HR writes it at /staff/portal/welcome, alumni read it as the portal's home.
 * Hostile text HR might paste is shown as text, on the editor and in the portal.
 */
const PASSWORD = "a welcome page test password";
let app: TestApp;
let hr: Client;
let alumnus: Client;
let version = 0;

beforeAll(async () => {
  app = await startTestApp();
  const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
  hr = await signedInClient(app, user.email, PASSWORD);
  const person = await createAlumnus(db, { firstName: "Maja", lastName: "Lindqvist", preferredName: null });
  alumnus = httpClient(app.url);
  alumnus.cookie = (await createSession({ alumnusId: person.id }, {})).setCookie.split(";")[0];
});
afterAll(async () => {
  await app?.close();
  console.log(`hostile inputs tried (welcome page): ${triedSummary()}`);
});

function save(values: Partial<Record<keyof typeof DEMO_WELCOME | "toneOverrideReason", string>>) {
  return hr.request("/staff/portal/welcome", {
    method: "POST",
    form: {
      intent: "save-welcome",
      ...(DEMO_WELCOME as Record<string, string>),
      ...values,
      version: String(version),
    },
  });
}

describe("the welcome page", () => {
  it("before HR writes it, the home page greets the alumnus and says whom to write to", async () => {
    const page = await alumnus.request("/portal");
    const html = await page.text();
    expect(html).toContain("Welcome back, Maja Lindqvist");
    expect(html).toContain("has not written its welcome page yet");
    expect(html).not.toMatch(/comeback/i);
  });

  it("HR saves it; alumni read it as the portal's home, with the contact's links", async () => {
    const editor = await hr.request("/staff/portal/welcome");
    expect(editor.status).toBe(200);
    const saved = await save({});
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Welcome page saved");
    version = 1;
    const html = await (await alumnus.request("/portal")).text();
    expect(html).toContain(DEMO_WELCOME.headline);
    expect(html).toContain("What we are doing, and why");
    expect(html).toContain("What flexible work looks like");
    expect(html).toContain(`href="mailto:${DEMO_WELCOME.contactEmail}"`);
    expect(html).toContain('href="tel:+4722000000"');
    expect(html).not.toMatch(/comeback/i);
  });

  it("cold wording is refused with the tone check's findings; the form comes back filled in", async () => {
    const cold = "We regret to inform you that your position was eliminated due to business needs.";
    const response = await save({ whatWeAreDoing: cold });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("The tone check found");
    expect(html).toContain("regret to inform");
    expect(html).toContain("Try this:");
    expect(html).toContain(reactEscaped(cold));
    expect((await db.portalWelcome.findUniqueOrThrow({ where: { id: "default" } })).version).toBe(1);
  });

  it("hostile text HR pastes is shown as text on the editor and in the portal", async () => {
    for (const payload of XSS_PAYLOADS) {
      const response = await save({
        headline: `Welcome ${payload}`.slice(0, 120),
        whatWeAreDoing: `${DEMO_WELCOME.whatWeAreDoing}\n\n${payload}`,
        contactName: `Amara ${payload}`.slice(0, 120),
        toneOverrideReason: "Testing how pasted markup is shown.",
      });
      expect(response.status, payload).toBe(200);
      version += 1;
      for (const [client, path] of [
        [alumnus, "/portal"],
        [hr, "/staff/portal/welcome"],
      ] as const) {
        const page = await client.request(path);
        const markup = markupOutsideOurScripts(await page.text(), cspNonce(page));
        if (/[<>"']/.test(payload)) expect(markup.includes(payload), `${path}: ${payload}`).toBe(false);
        expect(markup, `${path}: ${payload}`).toContain(reactEscaped(payload));
      }
    }
    countTried("xss (welcome page)", XSS_PAYLOADS.length * 3);
  });
});
