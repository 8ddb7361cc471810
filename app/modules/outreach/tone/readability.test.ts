import { describe, expect, it } from "vitest";
import { readability, splitSentences } from "./readability";

/**
 * Flesch-Kincaid grade = 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59. Expected grades
 * below are worked out by hand from dictionary syllable counts; the counter may be off by a
 * syllable here and there, hence the tolerance.
 */
const SENTENCES: { text: string; words: number; sentences: number; grade: number }[] = [
  // 6 words, 6 syllables, 1 sentence: 2.34 + 11.8 - 15.59
  { text: "The cat sat on the mat.", words: 6, sentences: 1, grade: -1.45 },
  // 13 words, 26 syllables: the textbook example, 13.1
  {
    text: "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.",
    words: 13,
    sentences: 1,
    grade: 13.08,
  },
  // 18 words, 20 syllables, 3 sentences
  {
    text: "We decided to end your role. This was a hard choice. We will help you find new work.",
    words: 18,
    sentences: 3,
    grade: -0.14,
  },
  // 12 words, 17 syllables, 2 sentences
  {
    text: "If you have questions, write to Amara. She will answer you herself.",
    words: 12,
    sentences: 2,
    grade: 3.47,
  },
  // 8 words, 34 syllables, 1 sentence
  {
    text: "Organisational restructuring necessitates comprehensive evaluation of departmental responsibilities.",
    words: 8,
    sentences: 1,
    grade: 37.68,
  },
];

describe("Flesch-Kincaid grade", () => {
  it.each(SENTENCES)("$text", ({ text, words, sentences, grade }) => {
    const result = readability(text);
    expect(result.words).toBe(words);
    expect(result.sentences).toBe(sentences);
    expect(Math.abs(result.grade - grade)).toBeLessThanOrEqual(0.5);
  });

  it("does not count links, email addresses or numbers as words", () => {
    const plain = readability("Write to Amara.");
    const withLinks = readability(
      "Write to Amara at amara.okafor@example.com https://example.com/a-very-long-path-with-many-syllables 2025.",
    );
    expect(withLinks.words).toBe(plain.words + 1); // "at"
  });

  it("ends sentences at line breaks and at . ! ?, but not after an abbreviation", () => {
    const sentences = splitSentences(
      "Hello Maja,\nWe miss you! Say e.g. hello. Really?\n\nWarm regards,\nAmara Okafor",
    );
    expect(sentences.map((s) => s.text)).toEqual([
      "Hello Maja,",
      "We miss you!",
      "Say e.g. hello.",
      "Really?",
      "Warm regards,",
      "Amara Okafor",
    ]);
  });

  it("reports the longest sentence with its position", () => {
    const text = "Short one. This sentence is quite a lot longer than the first.";
    const { longestSentence } = readability(text);
    expect(longestSentence?.words).toBe(10);
    expect(text.slice(longestSentence!.start, longestSentence!.end)).toBe(
      "This sentence is quite a lot longer than the first.",
    );
  });

  it("gives zeros for text without words", () => {
    expect(readability("  \n 42 ").grade).toBe(0);
  });
});
