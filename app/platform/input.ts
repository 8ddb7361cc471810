import { z } from "zod";

/**
 * Building blocks for what arrives in a request (query strings, path segments, form fields).
 * Each refuses what the database or the date library would choke on, with a sentence a person
 * can act on: NUL characters (PostgreSQL cannot store them in text), text past its length,
 * numbers past their range (or past 64 bits), dates that are not on the calendar or fall
 * outside the years Comeback works with. Route parsing helpers in http.server.ts use them.
 */

/** PostgreSQL refuses NUL in text; no form of ours ever sends one. */
export const hasNul = (value: string) => value.includes("\u0000");

// Line breaks, control characters, zero-width and direction-changing characters: they hide or
// reorder what a reader sees. Single-line text refuses them; multi-line text keeps line breaks.
const HIDDEN_OR_CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;
const HIDDEN_OR_CONTROL_EXCEPT_NEWLINE =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

export const NUL_MESSAGE = "Remove the invisible NUL character from this field.";

/**
 * Text as typed: trimmed, at most `max` characters, no NUL. `line: true` (the default) also
 * refuses line breaks and invisible or direction-changing characters; multi-line text keeps
 * line breaks (stored as LF). Empty text passes unless `min` says otherwise.
 */
export function plainText(options: { label: string; max: number; min?: number; multiline?: boolean }) {
  const { label, max, min = 0, multiline = false } = options;
  const hidden = multiline ? HIDDEN_OR_CONTROL_EXCEPT_NEWLINE : HIDDEN_OR_CONTROL;
  return z
    .string({ error: `Enter ${label}.` })
    .refine((v) => !hasNul(v), NUL_MESSAGE)
    .transform((v) => v.trim())
    .refine(
      (v) => v.length >= min,
      min <= 1 ? `Enter ${label}.` : `Use at least ${min} characters for ${label}.`,
    )
    .refine((v) => v.length <= max, `Use at most ${max.toLocaleString("en")} characters for ${label}.`)
    .refine(
      (v) => !hidden.test(v),
      multiline
        ? `Remove invisible or direction-changing characters from ${label}.`
        : `Remove line breaks and invisible or direction-changing characters from ${label}.`,
    )
    .transform((v) => (multiline ? v.replace(/\r\n?/g, "\n") : v).normalize("NFC"));
}

/** Search words: any characters but NUL, at most `max`; empty means no search. */
export function searchText(max = 200) {
  return z
    .string()
    .refine((v) => !hasNul(v), NUL_MESSAGE)
    .transform((v) => v.trim())
    .refine((v) => v.length <= max, `Search for at most ${max} characters.`);
}

/**
 * A whole number written in a form or a URL, between `min` and `max` (both within 32 bits
 * unless a caller knows better). Digits only: no exponent, no fraction, no number past 64 bits
 * sneaking through `Number()`.
 */
export function boundedInt(options: { label: string; min: number; max: number }) {
  const { label, min, max } = options;
  const range = `between ${min.toLocaleString("en")} and ${max.toLocaleString("en")}`;
  return z
    .union([z.string(), z.number()], { error: `Enter ${label} as a whole number.` })
    .transform((v) => String(v).trim())
    .refine((v) => /^-?\d{1,15}$/.test(v), `Enter ${label} as a whole number ${range}.`)
    .transform(Number)
    .refine((v) => Number.isSafeInteger(v) && v >= min && v <= max, `Enter ${label} ${range}.`);
}

/** A page number in a list's address: 1 to 100,000. */
export const pageNumber = boundedInt({ label: "the page number", min: 1, max: 100_000 });

/**
 * The years Comeback accepts in dates: wide enough for any employment record, well inside what
 * PostgreSQL and JavaScript dates represent (year 0 and 5-digit years break both).
 */
export const MIN_DATE = "1900-01-01";
export const MAX_DATE = "2999-12-31";

/** Whether `value` is YYYY-MM-DD naming a day that exists (no 2024-02-30, no month 13). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar day written YYYY-MM-DD (as `<input type="date">` sends it), real and between
 * MIN_DATE and MAX_DATE. The value stays a string; `dayToDate` makes a UTC midnight Date.
 */
export function calendarDate(label: string) {
  return z
    .string({ error: `Enter ${label}.` })
    .transform((v) => v.trim())
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), `Enter ${label} as a date such as 2026-11-27.`)
    .refine((v) => isCalendarDate(v), `Enter ${label} as a real calendar date.`)
    .refine(
      (v) => v >= MIN_DATE && v <= MAX_DATE,
      `Enter ${label} between ${MIN_DATE.slice(0, 4)} and ${MAX_DATE.slice(0, 4)}.`,
    );
}

/** Whether a string is a date and time within the accepted years (for `datetime-local` fields). */
export function isDateTimeInRange(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match || !isCalendarDate(match[1])) return false;
  if (Number(match[2]) > 23 || Number(match[3]) > 59 || Number(match[4] ?? 0) > 59) return false;
  return match[1] >= MIN_DATE && match[1] <= MAX_DATE;
}

export const dayToDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * A record id as Comeback makes them (cuid) or imports them (UUID): letters, digits, `-` and
 * `_`, at most 64. Anything else cannot name a record, so routes answer 404 for it.
 */
export const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "That is not a record id.");

/** A signed token from a link (unsubscribe, invitation, reset): URL-safe characters only. */
export const linkToken = z.string().regex(/^[A-Za-z0-9._~-]{1,512}$/, "That link is not complete.");

/** An optional choice in a form: empty means none. */
export const optionalRecordId = z
  .string()
  .transform((v) => v.trim())
  .refine((v) => v === "" || /^[A-Za-z0-9_-]{1,64}$/.test(v), "Choose one from the list.")
  .optional()
  .transform((v) => v || undefined);

/**
 * A link's token from the path, or undefined when it cannot be one: link pages answer their own
 * "this link does not work" page (404) for both, rather than an error page.
 */
export const linkTokenOrNone = z
  .string()
  .optional()
  .transform((v) => (v && /^[A-Za-z0-9._~-]{1,512}$/.test(v) ? v : undefined));

/** Whether `value` is a real calendar day within the accepted years (for hand-written refinements). */
export function isAcceptedDay(value: string): boolean {
  return isCalendarDate(value) && value >= MIN_DATE && value <= MAX_DATE;
}

/**
 * A record's version echoed by a form (optimistic concurrency): digits only, within 32 bits. A
 * page that sends anything else is out of date.
 */
export function formVersion(min = 0) {
  return z
    .union([z.string(), z.number()], { error: "Reload the page and try again." })
    .transform((v) => String(v).trim())
    .refine((v) => /^\d{1,10}$/.test(v) && Number(v) >= min && Number(v) <= 2_147_483_647, {
      message: "Reload the page and try again.",
    })
    .transform(Number);
}

/**
 * A file input in a form's schema (the logo, an onboarding document). In the browser
 * react-hook-form hands over the input's FileList, checked here: a file chosen, not past
 * `maxBytes`. On the server the file streams past the schema (`parseUpload`), so the field is
 * absent there and the action judges what arrived, with the same messages under the same field.
 */
export function chosenFile(options: { maxBytes: number; missing: string; tooLarge: string }) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (typeof value === "string") return; // the server: the file went by (absent, or a stray field)
      const files = value as ArrayLike<{ size: number }> | null;
      if (!files || typeof files.length !== "number" || files.length === 0) {
        ctx.addIssue({ code: "custom", message: options.missing });
      } else if (files[0].size > options.maxBytes) {
        ctx.addIssue({ code: "custom", message: options.tooLarge });
      }
    })
    .optional();
}
