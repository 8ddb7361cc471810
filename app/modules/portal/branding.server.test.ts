import { describe, expect, it } from "vitest";
import { renderTemplate } from "~/modules/outreach/render-template.server";
import { db } from "~/platform/db.server";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { createStaffUser, staffActor } from "../../../test/factories";
import { pngHeader, SCRIPTED_SVG, TINY_PNG, TINY_WEBP } from "../../../test/factories/images";
import { BrandingSchema, DEFAULT_BRANDING, MAX_LOGO_BYTES } from "./branding";
import { registerBackgroundWork } from "~/modules/background.server";
import { ALUMNI_SIGN_IN_JOB, requestAlumniSignIn } from "~/modules/identity/request-alumni-sign-in.server";
import { previewTemplate } from "~/modules/outreach/preview-template.server";
import { env } from "~/platform/env.server";
import { runNextJob } from "~/platform/jobs.server";
import { PRODUCT_ACCENT } from "#emails/components/brand";
import { createAlumnus, unique } from "../../../test/factories";
import {
  alumniEmailBrand,
  alumniSender,
  emailBrand,
  getBranding,
  getBrandingLogo,
} from "./get-branding.server";
import { saveBranding } from "./save-branding.server";
import { removeBrandingLogo } from "./remove-branding-logo.server";
import { setBrandingLogo } from "./set-branding-logo.server";

/** One file, one database: the tests below run in order on the single branding row. */
async function admin() {
  return staffActor(await createStaffUser(db, { role: "admin" }));
}

const input = (values: Partial<Record<string, string>>, version: number) =>
  BrandingSchema.parse({ ...DEFAULT_BRANDING, ...values, version: String(version) });

