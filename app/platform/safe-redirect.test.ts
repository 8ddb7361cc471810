import { describe, expect, it } from "vitest";
import { OPEN_REDIRECT_PAYLOADS } from "../../test/hostile/payloads";
import { safeRedirectPath } from "./safe-redirect";

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
