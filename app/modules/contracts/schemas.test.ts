import { describe, expect, it } from "vitest";
import { TermsSchema } from "./schemas";

const terms = {
  version: "1",
  role: "Support specialist",
  hourlyRate: "31.50",
  currency: "EUR",
  minHoursPerWeek: "10",
  maxHoursPerWeek: "20",
  startsOn: "2027-01-04",
  endsOn: "",
  noticeDays: "14",
  workplace: "remote",
};

describe("contract terms from the form", () => {
  it("accept real days and refuse impossible or out-of-range ones with a sentence (never an exception)", () => {
    expect(TermsSchema.safeParse(terms).success).toBe(true);
    for (const [field, value] of [
      ["startsOn", "2024-99-99"],
      ["startsOn", "2027-02-30"],
      ["startsOn", "0000-01-01"],
      ["endsOn", "2024-99-99"],
      ["endsOn", "99999-01-01"],
    ] as const) {
      const result = TermsSchema.safeParse({ ...terms, [field]: value });
      expect(result.success, `${field}=${value}`).toBe(false);
      expect(result.error?.issues[0].path).toEqual([field]);
      expect(result.error?.issues[0].message).toMatch(/as a date \(YYYY-MM-DD\)/);
    }
  });
});
