import { type StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { employerForEmail } from "./employer.server";
import type { DeclineInput } from "./schemas";
import {
  assertKindDecline,
  assertMove,
  auditMove,
  declineEmail,
  declineTargets,
  lockApplication,
  settleContract,
  writeMove,
} from "./move-steps.server";

/**
 * Declines one application (or takes back an offer) and queues the kind decline email through
 * the outbox in the same transaction: once per decline, since a second decline of the same
 * application is refused by the pipeline.
 */
export async function declineApplication({
  actor,
  applicationId,
  input,
}: {
  actor: StaffUser;
  applicationId: string;
  input: DeclineInput;
}) {
  const [target] = await declineTargets([applicationId]);
  if (!target) throw notFound("That application");
  const employer = await employerForEmail();
  const email = await declineEmail(target, input, actor, employer);
  assertKindDecline(email, input);
  return db.$transaction(async (tx) => {
    const { app } = assertMove(await lockApplication(tx, applicationId), actor, "declined", input.version);
    const moved = await writeMove(tx, { actor, app, to: "declined", note: input.reason });
    const contract = app.status === "offered" ? await settleContract(tx, app.id, "cancelled") : null;
    const queued = target.address
      ? await queueEmail(tx, {
          template: email.template,
          purpose: email.purpose,
          to: { address: target.address, name: target.preferredName || target.firstName },
          alumnusId: app.alumnusId,
          email,
          from: employer.from,
        })
      : null;
    await auditMove(tx, {
      actor,
      app,
      to: "declined",
      action: "application.declined",
      note: input.reason,
      extra: {
        emailQueued: !!queued,
        ...(contract ? { contractId: contract.id, contractStatus: "cancelled" } : {}),
      },
    });
    return { status: "declined" as const, version: moved.version, emailed: !!queued };
  });
}
