import { describe, expect, it } from "vitest";
import {
  format,
  PORTAL_CATALOGUES,
  PORTAL_STRINGS_EN,
  placeholdersOf,
  t,
  type PortalStringKey,
} from "./strings";

describe("the portal's string catalogue", () => {
  const keys = Object.keys(PORTAL_STRINGS_EN) as PortalStringKey[];

  it("never names the product: alumni know the employer, not us", () => {
    for (const key of keys) expect(PORTAL_STRINGS_EN[key], key).not.toMatch(/comeback/i);
  });

  it("has area.name keys and non-empty sentences", () => {
    for (const key of keys) {
      expect(key).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z0-9]*)+$/);
      expect(PORTAL_STRINGS_EN[key].trim().length, key).toBeGreaterThan(0);
    }
  });

  it("every translation has every key with the same placeholders", () => {
    for (const [language, catalogue] of Object.entries(PORTAL_CATALOGUES)) {
      for (const key of keys) {
        const own = [...(catalogue[key] ?? "").matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(own, `${language}: ${key}`).toEqual(placeholdersOf(key).sort());
      }
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("shell.portalName", { company: "Fjord Pay" })).toBe("Fjord Pay alumni");
    expect(format("Hello {name}, {missing}", { name: "Maja" })).toBe("Hello Maja, {missing}");
    expect(t("shell.portalName", { company: "Fjord Pay" }, "xx")).toBe("Fjord Pay alumni");
  });
});
