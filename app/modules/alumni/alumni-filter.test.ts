import { describe, expect, it } from "vitest";
import {
  alumniFilterToSearchParams,
  describeAlumniFilter,
  parseAlumniFilter,
  searchTerms,
} from "./alumni-filter";

describe("alumni filter in the URL", () => {
  it("keeps valid parts, drops malformed ones, and round-trips in a stable order", () => {
    const params = new URLSearchParams(
      "q=%20Jörgen%20&exitReason=layoff_automation&exitReason=bogus&exitFrom=2022-01-01&exitTo=not-a-date&consent=granted&sort=-exitDate&tag=b&tag=a&tag=a",
    );
    const filter = parseAlumniFilter(params);
    expect(filter).toEqual({
      q: "Jörgen",
      exitReason: ["layoff_automation"],
      exitFrom: "2022-01-01",
      consent: "granted",
      sort: "-exitDate",
      tag: ["b", "a"],
    });
    const again = parseAlumniFilter(alumniFilterToSearchParams(filter));
    expect(alumniFilterToSearchParams(again).toString()).toBe(alumniFilterToSearchParams(filter).toString());
    expect(alumniFilterToSearchParams(filter).toString()).toContain("tag=a&tag=b");
  });

  it("folds search words and describes a filter in words", () => {
    expect(searchTerms("  JÖRGEN  Sørensen ")).toEqual(["jorgen", "sørensen"]);
    expect(describeAlumniFilter({})).toBe("All alumni");
    expect(describeAlumniFilter({ exitReason: ["layoff_automation"], consent: "granted" })).toBe(
      "Alumni exit reason layoff automation, contact consent granted",
    );
  });
});
