import { toneRules } from "./rules";

/**
 * Counts the syllables of an English word with spelling rules (no dictionary beyond the short
 * exceptions list in wordlists/readability.json). Good enough for a reading grade: the error on
 * ordinary prose is a fraction of a grade.
 *
 * 1. Letters only, accents removed, lower case; words of up to three letters have one syllable.
 * 2. Count groups of vowels (a e i o u y); a leading "y" is a consonant (you, year).
 * 3. Silent endings take one away: a final "e" (make, were) but not "-le" after a consonant
 *    (table) or "-ee" (free); "-es" (makes) but not after c/g/s/x/z or ch/sh (changes, boxes) or
 *    in "-les" after a consonant (tables); "-ed" (asked) but not after t/d (decided) or a vowel;
 *    a silent "e" before -ful/-ly/-ment/-ness/-less (statement, lately).
 * 4. Vowel pairs that are two sounds add one back: "ia" (Australian) except -cia-/-tia-/-sia-,
 *    "io" except -tion/-sion/-cion/-gion, "eo" in the middle (video is an exception-list word),
 *    "ua"/"uo" after a consonant other than q/g (actual, continuous), and "-ism".
 */
export function countSyllables(raw: string): number {
  const word = raw
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  if (!word) return 0;
  const known = toneRules().readability.syllables.get(word);
  if (known) return known;
  if (word.length <= 3) return 1;

  const core = word.replace(/^y/, "");
  let count = (core.match(/[aeiouy]+/g) ?? []).length;

  if (/[^aeiouy]e$/.test(core) && !/[^aeiouy]le$/.test(core)) count--;
  else if (/[^aeiouy]es$/.test(core) && !/(?:[cgsxz]|ch|sh)es$/.test(core) && !/[^aeiouy]les$/.test(core))
    count--;
  else if (/[^aeiouytd]ed$/.test(core)) count--;
  // A silent "e" before a suffix: statement, lately, careful, hopeless.
  if (
    /[^aeiouy]e(?:ful|fully|ly|ment|ments|ness|less)$/.test(core) &&
    !/[^aeiouy]le(?:ful|fully|ly|ment|ments|ness|less)$/.test(core)
  )
    count--;

  count += (core.match(/(?<![cts])ia/g) ?? []).length;
  count += (core.match(/io(?!n)/g) ?? []).length + (core.match(/(?<![tscgx])ion/g) ?? []).length;
  count += (core.match(/(?<=[^aeiouy])eo(?=[^aeiouy])/g) ?? []).length;
  count += (core.match(/(?<=[^aeiouyqg])u[ao]/g) ?? []).length;
  if (/ism$/.test(core)) count++;

  return Math.max(1, count);
}
