import { describe, expect, it } from "vitest";
import { formatCents, ProgramSchema, rateCents } from "./schemas";

const valid = {
  title: "Support specialist (weekends)",
  description: "Remote chat and phone support for merchants, in shifts you choose each week.",
  phaseId: "phase1",
  engagementType: "gig",
  workplace: "remote",
  rateMin: "18.50",
  rateMax: "24",
  currency: "EUR",
  openings: "5",
  hiringManagerId: "user1",
};

const errorsOf = (values: Record<string, unknown>) => {
  const result = ProgramSchema.safeParse(values);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the program form", () => {
  it("accepts decimal rates and keeps them as typed (no floating point)", () => {
    const parsed = ProgramSchema.parse(valid);
    expect(parsed.rateMin).toBe("18.50");
    expect(parsed.rateMax).toBe("24");
    expect(rateCents("18.5")).toBe(1850);
    expect(rateCents("0.07")).toBe(7);
    expect(formatCents(rateCents("19.99") + rateCents("0.01"))).toBe("20.00");
  });

  it("refuses a lowest rate above the highest, next to the highest", () => {
    expect(errorsOf({ ...valid, rateMin: "25", rateMax: "24.99" })).toEqual({
      rateMax: "The highest rate cannot be below the lowest rate.",
    });
    expect(errorsOf({ ...valid, rateMin: "24.00", rateMax: "24" })).toEqual({});
  });

  it.each(["18,50", "1e3", "-5", "18.505", "abc", "Infinity", "0x10", " ", "18.", ".5", "1234567"])(
    "refuses the rate %j with a clear message",
    (value) => {
      const errors = errorsOf({ ...valid, rateMin: value });
      expect(errors.rateMin).toMatch(/Enter the lowest hourly rate/);
    },
  );

  it("needs a place unless the work is remote", () => {
    expect(errorsOf({ ...valid, workplace: "place" })).toEqual({
      place: "Say where the work happens, or choose remote.",
    });
    expect(errorsOf({ ...valid, workplace: "place", place: "Stockholm office" })).toEqual({});
  });

  it("refuses an impossible closing date and openings that are not a whole number", () => {
    expect(errorsOf({ ...valid, closesOn: "2026-02-30" }).closesOn).toMatch(/YYYY-MM-DD/);
    expect(errorsOf({ ...valid, openings: "2.5" }).openings).toMatch(/whole number/);
    expect(errorsOf({ ...valid, openings: "0" }).openings).toMatch(/between 1/);
  });
});
