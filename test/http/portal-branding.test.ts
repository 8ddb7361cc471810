import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createSession } from "~/platform/session.server";
import { createAlumnus, createStaffUser } from "../factories";
import { SCRIPTED_SVG, TINY_PNG } from "../factories/images";
import { httpClient, startTestApp, type TestApp } from "../setup/app-server";
import { signedInClient, type Client } from "./helpers";

/**
 * The employer's branding over HTTP: an administrator uploads a logo (multipart) and sets the
 * colour; the portal shows the employer, never the product, and serves the logo safely.
 */
const PASSWORD = "a branding test password";
let app: TestApp;
let admin: Client;
let alumnus: Client;

function upload(client: Client, file: Buffer, name: string, type: string) {
  const form = new FormData();
  form.set("intent", "upload-logo");
  form.set("logo", new File([new Uint8Array(file)], name, { type }));
  return client.request("/staff/admin/branding", { method: "POST", body: form });
}

beforeAll(async () => {
  app = await startTestApp();
  const user = await createStaffUser(db, { role: "admin", password: PASSWORD });
  admin = await signedInClient(app, user.email, PASSWORD);
  const person = await createAlumnus(db, { firstName: "Maja", lastName: "Berg", preferredName: null });
  alumnus = httpClient(app.url);
  alumnus.cookie = (await createSession({ alumnusId: person.id }, {})).setCookie.split(";")[0];
});
afterAll(async () => {
  await app?.close();
});

describe("employer branding", () => {
  it("refuses an SVG logo (even named .png) and a too-light colour, with the reason, storing nothing", async () => {
    const svg = await upload(admin, SCRIPTED_SVG, "logo.png", "image/png");
    expect(svg.status).toBe(422);
    expect(await svg.text()).toContain("SVG logos are not accepted");
    expect((await db.branding.findUnique({ where: { id: "default" } }))?.logo ?? null).toBeNull();

    const light = await admin.request("/staff/admin/branding", {
      method: "POST",
      form: {
        intent: "save-branding",
        companyName: "Nordlys Bank",
        accentColor: "#ffe066",
        senderName: "Nordlys People",
        senderEmail: "people@nordlys.example",
        version: "0",
      },
    });
    expect(light.status).toBe(422);
    expect(await light.text()).toContain("too light for white text");
  });

  it("saves the branding and a PNG logo; the logo is served as an image that cannot run anything", async () => {
    const saved = await admin.request("/staff/admin/branding", {
      method: "POST",
      form: {
        intent: "save-branding",
        companyName: "Nordlys Bank",
        accentColor: "#0b3d2e",
        senderName: "Nordlys People",
        senderEmail: "people@nordlys.example",
        version: "0",
      },
    });
    expect(saved.status).toBe(200);
    const uploaded = await upload(admin, TINY_PNG, "logo.png", "image/png");
    expect(uploaded.status).toBe(200);
    expect(await uploaded.text()).toContain("Logo saved");

    const logo = await httpClient(app.url).request("/portal/logo");
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(logo.headers.get("x-content-type-options")).toBe("nosniff");
    expect(logo.headers.get("content-security-policy")).toContain("sandbox");
    // Alumni email shows it: webmail loads it from its own origin.
    expect(logo.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(Buffer.from(await logo.arrayBuffer()).equals(TINY_PNG)).toBe(true);
  });

  it("the portal carries the employer's name, logo and colour, and never the product's name", async () => {
    const page = await alumnus.request("/portal");
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain("<title>Welcome back · Nordlys Bank alumni</title>");
    expect(html).toMatch(/<img[^>]+src="\/portal\/logo\?v=[0-9a-f]{16}"[^>]+alt="Nordlys Bank"/);
    expect(html).toContain("--color-brand:#0b3d2e");
    expect(html).toContain("Welcome back, Maja Berg");
    expect(html).not.toMatch(/comeback/i);
  });

  it("an unknown portal address and a signed-out visitor's error pages do not name the product either", async () => {
    const missing = await alumnus.request("/portal/no-such-page");
    expect(missing.status).toBe(404);
    const html = await missing.text();
    expect(html).toContain("We could not find that page");
    expect(html).not.toMatch(/comeback/i);
  });
});
