import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  renderContractText,
  strayBraces,
  textBlocks,
  unknownPlaceholders,
  type ContractTerms,
} from "./contract-text";

const BODY = `## Gig contract between {{employer}} and {{person}}

{{person}} works as {{role}} in "{{program}}". Pay: {{rate}}. Hours: {{hours}}.

Start: {{start}}. {{end}} Notice: {{notice}}. Place: {{place}}. {{stipend}}`;

const TERMS: ContractTerms = {
  role: "Support specialist",
  hourlyRate: "32.50",
  currency: "EUR",
  minHoursPerWeek: 10,
  maxHoursPerWeek: 25,
  startsOn: "2025-09-01",
  endsOn: null,
  noticeDays: 14,
  remote: true,
  place: null,
  equipmentStipend: null,
};
const CONTEXT = { employer: "Fjord Pay", person: "Maja Lindqvist", program: "Weekend support" };
const hash = (text: string) => createHash("sha256").update(text).digest("hex");

describe("contract text", () => {
  it("renders every term in words", () => {
    const text = renderContractText(BODY, TERMS, CONTEXT);
    expect(text).toBe(
      `## Gig contract between Fjord Pay and Maja Lindqvist

Maja Lindqvist works as Support specialist in "Weekend support". Pay: €32.50 an hour. Hours: between 10 and 25 hours a week.

Start: Monday 1 September 2025. It has no end date: it runs until one of us ends it with notice. Notice: 14 days. Place: remotely, from wherever suits you. There is no equipment stipend.`,
    );
    expect(textBlocks(text)[0]).toEqual({
      kind: "heading",
      text: "Gig contract between Fjord Pay and Maja Lindqvist",
    });
    expect(textBlocks(text)).toHaveLength(3);
  });

  it("changes its hash when any single term changes", () => {
    const base = hash(renderContractText(BODY, TERMS, CONTEXT));
    const changes: Partial<ContractTerms>[] = [
      { role: "Support lead" },
      { hourlyRate: "32.51" },
      { currency: "SEK" },
      { minHoursPerWeek: 11 },
      { maxHoursPerWeek: 24 },
      { startsOn: "2025-09-02" },
      { endsOn: "2026-08-31" },
      { noticeDays: 15 },
      { remote: false, place: "Stockholm office" },
      { equipmentStipend: "300.00" },
    ];
    const hashes = changes.map((change) => hash(renderContractText(BODY, { ...TERMS, ...change }, CONTEXT)));
    for (const h of hashes) expect(h).not.toBe(base);
    expect(new Set(hashes).size).toBe(changes.length);
    expect(hash(renderContractText(BODY, { ...TERMS }, CONTEXT))).toBe(base);
  });

  it("finds unknown placeholders and stray braces in a template", () => {
    expect(unknownPlaceholders("{{rate}} and {{salary}} and {{ bonus }}")).toEqual(["salary", "bonus"]);
    expect(strayBraces("{{rate}} is fine")).toBe(false);
    expect(strayBraces("{{rate} is not")).toBe(true);
  });
});
