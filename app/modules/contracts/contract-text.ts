/**
 * Contract text from a template and the terms (ADR 046). Templates are plain text: paragraphs
 * separated by blank lines, "## " starts a heading, and {{placeholders}} stand for the terms.
 * The rendered text is what the alumnus reads, what its SHA-256 is taken of, and what the PDF
 * prints, so rendering is deterministic: calendar dates in words, money in the contract's
 * currency, no clock and no locale of the machine.
 */

export const PLACEHOLDERS = {
  employer: "The employer's name",
  person: "The person's full name",
  role: "The role",
  program: "The return program's title",
  rate: "The hourly rate with its currency, e.g. “€32.50 an hour”",
  hours: "The weekly hours, e.g. “between 10 and 25 hours a week”",
  start: "The start date in words",
  end: "A sentence about the end date (or that there is none)",
  notice: "The notice period, e.g. “14 days”",
  place: "Where the work happens (remotely, or the place)",
  stipend: "A sentence about the equipment stipend (or that there is none)",
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

export type ContractTerms = {
  role: string;
  /** Decimal string with two decimals, e.g. "32.50". */
  hourlyRate: string;
  currency: string;
  minHoursPerWeek: number | null;
  maxHoursPerWeek: number | null;
  /** Calendar dates, YYYY-MM-DD. */
  startsOn: string | null;
  endsOn: string | null;
  noticeDays: number | null;
  remote: boolean;
  place: string | null;
  /** Decimal string, or null for none. */
  equipmentStipend: string | null;
};

export type TextContext = { employer: string; person: string; program: string };

/** The placeholders a template uses that do not exist, for the template editor's error. */
export function unknownPlaceholders(body: string): string[] {
  const out = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER))
    if (!Object.hasOwn(PLACEHOLDERS, match[1])) out.add(match[1]);
  return [...out];
}

/** Braces that do not form a placeholder ("{{rate}" or a lone "}}"), which would print as they are. */
export function strayBraces(body: string): boolean {
  return /\{\{|\}\}/.test(body.replace(PLACEHOLDER, ""));
}

const TBA = "a date still to be agreed";

/** "Monday 1 September 2025" from "2025-09-01" (UTC: calendar dates never shift). */
export function dateInWords(iso: string | null): string {
  if (!iso) return TBA;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return TBA;
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  })
    .format(date)
    .replace(",", "");
}

export function moneyInWords(amount: string, currency: string): string {
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency, minimumFractionDigits: 2 }).format(
      Number(amount),
    );
  } catch {
    return `${amount} ${currency}`;
  }
}

export function hoursInWords(min: number | null, max: number | null): string {
  if (min !== null && max !== null)
    return min === max ? `${min} hours a week` : `between ${min} and ${max} hours a week`;
  if (max !== null) return `up to ${max} hours a week`;
  if (min !== null) return `at least ${min} hours a week`;
  return "the hours agreed each week";
}

export function placeholderValues(terms: ContractTerms, context: TextContext): Record<Placeholder, string> {
  return {
    employer: context.employer,
    person: context.person,
    role: terms.role,
    program: context.program,
    rate: `${moneyInWords(terms.hourlyRate, terms.currency)} an hour`,
    hours: hoursInWords(terms.minHoursPerWeek, terms.maxHoursPerWeek),
    start: dateInWords(terms.startsOn),
    end: terms.endsOn
      ? `It ends on ${dateInWords(terms.endsOn)}.`
      : "It has no end date: it runs until one of us ends it with notice.",
    notice:
      terms.noticeDays === null
        ? "a notice period still to be agreed"
        : plural(terms.noticeDays, "day", "days"),
    place: terms.remote
      ? "remotely, from wherever suits you"
      : `at ${terms.place || "a place still to be agreed"}`,
    stipend:
      terms.equipmentStipend && Number(terms.equipmentStipend) > 0
        ? `${context.employer} pays you a one-off equipment stipend of ${moneyInWords(terms.equipmentStipend, terms.currency)}.`
        : "There is no equipment stipend.",
  };
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Collapses whitespace the way the text is shown, so the hash is of exactly what people read. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The contract text: the template with every placeholder replaced by the terms in words. */
export function renderContractText(body: string, terms: ContractTerms, context: TextContext): string {
  const values = placeholderValues(terms, context);
  const text = body.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as Placeholder] : whole,
  );
  return tidy(text);
}

export type TextBlock = { kind: "heading" | "paragraph"; text: string };

/** The text as headings and paragraphs, for the page and the PDF. */
export function textBlocks(text: string): TextBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) =>
      block.startsWith("## ")
        ? { kind: "heading" as const, text: block.slice(3).trim() }
        : { kind: "paragraph" as const, text: block },
    );
}
