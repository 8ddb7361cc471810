import { Prisma } from "~/platform/db.server";
import type { Outcome } from "./policy";

/**
 * Filter alumni by their effective verdict: a valid override wins, otherwise the computed
 * outcome. For the alumni list filter, campaign audiences and anything else that selects people
 * by eligibility. People without a verdict match no outcome.
 */
export function eligibilityWhere(outcome: Outcome, now: Date = new Date()): Prisma.AlumnusWhereInput {
  return {
    eligibilityVerdict: {
      is: {
        OR: [
          { overrideOutcome: outcome, overrideExpiresAt: { gt: now } },
          {
            outcome,
            OR: [{ overrideOutcome: null }, { overrideExpiresAt: null }, { overrideExpiresAt: { lte: now } }],
          },
        ],
      },
    },
  };
}

/** The same rule as SQL, for set-based queries over "Alumnus" a JOIN "EligibilityVerdict" v. */
export function effectiveOutcomeSql(now: Date = new Date(), alias = "v") {
  const v = Prisma.raw(`"${alias.replace(/[^A-Za-z_]/g, "")}"`);
  return Prisma.sql`(CASE WHEN ${v}."overrideOutcome" IS NOT NULL AND ${v}."overrideExpiresAt" > ${now} THEN ${v}."overrideOutcome" ELSE ${v}."outcome" END)`;
}
