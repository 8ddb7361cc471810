/**
 * A person's record in words on HR's pages: languages by name, places without a doubled
 * country. Pure, shared by the profile and the audit wording.
 */

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** "sv" -> "Swedish"; a value that is not a language code is kept as written. */
export function languageName(code: string): string {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code)) return code;
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageList(codes: readonly string[]): string | null {
  return codes.length ? codes.map(languageName).join(", ") : null;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
const COUNTRY_ALIASES: Record<string, string[]> = { gb: ["uk"], us: ["usa"] };

/** The ways a place's text may already name a country: its code, its name, a common short form. */
function countryNames(country: string): string[] {
  const code = country.toLowerCase();
  let name = code;
  try {
    name = (/^[a-z]{2}$/.test(code) ? regionNames.of(code.toUpperCase()) : code)?.toLowerCase() ?? code;
  } catch {
    // not a region code: compared as written
  }
  return [code, name, ...(COUNTRY_ALIASES[code] ?? [])];
}

/** "Stockholm, SE" and "SE" -> "Stockholm, SE" (the country once); "Berlin" and "DE" -> "Berlin, DE". */
export function placeText(location: string | null | undefined, country: string | null | undefined) {
  const place = location?.trim() || null;
  const land = country?.trim() || null;
  if (!place) return land;
  if (!land) return place;
  const parts = place.split(/[,-]/).map((p) => p.trim().toLowerCase());
  const said = countryNames(land);
  return parts.slice(1).some((p) => said.includes(p)) ? place : `${place}, ${land}`;
}
