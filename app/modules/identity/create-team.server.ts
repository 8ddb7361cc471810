import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db, isUniqueViolation } from "~/platform/db.server";
import { AppError } from "~/platform/errors";

/** Creates a team that managers can then be assigned to. Names are unique (case-insensitively). */
export async function createTeam(input: { actor: StaffUser; name: string }): Promise<{ teamId: string }> {
  const taken = () => {
    const message = `There is already a team called "${input.name}".`;
    return new AppError("conflict", message, { fieldErrors: { name: [message] } });
  };
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.team.findFirst({
        where: { name: { equals: input.name, mode: "insensitive" } },
        select: { id: true },
      });
      if (existing) throw taken();
      const team = await tx.team.create({ data: { name: input.name } });
      await recordAudit(tx, {
        actor: actorOf(input.actor),
        action: "team.created",
        entityType: "team",
        entityId: team.id,
        after: { name: team.name },
      });
      return { teamId: team.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
