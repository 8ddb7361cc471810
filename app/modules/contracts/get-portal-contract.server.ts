import type { AlumnusUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import type { ContractStatus } from "./contract-machine";
import { contractFor } from "./contract-record.server";
import { textBlocks } from "./contract-text";
import { termsSummary } from "./list-contracts.server";

/**
 * What the person sees of their contract in the portal: only contracts that were offered to
 * them (never a draft or terms still being approved before the first offer; while changed terms
 * wait for approval again, only that they are being changed), the text exactly as
 * stored with its hash (the page sends the hash back with the answer), and what they can do.
 */

/** Where the contract stands, for the person: one key per situation (the strings are in the portal catalogue). */
export type PortalContractState = "open" | "revising" | "accepted" | "declined" | "closed";

function stateOf(status: ContractStatus, offerExpiresAt: Date | null, now: Date): PortalContractState {
  if (status === "offered") return offerExpiresAt && offerExpiresAt <= now ? "closed" : "open";
  if (status === "pending_approval" || status === "approved" || status === "changes_requested")
    return "revising";
  if (status === "accepted" || status === "onboarding" || status === "active" || status === "ended")
    return "accepted";
  if (status === "withdrawn") return "declined";
  return "closed";
}

export async function getPortalContract({
  alumnus,
  contractId,
  now = new Date(),
}: {
  alumnus: AlumnusUser;
  contractId: string;
  now?: Date;
}) {
  const contract = await contractFor(alumnus, contractId);
  // Offered at least once (a change of terms takes the offer back until it is sent again).
  const everOffered =
    !!contract.offeredAt ||
    (await db.contractNote.count({ where: { contractId, action: "send_offer" } })) > 0;
  if (!everOffered) throw notFound("That contract");
  const status = contract.status as ContractStatus;
  const state = stateOf(status, contract.offerExpiresAt, now);
  const acceptance =
    state === "accepted"
      ? await db.contractAcceptance.findUnique({
          where: { contractId },
          select: { acceptedAt: true, textSha256: true, text: true, pdfSha256: true },
        })
      : null;
  const hasChecklist = state === "accepted" && (await db.onboardingTask.count({ where: { contractId } })) > 0;
  // After acceptance the person reads what they accepted, even if HR later changes something.
  const text = acceptance?.text ?? contract.termsText ?? "";
  return {
    id: contract.id,
    state,
    program: contract.program.title,
    role: contract.terms.role,
    terms: termsSummary(contract),
    blocks: state === "revising" ? [] : textBlocks(text),
    termsHash: contract.termsHash ?? "",
    offerExpiresOn: contract.offerExpiresAt?.toISOString() ?? null,
    hasChecklist,
    acceptance: acceptance
      ? {
          at: acceptance.acceptedAt.toISOString(),
          textSha256: acceptance.textSha256,
          hasPdf: !!acceptance.pdfSha256,
        }
      : null,
  };
}

export type PortalContract = Awaited<ReturnType<typeof getPortalContract>>;

/** The person's offered contracts, newest first, for the applications page. */
export async function listMyContracts({ alumnus }: { alumnus: AlumnusUser }) {
  const rows = await db.gigContract.findMany({
    where: { alumnusId: alumnus.id, history: { some: { action: "send_offer" } } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      role: true,
      offerExpiresAt: true,
      program: { select: { title: true } },
    },
  });
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    program: r.program.title,
    state: stateOf(r.status as ContractStatus, r.offerExpiresAt, now),
  }));
}
