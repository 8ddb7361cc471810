import { z } from "zod";
import { EXIT_REASONS } from "~/modules/alumni/exit-reasons";
import { searchText } from "~/platform/input";
import type { RuleKey } from "./evaluate";

/**
 * The review queue's filters, as they appear in the URL (ADR 015):
 * `?reason=hr_flag&exitReason=layoff_automation&department=Support&waited=30&input=answered`.
 * Shared by the queue, the person page's "decide and next" and the bulk decision, so each
 * works on exactly the list HR is looking at. Unknown values are dropped: a stale link opens.
 */
export const REVIEW_REASONS = [
  "exit_reason",
  "hr_flag",
  "legal_hold",
  "do_not_rehire",
  "consent",
  "cooling_off",
  "minimum_tenure",
] as const satisfies readonly RuleKey[];
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** What sent a person to review, in HR's words (the rule that answered "needs review"). */
export const REVIEW_REASON_LABELS: Record<ReviewReason, string> = {
  exit_reason: "The exit reason",
  hr_flag: "The HR system's rehire flag disagrees",
  legal_hold: "A legal hold",
  do_not_rehire: "A do-not-rehire flag",
  consent: "No answer on contact consent",
  cooling_off: "No exit date on record",
  minimum_tenure: "Employment dates incomplete",
};

export const WAITED_DAYS = [7, 30, 90, 365] as const;
export const WAITED_LABELS: Record<(typeof WAITED_DAYS)[number], string> = {
  7: "More than a week",
  30: "More than 30 days",
  90: "More than 90 days",
  365: "More than a year",
};

export const INPUT_STATES = ["answered", "asked", "none"] as const;
export const INPUT_LABELS: Record<(typeof INPUT_STATES)[number], string> = {
  answered: "A manager has answered",
  asked: "Asked, no answer yet",
  none: "No manager asked",
};

export const PAGE_SIZES = [25, 50, 100] as const;
/** The most people one bulk decision may cover (one justification, one audit event each). */
export const BULK_DECISION_LIMIT = 100;
/** `decisionId=none`: people who left under no recorded workforce decision. */
export const NO_DECISION = "none";

const list = <T extends z.ZodType>(item: T) => z.array(item).max(20);

export const ReviewFilterSchema = z.object({
  reason: list(z.enum(REVIEW_REASONS)).optional(),
  exitReason: list(z.enum(EXIT_REASONS)).optional(),
  decisionId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  department: searchText(200)
    .refine((v) => v.length > 0)
    .optional(),
  waited: z
    .enum(WAITED_DAYS.map(String) as [string, ...string[]])
    .transform(Number)
    .optional(),
  input: z.enum(INPUT_STATES).optional(),
});
export type ReviewFilter = z.infer<typeof ReviewFilterSchema>;

const LIST_KEYS = ["reason", "exitReason"] as const;

/** Reads the filters from URL search params, keeping every valid part and dropping the rest. */
export function parseReviewFilter(params: URLSearchParams): ReviewFilter {
  const filter: Record<string, unknown> = {};
  for (const key of Object.keys(ReviewFilterSchema.shape) as (keyof ReviewFilter)[]) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length === 0) continue;
    const field = ReviewFilterSchema.shape[key];
    if ((LIST_KEYS as readonly string[]).includes(key)) {
      const items = [...new Set(values.filter((v) => field.safeParse([v]).success))];
      if (items.length) filter[key] = items.slice(0, 20);
    } else {
      const parsed = field.safeParse(values[0]);
      if (parsed.success && parsed.data !== undefined) filter[key] = parsed.data;
    }
  }
  return filter as ReviewFilter;
}

/** The page size and page from the query string (25 people a page unless asked otherwise). */
export function parseReviewPaging(params: URLSearchParams) {
  const size = Number(params.get("size"));
  const page = Number(params.get("page"));
  return {
    size: (PAGE_SIZES as readonly number[]).includes(size) ? (size as (typeof PAGE_SIZES)[number]) : 25,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The canonical query for a filter (stable order), for links that keep HR's view. */
export function reviewFilterToSearchParams(filter: ReviewFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(ReviewFilterSchema.shape) as (keyof ReviewFilter)[]) {
    const value = filter[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of [...value].sort()) params.append(key, v);
    else params.set(key, String(value));
  }
  return params;
}

export function isFiltered(filter: ReviewFilter) {
  return Object.values(filter).some((v) => v !== undefined && (!Array.isArray(v) || v.length > 0));
}
