import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { type ApplicationStatus } from "./pipeline";
import { type PipelineActor, assertMove, auditMove, lockApplication, writeMove } from "./move-steps.server";
import { withdrawApplication } from "./withdraw-application.server";

/** A plain move (review, shortlist, back to review, withdraw): no email, no contract. */
export async function moveApplication({
  actor,
  applicationId,
  version,
  to,
  note,
}: {
  actor: PipelineActor;
  applicationId: string;
  version: number;
  to: ApplicationStatus;
  note?: string | null;
}) {
  if (to === "declined")
    throw new AppError("validation", "Use “Decline” to decline: the applicant is told why.");
  if (to === "offered") throw new AppError("validation", "Use “Make an offer” to make an offer.");
  if (to === "withdrawn") return withdrawApplication({ actor, applicationId, version, note });
  return db.$transaction(async (tx) => {
    const { app } = assertMove(await lockApplication(tx, applicationId), actor, to, version);
    const moved = await writeMove(tx, { actor, app, to, note });
    await auditMove(tx, { actor, app, to, action: "application.moved", note });
    return { status: to, version: moved.version };
  });
}
