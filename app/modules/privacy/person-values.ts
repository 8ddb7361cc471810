/**
 * The values that identify one person in free text (audit details, email bodies, import error
 * reports), and a precise matcher for them. The database is searched with ILIKE first (broad);
 * this decides what really is the person's, so "E1" does not match inside "E10" and an email
 * does not match inside a longer one.
 */

export type PersonValues = {
  hrId: string | null;
  emails: string[];
  phone: string | null;
  /** "First Last" and "Preferred Last" */
  names: string[];
};

const MIN_LENGTH = 3;

export function personValues(a: {
  hrId: string | null;
  workEmail: string | null;
  personalEmail: string | null;
  phone?: string | null;
  firstName: string;
  lastName: string;
  preferredName: string | null;
}): PersonValues {
  const names = new Set<string>();
  const full = `${a.firstName} ${a.lastName}`.trim();
  if (full.length >= MIN_LENGTH && a.lastName.trim()) names.add(full);
  if (a.preferredName?.trim()) names.add(`${a.preferredName.trim()} ${a.lastName}`.trim());
  return {
    hrId: a.hrId?.trim() || null,
    emails: [...new Set([a.workEmail, a.personalEmail].filter((e): e is string => !!e?.trim()))].map((e) =>
      e.trim().toLowerCase(),
    ),
    phone: a.phone?.trim() && a.phone.replace(/\D/g, "").length >= 6 ? a.phone.trim() : null,
    names: [...names],
  };
}

/** Every value worth searching for, longest first (so a name wins over a part of it). */
export function searchTerms(values: PersonValues): string[] {
  return [values.hrId, values.phone, ...values.emails, ...values.names]
    .filter((v): v is string => !!v && v.length >= MIN_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/** `%value%` patterns for ILIKE, with the wildcard characters escaped. */
export function likePatterns(values: PersonValues): string[] {
  return searchTerms(values).map((v) => `%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A case-insensitive matcher for the values as whole tokens (not inside a longer word or id). */
export function valueMatcher(values: PersonValues): RegExp | null {
  const terms = searchTerms(values);
  if (terms.length === 0) return null;
  return new RegExp(
    `(?<![\\p{L}\\p{N}_.@+-])(?:${terms.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}_@-]|\\.[\\p{L}\\p{N}])`,
    "giu",
  );
}

export const ERASED_TEXT = "[erased]";

/** Replaces every occurrence of the person's values in strings anywhere inside a JSON value. */
export function eraseValues(value: unknown, matcher: RegExp): { value: unknown; changed: boolean } {
  let changed = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const next = v.replace(matcher, ERASED_TEXT);
      if (next !== v) changed = true;
      return next;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  const out = walk(value);
  return { value: out, changed };
}

/** Whether a text holds any of the person's values (as whole tokens). */
export function mentions(text: string | null | undefined, matcher: RegExp | null): boolean {
  if (!text || !matcher) return false;
  matcher.lastIndex = 0;
  const found = matcher.test(text);
  matcher.lastIndex = 0;
  return found;
}