describe("employer branding", () => {
  it("falls back to the demo employer until an administrator saves", async () => {
    const branding = await getBranding();
    expect(branding).toMatchObject({ ...DEFAULT_BRANDING, logoUrl: null, isDefault: true });
    expect(await alumniSender()).toEqual({
      name: DEFAULT_BRANDING.senderName,
      address: DEFAULT_BRANDING.senderEmail,
    });
  });

  it("saves, audits only what changed, and refuses a save over a newer change", async () => {
    const actor = await admin();
    const first = await saveBranding({ actor, input: input({ companyName: "Nordlys Bank" }, 0) });
    expect(first).toEqual({ changed: ["companyName"], version: 1 });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "branding.updated" },
      orderBy: { id: "desc" },
    });
    expect(event.before).toEqual({ companyName: "Fjord Pay" });
    expect(event.after).toEqual({ companyName: "Nordlys Bank" });

    // Two people editing from version 1: the first wins, the second is told to reload.
    const a = saveBranding({
      actor,
      input: input({ companyName: "Nordlys Bank", senderName: "Nordlys People" }, 1),
    });
    const b = saveBranding({
      actor,
      input: input({ companyName: "Nordlys Bank", accentColor: "#0b3d2e" }, 1),
    });
    const results = await Promise.allSettled([a, b]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict" });
    expect(rejected.reason.message).toMatch(/Someone else changed the branding/);

    const saved = await getBranding();
    expect(saved.isDefault).toBe(false);
    expect(saved.companyName).toBe("Nordlys Bank");
    expect((await db.branding.findUniqueOrThrow({ where: { id: "default" } })).version).toBe(2);
  });

  it("stores a PNG or WebP logo checked by its bytes, and refuses SVG, unknown, oversize and huge images", async () => {
    const actor = await admin();
    expect(await setBrandingLogo({ actor, bytes: TINY_PNG })).toEqual({
      type: "image/png",
      width: 1,
      height: 1,
    });
    const logo = await getBrandingLogo();
    expect(logo?.type).toBe("image/png");
    expect(Buffer.from(logo!.bytes).equals(TINY_PNG)).toBe(true);
    const branding = await getBranding();
    expect(branding.logoUrl).toMatch(/^\/portal\/logo\?v=[0-9a-f]{16}$/);

    await setBrandingLogo({ actor, bytes: TINY_WEBP });
    expect((await getBrandingLogo())?.type).toBe("image/webp");
    expect((await getBranding()).logoUrl).not.toBe(branding.logoUrl);

    const refusals: [Uint8Array, RegExp][] = [
      [SCRIPTED_SVG, /SVG logos are not accepted/],
      [Buffer.from("<html><script>alert(1)</script></html>"), /not a PNG, JPEG or WebP/],
      [new Uint8Array(0), /Choose a logo file/],
      [Buffer.concat([TINY_PNG, Buffer.alloc(MAX_LOGO_BYTES)]), /larger than 512 KB/],
      [pngHeader(5000, 10), /more than 4000 pixels/],
    ];
    for (const [bytes, message] of refusals) {
      await expect(setBrandingLogo({ actor, bytes })).rejects.toMatchObject({
        message: expect.stringMatching(message),
        options: { fieldErrors: { logo: [expect.stringMatching(message)] } },
      });
    }
    // Nothing refused replaced the stored logo.
    expect((await getBrandingLogo())?.type).toBe("image/webp");

    expect(await removeBrandingLogo({ actor })).toEqual({ removed: true });
    expect(await getBrandingLogo()).toBeNull();
    expect((await getBranding()).logoUrl).toBeNull();
    expect(await removeBrandingLogo({ actor })).toEqual({ removed: false });
    const events = await db.auditEvent.count({ where: { action: "branding.logo_changed" } });
    expect(events).toBe(3);
  });

  it("alumni email is queued with the employer's sender; staff email keeps the app's own", async () => {
    // The saved branding's sender (whichever of the two edits above won).
    const saved = await getBranding();
    const sender = await alumniSender();
    expect(sender).toEqual({ name: saved.senderName, address: saved.senderEmail });
    const email = await renderTemplate(
      "sign-in-link",
      {
        firstName: "Maja",
        companyName: "Nordlys Bank",
        signInUrl: "http://localhost/portal/sign-in/x",
        expiresInMinutes: 15,
      },
      { brand: await alumniEmailBrand() },
    );
    expect(email.audience).toBe("alumnus");
    const queued = await db.$transaction((tx) =>
      queueEmail(tx, {
        template: email.template,
        purpose: email.purpose,
        to: { address: "maja@example.com" },
        email,
        from: sender,
      }),
    );
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      fromName: sender.name,
      fromAddress: sender.address,
    });
    const staff = await renderTemplate("password-reset", {
      name: "Hanna",
      resetUrl: "http://localhost/r/x",
      expiresInMinutes: 30,
    });
    const staffQueued = await db.$transaction((tx) =>
      queueEmail(tx, {
        template: staff.template,
        purpose: staff.purpose,
        to: { address: "hanna@example.com" },
        email: staff,
      }),
    );
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: staffQueued.id } })).toMatchObject({
      fromName: null,
      fromAddress: null,
    });
  });

  it("alumni email queued for real carries the employer's logo (from the app's logo address) and accent colour", async () => {
    registerBackgroundWork();
    const actor = await admin();
    const { version } = await db.branding.findUniqueOrThrow({ where: { id: "default" } });
    await saveBranding({
      actor,
      input: input(
        { companyName: "Nordlys Bank", accentColor: "#0b3d2e", senderName: "Nordlys People" },
        version,
      ),
    });
    await setBrandingLogo({ actor, bytes: pngHeader(320, 80) });
    const { logoUrl } = await getBranding();
    expect(logoUrl).toMatch(/^\/portal\/logo\?v=[0-9a-f]{16}$/);

    const alumnus = await createAlumnus(db, {
      workEmail: `${unique("maja")}@nordlys.example`,
      firstName: "Maja",
    });
    await requestAlumniSignIn({ email: alumnus.workEmail!, ip: unique("ip") });
    while (await runNextJob({ kinds: [ALUMNI_SIGN_IN_JOB] }));
    const stored = await db.outboxMessage.findFirstOrThrow({
      where: { toAddress: alumnus.workEmail!, template: "sign-in-link" },
    });
    const image = /<img\b[^>]*>/.exec(stored.html)?.[0] ?? "";
    // An absolute address under APP_URL, the logo fitted to 200 x 48 (320 x 80 -> 192 x 48).
    expect(image).toContain(`src="${env().appUrl}${logoUrl}"`);
    expect(image).toContain('alt="Nordlys Bank"');
    expect(image).toContain('width="192"');
    expect(image).toContain('height="48"');
    expect(stored.html).toContain("background-color:#0b3d2e;color:#ffffff");
    expect(stored.html).not.toContain(PRODUCT_ACCENT);
    expect(stored.text.startsWith("Nordlys Bank\n")).toBe(true);
    expect(stored).toMatchObject({ fromName: "Nordlys People" });

    // The staff preview of an alumni template shows the same branding; of a staff template, none.
    const preview = await previewTemplate({ template: "return-invitation" });
    expect(preview.email.html).toContain(`src="${env().appUrl}${logoUrl}"`);
    expect(preview.email.html).toContain("Nordlys Bank");
    const staffPreview = await previewTemplate({ template: "password-reset" });
    expect(staffPreview.email.html).not.toMatch(/<img\b|#0b3d2e/);

    // No logo: the name instead. An accent too light for white text (saved before the check
    // existed) falls back to the product's colour rather than an unreadable button.
    await removeBrandingLogo({ actor });
    expect((await alumniEmailBrand()).logo).toBeNull();
    expect(emailBrand({ ...(await getBranding()), accentColor: "#9fd3e6" }).accentColor).toBe(PRODUCT_ACCENT);
  });
});
