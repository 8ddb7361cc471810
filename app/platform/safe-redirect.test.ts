import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

// Payloads from the OWASP unvalidated-redirects cheat sheet and common bypass lists.
export const OPEN_REDIRECT_PAYLOADS = [
  "https://evil.example",
  "//evil.example",
  "///evil.example",
  "////evil.example/",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "%2F%2Fevil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "http:evil.example",
  "https:/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  " //evil.example",
  "/%09/evil.example",
  "/%0d%0a/evil.example",
  "evil.example",
  "@evil.example",
  "/@evil.example/..//",
  "\u3002evil.example",
  "/%E3%80%82evil.example/../..//",
  "",
] as const;

describe("safeRedirectPath", () => {
  it.each(OPEN_REDIRECT_PAYLOADS)("never leaves our origin for %j", (payload) => {
    const result = safeRedirectPath(payload, "/staff");
    const resolved = new URL(result, "https://comeback.example");
    expect(resolved.origin).toBe("https://comeback.example");
    expect(result.startsWith("/")).toBe(true);
    expect(result.startsWith("//")).toBe(false);
  });

  it("keeps ordinary in-app paths with their query", () => {
    expect(safeRedirectPath("/staff/alumni?q=berg&page=2", "/")).toBe("/staff/alumni?q=berg&page=2");
  });

  it("falls back for non-strings", () => {
    expect(safeRedirectPath(undefined, "/x")).toBe("/x");
    expect(safeRedirectPath(42, "/x")).toBe("/x");
  });
});
