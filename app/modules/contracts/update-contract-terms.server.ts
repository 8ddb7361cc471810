import { renderTemplate } from "~/modules/outreach/render-template.server";
import { alumniSender, emailBrand, getBranding } from "~/modules/portal/get-branding.server";
import { changedFields } from "~/platform/audit.server";
import { queueEmail } from "~/platform/mailer/mailer.server";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { approvalRequestEmails, linesFor, queuePending } from "./approval-requests.server";
import { targetOf } from "./contract-machine";
import {
  alumnusEmail,
  assertAllowed,
  assertCurrent,
  auditMove,
  contractFor,
  lockContract,
  renderTerms,
  rolesOn,
  writeMove,
} from "./contract-record.server";
import type { ContractTerms } from "./contract-text";
import type { TermsInput } from "./schemas";

/**
 * HR changes the terms (ADR 045). Any change after the draft stage sends the contract back to
 * "waiting for approval": the terms version goes up, so approvals given to the old terms stop
 * counting, an offer the person has not answered is taken back, and the approvers are asked
 * again. Saving the same terms again changes nothing.
 */
export async function updateContractTerms({
  actor,
  contractId,
  input,
}: {
  actor: StaffUser;
  contractId: string;
  input: TermsInput;
}) {
  const contract = await contractFor(actor, contractId);
  await assertCurrent(db, contract, input.version);
  assertAllowed(rolesOn(actor, contract), "edit_terms", contract.status);

  if (input.templateVersionId) {
    const version = await db.contractTemplateVersion.findUnique({ where: { id: input.templateVersionId } });
    if (!version || version.status !== "published") {
      throw new AppError("validation", "Choose a published template version.", {
        fieldErrors: { templateVersionId: ["Choose a published template version."] },
      });
    }
  }
  const terms: ContractTerms = {
    role: input.role,
    hourlyRate: input.hourlyRate,
    currency: input.currency,
    minHoursPerWeek: input.minHoursPerWeek,
    maxHoursPerWeek: input.maxHoursPerWeek,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    noticeDays: input.noticeDays,
    remote: input.workplace === "remote",
    place: input.workplace === "remote" ? null : input.place,
    equipmentStipend: input.equipmentStipend,
  };
  const templateVersionId = input.templateVersionId || contract.templateVersionId;
  const diff = changedFields(
    { ...contract.terms, templateVersionId: contract.templateVersionId } as Record<string, unknown>,
    { ...terms, templateVersionId } as Record<string, unknown>,
  );
  if (!diff.changed) return { changed: false as const, status: contract.status, version: contract.version };

  const to = targetOf("edit_terms", contract.status);
  const rendered = await renderTerms(db, {
    terms,
    templateVersionId,
    alumnus: contract.alumnus,
    programTitle: contract.program.title,
  });
  const emails =
    to === "pending_approval"
      ? await approvalRequestEmails({
          contract,
          terms,
          lines: linesFor(contract, terms),
          preparedBy: actor.name,
          changed: true,
        })
      : [];
  // An offer the person may be reading is taken back: they are told, never left to find out.
  const address = alumnusEmail(contract);
  const branding = contract.status === "offered" && address ? await getBranding() : null;
  const offerTakenBack =
    branding && address
      ? {
          address,
          from: await alumniSender(),
          email: await renderTemplate(
            "contract-offer-changed",
            {
              firstName: contract.alumnus.preferredName || contract.alumnus.firstName,
              companyName: branding.companyName,
              role: contract.terms.role,
              changed: changedInWords(Object.keys(diff.after)),
              contact: { name: actor.name, role: actor.roleLabel, email: actor.email },
            },
            { brand: emailBrand(branding) },
          ),
        }
      : null;

  return db.$transaction(async (tx) => {
    const locked = await lockContract(tx, contractId);
    if (!locked) throw new AppError("not_found", "That contract does not exist any more.");
    await assertCurrent(tx, locked, input.version);
    const termsVersion = locked.termsVersion + 1;
    const day = (v: string | null) => (v ? new Date(`${v}T00:00:00Z`) : null);
    const moved = await writeMove(tx, {
      actor,
      locked,
      action: "edit_terms",
      to,
      termsVersion,
      note: `Changed: ${Object.keys(diff.after).join(", ")}`,
      data: {
        role: terms.role,
        hourlyRate: terms.hourlyRate,
        currency: terms.currency,
        minHoursPerWeek: terms.minHoursPerWeek,
        maxHoursPerWeek: terms.maxHoursPerWeek,
        startsOn: day(terms.startsOn),
        endsOn: day(terms.endsOn),
        noticeDays: terms.noticeDays,
        remote: terms.remote,
        place: terms.place,
        equipmentStipend: terms.equipmentStipend,
        templateVersionId: rendered.templateVersionId,
        termsVersion,
        termsText: rendered.text,
        termsHash: rendered.hash,
        ...(to === "pending_approval"
          ? { submittedAt: new Date(), offeredAt: null, offerExpiresAt: null }
          : {}),
      },
    });
    const queued = await queuePending(tx, emails);
    // Only when the offer was still open under the lock (a person who answered meanwhile made the edit fail above).
    if (offerTakenBack && locked.status === "offered")
      await queueEmail(tx, {
        template: offerTakenBack.email.template,
        purpose: offerTakenBack.email.purpose,
        to: {
          address: offerTakenBack.address,
          name: contract.alumnus.preferredName || contract.alumnus.firstName,
        },
        alumnusId: contract.alumnusId,
        email: offerTakenBack.email,
        from: offerTakenBack.from,
      });
    await auditMove(tx, {
      actor,
      action: "contract.terms_changed",
      locked,
      to,
      before: { termsVersion: locked.termsVersion, ...diff.before },
      after: {
        termsVersion,
        termsHash: rendered.hash,
        ...diff.after,
        approvalRequests: queued,
        offerTakenBack: !!offerTakenBack && locked.status === "offered",
      },
    });
    return { changed: true as const, status: to, version: moved.version, termsVersion };
  });
}

const TERM_WORDS: Record<string, string> = {
  role: "the role",
  hourlyRate: "the hourly rate",
  currency: "the currency",
  minHoursPerWeek: "the minimum hours",
  maxHoursPerWeek: "the maximum hours",
  startsOn: "the start date",
  endsOn: "the end date",
  noticeDays: "the notice period",
  remote: "where the work happens",
  place: "where the work happens",
  equipmentStipend: "the equipment stipend",
  templateVersionId: "the contract's wording",
};

/** "the hourly rate and the start date": what changed, for the person's email. */
export function changedInWords(fields: string[]) {
  const words = [...new Set(fields.map((f) => TERM_WORDS[f] ?? "the terms"))];
  if (words.length <= 1) return words[0] ?? "the terms";
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
