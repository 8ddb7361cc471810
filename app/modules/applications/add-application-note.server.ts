import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, notFound } from "~/platform/errors";
import { staffPipelineRole } from "./pipeline-access.server";

/** A screening note by HR or the program's hiring manager; applicants never see these. */
export async function addApplicationNote({
  actor,
  applicationId,
  body,
}: {
  actor: StaffUser;
  applicationId: string;
  body: string;
}) {
  return db.$transaction(async (tx) => {
    const app = await tx.application.findUnique({
      where: { id: applicationId },
      select: { id: true, program: { select: { hiringManagerId: true } } },
    });
    if (!app) throw notFound("That application");
    const role = staffPipelineRole(actor, app.program);
    if (!role) {
      if (actor.permissions.includes("read:pipeline:any"))
        throw new AppError("forbidden", "You can read this application but not add notes to it.");
      throw notFound("That application");
    }
    const note = await tx.applicationNote.create({
      data: {
        applicationId: app.id,
        kind: "note",
        body,
        authorType: "staff",
        authorId: actor.id,
        authorName: actor.name,
        authorRole: actor.role,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "application.note_added",
      entityType: "application",
      entityId: app.id,
      after: { noteId: note.id, length: body.length },
    });
    return note;
  });
}
