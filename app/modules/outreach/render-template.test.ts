import { describe, expect, it } from "vitest";
import { TEMPLATE_KEYS, templateDefinition, type TemplateKey, type TemplateProps } from "#emails/index";
import { previewTemplate } from "./preview-template.server";
import { PRODUCT_ACCENT, type EmailBrand } from "#emails/components/brand";
import { renderTemplate } from "./render-template.server";
import { checkTone } from "./tone";

/**
 * Every registered template: renders HTML and plain text with its sample props, carries no
 * remote content, escapes what people typed, and passes its own tone check.
 */

const PAYLOAD = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const NOTE_PAYLOAD = `${PAYLOAD}\n\n**bold** [click](javascript:alert(1)) <a href="javascript:alert(2)">here</a>`;

/** Text that comes from people: every string prop that is not a link, an address, a calendar date or a code. */
function isUserText(value: string) {
  return (
    !/^(?:https?:|mailto:)/.test(value) &&
    !/^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !/^[\d.]+$/.test(value) &&
    !/^[A-Z]{3}$/.test(value) &&
    !/@/.test(value)
  );
}

function withPayload<T>(value: T, payload: string): T {
  if (typeof value === "string") return (isUserText(value) ? `${value} ${payload}` : value) as T;
  if (Array.isArray(value)) return value.map((v) => withPayload(v, payload)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPayload(v, payload)])) as T;
  return value;
}

/** An employer's branding, pinned: alumni templates must carry it, staff templates must not. */
const BRAND = {
  companyName: "Nordlys Bank",
  accentColor: "#0b3d2e",
  logo: { url: "https://alumni.nordlys.example/portal/logo?v=0123456789abcdef", width: 160, height: 40 },
} satisfies EmailBrand;

/** Every template rendered as a sender would: with the employer's branding (ignored by staff templates). */
function render<K extends TemplateKey>(key: K, props: TemplateProps<K>, brand: EmailBrand = BRAND) {
  return renderTemplate(key, props, { brand });
}

/** The HTML without the employer's logo (the one image alumni email may carry). */
const withoutLogo = (html: string) => html.replace(/<img [^>]*data-text="alt"[^>]*>/g, "");

function sample<K extends TemplateKey>(key: K): TemplateProps<K> {
  return structuredClone(templateDefinition(key).sample) as TemplateProps<K>;
}

