import { recordAudit } from "~/platform/audit.server";
import type { Db } from "~/platform/db.server";
import { campaignValues, createSegment } from "./campaigns";
import { createAcceptedContract } from "./contracts";
import { createStaffUser, unique } from "./index";
import { createApplication, createProgram } from "./pipeline";

/**
 * One row (or a few) in every table that holds something about a person beyond their record, as
 * the product leaves them: a campaign invitation and its answer, an email, a staged import row,
 * review requests, a draft policy's what-if, an application with its history, an accepted
 * contract with its approval, history, acceptance, onboarding steps and document, reminders, a
 * sign-in link, and audit events about the application and the contract. For data-rights tests.
 *
 * `text` goes into every free-text field the person or staff fill in (never into HR's own
 * records such as the campaign), so a test can look for it.
 */
export async function createPersonRecord(
  tx: Db,
  input: { alumnusId: string; name: string; email: string; text: string; hrUserId: string },
) {
  const { alumnusId, text } = input;
  const manager = await createStaffUser(tx, { role: "manager", name: "Mia Manager" });

  const segment = await createSegment(tx, { query: `q=${unique("segment")}` });
  const { sendAt: _s, invitedOn: _i, respondBy, ...content } = campaignValues(segment.id);
  const campaign = await tx.campaign.create({
    data: { ...content, respondBy: new Date(`${respondBy}T00:00:00Z`), createdById: input.hrUserId },
  });
  const recipient = await tx.campaignRecipient.create({
    data: { campaignId: campaign.id, alumnusId, sequence: 0, address: input.email },
  });
  const answer = await tx.invitationAnswer.create({
    data: {
      campaignId: campaign.id,
      alumnusId,
      answer: "interested",
      hoursPerWeek: "10_20",
      earliestStart: "now",
      message: `Answer: ${text}`,
      answeredAt: new Date("2026-11-02T10:00:00Z"),
    },
  });
  const email = await tx.outboxMessage.create({
    data: {
      template: "return-invitation",
      purpose: "return_opportunities",
      toAddress: input.email,
      toName: input.name,
      alumnusId,
      subject: `${input.name}, would you come back?`,
      html: `<p>Dear ${input.name}: ${text}</p>`,
      text: `Dear ${input.name}: ${text}`,
      messageId: `<${unique("m")}@comeback.test>`,
      campaignId: campaign.id,
    },
  });

  const run = await tx.importRun.create({
    data: {
      fileName: "terminations.csv",
      fileSize: 100,
      fileSha256: "0".repeat(64),
      encoding: "utf-8",
      delimiter: ",",
      headerRow: 1,
      status: "committed",
    },
  });
  const importRow = await tx.importRow.create({
    data: { importId: run.id, rowNumber: 2, outcome: "update", alumnusId, managerName: `Row: ${text}` },
  });

  const reviewInput = await tx.reviewInputRequest.create({
    data: {
      alumnusId,
      managerId: manager.id,
      requestedById: input.hrUserId,
      question: `Question: ${text}`,
      answer: `Manager answer: ${text}`,
    },
  });
  const reviewRequest = await tx.eligibilityReviewRequest.create({
    data: { alumnusId, message: `Look again: ${text}`, outcomeAtRequest: "needs_review" },
  });
  const whatIfRun = await tx.whatIfRun.create({
    data: { policyId: unique("draft"), revision: 1, status: "done", computedAt: new Date() },
  });
  const whatIf = await tx.whatIfChange.create({
    data: {
      runId: whatIfRun.id,
      alumnusId,
      name: input.name,
      sortKey: input.name.toLowerCase(),
      toOutcome: "eligible",
      fromOutcome: "needs_review",
      direction: "more",
      why: [`Draft rule: ${text}`],
    },
  });

  const program = await createProgram(tx, { hiringManagerId: manager.id });
  const application = await createApplication(tx, {
    programId: program.id,
    alumnusId,
    status: "hired",
    motivation: `Motivation: ${text}`,
  });
  const applicationNotes = [
    await tx.applicationNote.create({
      data: {
        applicationId: application.id,
        kind: "note",
        body: `Screening: ${text}`,
        authorType: "staff",
        authorId: input.hrUserId,
        authorName: "Hanna HR",
      },
    }),
    await tx.applicationNote.create({
      data: {
        applicationId: application.id,
        kind: "move",
        fromStatus: "submitted",
        toStatus: "withdrawn",
        body: `Withdrawing: ${text}`,
        authorType: "alumnus",
        authorId: alumnusId,
        authorName: input.name,
      },
    }),
  ];
  const accepted = await createAcceptedContract(tx, { applicationId: application.id });
  const contractId = accepted.contract.id;
  const approval = await tx.contractApproval.create({
    data: {
      contractId,
      termsVersion: 1,
      capacity: "manager",
      approverId: manager.id,
      approverName: manager.name,
      comment: `Approver: ${text}`,
    },
  });
  const contractNotes = [
    await tx.contractNote.create({
      data: {
        contractId,
        action: "send_offer",
        fromStatus: "approved",
        toStatus: "offered",
        termsVersion: 1,
        body: `Offer note: ${text}`,
        authorType: "staff",
        authorId: input.hrUserId,
        authorName: "Hanna HR",
      },
    }),
    await tx.contractNote.create({
      data: {
        contractId,
        action: "accept",
        fromStatus: "offered",
        toStatus: "accepted",
        termsVersion: 1,
        body: `Accepting: ${text}`,
        authorType: "alumnus",
        authorId: alumnusId,
        authorName: input.name,
      },
    }),
  ];
  const day = new Date("2027-01-12T00:00:00Z");
  const reminders = [
    await tx.reminderLog.create({
      data: { kind: "onboarding-task", recipientKey: `task:${accepted.tasks[0].id}`, day },
    }),
    await tx.reminderLog.create({
      data: { kind: "onboarding-alumnus", recipientKey: `alumnus:${alumnusId}:${contractId}`, day },
    }),
  ];
  const signInLink = await tx.authToken.create({
    data: {
      purpose: "alumnus_sign_in",
      tokenHash: unique("hash"),
      email: input.email,
      alumnusId,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });

  // Audit events about the application (a staff move with its note) and the contract (the
  // person accepting it in the portal).
  const staff = { type: "staff" as const, id: input.hrUserId, name: "Hanna HR", role: "hr" };
  const audited = [
    await recordAudit(tx, {
      actor: staff,
      action: "application.moved",
      entityType: "application",
      entityId: application.id,
      before: { status: "submitted" },
      after: { status: "in_review", alumnusId },
      reason: `Screening move: ${text}`,
    }),
    await recordAudit(tx, {
      actor: { type: "alumnus", id: alumnusId, name: input.name },
      action: "contract.accepted",
      entityType: "contract",
      entityId: contractId,
      after: { status: "accepted" },
      reason: `Accepted: ${text}`,
    }),
  ];

  return {
    campaign,
    recipient,
    answer,
    email,
    importRow,
    reviewInput,
    reviewRequest,
    whatIf,
    program,
    application,
    applicationNotes,
    contract: accepted.contract,
    acceptance: await tx.contractAcceptance.findUniqueOrThrow({ where: { contractId } }),
    tasks: accepted.tasks,
    document: accepted.document,
    approval,
    contractNotes,
    reminders,
    signInLink,
    audited,
  };
}
