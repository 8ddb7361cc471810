import { recordAudit } from "~/platform/audit.server";
import { conflict, notFound } from "~/platform/errors";
import { APPLICATION_STATUS_LABELS } from "./labels";
import { canTransition } from "./pipeline";
import { type Tx, lockApplication } from "./move-steps.server";

/**
 * For the contracts module: the person accepted the contract, so the application is hired.
 * Runs inside the contract's own transaction (`tx`), so both change together.
 */
export async function markApplicationHired({
  tx,
  applicationId,
  contractId,
}: {
  tx: Tx;
  applicationId: string;
  contractId: string;
}) {
  const app = await lockApplication(tx, applicationId);
  if (!app) throw notFound("That application");
  if (!canTransition("contract", app.status, "hired")) {
    throw conflict(
      `The application is “${APPLICATION_STATUS_LABELS[app.status]}”, so accepting its contract cannot make it hired.`,
    );
  }
  const system = { type: "system", name: "Contract acceptance" } as const;
  const now = new Date();
  await tx.application.update({
    where: { id: app.id },
    data: { status: "hired", statusChangedAt: now, version: { increment: 1 } },
  });
  await tx.applicationNote.create({
    data: {
      applicationId: app.id,
      kind: "move",
      fromStatus: app.status,
      toStatus: "hired",
      body: null,
      authorType: "system",
      authorName: system.name,
    },
  });
  await recordAudit(tx, {
    actor: system,
    action: "application.hired",
    entityType: "application",
    entityId: app.id,
    before: { status: app.status, version: app.version },
    after: { status: "hired", version: app.version + 1, contractId },
  });
}
