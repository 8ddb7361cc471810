import { z } from "zod";
import { EMAIL_KINDS, EMAIL_PURPOSES, type EmailKind, type TemplatePurpose } from "#emails/kinds";
import jargonData from "./wordlists/jargon.json";
import passiveData from "./wordlists/passive.json";
import phrasesData from "./wordlists/phrases.json";
import readabilityData from "./wordlists/readability.json";
import requiredData from "./wordlists/required-elements.json";
import thresholdsData from "./wordlists/thresholds.json";

/**
 * Loads the tone check's data files (./wordlists/*.json), validates their shape and compiles the
 * patterns once. Word lists and per-kind rules are data so they can be reviewed and changed
 * without touching code; a malformed file fails loudly at start, naming the file.
 */

export type Severity = "error" | "warning";
export type Category = "cold" | "evasive" | "passive" | "jargon" | "missing" | "reading" | "subject";

const severity = z.enum(["error", "warning"]);
const patternSource = z.union([
  z.string().min(1),
  z.object({ pattern: z.string().min(1), caseSensitive: z.boolean().optional() }),
]);

const PhraseRuleSchema = z.object({
  id: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/),
  category: z.enum(["cold", "evasive", "jargon"]),
  severity,
  patterns: z.array(z.string().min(1)).min(1),
  caseSensitive: z.boolean().optional(),
  message: z.string().optional(),
  suggestion: z.string().min(1),
});
const PhraseFileSchema = z.object({ rules: z.array(PhraseRuleSchema) });

const PassiveFileSchema = z.object({
  rule: z.object({
    id: z.string(),
    category: z.literal("passive"),
    severity,
    message: z.string(),
    suggestion: z.string(),
  }),
  auxiliaries: z.array(z.string()),
  adverbs: z.array(z.string()),
  agentWindow: z.number().int().positive(),
  irregularParticiples: z.array(z.string()),
  adjectivalParticiples: z.array(z.string()),
});

const ElementSchema = z
  .object({
    label: z.string(),
    message: z.string(),
    suggestion: z.string(),
    anyOf: z.array(patternSource).optional(),
    allOf: z.array(z.array(patternSource).min(1)).optional(),
  })
  .refine((e) => !!e.anyOf !== !!e.allOf, "An element has either anyOf or allOf.");

const RequiredFileSchema = z.object({
  elements: z.record(z.string().regex(/^[a-z-]+$/), ElementSchema),
  kinds: z.record(z.string(), z.record(z.string(), severity)),
  purposes: z.record(z.string(), z.record(z.string(), severity)),
});

const ThresholdsSchema = z.object({
  readingGrade: z.object({
    target: z.number(),
    errorAbove: z.number(),
    minWords: z.number().int(),
    noteMinWords: z.number().int(),
    longSentenceWords: z.number().int(),
  }),
  subject: z.object({ maxChars: z.number().int(), hardMaxChars: z.number().int() }),
});

const ReadabilitySchema = z.object({
  syllables: z.record(z.string().regex(/^[a-z]+$/), z.number().int().positive()),
  abbreviations: z.array(z.string()),
});

