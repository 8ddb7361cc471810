import { renderTemplate, type RenderedTemplate } from "~/modules/outreach/render-template.server";
import type { StaffUser } from "~/platform/auth.server";
import { db, type Db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import {
  CAPACITY_LABELS,
  isFullyApproved,
  openCapacitiesFor,
  whyNotApprover,
  type ApprovalLine,
  type Capacity,
} from "./approval-rules";
import {
  approverFacts,
  assertAllowed,
  assertCurrent,
  contractFor,
  personName,
  rolesOn,
  staffContractUrl,
  writeDecision,
  type LoadedContract,
  type Locked,
} from "./contract-record.server";
import type { DecisionInput } from "./schemas";

/**
 * An approver decides (ADR 045): approve, ask for changes, or reject, with a comment. Approving
 * fills one capacity the rules ask for; the contract becomes "approved" with the last one. The
 * draft's author never approves, one person never fills two capacities, and an approval counts
 * only for the terms version it was given to. Two people deciding at once: the first wins, the
 * other is told what happened (the version they saw is no longer current).
 */

function capacitiesOfActor(actor: StaffUser, contract: LoadedContract): Capacity[] {
  // The capacities this person could fill on this contract at all (filled or not).
  const facts = approverFacts(actor, contract);
  if (facts.createdById === facts.actorId) return [];
  return contract.lines
    .map((l) => l.capacity)
    .filter((c) =>
      c === "manager" ? facts.approvesTeam && facts.hiringManagerId === actor.id : facts.approvesSecond,
    );
}

async function staffEmail(
  contract: LoadedContract,
  decision: DecisionInput["decision"],
  actor: StaffUser,
  comment: string | null,
  completes: boolean,
): Promise<{ email: RenderedTemplate; to: { address: string; name: string }; userId: string } | null> {
  const creator = contract.creator;
  if (!creator || creator.status !== "active" || creator.id === actor.id) return null;
  const common = {
    recipientName: creator.name.split(" ")[0] || creator.name,
    alumnusName: personName(contract.alumnus),
    role: contract.terms.role,
    contractUrl: staffContractUrl(contract.id),
  };
  let email: RenderedTemplate | null = null;
  if (decision === "approve" && completes)
    email = await renderTemplate("contract-approved", {
      ...common,
      approverName: actor.name,
      startDate: contract.terms.startsOn ?? new Date().toISOString().slice(0, 10),
      comment: comment ?? undefined,
    });
  if (decision === "request_changes")
    email = await renderTemplate("contract-changes-requested", {
      ...common,
      managerName: actor.name,
      comment: comment ?? "",
    });
  if (decision === "reject")
    email = await renderTemplate("contract-rejected", {
      ...common,
      approverName: actor.name,
      comment: comment ?? "",
    });
  return email ? { email, to: { address: creator.email, name: creator.name }, userId: creator.id } : null;
}

export async function decideContract({
  actor,
  contractId,
  input,
}: {
  actor: StaffUser;
  contractId: string;
  input: DecisionInput;
}) {
  const contract = await contractFor(actor, contractId);
  await assertCurrent(db, contract, input.version);
  const roles = rolesOn(actor, contract);
  assertAllowed(roles, input.decision, contract.status);
  const facts = approverFacts(actor, contract);
  let capacity: Capacity | null = null;
  let lines: ApprovalLine[] = contract.lines;
  if (input.decision === "approve") {
    const why = whyNotApprover(facts, contract.lines);
    if (why) throw new AppError("forbidden", why);
    capacity = openCapacitiesFor(facts, contract.lines)[0];
    lines = contract.lines.map((l) =>
      l.capacity === capacity
        ? { ...l, approvedBy: { id: actor.id, name: actor.name, at: new Date().toISOString() } }
        : l,
    );
  } else {
    if (facts.createdById === actor.id)
      throw new AppError("forbidden", "You prepared this contract, so the approvers decide on it.");
    if (capacitiesOfActor(actor, contract).length === 0)
      throw new AppError(
        "forbidden",
        `This contract waits for ${contract.lines.map((l) => CAPACITY_LABELS[l.capacity]).join(" and ")}, and that is not you.`,
      );
  }
  const completes = input.decision === "approve" && isFullyApproved(lines);
  const to =
    input.decision === "approve"
      ? completes
        ? "approved"
        : "pending_approval"
      : input.decision === "reject"
        ? "rejected"
        : "changes_requested";
  const pending = await staffEmail(contract, input.decision, actor, input.comment, completes);

  // The version the decision was made on (checked above). The status change below is a
  // compare-and-set on it, so it takes the row lock and is refused, before anything is written,
  // when someone else moved the contract meanwhile: exactly one of two decisions at once wins.
  const seen: Locked = {
    id: contract.id,
    status: contract.status,
    version: contract.version,
    termsVersion: contract.termsVersion,
  };
  const write = async (client: Db) => {
    const version = await writeDecision(client, {
      actor,
      locked: seen,
      action: input.decision,
      to,
      note: input.comment,
      approval: capacity ? { capacity, approverId: actor.id, approverName: actor.name } : null,
      audit: {
        action:
          input.decision === "approve"
            ? "contract.approved"
            : input.decision === "reject"
              ? "contract.rejected"
              : "contract.changes_requested",
        after: {
          termsVersion: seen.termsVersion,
          ...(capacity ? { capacity, complete: completes } : {}),
          emailQueued: !!pending,
        },
      },
    });
    if (pending)
      await queueEmail(client, {
        template: pending.email.template,
        purpose: pending.email.purpose,
        to: pending.to,
        userId: pending.userId,
        email: pending.email,
      });
    return version;
  };
  // One statement needs no transaction; with an email, the statement and the outbox row share one.
  const version = pending ? await db.$transaction((tx) => write(tx)) : await write(db);
  return {
    status: to,
    version,
    capacity,
    complete: completes,
    waitingFor: lines.filter((l) => !l.approvedBy).map((l) => CAPACITY_LABELS[l.capacity]),
  };
}
