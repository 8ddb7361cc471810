import type { EmailKind, TemplatePurpose } from "#emails/kinds";
import { findAgentlessPassives } from "./passive";
import { blankLinks, readability, type Readability } from "./readability";
import { toneRules, type Category, type Severity } from "./rules";

/**
 * The tone and completeness check: deterministic, offline, no model. It reads an email the way
 * a careful colleague would and flags cold or evasive phrases, passive deflection, jargon,
 * missing required elements for the kind of email, a reading grade above target and subject
 * problems. Word lists and rules are data (./wordlists/*.json); see ADR 019.
 *
 * - Full check: `checkTone({ kind, purpose, subject, text, note })` with the whole rendered
 *   plain text (template + HR's personal note). Findings inside the note are attributed to it.
 * - Note only (live feedback while HR types): `checkTone({ kind, note })`. Required elements
 *   are not checked: the template provides them.
 */

export type ToneSource = "subject" | "text" | "note";

export type TonePosition = {
  /** Offsets into the source string (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** 1-based line and column, for people. */
  line: number;
  column: number;
};

export type ToneFinding = {
  ruleId: string;
  category: Category;
  severity: Severity;
  source: ToneSource;
  /** The text that triggered the finding, as written (null for a missing element or the reading grade). */
  match: string | null;
  position: TonePosition | null;
  message: string;
  suggestion: string;
};

export type ToneInput = {
  kind: EmailKind;
  /** Adds the purpose's required elements (e.g. how to opt out of return-opportunity emails). */
  purpose?: TemplatePurpose;
  /** The subject line; an empty string is an error. Leave out to skip subject checks. */
  subject?: string;
  /** The full plain text of the email. Leave out to check only the note. */
  text?: string;
  /** HR's personal note, also contained in `text` when both are given. */
  note?: string | null;
};

export type ToneReport = {
  kind: EmailKind;
  /** True when there are no errors (warnings do not block). */
  ok: boolean;
  errors: number;
  warnings: number;
  findings: ToneFinding[];
  readability: {
    text: Readability | null;
    note: Readability | null;
    target: number;
    /** Below this many words the grade is not judged (too little text for the formula). */
    minWords: { text: number; note: number };
  };
};

function positionOf(source: string, start: number, end: number): TonePosition {
  const before = source.slice(0, start);
  const line = before.split("\n").length;
  const column = start - before.lastIndexOf("\n");
  return { start, end, line, column };
}

function fill(template: string, match: string) {
  return template.replace(/\{match\}/g, match.replace(/\s+/g, " ").trim());
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }) {
  return a.start < b.end && b.start < a.end;
}

/** Phrase, jargon and passive findings in one piece of text. */
function scan(source: ToneSource, original: string): ToneFinding[] {
  const rules = toneRules();
  // Links and addresses are blanked (same length) so offsets stay true and a URL never matches.
  const text = blankLinks(original).replace(/’/g, "'");
  const findings: (ToneFinding & { position: TonePosition })[] = [];
  for (const rule of rules.phrases) {
    for (const pattern of rule.patterns) {
      for (const m of text.matchAll(pattern)) {
        if (!m[0]) continue;
        const start = m.index;
        const end = start + m[0].length;
        if (findings.some((f) => f.ruleId === rule.id && overlaps(f.position, { start, end }))) continue;
        const match = original.slice(start, end);
        findings.push({
          ruleId: rule.id,
          category: rule.category,
          severity: rule.severity,
          source,
          match,
          position: positionOf(original, start, end),
          message: fill(
            rule.message ?? (rule.category === "jargon" ? '"{match}" is jargon.' : '"{match}" sounds cold.'),
            match,
          ),
          suggestion: rule.suggestion,
        });
      }
    }
  }
  const passive = rules.passive;
  for (const p of findAgentlessPassives(text)) {
    // A phrase rule already explains this text more precisely ("it was decided").
    if (findings.some((f) => overlaps(f.position, p))) continue;
    const match = original.slice(p.start, p.end);
    findings.push({
      ruleId: passive.rule.id,
      category: "passive",
      severity: passive.rule.severity,
      source,
      match,
      position: positionOf(original, p.start, p.end),
      message: fill(passive.rule.message, match),
      suggestion: passive.rule.suggestion,
    });
  }
  return findings;
}

function readingFinding(source: ToneSource, stats: Readability, minWords: number): ToneFinding | null {
  const { target, errorAbove, longSentenceWords } = toneRules().thresholds.readingGrade;
  if (stats.words < minWords || stats.grade <= target) return null;
  const longest = stats.longestSentence;
  const pointAtLongest = longest && longest.words >= longSentenceWords;
  return {
    ruleId: "reading.grade",
    category: "reading",
    severity: stats.grade > errorAbove ? "error" : "warning",
    source,
    match: pointAtLongest ? longest.text : null,
    position: null,
    message: `This reads at grade ${stats.grade.toFixed(1)} (Flesch-Kincaid); aim for ${target} or lower so everyone can follow it easily.${
      pointAtLongest ? ` The longest sentence has ${longest.words} words.` : ""
    }`,
    suggestion:
      "Use shorter sentences (under 20 words) and everyday words: 'use' rather than 'utilise', 'help' rather than 'facilitate'.",
  };
}

