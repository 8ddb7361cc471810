/**
 * Text to find inside a column with Prisma's `contains` / `startsWith` (SQL LIKE / ILIKE): `%`
 * and `_` are wildcards there and a backslash escapes them, so a search for `_` would match
 * everyone and one for `50%` anything after a 50. Escaped, each character means itself.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
