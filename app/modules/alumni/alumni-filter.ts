import { z } from "zod";
import { calendarDate, hasNul, recordId, searchText } from "~/platform/input";
import { EXIT_REASONS } from "./exit-reasons";
import { foldForSearch } from "./search-text";

export { EXIT_REASONS };

export const ALUMNI_SORTS = ["name", "-name", "exitDate", "-exitDate", "updatedAt", "-updatedAt"] as const;

const isoDate = calendarDate("the date");
const list = <T extends z.ZodType>(item: T) => z.array(item).max(50);
/** A value chosen from a list (department, location, tag): anything but NUL, bounded. */
const choice = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !hasNul(v));

/**
 * The alumni list's filters, as they appear in the URL (`?q=...&exitReason=layoff_automation&...`).
 * One schema for the list page, saved views (segments) and campaign audiences, so a segment is
 * exactly the list a person saw when they saved it. Unknown or malformed values are dropped
 * rather than failing the page: a stale bookmark still opens.
 */
export const AlumniFilterSchema = z.object({
  q: searchText(200).optional(),
  exitReason: list(z.enum(EXIT_REASONS)).optional(),
  decisionId: list(recordId).optional(),
  department: list(choice(200)).optional(),
  location: list(choice(200)).optional(),
  tag: list(choice(100)).optional(),
  exitFrom: isoDate.optional(),
  exitTo: isoDate.optional(),
  /** the HR system's "eligible for rehire" flag */
  rehire: list(z.enum(["yes", "no", "review", "unknown"])).optional(),
  consent: z.enum(["granted", "unknown", "withdrawn"]).optional(),
  /** has told us when they could work (hours per week or an earliest start) */
  available: z.enum(["yes", "no"]).optional(),
  regrettable: z.enum(["yes", "no"]).optional(),
  doNotRehire: z.enum(["yes", "no"]).optional(),
  eligibility: list(z.enum(["eligible", "needs_review", "not_eligible", "none"])).optional(),
  sort: z.enum(ALUMNI_SORTS).optional(),
  /** one person by record id: the segment behind an invitation sent from a profile */
  person: recordId.optional(),
});
export type AlumniFilter = z.infer<typeof AlumniFilterSchema>;
export const ALUMNI_FILTER_KEYS = Object.keys(AlumniFilterSchema.shape) as [
  keyof AlumniFilter,
  ...(keyof AlumniFilter)[],
];

const LIST_KEYS = [
  "exitReason",
  "decisionId",
  "department",
  "location",
  "tag",
  "rehire",
  "eligibility",
] as const;

/** How a one-person segment's query starts (`person=<id>`, the only key it has). */
export const ONE_PERSON_QUERY = "person=";

/** How each filter is named on the page (for "left out" notices). */
export const ALUMNI_FILTER_LABELS: Record<keyof AlumniFilter, string> = {
  q: "search",
  exitReason: "exit reason",
  decisionId: "workforce decision",
  department: "department",
  location: "location",
  tag: "tag",
  exitFrom: "left from",
  exitTo: "left until",
  rehire: "HR system rehire flag",
  consent: "contact consent",
  available: "availability",
  regrettable: "regrettable loss",
  doNotRehire: "do not rehire",
  eligibility: "rehire eligibility",
  sort: "sort order",
  person: "person",
};

/**
 * Reads filters from URL search params, keeping every valid part and dropping the rest; the
 * names of filters left out (wholly or partly) are added to `ignored` when given.
 */
export function parseAlumniFilter(params: URLSearchParams, ignored?: (keyof AlumniFilter)[]): AlumniFilter {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(AlumniFilterSchema.shape)) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length === 0) continue;
    raw[key] = (LIST_KEYS as readonly string[]).includes(key) ? values : values[0];
  }
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = AlumniFilterSchema.shape[key as keyof AlumniFilter];
    const parsed = field.safeParse(value);
    if (parsed.success && parsed.data !== undefined) {
      filter[key] = Array.isArray(parsed.data) ? [...new Set(parsed.data)] : parsed.data;
    } else if (Array.isArray(value)) {
      // keep the valid items of a list
      const items = value.filter((v) => field.safeParse([v]).success);
      if (items.length) filter[key] = [...new Set(items)];
      if (items.length < value.length) ignored?.push(key as keyof AlumniFilter);
    } else if (!parsed.success) ignored?.push(key as keyof AlumniFilter);
  }
  if (typeof filter.q === "string" && filter.q === "") delete filter.q;
  return filter as AlumniFilter;
}

/** The canonical URL query for a filter (stable order), used for links, bookmarks and segments. */
export function alumniFilterToSearchParams(filter: AlumniFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(AlumniFilterSchema.shape) as (keyof AlumniFilter)[]) {
    const value = filter[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of [...value].sort()) params.append(key, v);
    else params.set(key, String(value));
  }
  return params;
}

/** The search words as matched against Alumnus.searchText (accent-folded, lower-cased). */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return foldForSearch(q)
    .split(" ")
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/** A sentence describing a filter, for segment lists and campaign audiences. */
export function describeAlumniFilter(
  filter: AlumniFilter,
  names: { decisions?: Record<string, string> } = {},
): string {
  const parts: string[] = [];
  if (filter.q) parts.push(`matching “${filter.q}”`);
  if (filter.exitReason)
    parts.push(`exit reason ${filter.exitReason.map((r) => r.replaceAll("_", " ")).join(" or ")}`);
  if (filter.decisionId)
    parts.push(
      `left under ${filter.decisionId.map((id) => names.decisions?.[id] ?? "a workforce decision").join(" or ")}`,
    );
  if (filter.department) parts.push(`in ${filter.department.join(" or ")}`);
  if (filter.location) parts.push(`based in ${filter.location.join(" or ")}`);
  if (filter.tag) parts.push(`tagged ${filter.tag.join(" or ")}`);
  if (filter.exitFrom || filter.exitTo)
    parts.push(
      `left ${filter.exitFrom ? `from ${filter.exitFrom}` : ""}${filter.exitFrom && filter.exitTo ? " " : ""}${filter.exitTo ? `until ${filter.exitTo}` : ""}`,
    );
  if (filter.rehire) parts.push(`HR system rehire flag ${filter.rehire.join(" or ")}`);
  if (filter.consent) parts.push(`contact consent ${filter.consent}`);
  if (filter.available)
    parts.push(filter.available === "yes" ? "with availability given" : "without availability");
  if (filter.regrettable) parts.push(filter.regrettable === "yes" ? "regrettable losses" : "not regrettable");
  if (filter.doNotRehire)
    parts.push(filter.doNotRehire === "yes" ? "marked do not rehire" : "not marked do not rehire");
  if (filter.eligibility)
    parts.push(`eligibility ${filter.eligibility.map((e) => e.replaceAll("_", " ")).join(" or ")}`);
  return parts.length ? `Alumni ${parts.join(", ")}` : "All alumni";
}
