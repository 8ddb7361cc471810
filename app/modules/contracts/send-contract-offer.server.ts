import { alumniSender, emailBrand, getBranding } from "~/modules/portal/get-branding.server";
import { renderTemplate } from "~/modules/outreach/render-template.server";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { AppError, notFound } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import {
  alumnusEmail,
  assertAllowed,
  assertCurrent,
  auditMove,
  contractFor,
  lockContract,
  portalContractUrl,
  rolesOn,
  writeMove,
} from "./contract-record.server";

const DAY = 86_400_000;

/**
 * HR sends an approved contract to the person as an offer: they read it in the portal and accept
 * or decline by the date in the email (the offer expires after the set number of days).
 */
export async function sendContractOffer({
  actor,
  contractId,
  version,
  note,
  now = new Date(),
}: {
  actor: StaffUser;
  contractId: string;
  version: number;
  note?: string | null;
  now?: Date;
}) {
  const contract = await contractFor(actor, contractId);
  await assertCurrent(db, contract, version);
  assertAllowed(rolesOn(actor, contract), "send_offer", contract.status);
  const address = alumnusEmail(contract);
  if (!address)
    throw new AppError(
      "validation",
      "We have no email address for this person, so they would never hear of the offer. Add one on their profile first.",
    );
  const expiresAt = new Date(now.getTime() + contract.settings.offerValidDays * DAY);
  const t = contract.terms;
  const branding = await getBranding();
  const email = await renderTemplate(
    "contract-offer",
    {
      firstName: contract.alumnus.preferredName || contract.alumnus.firstName,
      companyName: branding.companyName,
      terms: {
        role: t.role,
        hourlyRate: t.hourlyRate,
        currency: t.currency,
        minHoursPerWeek: t.minHoursPerWeek ?? 0,
        maxHoursPerWeek: t.maxHoursPerWeek ?? 0,
        startDate: t.startsOn ?? now.toISOString().slice(0, 10),
        endDate: t.endsOn,
        noticeDays: t.noticeDays ?? 0,
      },
      respondBy: expiresAt.toISOString().slice(0, 10),
      contractUrl: portalContractUrl(contract.id),
      contact: { name: actor.name, role: actor.roleLabel, email: actor.email },
      note: note ?? undefined,
    },
    { brand: emailBrand(branding) },
  );
  const from = await alumniSender();
  return db.$transaction(async (tx) => {
    const locked = await lockContract(tx, contractId);
    if (!locked) throw notFound("That contract");
    await assertCurrent(tx, locked, version);
    const moved = await writeMove(tx, {
      actor,
      locked,
      action: "send_offer",
      to: "offered",
      note,
      data: { offeredAt: now, offerExpiresAt: expiresAt },
    });
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
      action: "contract.offered",
      locked,
      to: "offered",
      note,
      after: { termsVersion: locked.termsVersion, termsHash: contract.termsHash, offerExpiresAt: expiresAt },
    });
    return { status: "offered" as const, version: moved.version, offerExpiresAt: expiresAt };
  });
}
