import { alumniSender, emailBrand, getBranding } from "~/modules/portal/get-branding.server";
import { renderTemplate } from "~/modules/outreach/render-template.server";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import {
  alumnusEmail,
  assertAllowed,
  assertCurrent,
  auditMove,
  contractFor,
  lockContract,
  rolesOn,
  writeMove,
} from "./contract-record.server";

/** Statuses in which the person has seen the contract, so a cancellation is explained to them. */
const SEEN_BY_PERSON = ["offered", "accepted", "onboarding"] as const;

/** HR cancels a contract before it is active, with a reason; the person is told if they had seen it. */
export async function cancelContract({
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
  assertAllowed(rolesOn(actor, contract), "cancel", contract.status);
  const address = alumnusEmail(contract);
  const tell = (SEEN_BY_PERSON as readonly string[]).includes(contract.status) && !!address;
  const branding = tell ? await getBranding() : null;
  const email =
    tell && branding
      ? await renderTemplate(
          "contract-cancelled",
          {
            firstName: contract.alumnus.preferredName || contract.alumnus.firstName,
            companyName: branding.companyName,
            role: contract.terms.role,
            reason,
            contact: { name: actor.name, role: actor.roleLabel, email: actor.email },
          },
          { brand: emailBrand(branding) },
        )
      : null;
  const from = await alumniSender();
  return db.$transaction(async (tx) => {
    const locked = await lockContract(tx, contractId);
    if (!locked) throw notFound("That contract");
    await assertCurrent(tx, locked, version);
    const moved = await writeMove(tx, { actor, locked, action: "cancel", to: "cancelled", note: reason });
    if (email && address)
      await queueEmail(tx, {
        template: email.template,
        purpose: email.purpose,
        to: { address, name: contract.alumnus.preferredName || contract.alumnus.firstName },
        alumnusId: contract.alumnusId,
        email,
        from,
      });
    await auditMove(tx, {
      actor,
      action: "contract.cancelled",
      locked,
      to: "cancelled",
      note: reason,
      after: { emailQueued: !!email },
    });
    return { status: "cancelled" as const, version: moved.version, emailed: !!email };
  });
}
