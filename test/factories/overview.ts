import type { Db } from "~/platform/db.server";
import { createSegment } from "./campaigns";
import { createAlumnus, createDecision, createStaffUser, staffActor, unique } from "./index";
import { createApplication, createProgram } from "./pipeline";

/** Known data for the overview's funnel (ADR 078), for module and HTTP tests. */
const DAY = 86_400_000;
const invitedAt = new Date("2026-10-01T09:00:00Z");

async function verdict(tx: Db, alumnusId: string, outcome: "eligible" | "needs_review" | "not_eligible") {
  const at = new Date();
  await tx.eligibilityVerdict.create({
    data: {
      alumnusId,
      outcome,
      reasons: [],
      policyId: "test-policy",
      policyVersion: 1,
      computedAt: at,
      decidedAt: at,
      expiresAt: new Date(at.getTime() + 365 * DAY),
    },
  });
}

async function invite(tx: Db, campaignId: string, alumnusId: string, status: "sent" | "queued" = "sent") {
  await tx.outboxMessage.create({
    data: {
      template: "return-invitation",
      purpose: "return_opportunities",
      toAddress: `${unique("to")}@example.org`,
      alumnusId,
      campaignId,
      subject: "Would you come back?",
      html: "<p>Hello</p>",
      text: "Hello",
      messageId: `<${unique("m")}@comeback.test>`,
      status,
      sentAt: status === "sent" ? invitedAt : null,
    },
  });
}

async function contract(
  tx: Db,
  application: { id: string; programId: string; alumnusId: string },
  values: { status: "pending_approval" | "accepted" | "active"; acceptedAt?: Date; activatedAt?: Date },
) {
  await tx.gigContract.create({
    data: {
      applicationId: application.id,
      programId: application.programId,
      alumnusId: application.alumnusId,
      role: "Support specialist",
      hourlyRate: "20.00",
      currency: "EUR",
      ...values,
    },
  });
}

/**
 * A decision with five people and one program on its second phase (target 20):
 *   p1 contactable, eligible, invited, said yes, applied, accepted a contract
 *   p2 contactable, eligible, invited (no answer)
 *   p3 not contactable (no consent), not eligible, applied from the portal; contract awaits approval
 *   p4 do-not-contact, no verdict; invited but the email is still queued (not an invitation yet)
 *   p5 contactable, no verdict, invited, applied; contract active 10 days after the invitation
 */
export async function overviewWorld(tx: Db, password?: string) {
  const decision = await createDecision(tx);
  const manager = await createStaffUser(tx, { role: "manager", password });
  const program = await createProgram(tx, { decisionId: decision.id, hiringManagerId: manager.id });
  const segment = await createSegment(tx, { query: "" });
  const campaign = await tx.campaign.create({
    data: {
      name: unique("Campaign "),
      segmentId: segment.id,
      template: "return-invitation",
      senderName: "Amara Okafor",
      senderRole: "People Partner",
      senderEmail: "amara@example.org",
      companyName: "Fjord Pay",
      teamName: "support",
      opportunity: "Remote shifts",
      respondBy: new Date("2027-01-15T00:00:00Z"),
      status: "completed",
      programId: program.id,
    },
  });
  const person = (o: Parameters<typeof createAlumnus>[1]) =>
    createAlumnus(tx, {
      decisionId: decision.id,
      personalEmail: `${unique("p")}@example.org`,
      consentReturn: "granted",
      doNotContact: false,
      department: "Support",
      location: "Lisbon",
      ...o,
    });
  const p1 = await person({});
  const p2 = await person({ location: "Riga" });
  const p3 = await person({ consentReturn: "unknown" });
  const p4 = await person({ doNotContact: true });
  const p5 = await person({ department: "Payments" });
  await verdict(tx, p1.id, "eligible");
  await verdict(tx, p2.id, "eligible");
  await verdict(tx, p3.id, "not_eligible");
  await invite(tx, campaign.id, p1.id);
  await invite(tx, campaign.id, p1.id); // a reminder: still one person
  await invite(tx, campaign.id, p2.id);
  await invite(tx, campaign.id, p4.id, "queued");
  await invite(tx, campaign.id, p5.id);
  await tx.invitationAnswer.create({
    data: { campaignId: campaign.id, alumnusId: p1.id, answer: "interested", answeredAt: new Date() },
  });
  await tx.invitationAnswer.create({
    data: { campaignId: campaign.id, alumnusId: p2.id, answer: "not_now", answeredAt: new Date() },
  });
  const a1 = await createApplication(tx, { programId: program.id, alumnusId: p1.id, status: "offered" });
  const a3 = await createApplication(tx, { programId: program.id, alumnusId: p3.id, status: "offered" });
  const a5 = await createApplication(tx, { programId: program.id, alumnusId: p5.id, status: "hired" });
  await contract(tx, a1, { status: "accepted", acceptedAt: new Date() });
  await contract(tx, a3, { status: "pending_approval" });
  await contract(tx, a5, {
    status: "active",
    acceptedAt: new Date(invitedAt.getTime() + 5 * DAY),
    activatedAt: new Date(invitedAt.getTime() + 10 * DAY),
  });
  const hrUser = await createStaffUser(tx, { role: "hr", password });
  const hr = staffActor(hrUser);
  return { decision, program, hr, manager: staffActor(manager), users: { hr: hrUser, manager } };
}