function withReadingPosition(
  finding: ToneFinding | null,
  original: string,
  stats: Readability,
): ToneFinding | null {
  if (!finding || !finding.match || !stats.longestSentence) return finding;
  const { start, end } = stats.longestSentence;
  return { ...finding, position: positionOf(original, start, end) };
}

function subjectFindings(subject: string): ToneFinding[] {
  const { maxChars, hardMaxChars } = toneRules().thresholds.subject;
  const trimmed = subject.trim();
  if (!trimmed) {
    return [
      {
        ruleId: "subject.empty",
        category: "subject",
        severity: "error",
        source: "subject",
        match: null,
        position: null,
        message: "The subject is empty.",
        suggestion:
          "Write a subject that says what the email is about, e.g. 'Would you like to work with us again?'.",
      },
    ];
  }
  const length = [...trimmed].length;
  const out: ToneFinding[] = [];
  if (length > maxChars) {
    out.push({
      ruleId: "subject.too-long",
      category: "subject",
      severity: length > hardMaxChars ? "error" : "warning",
      source: "subject",
      match: trimmed,
      position: positionOf(subject, 0, subject.length),
      message: `The subject has ${length} characters; many mail apps cut it off after about ${maxChars}.`,
      suggestion: `Keep the subject to ${maxChars} characters or fewer and put the most important words first.`,
    });
  }
  return [...out, ...scan("subject", subject)];
}

/** Which required elements are missing from the text, by id, with the severity the kind gives them. */
function missingElements(text: string, kind: EmailKind, purpose: TemplatePurpose | undefined): ToneFinding[] {
  const rules = toneRules();
  const required = { ...rules.kinds[kind], ...(purpose ? rules.purposes[purpose] : {}) };
  // Links and addresses are blanked: "unsubscribe" in a URL is not an explanation of how to opt out.
  const haystack = blankLinks(text).replace(/’/g, "'");
  const out: ToneFinding[] = [];
  for (const [id, severity] of Object.entries(required)) {
    const element = rules.elements[id];
    const present = element.groups.every((group) =>
      group.some((pattern) => {
        pattern.lastIndex = 0;
        return pattern.test(haystack);
      }),
    );
    if (present) continue;
    out.push({
      ruleId: `missing.${id}`,
      category: "missing",
      severity,
      source: "text",
      match: null,
      position: null,
      message: element.message,
      suggestion: element.suggestion,
    });
  }
  return out;
}

const SOURCE_ORDER: Record<ToneSource, number> = { subject: 0, note: 1, text: 2 };

function key(f: ToneFinding) {
  return `${f.ruleId}\u0000${(f.match ?? "").replace(/\s+/g, " ").trim().toLowerCase()}`;
}

export function checkTone(input: ToneInput): ToneReport {
  const { thresholds } = toneRules();
  const findings: ToneFinding[] = [];
  const note = input.note?.trim() ? input.note : null;

  if (input.subject !== undefined) findings.push(...subjectFindings(input.subject));

  let noteStats: Readability | null = null;
  const noteFindings: ToneFinding[] = [];
  if (note) {
    noteFindings.push(...scan("note", note));
    noteStats = readability(note);
    const grade = withReadingPosition(
      readingFinding("note", noteStats, thresholds.readingGrade.noteMinWords),
      note,
      noteStats,
    );
    if (grade) noteFindings.push(grade);
  }

  let textStats: Readability | null = null;
  if (input.text !== undefined) {
    const textFindings = scan("text", input.text);
    // The note is part of the text: report each of its findings once, against the note.
    const claimed = new Map<string, number>();
    for (const f of noteFindings) claimed.set(key(f), (claimed.get(key(f)) ?? 0) + 1);
    for (const f of textFindings) {
      const k = key(f);
      const left = claimed.get(k) ?? 0;
      if (left > 0) {
        claimed.set(k, left - 1);
        continue;
      }
      findings.push(f);
    }
    textStats = readability(input.text);
    const grade = withReadingPosition(
      readingFinding("text", textStats, thresholds.readingGrade.minWords),
      input.text,
      textStats,
    );
    if (grade) findings.push(grade);
    findings.push(...missingElements(input.text, input.kind, input.purpose));
  }
  findings.push(...noteFindings);

  findings.sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] ||
      (a.position?.start ?? Number.MAX_SAFE_INTEGER) - (b.position?.start ?? Number.MAX_SAFE_INTEGER) ||
      a.ruleId.localeCompare(b.ruleId),
  );
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    kind: input.kind,
    ok: errors === 0,
    errors,
    warnings: findings.length - errors,
    findings,
    readability: {
      text: textStats,
      note: noteStats,
      target: thresholds.readingGrade.target,
      minWords: { text: thresholds.readingGrade.minWords, note: thresholds.readingGrade.noteMinWords },
    },
  };
}
