import { parseAlumniFilter, type AlumniFilter } from "~/modules/alumni/alumni-filter";
import { alumniWhere } from "~/modules/alumni/alumni-where.server";
import { eligibilityWhere } from "~/modules/eligibility/eligibility-where.server";
import { contactableWhere } from "~/modules/preferences/contact-rules";
import type { Prisma } from "~/generated/prisma/client";
import type { UnsubscribePurpose } from "~/platform/mailer/unsubscribe.server";
import { CAMPAIGN_PURPOSE } from "./campaign-email.server";
import type { Db } from "~/platform/db.server";
import {
  EXCLUSION_REASONS,
  emptyExclusionCounts,
  type ExclusionCounts,
  type ExclusionReason,
} from "./exclusions";

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

/**
 * "Only eligible people" (ADR 023): the one place that decides who counts as not eligible, on
 * the effective rehire verdict (eligibilityWhere: a valid override wins, otherwise the computed
 * outcome). Two reasons, so HR sees which: people with no verdict yet, and people whose
 * effective verdict is "needs review" or "not eligible".
 */
export function eligibilityExclusion(now: Date = new Date()): Rule[] {
  const eligible = eligibilityWhere("eligible", now);
  return [
    {
      reason: "no_verdict",
      fail: { eligibilityVerdict: { is: null } },
      pass: { eligibilityVerdict: { isNot: null } },
    },
    {
      reason: "not_eligible",
      fail: { OR: [eligibilityWhere("needs_review", now), eligibilityWhere("not_eligible", now)] },
      pass: eligible,
    },
  ];
}

/**
 * Consent and do-not-contact, from the shared contact rule (contact-rules.ts, ADR 022): the
 * three reasons mayEmail gives, in its order, and together exactly contactableWhere(purpose).
 */
export function contactExclusion(purpose: UnsubscribePurpose): Rule[] {
  const consent = purpose === "news" ? "consentNews" : "consentReturn";
  return [
    { reason: "do_not_contact", fail: { doNotContact: true }, pass: { doNotContact: false } },
    { reason: "unsubscribed", fail: { [consent]: "withdrawn" }, pass: { [consent]: { not: "withdrawn" } } },
    {
      reason: "no_consent",
      fail: { [consent]: { notIn: ["granted", "withdrawn"] } },
      pass: contactableWhere(purpose),
    },
  ];
}

/** The exclusion reason for each of mayEmail's refusals. */
export const CONTACT_REASON: Record<"do_not_contact" | "withdrawn" | "no_consent", ExclusionReason> = {
  do_not_contact: "do_not_contact",
  withdrawn: "unsubscribed",
  no_consent: "no_consent",
};

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
  const now = options.now ?? new Date();
  const rules: Rule[] = [
    ...contactExclusion(CAMPAIGN_PURPOSE),
    {
      reason: "no_email",
      fail: {
        AND: [
          { OR: [{ personalEmail: null }, { personalEmail: "" }] },
          { OR: [{ workEmail: null }, { workEmail: "" }] },
        ],
      },
      pass: { OR: [{ personalEmail: { gt: "" } }, { workEmail: { gt: "" } }] },
    },
    {
      reason: "quiet_period",
      fail: { exitDate: { gt: cutoff } },
      pass: { OR: [{ exitDate: null }, { exitDate: { lte: cutoff } }] },
    },
  ];
  if (options.onlyEligible) rules.push(...eligibilityExclusion(now));
  const recipients: Where = { AND: [base, ...rules.map((r) => r.pass)] };
  const excludedBy = (index: number): Where => ({
    AND: [base, ...rules.slice(0, index).map((r) => r.pass), rules[index].fail],
  });
  return { base, rules, recipients, excludedBy, cutoff };
}

export type AudienceCounts = {
  /** People the segment matches. */
  inSegment: number;
  recipients: number;
  excluded: number;
  byReason: ExclusionCounts;
  quietPeriodCutoff: string;
  /** Whether "only eligible people" was asked for (then no_verdict and not_eligible count). */
  onlyEligible: boolean;
};

export async function countAudience(tx: Db, options: AudienceOptions): Promise<AudienceCounts> {
  const { base, rules, recipients, excludedBy, cutoff } = audienceRules(options);
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
    onlyEligible: options.onlyEligible,
  };
}

/** The address a campaign writes to: the personal one when we have it (the work one is usually gone). */
export function campaignAddress(alumnus: {
  personalEmail: string | null;
  workEmail: string | null;
}): string | null {
  return alumnus.personalEmail?.trim() || alumnus.workEmail?.trim() || null;
}
