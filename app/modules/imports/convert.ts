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

/** "Chloé Eriksson" -> Chloé / Eriksson; "Eriksson, Chloé" -> Chloé / Eriksson. */
export function splitFullName(raw: string): { firstName: string; lastName: string } | null {
  const value = raw.trim().replace(/\s+/g, " ");
  if (!value) return null;
  const comma = value.indexOf(",");
  if (comma > 0) {
    const last = value.slice(0, comma).trim();
    const first = value.slice(comma + 1).trim();
    return first && last ? { firstName: first, lastName: last } : null;
  }
  const space = value.lastIndexOf(" ");
  if (space <= 0) return null;
  return { firstName: value.slice(0, space), lastName: value.slice(space + 1) };
}
