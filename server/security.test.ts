import { describe, expect, it } from "vitest";
import { checkOrigin, contentSecurityPolicy, crossOriginResourcePolicy, loggablePath } from "./security";

const ours = ["https://comeback.example"];

describe("checkOrigin (cross-site form posts)", () => {
  it("lets safe methods through", () => {
    expect(checkOrigin({ method: "GET", path: "/x", origin: "https://evil.example" }, ours).allowed).toBe(
      true,
    );
  });
  it("accepts our own origin", () => {
    expect(
      checkOrigin(
        { method: "POST", path: "/x", origin: "https://comeback.example", secFetchSite: "same-origin" },
        ours,
      ).allowed,
    ).toBe(true);
  });
  it.each([
    { origin: "https://evil.example" },
    { origin: "null" },
    { origin: "https://comeback.example.evil.example" },
    { origin: "http://comeback.example" },
    { secFetchSite: "cross-site" },
    { secFetchSite: "same-site", origin: "https://comeback.example" },
    {},
  ])("refuses %j", (headers) => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(checkOrigin({ method, path: "/staff/alumni", ...headers }, ours).allowed).toBe(false);
    }
  });
  it("accepts same-origin fetch metadata without an Origin header", () => {
    expect(checkOrigin({ method: "POST", path: "/x", secFetchSite: "same-origin" }, ours).allowed).toBe(true);
  });
  it("accepts one-click unsubscribe posts from mail providers", () => {
    expect(checkOrigin({ method: "POST", path: "/unsubscribe/abc.def" }, ours).allowed).toBe(true);
    expect(checkOrigin({ method: "POST", path: "/unsubscribe/abc/extra" }, ours).allowed).toBe(false);
    // The router resolves backslashes and dot segments into another route: judged as it routes.
    for (const path of [
      "/unsubscribe/x\\..\\..\\staff\\admin\\users",
      "/unsubscribe/x/../../staff/admin/users",
      "/unsubscribe/%2e%2e/staff/alumni",
      "/unsubscribe/abc/%2E%2E/%2e%2e/sign-out",
    ]) {
      expect(checkOrigin({ method: "POST", path, origin: "https://evil.example" }, ours).allowed, path).toBe(
        false,
      );
    }
  });
});

describe("contentSecurityPolicy", () => {
  it("forbids framing and inline scripts without the nonce", () => {
    const csp = contentSecurityPolicy("abc", false);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
  });
});

describe("loggablePath", () => {
  it("masks token-like segments and drops control characters", () => {
    expect(loggablePath("/invitation/" + "a".repeat(43))).toBe("/invitation/:token");
    expect(loggablePath("/staff/alumni/ckx1234567890abcdefghijkl")).toBe(
      "/staff/alumni/ckx1234567890abcdefghijkl",
    );
    expect(loggablePath("/a\u0000b")).toBe("/a?b");
  });
});

describe("crossOriginResourcePolicy", () => {
  it("lets other sites load only the employer's logo (alumni email shows it from webmail)", () => {
    expect(crossOriginResourcePolicy("/portal/logo")).toBe("cross-origin");
    for (const path of ["/portal", "/portal/logo/x", "/staff/admin/branding", "/build/app.js", "/"]) {
      expect(crossOriginResourcePolicy(path)).toBe("same-origin");
    }
  });
});