function parse<S extends z.ZodType>(file: string, schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `Tone check data file ${file} is malformed at ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
  }
  return result.data;
}

/** Word boundaries that work for any alphabet (\b only knows ASCII). */
const WORD_START = "(?<![\\p{L}\\p{N}_])";
const WORD_END = "(?![\\p{L}\\p{N}_])";

/** A data pattern as a global regular expression: whole words, a space matches any whitespace. */
export function compilePattern(source: string, caseSensitive = false): RegExp {
  const spaced = source.replace(/ (?![*+?{])/g, "\\s+");
  return new RegExp(`${WORD_START}(?:${spaced})${WORD_END}`, caseSensitive ? "gu" : "giu");
}

export type CompiledPhraseRule = Omit<z.infer<typeof PhraseRuleSchema>, "patterns"> & { patterns: RegExp[] };
export type CompiledElement = {
  id: string;
  label: string;
  message: string;
  suggestion: string;
  groups: RegExp[][];
};

export type ToneRules = {
  phrases: CompiledPhraseRule[];
  passive: z.infer<typeof PassiveFileSchema> & {
    auxiliarySet: Set<string>;
    adverbSet: Set<string>;
    irregularSet: Set<string>;
    adjectivalSet: Set<string>;
  };
  elements: Record<string, CompiledElement>;
  kinds: Record<EmailKind, Record<string, Severity>>;
  purposes: Record<TemplatePurpose, Record<string, Severity>>;
  thresholds: z.infer<typeof ThresholdsSchema>;
  readability: { syllables: Map<string, number>; abbreviations: string[] };
};

function compilePhrases(file: string, data: unknown): CompiledPhraseRule[] {
  return parse(file, PhraseFileSchema, data).rules.map((rule) => {
    try {
      return { ...rule, patterns: rule.patterns.map((p) => compilePattern(p, rule.caseSensitive)) };
    } catch (error) {
      throw new Error(
        `Tone check data file ${file}: rule ${rule.id} has an invalid pattern (${(error as Error).message}).`,
      );
    }
  });
}

function compileSource(file: string, id: string, source: z.infer<typeof patternSource>): RegExp {
  const { pattern, caseSensitive } =
    typeof source === "string" ? { pattern: source, caseSensitive: false } : source;
  try {
    return compilePattern(pattern, caseSensitive);
  } catch (error) {
    throw new Error(
      `Tone check data file ${file}: element ${id} has an invalid pattern (${(error as Error).message}).`,
    );
  }
}

function load(): ToneRules {
  const phrases = [
    ...compilePhrases("phrases.json", phrasesData),
    ...compilePhrases("jargon.json", jargonData),
  ];
  const ids = new Set<string>();
  for (const rule of phrases) {
    if (ids.has(rule.id)) throw new Error(`Tone check data: rule id ${rule.id} appears twice.`);
    ids.add(rule.id);
  }
  const passive = parse("passive.json", PassiveFileSchema, passiveData);
  const required = parse("required-elements.json", RequiredFileSchema, requiredData);
  const elements: Record<string, CompiledElement> = {};
  for (const [id, element] of Object.entries(required.elements)) {
    const groups = element.allOf ?? [element.anyOf ?? []];
    elements[id] = {
      id,
      label: element.label,
      message: element.message,
      suggestion: element.suggestion,
      groups: groups.map((group) =>
        group.map((source) => compileSource("required-elements.json", id, source)),
      ),
    };
  }
  for (const [owner, table] of [...Object.entries(required.kinds), ...Object.entries(required.purposes)]) {
    for (const element of Object.keys(table)) {
      if (!elements[element])
        throw new Error(
          `Tone check data file required-elements.json: ${owner} requires unknown element "${element}".`,
        );
    }
  }
  for (const kind of Object.keys(EMAIL_KINDS)) {
    if (!required.kinds[kind])
      throw new Error(`Tone check data file required-elements.json has no entry for the kind "${kind}".`);
  }
  for (const kind of Object.keys(required.kinds)) {
    if (!Object.hasOwn(EMAIL_KINDS, kind))
      throw new Error(`Tone check data file required-elements.json names an unknown kind "${kind}".`);
  }
  for (const purpose of Object.keys(EMAIL_PURPOSES)) {
    if (!required.purposes[purpose])
      throw new Error(
        `Tone check data file required-elements.json has no entry for the purpose "${purpose}".`,
      );
  }
  const readability = parse("readability.json", ReadabilitySchema, readabilityData);
  const lower = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
  return {
    phrases,
    passive: {
      ...passive,
      auxiliarySet: lower(passive.auxiliaries),
      adverbSet: lower(passive.adverbs),
      irregularSet: lower(passive.irregularParticiples),
      adjectivalSet: lower(passive.adjectivalParticiples),
    },
    elements,
    kinds: required.kinds as ToneRules["kinds"],
    purposes: required.purposes as ToneRules["purposes"],
    thresholds: parse("thresholds.json", ThresholdsSchema, thresholdsData),
    readability: {
      syllables: new Map(Object.entries(readability.syllables)),
      abbreviations: readability.abbreviations.map((a) => a.toLowerCase()),
    },
  };
}

let cached: ToneRules | undefined;

/** The compiled rules (loaded once per process). */
export function toneRules(): ToneRules {
  cached ??= load();
  return cached;
}
