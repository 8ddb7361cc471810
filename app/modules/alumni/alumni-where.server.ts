import type { Prisma } from "~/generated/prisma/client";
import { eligibilityWhere } from "~/modules/eligibility/eligibility-where.server";
import { likeLiteral } from "~/platform/like";
import { searchTerms, type AlumniFilter } from "./alumni-filter";

/**
 * The Prisma condition for an alumni filter: the one definition of "who is in this view", used
 * by the list page, exports, bulk actions, segments and campaign audiences. Search words each
 * match Alumnus.searchText (trigram-indexed, so `%word%` stays fast at 100,000 rows).
 */
export function alumniWhere(filter: AlumniFilter, now: Date = new Date()): Prisma.AlumnusWhereInput {
  const and: Prisma.AlumnusWhereInput[] = [];
  for (const term of searchTerms(filter.q)) and.push({ searchText: { contains: likeLiteral(term) } });
  if (filter.person) and.push({ id: filter.person });
  if (filter.exitReason) and.push({ exitReason: { in: filter.exitReason } });
  if (filter.decisionId) and.push({ decisionId: { in: filter.decisionId } });
  if (filter.department) and.push({ department: { in: filter.department } });
  if (filter.location) and.push({ location: { in: filter.location } });
  if (filter.tag) and.push({ tags: { hasSome: filter.tag } });
  if (filter.exitFrom) and.push({ exitDate: { gte: new Date(`${filter.exitFrom}T00:00:00Z`) } });
  if (filter.exitTo) and.push({ exitDate: { lte: new Date(`${filter.exitTo}T00:00:00Z`) } });
  if (filter.rehire) {
    const flags = filter.rehire.filter((r) => r !== "unknown") as ("yes" | "no" | "review")[];
    const or: Prisma.AlumnusWhereInput[] = [];
    if (flags.length) or.push({ hrRehireFlag: { in: flags } });
    if (filter.rehire.includes("unknown")) or.push({ hrRehireFlag: null });
    and.push({ OR: or });
  }
  if (filter.consent) and.push({ consentReturn: filter.consent });
  if (filter.available === "yes")
    and.push({ OR: [{ availabilityHours: { gt: 0 } }, { earliestStart: { not: null } }] });
  if (filter.available === "no") and.push({ availabilityHours: null, earliestStart: null });
  if (filter.regrettable) and.push({ regrettable: filter.regrettable === "yes" });
  if (filter.doNotRehire) and.push({ doNotRehire: filter.doNotRehire === "yes" });
  if (filter.eligibility) {
    // the effective verdict: a valid override wins over the computed outcome
    const or: Prisma.AlumnusWhereInput[] = filter.eligibility.map((outcome) =>
      outcome === "none" ? { eligibilityVerdict: { is: null } } : eligibilityWhere(outcome, now),
    );
    and.push({ OR: or });
  }
  return and.length ? { AND: and } : {};
}

export function alumniOrderBy(sort: AlumniFilter["sort"]): Prisma.AlumnusOrderByWithRelationInput[] {
  switch (sort) {
    case "-name":
      return [{ lastName: "desc" }, { firstName: "desc" }, { id: "desc" }];
    case "exitDate":
      return [{ exitDate: { sort: "asc", nulls: "last" } }, { id: "asc" }];
    case "-exitDate":
      return [{ exitDate: { sort: "desc", nulls: "last" } }, { id: "asc" }];
    case "updatedAt":
      return [{ updatedAt: "asc" }, { id: "asc" }];
    case "-updatedAt":
      return [{ updatedAt: "desc" }, { id: "asc" }];
    default:
      return [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }];
  }
}
