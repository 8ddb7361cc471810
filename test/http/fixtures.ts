import { publishInitialPolicy } from "~/modules/eligibility/publish-policy.server";
import { newLink, storeAuthToken } from "~/modules/identity/auth-tokens.server";
import { DEFAULT_BRANDING } from "~/modules/portal/branding";
import { sha256Bytes } from "~/platform/crypto.server";
import { signAnswerToken } from "~/modules/invitation-answers/answer-token.server";
import { db } from "~/platform/db.server";
import { signPreferencesToken, signUnsubscribeToken } from "~/platform/mailer/unsubscribe.server";
import { createSession } from "~/platform/session.server";
import {
  createAlumnus,
  createDecision,
  createMailboxMessage,
  createStaffUser,
  createTeam,
} from "../factories";
import { campaignValues, createSegment } from "../factories/campaigns";
import { TINY_PNG } from "../factories/images";
import {
  createAcceptedContract,
  createDraftContract,
  createOnboardingDocument,
} from "../factories/contracts";
import { createApplication, createProgram } from "../factories/pipeline";
import type { Role } from "./route-policy";

/**
 * One user per role (with a live session) and one record of each kind, so every route in the
 * policy table can be requested with real ids. Extend `records` when a route needs a new kind.
 */
export async function buildAuthzFixtures() {
  const team = await createTeam(db);
  const otherTeam = await createTeam(db);
  const users = {
    hr: await createStaffUser(db, { role: "hr" }),
    manager: await createStaffUser(db, { role: "manager", teamId: team.id }),
    admin: await createStaffUser(db, { role: "admin" }),
  };
  const alumnus = await createAlumnus(db);
  const decision = await createDecision(db);
  // Links from emails: an open invitation and an open password reset (empty POSTs never use them up).
  const invited = await createStaffUser(db, { role: "hr", status: "invited" });
  const invitation = newLink("staff_invite");
  await storeAuthToken(db, {
    purpose: "staff_invite",
    token: invitation.token,
    email: invited.email,
    userId: invited.id,
    createdById: users.admin.id,
  });
  const reset = newLink("password_reset");
  await storeAuthToken(db, {
    purpose: "password_reset",
    token: reset.token,
    email: users.hr.email,
    userId: users.hr.id,
  });
  // An open alumni sign-in link (an empty POST never uses it up).
  const alumniSignIn = newLink("alumnus_sign_in");
  await storeAuthToken(db, {
    purpose: "alumnus_sign_in",
    token: alumniSignIn.token,
    email: alumnus.workEmail!,
    alumnusId: alumnus.id,
  });
  // An uploaded import (a small stored file, not yet mapped).
  const upload = await db.importRun.create({
    data: {
      fileName: "fixture.csv",
      fileSize: 40,
      fileSha256: "fixture",
      encoding: "utf-8",
      delimiter: ",",
      headerRow: 1,
      headers: ["Employee ID", "Name"],
      createdById: users.hr.id,
    },
  });
  await db.importChunk.create({
    data: { importId: upload.id, seq: 0, data: Buffer.from("Employee ID,Name\nE1,Ada Lovelace\n") },
  });
  // A message in the development mailbox that carries no sign-in link (HR may open it).
  const message = await createMailboxMessage(db, { to: users.hr.email });
  // A published eligibility policy (version 1) with verdicts for the people above.
  const policy = await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
  // A draft campaign to a saved segment.
  const segment = await createSegment(db, { query: `decisionId=${decision.id}` });
  const { sendAt: _sendAt, invitedOn: _invitedOn, respondBy, ...content } = campaignValues(segment.id);
  const campaign = await db.campaign.create({
    data: { ...content, respondBy: new Date(`${respondBy}T00:00:00Z`), createdById: users.hr.id },
  });
  // The employer's branding with a logo (1 x 1 PNG), so the logo route has something to serve.
  await db.branding.upsert({
    where: { id: "default" },
    create: { ...DEFAULT_BRANDING, logo: TINY_PNG, logoType: "image/png", logoSha256: sha256Bytes(TINY_PNG) },
    update: {},
  });
  // Return programs: one the fixtures' manager hires for, one another manager hires for.
  const ownProgram = await createProgram(db, { hiringManagerId: users.manager.id });
  const otherProgram = await createProgram(db, {
    hiringManagerId: (await createStaffUser(db, { role: "manager", teamId: otherTeam.id })).id,
  });
  const ownApplication = await createApplication(db, { programId: ownProgram.id, alumnusId: alumnus.id });
  const otherApplication = await createApplication(db, { programId: otherProgram.id, alumnusId: alumnus.id });
  // The fixture alumnus was sent that campaign: their answer link works (an empty POST records nothing).
  await db.campaignRecipient.create({
    data: { campaignId: campaign.id, alumnusId: alumnus.id, sequence: 0, address: "fixture@example.org" },
  });
  const answerToken = signAnswerToken({
    alumnusId: alumnus.id,
    campaignId: campaign.id,
    expiresAt: new Date(Date.now() + 30 * 86_400_000),
  });
  // Gig contracts: a pending one on the manager's own program, one on another manager's.
  const ownContract = await createDraftContract(db, {
    programId: ownProgram.id,
    terms: { status: "pending_approval" },
  });
  const otherContract = await createDraftContract(db, {
    programId: otherProgram.id,
    terms: { status: "pending_approval" },
  });
  // Someone else's request to have their data erased, waiting for HR.
  const erasing = await createAlumnus(db);
  const erasure = await db.erasureRequest.create({
    data: { reference: `ER-${erasing.id.slice(-8).toUpperCase()}`, alumnusId: erasing.id },
  });
  // Contracts the fixture alumnus accepted (with their PDFs): on the manager's program, and on another's.
  const accepted = await createAcceptedContract(db, { applicationId: ownApplication.id });
  const otherAccepted = await createAcceptedContract(db, { applicationId: otherApplication.id });
  // Someone else's onboarding document: neither the fixture alumnus nor a manager may fetch it.
  const otherDocument = await createOnboardingDocument(db, {
    contractId: otherContract.contract.id,
    alumnusId: otherContract.person.id,
  });
  /** A fresh session per request, so a route that ends sessions (sign-out) does not leak into the next check. */
  const cookieFor = async (role: Role): Promise<string | null> => {
    if (role === "anonymous") return null;
    const subject = role === "alumnus" ? { alumnusId: alumnus.id } : { userId: users[role].id };
    return (await createSession(subject, {})).setCookie.split(";")[0];
  };
  const records: Record<string, string> = {
    alumnusId: alumnus.id,
    decisionId: decision.id,
    teamId: team.id,
    otherTeamId: otherTeam.id,
    hrUserId: users.hr.id,
    managerUserId: users.manager.id,
    invitationToken: invitation.token,
    resetToken: reset.token,
    alumniSignInToken: alumniSignIn.token,
    mailboxMessageId: message.id,
    policyVersion: String(policy.version),
    importId: upload.id,
    outboxMessageId: message.id,
    unsubscribeToken: signUnsubscribeToken({ alumnusId: alumnus.id, purpose: "news" }),
    preferencesToken: signPreferencesToken({ alumnusId: alumnus.id, purpose: "news" }),
    campaignId: campaign.id,
    ownProgramId: ownProgram.id,
    otherProgramId: otherProgram.id,
    ownApplicationId: ownApplication.id,
    otherApplicationId: otherApplication.id,
    answerToken,
    ownContractId: ownContract.contract.id,
    otherContractId: otherContract.contract.id,
    erasureRequestId: erasure.id,
    acceptedContractId: accepted.contract.id,
    otherAcceptedContractId: otherAccepted.contract.id,
    ownDocumentId: accepted.document.id,
    otherDocumentId: otherDocument.id,
    segmentId: segment.id,
    templateKey: "return-invitation",
  };
  return { users, cookieFor, records };
}

export function fillPath(path: string, records: Record<string, string>) {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = records[name];
    if (!value) throw new Error(`The authorization fixtures have no "${name}" (needed by ${path}).`);
    return encodeURIComponent(value);
  });
}