describe.each(TEMPLATE_KEYS)("template %s", (key) => {
  const definition = templateDefinition(key);

  it("renders HTML and plain text with its sample props, with no remote content or scripts", async () => {
    const email = await render(key, sample(key));
    expect(email.subject.length).toBeGreaterThan(0);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain('lang="en"');
    expect(email.text.length).toBeGreaterThan(100);
    expect(email.text).not.toMatch(/<[a-z]/i);
    // No tracking pixels, no remote images or fonts, no scripts, no external stylesheets; alumni
    // email shows one image, the employer's logo from the app's own logo address.
    const images = email.html.match(/<img\b[^>]*>/g) ?? [];
    expect(images).toHaveLength(definition.audience === "alumnus" ? 1 : 0);
    for (const image of images) expect(image).toContain(`src="${BRAND.logo.url}"`);
    expect(withoutLogo(email.html)).not.toMatch(
      /<img|<script|<link|<iframe|<object|@import|url\(|@font-face|\bsrc=/i,
    );
    const hrefs = [...email.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^(?:https?:\/\/|mailto:)/);
    expect(email.template).toBe(key);
    expect(email.kind).toBe(definition.kind);
    expect(email.purpose).toBe(definition.purpose);
  });

  it("passes its own tone check with its sample props", async () => {
    const { tone } = await previewTemplate({ template: key, brand: BRAND });
    expect(tone.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(tone.findings).toEqual([]); // our own templates are held to no warnings either
  });

  it("escapes people's text: payloads in names and notes are inert in HTML and literal in the text part", async () => {
    const props = withPayload(sample(key), PAYLOAD) as Record<string, unknown>;
    if (definition.acceptsNote) props.note = NOTE_PAYLOAD;
    const email = await render(key, props as TemplateProps<typeof key>, {
      ...BRAND,
      companyName: `Nordlys ${PAYLOAD}`,
    });
    expect(email.html).not.toContain("<script");
    expect(withoutLogo(email.html)).not.toMatch(/<img|<[^>]*\sonerror=|href="javascript:/i);
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.text).toContain(PAYLOAD);
    if (definition.acceptsNote) {
      expect(email.text).toContain(
        '**bold** [click](javascript:alert(1)) <a href="javascript:alert(2)">here</a>',
      );
      expect(email.html).not.toContain("<strong>bold</strong>");
    }
  });

  it("keeps CR/LF in names out of the subject", async () => {
    const props = withPayload(sample(key), "\r\nBcc: evil@example.com") as TemplateProps<typeof key>;
    const email = await render(key, props);
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  if (definition.purpose !== "transactional") {
    it("says why the person gets it and links to their email preferences", async () => {
      const props = {
        ...(sample(key) as Record<string, unknown>),
        preferencesUrl: "https://comeback.example/preferences/signed-token-123",
      } as TemplateProps<typeof key>;
      const email = await render(key, props);
      expect(email.html).toContain('href="https://comeback.example/preferences/signed-token-123"');
      expect(email.text).toMatch(/You are on this list after .+/);
      expect(email.text).toMatch(
        /Change your email preferences or unsubscribe https:\/\/comeback\.example\/preferences\/signed-token-123/,
      );
    });
  }
});

describe("personal notes", () => {
  it("keep the paragraphs and line breaks HR wrote, and drop control, bidi-override and zero-width characters", async () => {
    const note = "First paragraph,\nsecond line.\r\n\r\n\r\n\r\nSecond\u202e paragraph\u200b.\u0007";
    const email = await render("return-invitation", { ...sample("return-invitation"), note });
    expect(email.text).toContain("First paragraph,\nsecond line.\n\nSecond paragraph.");
    expect(email.html).toContain("<span>First paragraph,</span><span><br/>second line.</span></p>");
    expect(email.html).toContain("<span>Second paragraph.</span></p>");
    // (React Email's hidden preheader pads itself with zero-width characters on purpose; the note has none.)
    expect(email.html).not.toMatch(/[\u202e\u0007]/);
  });

  it("are left out when empty", async () => {
    const email = await render("return-invitation", {
      ...sample("return-invitation"),
      note: "  \n ",
    });
    expect(email.text).not.toContain("A personal note");
  });

  it("are checked as part of the email and on their own", async () => {
    const preview = await previewTemplate({
      template: "return-invitation",
      brand: BRAND,
      note: "Going forward we will leverage your skills at this time.",
    });
    expect(preview.noteTone!.findings.map((f) => f.ruleId).sort()).toEqual([
      "cold.at-this-time",
      "jargon.going-forward",
      "jargon.leverage",
    ]);
    expect(preview.tone.findings.filter((f) => f.source === "note")).toHaveLength(3);
    expect(preview.tone.findings.filter((f) => f.source === "text")).toEqual([]);
  });
});

describe("templates never pretend", () => {
  it("a decline without a reason or what could change it is caught by the tone check", async () => {
    const email = await render("application-decline", {
      ...sample("application-decline"),
      reason: "",
      whatCouldChange: " ",
    });
    const report = checkTone({
      kind: email.kind,
      purpose: email.purpose,
      subject: email.subject,
      text: email.text,
    });
    expect(
      report.findings
        .filter((f) => f.severity === "error")
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(["missing.could-change", "missing.reason"]);
  });

  it("an automation notice without severance or a reason is caught by the tone check", async () => {
    const email = await render("automation-phase-notice", {
      ...sample("automation-phase-notice"),
      severance: "",
      why: "",
      whatChanged: "",
    });
    const report = checkTone({
      kind: email.kind,
      purpose: email.purpose,
      subject: email.subject,
      text: email.text,
    });
    expect(
      report.findings
        .filter((f) => f.severity === "error")
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(["missing.severance", "missing.what-changed"]);
  });

  it("a sign-in link never lasts longer than 15 minutes", async () => {
    await expect(render("sign-in-link", { ...sample("sign-in-link"), expiresInMinutes: 30 })).rejects.toThrow(
      /15 minutes/,
    );
    const email = await render("sign-in-link", { ...sample("sign-in-link"), expiresInMinutes: 10 });
    expect(email.text).toContain("expires in 10 minutes");
    expect(email.text).toContain("If this wasn't you");
  });

  it("refuses links that are not http(s) or mailto", async () => {
    await expect(
      render("return-invitation", {
        ...sample("return-invitation"),
        interestUrl: "javascript:alert(1)",
      }),
    ).rejects.toThrow(/http/);
  });

  it("refuses dates that are not calendar dates", async () => {
    await expect(
      render("return-invitation", { ...sample("return-invitation"), respondBy: "2025-02-30" }),
    ).rejects.toThrow(/calendar date/);
  });
});

describe("the employer's branding", () => {
  /** The one image of an alumni email, its attributes in any order. */
  const logo = (html: string) => /<img\b[^>]*>/.exec(html)?.[0] ?? "";

  it("alumni email shows the employer's logo and accent colour; staff email keeps the product's look", async () => {
    const alumni = await render("sign-in-link", sample("sign-in-link"));
    const image = logo(alumni.html);
    expect(image).toContain(`src="${BRAND.logo.url}"`);
    expect(image).toContain('alt="Nordlys Bank"');
    expect(image).toContain('width="160"');
    expect(image).toContain('height="40"');
    expect(alumni.html).toContain(`border-top:6px solid ${BRAND.accentColor}`);
    expect(alumni.html).toMatch(
      new RegExp(
        `<a href="${sample("sign-in-link").signInUrl}"[^>]*background-color:${BRAND.accentColor};color:#ffffff`,
      ),
    );
    expect(alumni.html).not.toContain(PRODUCT_ACCENT);
    // The text part names the employer where the logo is, without the image's address.
    expect(alumni.text.startsWith("Nordlys Bank\n")).toBe(true);
    expect(alumni.text).not.toContain("/portal/logo");

    const staff = await render("password-reset", sample("password-reset"));
    expect(staff.html).not.toContain(BRAND.logo.url);
    expect(staff.html).not.toContain(BRAND.accentColor);
    expect(staff.html).not.toContain("Nordlys Bank");
    expect(staff.html).toContain(`background-color:${PRODUCT_ACCENT}`);
  });

  it("without a logo shows the company name; links and notes take the accent colour", async () => {
    const email = await render(
      "return-invitation",
      { ...sample("return-invitation"), note: "We would love to have you back." },
      { ...BRAND, logo: null },
    );
    expect(email.html).not.toMatch(/<img\b/);
    expect(email.html).toMatch(
      new RegExp(`<p style="[^"]*color:${BRAND.accentColor}[^"]*">Nordlys Bank</p>`),
    );
    expect(email.html).toMatch(new RegExp(`<a href="mailto:[^"]*" style="color:${BRAND.accentColor};`));
    expect(email.html).toContain(`border-left:3px solid ${BRAND.accentColor}`);
    expect(email.text.startsWith("Nordlys Bank\n")).toBe(true);
  });

  it("an alumni email cannot be rendered without the employer's branding", async () => {
    await expect(renderTemplate("sign-in-link", sample("sign-in-link"))).rejects.toThrow(/branding/);
    await expect(renderTemplate("password-reset", sample("password-reset"))).resolves.toMatchObject({
      audience: "staff",
    });
  });
});
