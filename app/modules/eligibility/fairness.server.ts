import { db, Prisma } from "~/platform/db.server";
import { effectiveOutcomeSql } from "./eligibility-where.server";
import { assessGroups } from "./fairness";

export { assessGroups, FOUR_FIFTHS, MIN_GROUP } from "./fairness";

/**
 * The fairness check: eligibility rates by a grouping attribute, each compared with the highest
 * group's rate. A rate below four fifths of it is flagged (the EEOC adverse-impact rule of
 * thumb). Groups smaller than MIN_GROUP are shown with their counts but neither flagged nor used
 * as the reference, so a handful of people is not over-read.
 */
export const FAIRNESS_ATTRIBUTES = {
  decision: { label: "Workforce decision", column: Prisma.sql`d."title"` },
  department: { label: "Department", column: Prisma.sql`a."department"` },
  location: { label: "Location", column: Prisma.sql`a."location"` },
  country: { label: "Country", column: Prisma.sql`a."country"` },
  ageBand: { label: "Age band", column: Prisma.sql`a."ageBand"` },
  gender: { label: "Gender", column: Prisma.sql`a."gender"` },
  exitReason: { label: "Exit reason", column: Prisma.sql`a."exitReason"::text` },
} as const;
export type FairnessAttribute = keyof typeof FAIRNESS_ATTRIBUTES;
export function isFairnessAttribute(value: string): value is FairnessAttribute {
  return Object.hasOwn(FAIRNESS_ATTRIBUTES, value);
}

/** Attributes the data actually carries (gender and age band only when an import brought them). */
export async function availableFairnessAttributes(): Promise<FairnessAttribute[]> {
  const [row] = await db.$queryRaw<Record<string, boolean>[]>`
    SELECT bool_or(a."decisionId" IS NOT NULL) AS "decision", bool_or(a."department" IS NOT NULL) AS "department",
      bool_or(a."location" IS NOT NULL) AS "location", bool_or(a."country" IS NOT NULL) AS "country",
      bool_or(a."ageBand" IS NOT NULL) AS "ageBand", bool_or(a."gender" IS NOT NULL) AS "gender",
      bool_or(a."exitReason" IS NOT NULL) AS "exitReason"
    FROM "Alumnus" a`;
  return (Object.keys(FAIRNESS_ATTRIBUTES) as FairnessAttribute[]).filter((k) => row?.[k]);
}

export async function fairnessReport(input: { attribute: FairnessAttribute; now?: Date }) {
  const now = input.now ?? new Date();
  const column = FAIRNESS_ATTRIBUTES[input.attribute].column;
  const effective = effectiveOutcomeSql(now, "v");
  const rows = await db.$queryRaw<
    { value: string | null; total: number; eligible: number; needsReview: number; notEligible: number }[]
  >`
    SELECT ${column} AS "value", count(*)::int AS "total",
      count(*) FILTER (WHERE ${effective} = 'eligible')::int AS "eligible",
      count(*) FILTER (WHERE ${effective} = 'needs_review')::int AS "needsReview",
      count(*) FILTER (WHERE ${effective} = 'not_eligible')::int AS "notEligible"
    FROM "Alumnus" a
    JOIN "EligibilityVerdict" v ON v."alumnusId" = a."id"
    LEFT JOIN "WorkforceDecision" d ON d."id" = a."decisionId"
    GROUP BY 1`;
  const [{ withoutVerdict }] = await db.$queryRaw<{ withoutVerdict: number }[]>`
    SELECT count(*)::int AS "withoutVerdict" FROM "Alumnus" a WHERE NOT EXISTS (SELECT 1 FROM "EligibilityVerdict" v WHERE v."alumnusId" = a."id")`;
  const assessed = assessGroups(rows);
  return {
    attribute: input.attribute,
    label: FAIRNESS_ATTRIBUTES[input.attribute].label,
    ...assessed,
    withoutVerdict,
    people: rows.reduce((s, r) => s + r.total, 0),
  };
}
