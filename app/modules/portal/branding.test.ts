import { describe, expect, it } from "vitest";
import { pngHeader, SCRIPTED_SVG, TINY_JPEG, TINY_PNG, TINY_WEBP } from "../../../test/factories/images";
import { BrandingSchema, contrastRatio, DEFAULT_BRANDING, normaliseHex, sniffLogo } from "./branding";

const valid = { ...DEFAULT_BRANDING, version: "0" };

describe("accent colour", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  it("accepts the demo colour and normalises short and upper-case codes", () => {
    expect(contrastRatio(DEFAULT_BRANDING.accentColor, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(normaliseHex("#ABC")).toBe("#aabbcc");
    expect(normaliseHex("1F5F7A")).toBe("#1f5f7a");
    expect(BrandingSchema.parse({ ...valid, accentColor: " #1F5F7A " }).accentColor).toBe("#1f5f7a");
  });

  it("refuses colours too light for white text, and anything that is not a hex code", () => {
    const light = BrandingSchema.safeParse({ ...valid, accentColor: "#ffd700" });
    expect(light.success).toBe(false);
    expect(light.error?.issues[0].message).toMatch(/too light/);
    for (const bad of ["red", "#12345", "#gggggg", "url(javascript:alert(1))", "#1f5f7a;color:red"]) {
      const result = BrandingSchema.safeParse({ ...valid, accentColor: bad });
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0].message).toMatch(/hex code/);
    }
  });
});

describe("names and sender", () => {
  it("refuses line breaks and invisible characters in what becomes a mail header", () => {
    for (const field of ["companyName", "senderName"] as const) {
      for (const bad of ["Fjord\r\nBcc: x@evil.example", "Fjord\u202ePay", "Fjord\u200bPay", ""]) {
        expect(
          BrandingSchema.safeParse({ ...valid, [field]: bad }).success,
          `${field}: ${JSON.stringify(bad)}`,
        ).toBe(false);
      }
    }
  });

  it("takes one plain sender address, lower-cased", () => {
    expect(BrandingSchema.parse({ ...valid, senderEmail: " People@FjordPay.example " }).senderEmail).toBe(
      "people@fjordpay.example",
    );
    for (const bad of [
      "people@fjordpay.example\r\nBcc: x@evil.example",
      "a@b.example, c@d.example",
      "Fjord <people@fjordpay.example>",
      "not an address",
    ]) {
      expect(BrandingSchema.safeParse({ ...valid, senderEmail: bad }).success, bad).toBe(false);
    }
  });
});

describe("logo files", () => {
  it("recognises PNG, JPEG and WebP by their bytes, with their size", () => {
    expect(sniffLogo(TINY_PNG)).toEqual({ type: "image/png", width: 1, height: 1 });
    expect(sniffLogo(TINY_JPEG)).toEqual({ type: "image/jpeg", width: 1, height: 1 });
    expect(sniffLogo(TINY_WEBP)).toEqual({ type: "image/webp", width: 1, height: 1 });
    expect(sniffLogo(pngHeader(5000, 10))).toEqual({ type: "image/png", width: 5000, height: 10 });
  });

  it("refuses SVG (scripts) and anything else, whatever the file is called", () => {
    expect(sniffLogo(SCRIPTED_SVG)).toEqual({ refused: "svg" });
    expect(sniffLogo(Buffer.from("\ufeff  <svg><script>alert(1)</script></svg>"))).toEqual({
      refused: "svg",
    });
    expect(sniffLogo(Buffer.from("<html><script>alert(1)</script></html>"))).toEqual({ refused: "unknown" });
    expect(sniffLogo(Buffer.from("GIF89a...."))).toEqual({ refused: "unknown" });
    expect(sniffLogo(new Uint8Array(0))).toEqual({ refused: "unknown" });
    expect(sniffLogo(TINY_PNG.subarray(0, 10))).toEqual({ refused: "unknown" });
  });
});
