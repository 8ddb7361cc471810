import { toneRules } from "./rules";

/**
 * Passive voice without an agent: a form of "be" (or "get"), up to two adverbs, then a past
 * participle, and no "by" later in the same sentence ("A decision was made", "your role has
 * been cut"). Adjectival participles from the data file ("we are pleased", "you are
 * interested") are not passive deflection.
 */

export type PassiveMatch = { text: string; start: number; end: number; participle: string };

const TOKEN = /[\p{L}][\p{L}'’-]*|[.!?;:]+|\n/gu;

function isParticiple(word: string, irregular: Set<string>) {
  return (
    irregular.has(word) ||
    (/^[a-z]{2,}ed$/.test(word) &&
      !/^(?:need|feed|seed|speed|bleed|breed|creed|greed|proceed|succeed|exceed|indeed)$/.test(word))
  );
}

export function findAgentlessPassives(text: string): PassiveMatch[] {
  const { passive } = toneRules();
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({
    raw: m[0],
    word: m[0].toLowerCase().replace(/’/g, "'"),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const isBoundary = (t: { word: string }) => /^[.!?;:\n]/.test(t.word);
  const out: PassiveMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!passive.auxiliarySet.has(tokens[i].word)) continue;
    let j = i + 1;
    let skipped = 0;
    while (
      j < tokens.length &&
      skipped < 2 &&
      passive.adverbSet.has(tokens[j].word) &&
      !isBoundary(tokens[j])
    ) {
      j++;
      skipped++;
    }
    const candidate = tokens[j];
    if (!candidate || isBoundary(candidate)) continue;
    if (!isParticiple(candidate.word, passive.irregularSet) || passive.adjectivalSet.has(candidate.word))
      continue;
    // Quote from "has"/"will" in "has already been cut" / "will be cut", so the reader sees the whole verb.
    let first = i;
    let back = i - 1;
    while (back >= 0 && passive.adverbSet.has(tokens[back].word)) back--;
    if (
      back >= 0 &&
      /^(?:has|have|had|will|would|could|should|may|might|must|can|is|are|was|were)$/.test(tokens[back].word)
    )
      first = back;
    let agent = false;
    for (let k = j + 1; k < tokens.length && k <= j + passive.agentWindow; k++) {
      if (isBoundary(tokens[k])) break;
      if (tokens[k].word === "by") {
        agent = true;
        break;
      }
    }
    if (agent) continue;
    const start = tokens[first].start;
    const end = candidate.end;
    out.push({ text: text.slice(start, end), start, end, participle: candidate.word });
    i = j;
  }
  return out;
}
