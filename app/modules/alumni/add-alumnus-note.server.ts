import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { alumniVisibleTo } from "./alumni-scope.server";

/**
 * A private HR note on an alumnus (edit:alumnus:any). Notes are never shown to the person or to
 * managers. The audit event records that a note was added (its id and length), not its text.
 */
export async function addAlumnusNote({
  actor,
  alumnusId,
  body,
}: {
  actor: StaffUser;
  alumnusId: string;
  body: string;
}) {
  return db.$transaction(async (tx) => {
    const alumnus = await tx.alumnus.findFirst({
      where: { AND: [alumniVisibleTo(actor), { id: alumnusId }] },
      select: { id: true },
    });
    if (!alumnus) throw notFound("That alumnus");
    const note = await tx.alumnusNote.create({
      data: { alumnusId: alumnus.id, authorId: actor.id, body },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "alumnus.note_added",
      entityType: "alumnus",
      entityId: alumnus.id,
      after: { noteId: note.id, length: body.length },
    });
    return note;
  });
}
