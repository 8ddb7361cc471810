import { describe, expect, it } from "vitest";
import { countSyllables } from "./syllables";

// Syllable counts from a dictionary's hyphenation (Merriam-Webster), for words the rules must get right.
const WORDS: [string, number][] = [
  ["the", 1],
  ["cat", 1],
  ["you", 1],
  ["year", 1],
  ["yes", 1],
  ["make", 1],
  ["makes", 1],
  ["were", 1],
  ["there", 1],
  ["some", 1],
  ["roles", 1],
  ["asked", 1],
  ["used", 1],
  ["changed", 1],
  ["played", 1],
  ["free", 1],
  ["calm", 1],
  ["words", 1],
  ["table", 2],
  ["tables", 2],
  ["little", 2],
  ["simple", 2],
  ["people", 2],
  ["agree", 2],
  ["changes", 2],
  ["boxes", 2],
  ["needed", 2],
  ["applied", 2],
  ["hybrid", 2],
  ["mammal", 2],
  ["creature", 2],
  ["special", 2],
  ["nation", 2],
  ["question", 2],
  ["questions", 2],
  ["quiet", 2],
  ["create", 2],
  ["reading", 2],
  ["language", 2],
  ["problems", 2],
  ["hardest", 2],
  ["yellow", 2],
  ["statement", 2],
  ["lately", 2],
  ["hopeless", 2],
  ["answer", 2],
  ["herself", 2],
  ["decided", 3],
  ["platypus", 3],
  ["seemingly", 3],
  ["period", 3],
  ["radio", 3],
  ["actual", 3],
  ["syllable", 3],
  ["assistant", 3],
  ["customers", 3],
  ["beautiful", 3],
  ["family", 3],
  ["decision", 3],
  ["amara", 3],
  ["completely", 3],
  ["management", 3],
  ["australian", 4],
  ["reptilian", 4],
  ["continuous", 4],
  ["automated", 4],
  ["application", 4],
  ["information", 4],
  ["understanding", 4],
  ["restructuring", 4],
  ["necessitates", 4],
  ["comprehensive", 4],
  ["departmental", 4],
  ["eliminated", 5],
  ["opportunity", 5],
  ["opportunities", 5],
  ["communication", 5],
  ["evaluation", 5],
  ["immediately", 5],
  ["organisation", 5],
  ["responsibilities", 6],
  ["organisational", 6],
];

describe("countSyllables", () => {
  it.each(WORDS)("%s has %i syllable(s)", (word, expected) => {
    expect(countSyllables(word)).toBe(expected);
  });

  it("ignores case, accents, apostrophes and digits; a word always has at least one syllable", () => {
    expect(countSyllables("Jörgen")).toBe(2);
    expect(countSyllables("CHANGES")).toBe(2);
    expect(countSyllables("don't")).toBe(1);
    expect(countSyllables("rhythm")).toBe(1);
    expect(countSyllables("2025")).toBe(0);
    expect(countSyllables("")).toBe(0);
  });
});
