import { EXIT_REASONS, type ExitReason } from "~/modules/alumni/exit-reasons";
/**
 * Value conversion for imports (ADR 014): dates in the format the mapping declares (never
 * guessed when ambiguous), HR systems' exit reasons to Comeback's reasons, yes/no flags.
 */

export const DATE_FORMATS = ["iso", "us", "eu"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const DATE_FORMAT_LABEL: Record<DateFormat, string> = {
  iso: "ISO: 2024-03-31",
  us: "US: 03/31/2024 (month first)",
  eu: "European: 31/03/2024 or 31.03.2024 (day first)",
};

type Parts = { year: number; month: number; day: number };

function validDate({ year, month, day }: Parts): Date | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

export type Converted<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads a date in the declared format; a date that only fits another format is an error, not a guess. */
export function parseDate(raw: string, format: DateFormat): Converted<Date> {
  const value = raw.trim();
  const iso = ISO.exec(value);
  const slashed = SLASHED.exec(value);
  if (format === "iso") {
    if (!iso) return { ok: false, message: `"${value}" is not an ISO date (YYYY-MM-DD, e.g. 2024-03-31).` };
    const date = validDate({ year: +iso[1], month: +iso[2], day: +iso[3] });
    return date ? { ok: true, value: date } : { ok: false, message: `"${value}" is not a real date.` };
  }
  const pattern = format === "us" ? "MM/DD/YYYY, e.g. 03/31/2024" : "DD/MM/YYYY, e.g. 31/03/2024";
  if (!slashed) {
    if (iso) {
      const date = validDate({ year: +iso[1], month: +iso[2], day: +iso[3] });
      if (date) return { ok: true, value: date }; // YYYY-MM-DD cannot be misread
    }
    return { ok: false, message: `"${value}" is not a date in the chosen format (${pattern}).` };
  }
  if (slashed[3].length === 2)
    return { ok: false, message: `"${value}" has a two-digit year; the export must use four-digit years.` };
  const [a, b, year] = [+slashed[1], +slashed[2], +slashed[3]];
  const parts = format === "us" ? { year, month: a, day: b } : { year, month: b, day: a };
  const date = validDate(parts);
  if (date) return { ok: true, value: date };
  const other = validDate(format === "us" ? { year, month: b, day: a } : { year, month: a, day: b });
  return {
    ok: false,
    message: other
      ? `"${value}" is not a valid ${format === "us" ? "US" : "European"} date (${pattern}); it would only make sense ${format === "us" ? "day first" : "month first"}. Check the date format of this mapping.`
      : `"${value}" is not a real date (${pattern}).`,
  };
}

/**
 * Which declared formats fit every sample. A suggestion is made only when exactly one format
 * fits; "04/05/2020"-only samples fit both US and European dates and stay undecided.
 */
export function suggestDateFormat(samples: readonly string[]): {
  format: DateFormat | null;
  fits: DateFormat[];
} {
  const values = samples.map((s) => s.trim()).filter(Boolean);
  if (values.length === 0) return { format: null, fits: [] };
  const fits = DATE_FORMATS.filter((format) => {
    if (format !== "iso" && values.every((v) => ISO.test(v))) return false; // ISO data: say ISO
    return values.every((v) => parseDate(v, format).ok);
  });
  return { format: fits.length === 1 ? fits[0] : null, fits };
}

/** Lower-case words only: "Reduction in Force > Position Eliminated - Automation" -> "reduction in force position eliminated automation". */
export function reasonKey(raw: string): string {
  return raw
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// Ordered: the first rule that matches wins (automation before the generic "position eliminated").
const REASON_RULES: [RegExp, ExitReason][] = [
  [/\b(automat\w*|ai|robotic|digiti[sz]ation)\b/, "layoff_automation"],
  [/\bposition eliminated\b|\brole eliminated\b|\bredundan\w*/, "position_eliminated"],
  [
    /\brestructur\w*|\breduction in force\b|\brif\b|\blayoff\b|\blaid off\b|\breorgani[sz]ation\b|\bdownsiz\w*/,
    "layoff_restructuring",
  ],
  [/\bretire\w*/, "retirement"],
  [
    /\bcontract (end|ended|expir\w*|completed)\b|\bend of contract\b|\bfixed term\b|\btemporary assignment ended\b/,
    "contract_end",
  ],
  [/\bmutual\b/, "mutual_agreement"],
  [/\bjob abandonment\b|\babandon\w*|\bno call no show\b/, "job_abandonment"],
  [/\battendance\b|\babsence\w*\b|\btardiness\b/, "attendance"],
  [/\bperformance\b|\bunsatisfactory\b/, "performance"],
  [/\bmisconduct\b|\bconduct\b|\bviolation\b|\bpolicy breach\b|\bgross\b|\btheft\b|\bharass\w*/, "conduct"],
  [
    /\bresign\w*|\bvoluntary\b|\bcareer\b|\bother employment\b|\brelocat\w*|\bpersonal reasons\b|\bfamily\b|\bstudies\b|\beducation\b|\bquit\b/,
    "resignation",
  ],
];

/**
 * An HR system's exit reason as one of Comeback's reasons. The mapping's own table wins; then
 * the built-in rules on the reason, then on the exit type ("Resignation (Voluntary)"). A reason
 * nothing recognises becomes "other" (the original wording is always kept).
 */
export function exitReasonOf(
  raw: string,
  exitType: string | undefined,
  overrides: Readonly<Record<string, string>> = {},
): { reason: ExitReason; recognised: boolean } {
  const key = reasonKey(raw);
  const override = Object.prototype.hasOwnProperty.call(overrides, key) ? overrides[key] : undefined;
  if (override && (EXIT_REASONS as readonly string[]).includes(override))
    return { reason: override as ExitReason, recognised: true };
  for (const [pattern, reason] of REASON_RULES) if (pattern.test(key)) return { reason, recognised: true };
  if (exitType) {
    const type = reasonKey(exitType);
    if (/\bvoluntary\b|\bresign/.test(type) && !/\binvoluntary\b/.test(type))
      return { reason: "resignation", recognised: true };
  }
  return { reason: "other", recognised: false };
}

export type RehireFlagValue = "yes" | "no" | "review";

/** "Yes" / "No" / "Upon review" (and the usual variants) as the HR system's rehire flag. */
export function rehireFlagOf(raw: string): Converted<RehireFlagValue> {
  const key = reasonKey(raw);
  if (/^(yes|y|true|1|eligible|rehireable|ok)$/.test(key)) return { ok: true, value: "yes" };
  if (/^(no|n|false|0|not eligible|ineligible|not rehireable|do not rehire)$/.test(key))
    return { ok: true, value: "no" };
  if (
    /^(upon review|review|on review|needs review|case by case|maybe|conditional|with review|subject to review)$/.test(
      key,
    )
  )
    return { ok: true, value: "review" };
  return { ok: false, message: `"${raw.trim()}" is not Yes, No or Upon review.` };
}

export function yesNoOf(raw: string): Converted<boolean> {
  const key = reasonKey(raw);
  if (/^(yes|y|true|1|regrettable|regretted)$/.test(key)) return { ok: true, value: true };
  if (/^(no|n|false|0|non regrettable|not regrettable)$/.test(key)) return { ok: true, value: false };
  return { ok: false, message: `"${raw.trim()}" is not Yes or No.` };
}

// A person's name: letters (any script) and combining marks, with spaces, apostrophes, hyphens
// and full stops between them.
const NAME_PART = /^\p{L}[\p{L}\p{M}'’. -]*$/u;

/**
 * "Chloé Eriksson" -> Chloé / Eriksson; "Eriksson, Chloé" -> Chloé / Eriksson. The comma form is
 * read as "Last, First" only when the cell has exactly that shape (one comma, a name on each
 * side); anything else with a comma is not a name we can split.
 */
export function splitFullName(raw: string): { firstName: string; lastName: string } | null {
  const value = raw.trim().replace(/\s+/g, " ");
  if (!value || nameProblem(value)) return null;
  if (value.includes(",")) {
    const parts = value.split(",").map((p) => p.trim());
    if (parts.length !== 2 || !NAME_PART.test(parts[0]) || !NAME_PART.test(parts[1])) return null;
    return { firstName: parts[1], lastName: parts[0] };
  }
  const space = value.lastIndexOf(" ");
  if (space <= 0) return null;
  return { firstName: value.slice(0, space), lastName: value.slice(space + 1) };
}

/**
 * Why a name cell cannot be a person's name, in plain words, or null. Refused: cells a
 * spreadsheet would run as a formula, markup or web addresses, and phone numbers (a column
 * mapped to the wrong field, or something planted in the export).
 */
export function nameProblem(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  const digits = value.replace(/\D/g, "").length;
  if (digits >= 6 && /^[\d\s()+./-]+$/.test(value))
    return `"${value.slice(0, 80)}" looks like a phone number, not a name.`;
  if (/^[=+\-@]/.test(value) || /^[\t\r]/.test(raw))
    return `"${value.slice(0, 80)}" looks like a spreadsheet formula (it starts with "${value[0]}"), not a name.`;
  if (/[<>]|:\/\/|^(javascript|data|vbscript):|\{\{|\$\{/i.test(value))
    return `"${value.slice(0, 80)}" contains markup or a web address, not a name.`;
  return null;
}

// RFC 5322 atext, plus any character outside ASCII (RFC 6531 allows UTF-8 in the local part).
const LOCAL_PART = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const ASCII_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * An email address as HR's file gives it, internationalised addresses included
 * (`åsa@exämple.se`, RFC 6531): the local part may use any letters, the domain may be written in
 * Unicode or in its ASCII (punycode) form. Returns the address to store (trimmed, NFC, lower-cased
 * as every address in Comeback is; a domain written in punycode is shown in Unicode, so the two
 * spellings of one domain are one address) and its ASCII key, or null when it is not an address.
 */
export function emailOf(raw: string): { address: string; key: string } | null {
  const value = raw.trim().normalize("NFC").toLowerCase();
  if (value.length > 254) return null;
  const at = value.lastIndexOf("@");
  if (at <= 0 || at === value.length - 1) return null;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  // A local part starting like a spreadsheet formula is legal in RFC 5322 but never a real
  // person's address in an HR export; it is refused rather than carried into exports.
  if (local.length > 64 || !LOCAL_PART.test(local) || /^[=+-]/.test(local)) return null;
  const ascii = domainToAscii(domain);
  if (!ascii) return null;
  const unicode = domainToUnicode(ascii) || domain;
  return { address: `${local}@${unicode}`, key: `${local}@${ascii}` };
}

/** RFC 3492 decoding of one "xn--" label (the browser-safe half of punycode Comeback needs). */
function decodePunycodeLabel(label: string): string | null {
  const [base, tMin, tMax, skew, damp] = [36, 1, 26, 38, 700];
  const input = label.slice(4);
  const delimiter = input.lastIndexOf("-");
  const output = delimiter > 0 ? [...input.slice(0, delimiter)].map((c) => c.codePointAt(0)!) : [];
  let [n, i, bias] = [128, 0, 72];
  const digit = (c: number) => (c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : base);
  for (let pos = delimiter > 0 ? delimiter + 1 : 0; pos < input.length;) {
    const oldI = i;
    for (let w = 1, k = base; ; k += base) {
      if (pos >= input.length) return null;
      const d = digit(input.charCodeAt(pos++));
      if (d >= base) return null;
      i += d * w;
      const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (d < t) break;
      w *= base - t;
    }
    const length = output.length + 1;
    let delta = oldI === 0 ? Math.floor((i - oldI) / damp) : (i - oldI) >> 1;
    delta += Math.floor(delta / length);
    let k = 0;
    for (; delta > ((base - tMin) * tMax) >> 1; k += base) delta = Math.floor(delta / (base - tMin));
    bias = k + Math.floor(((base - tMin + 1) * delta) / (delta + skew));
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

const domainToUnicode = (ascii: string) =>
  ascii
    .split(".")
    .map((label) => (label.startsWith("xn--") ? (decodePunycodeLabel(label) ?? label) : label))
    .join(".");

function domainToAscii(domain: string): string | null {
  if (/[\s@/\\:]/.test(domain)) return null;
  let ascii: string;
  try {
    ascii = new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
  const labels = ascii.split(".");
  if (labels.length < 2 || ascii.length > 253 || !labels.every((l) => ASCII_LABEL.test(l))) return null;
  if (!/^(xn--[a-z0-9-]+|[a-z]{2,63})$/.test(labels[labels.length - 1])) return null;
  return ascii;
}
