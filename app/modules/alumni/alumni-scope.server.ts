import type { Prisma } from "~/generated/prisma/client";
import type { StaffUser } from "~/platform/auth.server";
import { forbidden } from "~/platform/errors";
import { can } from "~/platform/permissions";

/**
 * Record-level access to alumni. HR (read:alumnus:any) sees the whole pool. A manager
 * (read:alumnus:team) sees only alumni whose review or contract involves their team, with
 * limited fields: no exit reason, no HR notes, no do-not-rehire flag. Reviews and contracts add
 * their conditions to `teamAlumniConditions` when they exist; until then a manager's view of the
 * pool is empty and every profile answers 404. A manager in no team yet is answered the same way
 * (an empty list that says why, a profile 404), never 403: their role allows the pages, and
 * nothing of the pool involves them.
 */
export type AlumniAccess = "any" | "team";

export function alumniAccess(actor: StaffUser): AlumniAccess {
  if (can(actor, "read:alumnus:any")) return "any";
  if (can(actor, "read:alumnus:team")) return "team";
  throw forbidden("You do not have permission to see alumni records.");
}

/** OR-ed conditions that put an alumnus in a manager's team view (reviews, contracts). */
export function teamAlumniConditions(_teamId: string): Prisma.AlumnusWhereInput[] {
  return [];
}

/** The rows this actor may see at all; AND it with every alumni query. */
export function alumniVisibleTo(actor: StaffUser): Prisma.AlumnusWhereInput {
  if (alumniAccess(actor) === "any") return {};
  const conditions = actor.teamId ? teamAlumniConditions(actor.teamId) : [];
  return conditions.length ? { OR: conditions } : { id: { in: [] } };
}

export const canSeeRestricted = (actor: StaffUser) => can(actor, "read:alumnus:restricted");
export const canSeeHrDetails = (actor: StaffUser) => can(actor, "read:alumnus:any");
