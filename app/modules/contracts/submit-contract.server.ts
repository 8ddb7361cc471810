import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { AppError, notFound } from "~/platform/errors";
import { approvalRequestEmails, linesFor, queuePending } from "./approval-requests.server";
import {
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

/** What a contract needs before anyone is asked to approve it. */
export function missingTerms(terms: ContractTerms): string[] {
  const missing: string[] = [];
  if (!terms.startsOn) missing.push("the start date");
  if (terms.minHoursPerWeek === null) missing.push("the minimum hours a week");
  if (terms.maxHoursPerWeek === null) missing.push("the maximum hours a week");
  if (terms.noticeDays === null) missing.push("the notice period");
  if (!terms.remote && !terms.place) missing.push("the place of work");
  return missing;
}

/**
 * HR sends a draft (or a contract sent back with changes) for approval: the text is rendered
 * from the template and fixed with its hash, and each approver the rules ask for gets an email.
 */
export async function submitContract({
  actor,
  contractId,
  version,
  note,
}: {
  actor: StaffUser;
  contractId: string;
  version: number;
  note?: string | null;
}) {
  const contract = await contractFor(actor, contractId);
  await assertCurrent(db, contract, version);
  assertAllowed(rolesOn(actor, contract), "submit", contract.status);
  const missing = missingTerms(contract.terms);
  if (missing.length) {
    throw new AppError(
      "validation",
      `Fill in ${missing.join(", ").replace(/, ([^,]*)$/, " and $1")} first: approvers decide on complete terms.`,
    );
  }
  const rendered = await renderTerms(db, {
    terms: contract.terms,
    templateVersionId: contract.templateVersionId,
    alumnus: contract.alumnus,
    programTitle: contract.program.title,
  });
  const lines = linesFor(contract, contract.terms);
  const emails = await approvalRequestEmails({
    contract,
    terms: contract.terms,
    lines,
    preparedBy: actor.name,
    changed: contract.status === "changes_requested",
  });
  return db.$transaction(async (tx) => {
    const locked = await lockContract(tx, contractId);
    if (!locked) throw notFound("That contract");
    await assertCurrent(tx, locked, version);
    // A changed text is a change of terms: it gets its own terms version.
    const textChanged = rendered.hash !== contract.termsHash;
    const termsVersion = textChanged ? locked.termsVersion + 1 : locked.termsVersion;
    const moved = await writeMove(tx, {
      actor,
      locked,
      action: "submit",
      to: "pending_approval",
      note,
      termsVersion,
      data: {
        submittedAt: new Date(),
        templateVersionId: rendered.templateVersionId,
        termsText: rendered.text,
        termsHash: rendered.hash,
        termsVersion,
      },
    });
    const queued = await queuePending(tx, emails);
    await auditMove(tx, {
      actor,
      action: "contract.submitted",
      locked,
      to: "pending_approval",
      note,
      after: {
        termsVersion,
        termsHash: rendered.hash,
        needs: lines.map((l) => ({ capacity: l.capacity, rules: l.rules })),
        approvalRequests: queued,
      },
    });
    return { status: "pending_approval" as const, version: moved.version, approvalRequests: queued };
  });
}
