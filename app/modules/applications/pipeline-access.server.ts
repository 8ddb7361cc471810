import type { Prisma } from "~/generated/prisma/client";
import type { StaffUser } from "~/platform/auth.server";
import { forbidden } from "~/platform/errors";
import { can } from "~/platform/permissions";
import type { PipelineRole } from "./pipeline";

/**
 * Record-level access to programs and applications (ADR 041). HR (read:pipeline:any) sees every
 * program; a hiring manager (read:pipeline:own) sees only the programs they hire for and the
 * applications to them. Queries AND these conditions in, so another manager's program answers
 * 404, as if it did not exist.
 */
export function programsVisibleTo(actor: StaffUser): Prisma.ReturnProgramWhereInput {
  if (can(actor, "read:pipeline:any")) return {};
  if (can(actor, "read:pipeline:own")) return { hiringManagerId: actor.id };
  throw forbidden("You do not have permission to see return programs.");
}

export function applicationsVisibleTo(actor: StaffUser): Prisma.ApplicationWhereInput {
  if (can(actor, "read:pipeline:any")) return {};
  if (can(actor, "read:pipeline:own")) return { program: { hiringManagerId: actor.id } };
  throw forbidden("You do not have permission to see applications.");
}

/** The role a staff member plays on one program's applications, or null when they may not move them. */
export function staffPipelineRole(
  actor: StaffUser,
  program: { hiringManagerId: string },
): PipelineRole | null {
  if (can(actor, "move:application:any")) return "hr";
  if (can(actor, "move:application:own") && program.hiringManagerId === actor.id) return "manager";
  return null;
}
