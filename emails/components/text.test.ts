import { describe, expect, it } from "vitest";
import { NOTE_MAX_CHARS, NotePreviewSchema } from "~/modules/outreach/schemas";
import { formatDate, formatMoney, neutraliseText, paragraphsOf, safeHref } from "./text";

describe("neutraliseText", () => {
  it("removes control, bidi-override and invisible characters and keeps emoji joiners", () => {
    expect(neutraliseText("Ma\u0000ja\u202e gnp.exe\u2066\u200b\ufeff \u0007")).toBe("Maja gnp.exe");
    expect(neutraliseText("👩\u200d💻 team")).toBe("👩\u200d💻 team");
  });

  it("single-line text collapses whitespace; multi-line keeps paragraphs and normalises line breaks", () => {
    expect(neutraliseText("Maja\r\nBcc: x@example.com")).toBe("Maja Bcc: x@example.com");
    expect(neutraliseText("One  \r\ntwo\r\rthree\u2028four\n\n\n\nfive", { multiline: true })).toBe(
      "One\ntwo\n\nthree\nfour\n\nfive",
    );
  });

  it("splits notes into paragraphs of lines", () => {
    expect(paragraphsOf("a\nb\n\n\nc\n \n")).toEqual([["a", "b"], ["c"]]);
    expect(paragraphsOf("   ")).toEqual([]);
    expect(paragraphsOf(undefined)).toEqual([]);
  });
});

describe("formatting and links", () => {
  it("formats calendar dates without shifting them, and refuses anything else", () => {
    expect(formatDate("2025-07-15")).toBe("Tuesday 15 July 2025");
    expect(formatDate("2024-02-29")).toBe("Thursday 29 February 2024");
    expect(() => formatDate("2025-02-29")).toThrow(/not a real calendar date/);
    expect(() => formatDate("2025-07-15T10:00:00Z")).toThrow(/calendar dates/);
  });

  it("formats money from a decimal string", () => {
    expect(formatMoney("32.5", "EUR")).toBe("€32.50");
    expect(formatMoney("400", "SEK")).toMatch(/SEK\s?400\.00/);
    expect(() => formatMoney("1e9", "EUR")).toThrow();
  });

  it("accepts only http(s) and mailto links", () => {
    expect(safeHref(" https://comeback.example/p?a=1 ")).toBe("https://comeback.example/p?a=1");
    expect(safeHref("mailto:amara@example.com")).toBe("mailto:amara@example.com");
    for (const bad of [
      "javascript:alert(1)",
      "data:text/html,x",
      "/relative",
      "JaVaScRiPt:alert(1)",
      "vbscript:x",
    ]) {
      expect(() => safeHref(bad)).toThrow();
    }
  });
});

describe("the personal note form", () => {
  it("neutralises the note and refuses one that is too long, with a clear message", () => {
    expect(NotePreviewSchema.parse({ note: "Hi\u202e there\r\n\r\nSecond" }).note).toBe("Hi there\n\nSecond");
    expect(NotePreviewSchema.parse({}).note).toBe("");
    const tooLong = NotePreviewSchema.safeParse({ note: "a".repeat(NOTE_MAX_CHARS + 1) });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error!.issues[0].message).toMatch(/under 4,000 characters/);
  });
});
