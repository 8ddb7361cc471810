import { notFound } from "~/platform/errors";
import {
  type PipelineActor,
  type Tx,
  assertMove,
  auditMove,
  lockApplication,
  writeMove,
} from "./move-steps.server";

/**
 * The person declined the offer in the portal (contracts module, inside its transaction): the
 * application leaves "offered" as withdrawn, by them. An application that already left
 * "offered" (HR took the offer back meanwhile) stays as it is.
 */
export async function markApplicationWithdrawn({
  tx,
  applicationId,
  contractId,
  actor,
}: {
  tx: Tx;
  applicationId: string;
  contractId: string;
  actor: PipelineActor;
}) {
  const app = await lockApplication(tx, applicationId);
  if (!app) throw notFound("That application");
  if (app.status !== "offered") return false;
  assertMove(app, actor, "withdrawn", undefined);
  await writeMove(tx, { actor, app, to: "withdrawn", note: "Declined the offered contract." });
  await auditMove(tx, {
    actor,
    app,
    to: "withdrawn",
    action: "application.withdrawn",
    extra: { contractId, contractStatus: "withdrawn" },
  });
  return true;
}
