import { markApplicationHired } from "~/modules/applications/mark-application-hired.server";
import { markApplicationWithdrawn } from "~/modules/applications/mark-application-withdrawn.server";
import { prepareOnboarding, startOnboarding } from "~/modules/onboarding/onboarding.server";
import { renderTemplate } from "~/modules/outreach/render-template.server";
import { getBranding } from "~/modules/portal/get-branding.server";
import { t } from "~/modules/portal/strings";
import { actorOf, type AlumnusUser, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { sha256 } from "~/platform/crypto.server";
import { db, type Prisma } from "~/platform/db.server";
import { AppError, conflict } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import type { ContractAnswer } from "#emails/contract-answered";
import { renderContractPdf } from "./contract-pdf.server";
import {
  assertAllowed,
  auditMove,
  contractFor,
  legalName,
  lockContract,
  personName,
  rolesOn,
  staffContractUrl,
  writeMove,
  type LoadedContract,
  type Locked,
} from "./contract-record.server";

/**
 * The person answers the offer in the portal (ADR 060). Accepting records exactly what they
 * read: the text, its SHA-256, the terms version, when, and from which browser; the page sends
 * the hash of the text it showed, and a different hash (the terms changed since) is refused
 * with the new text. The PDF of the accepted text is made once, here, and stored with its hash.
 * Declining closes the offer. Either way the author and the hiring manager are told.
 */

type Tx = Prisma.TransactionClient;

/** The author and the hiring manager, each once, if their accounts are active. */
export function answerRecipients(contract: LoadedContract) {
  return [contract.creator, contract.program.hiringManager].filter(
    (u, i, all): u is NonNullable<typeof u> =>
      !!u && u.status === "active" && all.findIndex((x) => x?.id === u.id) === i,
  );
}

/** The "the person answered" emails, rendered before the transaction. */
export async function answerEmails(
  contract: LoadedContract,
  answer: ContractAnswer,
  comment: string | null,
  now: Date,
) {
  return Promise.all(
    answerRecipients(contract).map(async (user) => ({
      user,
      email: await renderTemplate("contract-answered", {
        recipientName: user.name.split(" ")[0] || user.name,
        alumnusName: personName(contract.alumnus),
        role: contract.terms.role,
        answer,
        startDate: contract.terms.startsOn ?? now.toISOString().slice(0, 10),
        comment: comment ?? undefined,
        contractUrl: staffContractUrl(contract.id),
      }),
    })),
  );
}

export async function queueAnswerEmails(tx: Tx, emails: Awaited<ReturnType<typeof answerEmails>>) {
  for (const { user, email } of emails)
    await queueEmail(tx, {
      template: email.template,
      purpose: email.purpose,
      to: { address: user.email, name: user.name },
      userId: user.id,
      email,
    });
}

const CHANGED = t("contract.changed");

/** Refuses an answer to an offer that is no longer open (answered, taken back, expired), in the person's words. */
function assertOpen(contract: { status: string; offerExpiresAt: Date | null }, now: Date) {
  if (contract.status === "accepted" || contract.status === "onboarding" || contract.status === "active")
    throw conflict(t("contract.alreadyAccepted"));
  if (contract.status === "withdrawn") throw conflict(t("contract.alreadyDeclined"));
  if (contract.status === "pending_approval" || contract.status === "approved") throw conflict(CHANGED);
  if (contract.status !== "offered" || (contract.offerExpiresAt && contract.offerExpiresAt <= now))
    throw conflict(t("contract.notOpen"));
}

/** Re-reads the locked row's text and checks the person saw this very text. */
async function lockedText(tx: Tx, locked: Locked, shownHash: string) {
  const row = await tx.gigContract.findUniqueOrThrow({
    where: { id: locked.id },
    select: { termsText: true, termsHash: true, templateVersionId: true, offerExpiresAt: true },
  });
  if (!row.termsText || row.termsHash !== shownHash || sha256(row.termsText) !== shownHash)
    throw conflict(CHANGED);
  return row;
}

export async function acceptContract({
  alumnus,
  contractId,
  shownHash,
  ip,
  userAgent,
  now = new Date(),
}: {
  alumnus: AlumnusUser;
  contractId: string;
  /** The SHA-256 of the text the page showed. */
  shownHash: string;
  ip: string | null;
  userAgent: string | null;
  now?: Date;
}) {
  const contract = await contractFor(alumnus, contractId);
  assertOpen(contract, now);
  if (contract.termsHash !== shownHash) throw conflict(CHANGED);
  assertAllowed(rolesOn(alumnus, contract), "accept", contract.status);
  if (!contract.termsText || !contract.termsHash) throw conflict(CHANGED);
  // Trim to whole milliseconds as the database stores them: the PDF prints the recorded time.
  const acceptedAt = new Date(Math.floor(now.getTime()));
  const [{ pdf, sha256: pdfSha256 }, emails, onboarding] = await Promise.all([
    renderContractPdf({
      employer: (await getBranding()).companyName,
      person: legalName(contract.alumnus),
      role: contract.terms.role,
      program: contract.program.title,
      text: contract.termsText,
      textSha256: contract.termsHash,
      termsVersion: contract.termsVersion,
      template: contract.templateVersion
        ? `${contract.templateVersion.template.name}, version ${contract.templateVersion.version}`
        : null,
      acceptedAt,
    }),
    answerEmails(contract, "accepted", null, now),
    prepareOnboarding(contract, acceptedAt),
  ]);
  return db.$transaction(async (tx) => {
    const locked = await lockContract(tx, contractId);
    if (!locked) throw new AppError("not_found", t("notFound.contract"));
    const row = await lockedText(tx, locked, shownHash);
    assertOpen({ status: locked.status, offerExpiresAt: row.offerExpiresAt }, now);
    if (locked.termsVersion !== contract.termsVersion) throw conflict(CHANGED);
    // The text is the one the PDF was made from (same terms version, same hash).
    if (row.termsText !== contract.termsText) throw conflict(CHANGED);
    const moved = await writeMove(tx, {
      actor: alumnus,
      locked,
      action: "accept",
      to: "accepted",
      data: { acceptedAt },
    });
    await tx.contractAcceptance.create({
      data: {
        contractId,
        alumnusId: alumnus.id,
        acceptedAt,
        ip: ip?.slice(0, 64) ?? null,
        userAgent: userAgent?.slice(0, 500) ?? null,
        termsVersion: locked.termsVersion,
        templateVersionId: row.templateVersionId,
        text: row.termsText!,
        textSha256: shownHash,
        pdf: Buffer.from(pdf),
        pdfSha256,
      },
    });
    await markApplicationHired({ tx, applicationId: contract.applicationId, contractId });
    await queueAnswerEmails(tx, emails);
    await auditMove(tx, {
      actor: alumnus,
      action: "contract.accepted",
      locked,
      to: "accepted",
      after: { termsVersion: locked.termsVersion, textSha256: shownHash, pdfSha256, emails: emails.length },
    });
    // Acceptance starts onboarding at once: the checklist is copied and the person welcomed.
    const started = await startOnboarding(tx, {
      contract,
      locked: { ...locked, status: "accepted", version: moved.version },
      prepared: onboarding,
      acceptedAt,
    });
    return {
      status: started.activated ? ("active" as const) : ("onboarding" as const),
      version: started.version,
      textSha256: shownHash,
      pdfSha256,
    };
  });
}

export async function declineContract({
  alumnus,
  contractId,
  shownHash,
  comment,
  now = new Date(),
}: {
  alumnus: AlumnusUser;
  contractId: string;
  shownHash: string;
  comment: string | null;
  now?: Date;
}) {
  const contract = await contractFor(alumnus, contractId);
  assertOpen(contract, now);
  assertAllowed(rolesOn(alumnus, contract), "decline", contract.status);
  const emails = await answerEmails(contract, "declined", comment, now);
  return db.$transaction(async (tx) => {
    const locked = await lockContract(tx, contractId);
    if (!locked) throw new AppError("not_found", t("notFound.contract"));
    // An answer is to the text the person read: a changed text is shown again first.
    const row = await lockedText(tx, locked, shownHash);
    assertOpen({ status: locked.status, offerExpiresAt: row.offerExpiresAt }, now);
    const moved = await writeMove(tx, {
      actor: alumnus,
      locked,
      action: "decline",
      to: "withdrawn",
      note: comment,
    });
    // The person said no: their application leaves "offered" as withdrawn (by them).
    await markApplicationWithdrawn({ tx, applicationId: contract.applicationId, contractId, actor: alumnus });
    await queueAnswerEmails(tx, emails);
    await auditMove(tx, {
      actor: alumnus,
      action: "contract.declined",
      locked,
      to: "withdrawn",
      note: comment,
      after: { termsVersion: locked.termsVersion, emails: emails.length },
    });
    return { status: "withdrawn" as const, version: moved.version };
  });
}

/**
 * The stored PDF of an accepted contract, for the person or for staff who may see the contract
 * (HR, the program's hiring manager); 404 for anyone else. Each download is audited.
 */
export async function downloadContractPdf({
  actor,
  contractId,
}: {
  actor: StaffUser | AlumnusUser;
  contractId: string;
}) {
  const contract = await contractFor(actor, contractId);
  const acceptance = await db.contractAcceptance.findUnique({
    where: { contractId },
    select: { pdf: true, pdfSha256: true, acceptedAt: true },
  });
  if (!acceptance?.pdf || !acceptance.pdfSha256) throw new AppError("not_found", t("notFound.contractPdf"));
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(actor),
      action: "contract.pdf_downloaded",
      entityType: "contract",
      entityId: contractId,
      after: { pdfSha256: acceptance.pdfSha256 },
    }),
  );
  const name = legalName(contract.alumnus)
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  return {
    bytes: acceptance.pdf,
    sha256: acceptance.pdfSha256,
    fileName: `contract-${name || "accepted"}-${acceptance.acceptedAt.toISOString().slice(0, 10)}.pdf`,
  };
}

/** The PDF as a download: private, never cached, never sniffed. */
export function pdfResponse(file: Awaited<ReturnType<typeof downloadContractPdf>>) {
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ETag: `"${file.sha256.slice(0, 32)}"`,
    },
  });
}
