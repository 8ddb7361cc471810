import { countSyllables } from "./syllables";
import { toneRules } from "./rules";

/**
 * Flesch-Kincaid grade level: 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59.
 * Sentences end at . ! ? (not after a listed abbreviation) and at line breaks, so list items,
 * headings and sign-off lines count as their own sentences, as a reader sees them. Links and
 * email addresses are not words. Numbers written as digits are not counted as words.
 */

export type Sentence = { text: string; start: number; end: number; words: number };
export type Readability = {
  words: number;
  sentences: number;
  syllables: number;
  grade: number;
  longestSentence: Sentence | null;
};

const LINK =
  /\b(?:https?:\/\/|mailto:|www\.)[^\s<>"')\]]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu;
const WORD = /[\p{L}][\p{L}\p{N}'’-]*/gu;

/** Blanks links and email addresses with spaces, keeping every other character where it was. */
export function blankLinks(text: string): string {
  return text.replace(LINK, (match) => " ".repeat(match.length));
}

export function wordsOf(text: string): { word: string; start: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index }));
}

/** Sentences with their offsets in `text`. */
export function splitSentences(text: string): Sentence[] {
  const abbreviations = toneRules().readability.abbreviations;
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const slice = text.slice(start, end);
    const trimmedStart = start + (slice.length - slice.trimStart().length);
    const content = text.slice(trimmedStart, end).trim();
    if (content && /[\p{L}]/u.test(content)) {
      out.push({
        text: content,
        start: trimmedStart,
        end: trimmedStart + content.length,
        words: wordsOf(content).length,
      });
    }
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      push(i);
      continue;
    }
    if (ch === "." || ch === "!" || ch === "?") {
      let j = i;
      while (j + 1 < text.length && /[.!?"'’”)]/.test(text[j + 1])) j++;
      const next = text[j + 1];
      if (next !== undefined && !/\s/.test(next)) continue;
      if (ch === ".") {
        const before = text.slice(Math.max(0, i - 8), i + 1).toLowerCase();
        if (
          abbreviations.some(
            (a) => before.endsWith(a) && !/[\p{L}]/u.test(before.charAt(before.length - a.length - 1)),
          )
        )
          continue;
      }
      push(j + 1);
      i = j;
    }
  }
  push(text.length);
  return out;
}

function round1(value: number) {
  return Math.round(value * 10) / 10;
}

export function readability(rawText: string): Readability {
  const text = blankLinks(rawText);
  const sentences = splitSentences(text);
  const words = wordsOf(text);
  const syllables = words.reduce(
    (sum, w) => sum + w.word.split(/[-']/).reduce((s, part) => s + countSyllables(part), 0),
    0,
  );
  const longestSentence = sentences.reduce<Sentence | null>(
    (longest, s) => (!longest || s.words > longest.words ? s : longest),
    null,
  );
  if (words.length === 0 || sentences.length === 0)
    return { words: 0, sentences: 0, syllables: 0, grade: 0, longestSentence: null };
  const grade = 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59;
  return {
    words: words.length,
    sentences: sentences.length,
    syllables,
    grade: round1(grade),
    longestSentence,
  };
}
