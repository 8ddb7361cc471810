/**
 * Text helpers shared by the templates. Everything a person typed (names, HR's personal note,
 * a manager's comment) reaches a template as plain text: React escapes it in HTML, and these
 * helpers remove what could disguise it (control, bidirectional-override and zero-width
 * characters) and keep the paragraphs the person wrote.
 */

/** C0/C1 control characters except tab and line feed. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Bidirectional embeddings, overrides and isolates: they can make text read differently from what it is. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
/** Invisible characters with no legitimate use in an email (ZWJ/ZWNJ are kept: scripts and emoji need them). */
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g;

/** Neutralises a piece of user text: normalised line breaks, no control/bidi-override/zero-width characters. */
export function neutraliseText(value: string, options: { multiline?: boolean } = {}): string {
  let text = value.normalize("NFC").replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n");
  text = text.replace(CONTROL, "").replace(BIDI_CONTROL, "").replace(INVISIBLE, "");
  if (!options.multiline) return text.replace(/\s+/g, " ").trim();
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/g, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Paragraphs (split on blank lines), each a list of lines (split on single line breaks). */
export function paragraphsOf(value: string | null | undefined): string[][] {
  if (!value) return [];
  return neutraliseText(value, { multiline: true })
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
}

/** True when there is something to show. */
export function hasText(value: string | null | undefined): value is string {
  return !!value && neutraliseText(value).length > 0;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "Monday 30 June 2025" from a calendar date ("2025-06-30"). Dates in emails are calendar
 * dates, not instants, so they are formatted in UTC and never shift with the server's zone.
 */
export function formatDate(isoDate: string): string {
  if (!ISO_DATE.test(isoDate))
    throw new Error(`Email dates are calendar dates like 2025-06-30; got "${isoDate.slice(0, 40)}".`);
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) {
    throw new Error(`"${isoDate}" is not a real calendar date.`);
  }
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

/** "€32.50" from a decimal string and an ISO currency code. */
export function formatMoney(amount: string, currency: string): string {
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(amount))
    throw new Error(`"${amount.slice(0, 40)}" is not an amount of money.`);
  return new Intl.NumberFormat("en-GB", { style: "currency", currency, minimumFractionDigits: 2 }).format(
    Number(amount),
  );
}

/** Links in emails go to web pages or mail addresses only; anything else is a programming error. */
export function safeHref(url: string): string {
  const value = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error("An email link must be an absolute http(s) or mailto URL.");
  }
  if (!["http:", "https:", "mailto:"].includes(parsed.protocol)) {
    throw new Error(`An email link must be http(s) or mailto, not ${parsed.protocol}`);
  }
  return parsed.href;
}

/** "Maja, Jonas and Sara" */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
