import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import {
  assertAllowed,
  assertCurrent,
  auditMove,
  contractFor,
  lockContract,
  rolesOn,
  writeMove,
} from "./contract-record.server";

/** HR ends an active contract (the person's last day has passed or notice was given). */
export async function endContract({
  actor,
  contractId,
  version,
  reason,
}: {
  actor: StaffUser;
  contractId: string;
  version: number;
  reason: string;
}) {
  const contract = await contractFor(actor, contractId);
  await assertCurrent(db, contract, version);
  assertAllowed(rolesOn(actor, contract), "end", contract.status);
  return db.$transaction(async (tx) => {
    const locked = await lockContract(tx, contractId);
    if (!locked) throw notFound("That contract");
    await assertCurrent(tx, locked, version);
    const moved = await writeMove(tx, {
      actor,
      locked,
      action: "end",
      to: "ended",
      note: reason,
      data: { endedAt: new Date() },
    });
    await auditMove(tx, { actor, action: "contract.ended", locked, to: "ended", note: reason });
    return { status: "ended" as const, version: moved.version };
  });
}
