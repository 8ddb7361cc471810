import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { conflict, notFound } from "~/platform/errors";
import type { ProgramStatus } from "./labels";
import { STALE_PROGRAM_MESSAGE } from "./save-program.server";

/** Which statuses a program may go to from each (a closed program can be opened again). */
export const PROGRAM_MOVES: Record<ProgramStatus, readonly ProgramStatus[]> = {
  draft: ["open", "closed"],
  open: ["paused", "closed"],
  paused: ["open", "closed"],
  closed: ["open"],
};

export async function changeProgramStatus({
  actor,
  programId,
  version,
  status,
}: {
  actor: StaffUser;
  programId: string;
  version: number;
  status: ProgramStatus;
}) {
  return db.$transaction(async (tx) => {
    const current = await tx.returnProgram.findUnique({
      where: { id: programId },
      select: { id: true, status: true, version: true, openedAt: true },
    });
    if (!current) throw notFound("That program");
    if (current.version !== version) throw conflict(STALE_PROGRAM_MESSAGE);
    if (current.status === status) throw conflict("The program already has this status.");
    if (!PROGRAM_MOVES[current.status].includes(status))
      throw conflict(`A ${current.status} program cannot be set to ${status}.`);
    const updated = await tx.returnProgram.updateMany({
      where: { id: current.id, version },
      data: {
        status,
        version: { increment: 1 },
        ...(status === "open" && !current.openedAt ? { openedAt: new Date() } : {}),
      },
    });
    if (updated.count !== 1) throw conflict(STALE_PROGRAM_MESSAGE);
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "program.status_changed",
      entityType: "program",
      entityId: current.id,
      before: { status: current.status, version },
      after: { status, version: version + 1 },
    });
    return { status };
  });
}
