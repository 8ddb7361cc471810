import { describe, expect, it } from "vitest";
import { languageList, placeText } from "~/modules/alumni/alumnus-words";
import {
  actionLabel,
  diffRows,
  entityFamilyLabel,
  entityLabel,
  fieldLabel,
  valueInWords,
} from "./audit-words";

describe("audit events in words", () => {
  it("says what happened without codes", () => {
    expect(actionLabel("campaign.launched")).toBe("Campaign launched");
    expect(actionLabel("auth.sign_in_failed")).toBe("Sign-in failed");
    expect(actionLabel("verdict.review_decided")).toBe("Review decision recorded");
    expect(actionLabel("contract_template.published")).toBe("Contract template published");
    expect(entityFamilyLabel("policy.*")).toBe("eligibility policy");
  });

  it("names fields and values as a person reads them", () => {
    expect(fieldLabel("availabilityHours")).toBe("Hours per week");
    expect(fieldLabel("hrId")).toBe("HR id");
    expect(fieldLabel("someNewThing")).toBe("Some new thing");
    expect(valueInWords(["sun", "mon", "wed"])).toBe("Monday, Wednesday, Sunday");
    expect(valueInWords(["en", "sv"], "languages")).toBe("English, Swedish");
    expect(valueInWords("layoff_automation")).toBe("Layoff (automation)");
    expect(valueInWords("needs_review")).toBe("Needs review");
    expect(valueInWords(true)).toBe("Yes");
    expect(valueInWords(null)).toBe("—");
    expect(valueInWords([])).toBe("—");
  });

  it("lists each changed field once, in words, without the version bookkeeping", () => {
    expect(
      diffRows(
        { exitReason: "performance", version: 3 },
        { exitReason: "conduct", regrettable: false, version: 4 },
      ),
    ).toEqual([
      {
        field: "exitReason",
        label: "Exit reason",
        before: "Performance",
        after: "Conduct",
        hasBefore: true,
        hasAfter: true,
      },
      {
        field: "regrettable",
        label: "Regrettable loss",
        before: null,
        after: "No",
        hasBefore: false,
        hasAfter: true,
      },
    ]);
  });

  it("writes places without a doubled country and languages by name", () => {
    expect(placeText("Manchester, UK", "GB")).toBe("Manchester, UK");
    expect(placeText("Stockholm, SE", "SE")).toBe("Stockholm, SE");
    expect(placeText("Lisbon, Portugal", "PT")).toBe("Lisbon, Portugal");
    expect(placeText("Remote - US", "US")).toBe("Remote - US");
    expect(placeText("Berlin", "DE")).toBe("Berlin, DE");
    expect(placeText(null, "DE")).toBe("DE");
    expect(languageList(["sv", "en"])).toBe("Swedish, English");
    expect(languageList([])).toBeNull();
  });

  it("reads stored words that are also names on every object as plain text, never the object behind them", () => {
    for (const word of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(valueInWords(word)).toBe(word);
      expect(typeof fieldLabel(word)).toBe("string");
      expect(typeof actionLabel(word)).toBe("string");
      expect(typeof entityLabel(word)).toBe("string");
      expect(diffRows({ [word]: word }, JSON.parse(`{"${word}": "${word}"}`))).toSatisfy((rows: unknown[]) =>
        rows.every((r) => typeof (r as { label: unknown }).label === "string"),
      );
    }
    expect(valueInWords(["constructor"])).toBe("constructor");
  });
});
