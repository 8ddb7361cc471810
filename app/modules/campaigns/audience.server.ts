import { parseAlumniFilter, type AlumniFilter } from "~/modules/alumni/alumni-filter";
import { alumniWhere } from "~/modules/alumni/alumni-where.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/platform/db.server";
import { EXCLUSION_REASONS, emptyExclusionCounts, type ExclusionCounts, type ExclusionReason } from "./exclusions";

/**
 * A campaign's audience (ADR 023): the people its saved segment matches (the alumni list's own
 * filter, parseAlumniFilter + alumniWhere), minus those we must not write to. Every reason is a
 * pair of null-safe conditions, `fail` (excluded for this reason) and `pass`, so the counts by
 * reason and the recipients come from the same definitions:
 *
 *   recipients = segment AND pass(r1) AND ... AND pass(rN)
 *   excluded for rK = segment AND pass(r1) AND ... AND pass(rK-1) AND fail(rK)
 */

type Where = Prisma.AlumnusWhereInput;
type Rule = { reason: ExclusionReason; fail: Where; pass: Where };

export type EligibilityExclusion =
  | { wired: true; fail: Where; pass: Where }
  | {
      wired: false;
      /** Why nobody is excluded as not eligible, for the page. */
      explanation: string;
    };

/**
 * "Only eligible people": the one place that decides who counts as not eligible. For now it
 * relies on the alumni filter's `eligibility` key (alumniWhere turns it into a condition once
 * rehire verdicts exist); while alumniWhere ignores that key, it reports itself as not wired and
 * excludes nobody, and the page says so. Point this at the eligibility verdicts at merge.
 */
export function eligibilityExclusion(): EligibilityExclusion {
  const eligible = alumniWhere({ eligibility: ["eligible"] });
  const notEligible = alumniWhere({ eligibility: ["needs_review", "not_eligible", "none"] });
  if (Object.keys(eligible).length === 0 || Object.keys(notEligible).length === 0) {
    return {
      wired: false,
      explanation: "Rehire verdicts are not available yet, so “only eligible people” excludes nobody for now.",
    };
  }
  return { wired: true, fail: notEligible, pass: eligible };
}

export type AudienceOptions = {
  /** The segment's saved query: the alumni list's URL query. */
  query: string;
  quietDays: number;
  onlyEligible: boolean;
  now?: Date;
};

/** The exit date on or before which the quiet period is over. */
export function quietPeriodCutoff(now: Date, quietDays: number): Date {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(day - quietDays * 86_400_000);
}

export function segmentFilter(query: string): AlumniFilter {
  return parseAlumniFilter(new URLSearchParams(query));
}

export function audienceRules(options: AudienceOptions) {
  const base = alumniWhere(segmentFilter(options.query));
  const cutoff = quietPeriodCutoff(options.now ?? new Date(), options.quietDays);
  const eligibility = eligibilityExclusion();
  const rules: Rule[] = [
    { reason: "do_not_contact", fail: { doNotContact: true }, pass: { doNotContact: false } },
    { reason: "unsubscribed", fail: { consentReturn: "withdrawn" }, pass: { consentReturn: { not: "withdrawn" } } },
    { reason: "no_consent", fail: { consentReturn: "unknown" }, pass: { consentReturn: { not: "unknown" } } },
    {
      reason: "no_email",
      fail: { AND: [{ OR: [{ personalEmail: null }, { personalEmail: "" }] }, { OR: [{ workEmail: null }, { workEmail: "" }] }] },
      pass: { OR: [{ personalEmail: { gt: "" } }, { workEmail: { gt: "" } }] },
    },
    { reason: "quiet_period", fail: { exitDate: { gt: cutoff } }, pass: { OR: [{ exitDate: null }, { exitDate: { lte: cutoff } }] } },
  ];
  if (options.onlyEligible && eligibility.wired) rules.push({ reason: "not_eligible", fail: eligibility.fail, pass: eligibility.pass });
  const recipients: Where = { AND: [base, ...rules.map((r) => r.pass)] };
  const excludedBy = (index: number): Where => ({ AND: [base, ...rules.slice(0, index).map((r) => r.pass), rules[index].fail] });
  return { base, rules, recipients, excludedBy, cutoff, eligibility };
}

export type AudienceCounts = {
  /** People the segment matches. */
  inSegment: number;
  recipients: number;
  excluded: number;
  byReason: ExclusionCounts;
  quietPeriodCutoff: string;
  eligibility: { requested: boolean; wired: boolean; explanation?: string };
};

export async function countAudience(tx: Db, options: AudienceOptions): Promise<AudienceCounts> {
  const { base, rules, recipients, excludedBy, cutoff, eligibility } = audienceRules(options);
  const [inSegment, recipientCount, ...perRule] = await Promise.all([
    tx.alumnus.count({ where: base }),
    tx.alumnus.count({ where: recipients }),
    ...rules.map((_, i) => tx.alumnus.count({ where: excludedBy(i) })),
  ]);
  const byReason = emptyExclusionCounts();
  rules.forEach((rule, i) => (byReason[rule.reason] = perRule[i]));
  return {
    inSegment,
    recipients: recipientCount,
    excluded: EXCLUSION_REASONS.reduce((sum, r) => sum + byReason[r], 0),
    byReason,
    quietPeriodCutoff: cutoff.toISOString().slice(0, 10),
    eligibility: { requested: options.onlyEligible, wired: eligibility.wired, ...(eligibility.wired ? {} : { explanation: eligibility.explanation }) },
  };
}

/** The address a campaign writes to: the personal one when we have it (the work one is usually gone). */
export function campaignAddress(alumnus: { personalEmail: string | null; workEmail: string | null }): string | null {
  return alumnus.personalEmail?.trim() || alumnus.workEmail?.trim() || null;
}
