import { describe, expect, it } from "vitest";
import { TEMPLATE_KEYS, templateDefinition, type TemplateKey, type TemplateProps } from "#emails/index";
import { previewTemplate } from "./preview-template.server";
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

function sample<K extends TemplateKey>(key: K): TemplateProps<K> {
  return structuredClone(templateDefinition(key).sample) as TemplateProps<K>;
}

describe.each(TEMPLATE_KEYS)("template %s", (key) => {
  const definition = templateDefinition(key);

  it("renders HTML and plain text with its sample props, with no remote content or scripts", async () => {
    const email = await renderTemplate(key, sample(key));
    expect(email.subject.length).toBeGreaterThan(0);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain('lang="en"');
    expect(email.text.length).toBeGreaterThan(100);
    expect(email.text).not.toMatch(/<[a-z]/i);
    // No tracking pixels, no remote images or fonts, no scripts, no external stylesheets.
    expect(email.html).not.toMatch(/<img|<script|<link|<iframe|<object|@import|url\(|@font-face|\bsrc=/i);
    const hrefs = [...email.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^(?:https?:\/\/|mailto:)/);
    expect(email.template).toBe(key);
    expect(email.kind).toBe(definition.kind);
    expect(email.purpose).toBe(definition.purpose);
  });

  it("passes its own tone check with its sample props", async () => {
    const { tone } = await previewTemplate({ template: key });
    expect(tone.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(tone.findings).toEqual([]); // our own templates are held to no warnings either
  });

  it("escapes people's text: payloads in names and notes are inert in HTML and literal in the text part", async () => {
    const props = withPayload(sample(key), PAYLOAD) as Record<string, unknown>;
    if (definition.acceptsNote) props.note = NOTE_PAYLOAD;
    const email = await renderTemplate(key, props as TemplateProps<typeof key>);
    expect(email.html).not.toContain("<script");
    expect(email.html).not.toMatch(/<img|<[^>]*\sonerror=|href="javascript:/i);
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
    const email = await renderTemplate(key, props);
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  if (definition.purpose !== "transactional") {
    it("says why the person gets it and links to their email preferences", async () => {
      const props = {
        ...(sample(key) as Record<string, unknown>),
        preferencesUrl: "https://comeback.example/preferences/signed-token-123",
      } as TemplateProps<typeof key>;
      const email = await renderTemplate(key, props);
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
    const email = await renderTemplate("return-invitation", { ...sample("return-invitation"), note });
    expect(email.text).toContain("First paragraph,\nsecond line.\n\nSecond paragraph.");
    expect(email.html).toContain("<span>First paragraph,</span><span><br/>second line.</span></p>");
    expect(email.html).toContain("<span>Second paragraph.</span></p>");
    // (React Email's hidden preheader pads itself with zero-width characters on purpose; the note has none.)
    expect(email.html).not.toMatch(/[\u202e\u0007]/);
  });

  it("are left out when empty", async () => {
    const email = await renderTemplate("return-invitation", {
      ...sample("return-invitation"),
      note: "  \n ",
    });
    expect(email.text).not.toContain("A personal note");
  });

  it("are checked as part of the email and on their own", async () => {
    const preview = await previewTemplate({
      template: "return-invitation",
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
    const email = await renderTemplate("application-decline", {
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
    const email = await renderTemplate("automation-phase-notice", {
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
    await expect(
      renderTemplate("sign-in-link", { ...sample("sign-in-link"), expiresInMinutes: 30 }),
    ).rejects.toThrow(/15 minutes/);
    const email = await renderTemplate("sign-in-link", { ...sample("sign-in-link"), expiresInMinutes: 10 });
    expect(email.text).toContain("expires in 10 minutes");
    expect(email.text).toContain("If this wasn't you");
  });

  it("refuses links that are not http(s) or mailto", async () => {
    await expect(
      renderTemplate("return-invitation", {
        ...sample("return-invitation"),
        interestUrl: "javascript:alert(1)",
      }),
    ).rejects.toThrow(/http/);
  });

  it("refuses dates that are not calendar dates", async () => {
    await expect(
      renderTemplate("return-invitation", { ...sample("return-invitation"), respondBy: "2025-02-30" }),
    ).rejects.toThrow(/calendar date/);
  });
});
