import { describe, expect, it } from "vitest";
import { eraseValues, likePatterns, mentions, personValues, valueMatcher } from "./person-values";

const person = personValues({
  hrId: "E1",
  workEmail: "Ada.Berg@Example.com",
  personalEmail: "ada@home.example",
  phone: "+46 70 123 45 67",
  firstName: "Ada",
  lastName: "Berg",
  preferredName: "Addie",
});

describe("a person's identifying values", () => {
  it("collects ids, emails (lower-cased), phone and full names; short ids are not searched for", () => {
    expect(person.emails).toEqual(["ada.berg@example.com", "ada@home.example"]);
    expect(person.names).toEqual(["Ada Berg", "Addie Berg"]);
    expect(likePatterns(person)).not.toContain("%E1%");
    expect(likePatterns(personValues({ ...base, hrId: "E100_%" }))).toContain("%E100\\_\\%%");
  });

  it("matches whole values only", () => {
    const m = valueMatcher(personValues({ ...base, hrId: "E100" }));
    expect(mentions("Employee ID E100 twice", m)).toBe(true);
    expect(mentions("Employee ID E1000", m)).toBe(false);
    expect(mentions("see XE100", m)).toBe(false);
    const e = valueMatcher(person);
    expect(mentions("write to ada@home.example.", e)).toBe(true);
    expect(mentions("write to ada@home.example.org", e)).toBe(false);
    expect(mentions("write to xada@home.example", e)).toBe(false);
    expect(mentions("ADA BERG asked", e)).toBe(true);
    expect(mentions("Adamo Bergman asked", e)).toBe(false);
  });

  it("erases the values inside nested JSON and says whether anything changed", () => {
    const m = valueMatcher(person)!;
    expect(eraseValues({ a: ["hello Ada Berg", 3], b: { c: "ada@home.example" } }, m)).toEqual({
      value: { a: ["hello [erased]", 3], b: { c: "[erased]" } },
      changed: true,
    });
    expect(eraseValues({ a: "nothing" }, m).changed).toBe(false);
  });
});

const base = {
  hrId: null,
  workEmail: null,
  personalEmail: null,
  firstName: "Zed",
  lastName: "Q",
  preferredName: null,
};
