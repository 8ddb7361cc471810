import { db } from "~/platform/db.server";
import {
  type PipelineActor,
  assertMove,
  auditMove,
  lockApplication,
  settleContract,
  writeMove,
} from "./move-steps.server";

/** The person (or HR for them) withdraws; an offer's contract is withdrawn with it. */
export async function withdrawApplication({
  actor,
  applicationId,
  version,
  note,
}: {
  actor: PipelineActor;
  applicationId: string;
  version?: number;
  note?: string | null;
}) {
  return db.$transaction(async (tx) => {
    const { app } = assertMove(await lockApplication(tx, applicationId), actor, "withdrawn", version);
    const moved = await writeMove(tx, { actor, app, to: "withdrawn", note });
    const contract = await settleContract(tx, app.id, "withdrawn");
    await auditMove(tx, {
      actor,
      app,
      to: "withdrawn",
      action: "application.withdrawn",
      note,
      extra: contract ? { contractId: contract.id, contractStatus: "withdrawn" } : undefined,
    });
    return { status: "withdrawn" as const, version: moved.version };
  });
}
