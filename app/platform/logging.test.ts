import { describe, expect, it } from "vitest";
import { redact } from "./logging.server";

describe("redact", () => {
  it("masks email addresses and token-like strings, keeps correlation ids", () => {
    const token = "Qm9vbTEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MA";
    const text = redact(
      `sent to maja.lindqvist@example.com with ${token} ref 548a5b1a-70d5-4c33-bb95-a02138a2fa80`,
    );
    expect(text).not.toContain("maja");
    expect(text).not.toContain(token);
    expect(text).toContain("548a5b1a-70d5-4c33-bb95-a02138a2fa80");
  });
});
