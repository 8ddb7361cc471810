import { describe, expect, it } from "vitest";
import { contactableWhere, mayEmail } from "./contact-rules";

describe("mayEmail", () => {
  const base = { consentReturn: "granted", consentNews: "unknown", doNotContact: false } as const;
  it("follows consent per purpose", () => {
    expect(mayEmail(base, "return_opportunities")).toEqual({ allowed: true });
    expect(mayEmail(base, "news")).toEqual({ allowed: false, reason: "no_consent" });
    expect(mayEmail(base, "news", { requireConsent: false })).toEqual({ allowed: true });
    expect(mayEmail({ ...base, consentNews: "withdrawn" }, "news", { requireConsent: false })).toEqual({
      allowed: false,
      reason: "withdrawn",
    });
  });
  it("never emails someone marked do-not-contact", () => {
    expect(
      mayEmail({ ...base, doNotContact: true }, "return_opportunities", { requireConsent: false }),
    ).toEqual({ allowed: false, reason: "do_not_contact" });
  });
  it("offers the same rule as a filter", () => {
    expect(contactableWhere("news")).toEqual({ doNotContact: false, consentNews: "granted" });
    expect(contactableWhere("return_opportunities")).toEqual({
      doNotContact: false,
      consentReturn: "granted",
    });
  });
});
