import { beforeAll, describe, expect, it } from "vitest";
import { addAlumnusNote } from "~/modules/alumni/add-alumnus-note.server";
import { EditAlumnusSchema } from "~/modules/alumni/alumni-schemas";
import { updateAlumnus } from "~/modules/alumni/update-alumnus.server";
import { verifyAuditChain } from "~/modules/audit/verify-chain.server";
import { registerBackgroundWork } from "~/modules/background.server";
import { publishInitialPolicy } from "~/modules/eligibility/publish-policy.server";
import { startImportCheck, IMPORT_CHECK_JOB } from "~/modules/imports/check-import.server";
import { startImportCommit, IMPORT_COMMIT_JOB } from "~/modules/imports/commit-import.server";
import { suggestMapping } from "~/modules/imports/fields";
import type { ImportSettings } from "~/modules/imports/schemas";
import { uploadImport } from "~/modules/imports/upload-import.server";
import { recordAudit } from "~/platform/audit.server";
import type { AlumnusUser } from "~/platform/auth.server";
import { db, Prisma } from "~/platform/db.server";
import { runNextJob } from "~/platform/jobs.server";
import { hitRateLimit } from "~/platform/rate-limit.server";
import { createSession } from "~/platform/session.server";
import { createStaffUser, staffActor, unique } from "../../../test/factories";
import { campaignValues, createSegment } from "../../../test/factories/campaigns";
import { createPersonRecord } from "../../../test/factories/person-record";
import { approveErasure } from "./approve-erasure.server";
import { refuseErasure } from "./refuse-erasure.server";
import { requestErasure } from "./request-erasure.server";
import { suppressionHash } from "./suppression.server";

async function* once(bytes: Uint8Array) {
  yield bytes;
}
async function runJobs() {
  while (await runNextJob({ kinds: [IMPORT_CHECK_JOB, IMPORT_COMMIT_JOB] }));
}

beforeAll(async () => {
  registerBackgroundWork();
  await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
});

/** A person with values no other test data can contain. */
function somebody() {
  const tag = unique("")
    .replace(/[^a-z0-9]/gi, "")
    .slice(-8);
  return {
    hrId: `ERZ${tag}`.toUpperCase(),
    firstName: `Ottilie${tag}`,
    lastName: `Vasquez${tag}`,
    workEmail: `ottilie.${tag}@example-fintech.com`,
    personalEmail: `otti.${tag}@mail.example.org`,
    phone: `+46 70 ${tag.replace(/\D/g, "").padEnd(7, "7").slice(0, 7)}`,
    preferredName: `Otti${tag}`,
    secret: `private-words-${tag}`,
  };
}

function csvFor(p: ReturnType<typeof somebody>, extra = "") {
  return (
    "Employee ID,Legal Name,Primary Work Email,Personal Email,Hire Date,Termination Date,Primary Termination Reason\n" +
    `${p.hrId},${p.firstName} ${p.lastName},${p.workEmail},${p.personalEmail},03/01/2018,05/31/2022,Position Eliminated\n` +
    extra
  );
}

async function importCsv(hr: ReturnType<typeof staffActor>, csv: string, commit = true) {
  const up = await uploadImport({ actor: hr, fileName: "people.csv", data: once(Buffer.from(csv)) });
  const settings: ImportSettings = {
    system: "workday",
    columns: { ...suggestMapping(up.headers), personalEmail: "Personal Email" },
    dateFormat: "us",
    reasonOverrides: {},
    decisionId: null,
  };
  await startImportCheck({ actor: hr, importId: up.id, settings });
  await runJobs();
  if (commit) {
    await startImportCommit({ actor: hr, importId: up.id });
    await runJobs();
  }
  return db.importRun.findUniqueOrThrow({ where: { id: up.id } });
}

/** Every row of every table, as text (bytes decoded), that contains one of the values. */
async function leftovers(values: string[]) {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const found: string[] = [];
  const needles = values.map((v) => v.toLowerCase());
  for (const { table_name } of tables) {
    if (table_name === "_prisma_migrations") continue;
    // the table names come from the catalogue, not from input
    const rows = await db.$queryRaw<
      Record<string, unknown>[]
    >`SELECT * FROM ${Prisma.raw(`"${table_name}"`)}`;
    for (const row of rows) {
      const text = JSON.stringify(row, (_k, v) =>
        typeof v === "bigint"
          ? v.toString()
          : v && typeof v === "object" && v.type === "Buffer"
            ? Buffer.from(v.data).toString("utf8")
            : v instanceof Uint8Array
              ? Buffer.from(v).toString("utf8")
              : v,
      ).toLowerCase();
      for (const needle of needles) if (text.includes(needle)) found.push(`${table_name}: ${needle}`);
    }
  }
  return found;
}

describe("erasure", () => {
  it("leaves nothing of the person in any table, keeps the audit chain verifiable, and a later import skips them and says so", async () => {
    const hrUser = await createStaffUser(db, { role: "hr" });
    const hr = staffActor(hrUser);
    const p = somebody();
    const other = somebody();

    // The person arrives by import (staged rows, a stored file), next to someone else.
    const first = await importCsv(
      hr,
      csvFor(
        p,
        `${other.hrId},${other.firstName} ${other.lastName},${other.workEmail},${other.personalEmail},03/01/2018,05/31/2022,Position Eliminated\n`,
      ),
    );
    expect(first.status).toBe("committed");
    const person = await db.alumnus.findUniqueOrThrow({ where: { hrId: p.hrId } });
    const otherPerson = await db.alumnus.findUniqueOrThrow({ where: { hrId: other.hrId } });
    const alumnus: AlumnusUser = {
      kind: "alumnus",
      id: person.id,
      sessionId: "s",
      name: `${p.firstName} ${p.lastName}`,
    };

    // HR edits by hand, writes a note, records a do-not-rehire reason in an audit event.
    await updateAlumnus({
      actor: hr,
      alumnusId: person.id,
      input: EditAlumnusSchema.parse({ ...(await editable(person.id)), preferredName: p.preferredName }),
    });
    await db.alumnus.update({ where: { id: person.id }, data: { phone: p.phone } });
    await addAlumnusNote({
      actor: hr,
      alumnusId: person.id,
      body: `Spoke with ${p.firstName} ${p.lastName}: ${p.secret}`,
    });
    // An event elsewhere that quotes the person (e.g. an export filter), and one that quotes the other person.
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actor: staffAuditActor(hrUser),
        action: "alumni.exported",
        entityType: "alumni",
        after: { filter: `q=${p.workEmail}`, count: 1 },
      }),
    );
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actor: staffAuditActor(hrUser),
        action: "alumni.exported",
        entityType: "alumni",
        after: { filter: `q=${other.workEmail}`, count: 1 },
      }),
    );
    // A campaign that reached the person; the email in the outbox names them.
    const segment = await createSegment(db, { query: `q=${p.hrId}` });
    const { sendAt: _s, invitedOn: _i, respondBy, ...content } = campaignValues(segment.id);
    const campaign = await db.campaign.create({
      data: { ...content, respondBy: new Date(`${respondBy}T00:00:00Z`), createdById: hrUser.id },
    });
    await db.campaignRecipient.create({
      data: { campaignId: campaign.id, alumnusId: person.id, sequence: 0, address: p.personalEmail },
    });
    await db.outboxMessage.create({
      data: {
        template: "return-invitation",
        purpose: "return_opportunities",
        toAddress: p.personalEmail,
        toName: `${p.firstName} ${p.lastName}`,
        alumnusId: person.id,
        subject: `${p.preferredName}, would you come back?`,
        html: `<p>Dear ${p.preferredName} ${p.lastName}</p>`,
        text: `Dear ${p.preferredName} ${p.lastName}`,
        messageId: `<${unique("m")}@test>`,
        campaignId: campaign.id,
      },
    });
    // An email to HR that mentions the person (sent to someone else).
    await db.outboxMessage.create({
      data: {
        template: "test-note",
        purpose: "transactional",
        toAddress: hrUser.email,
        subject: "A note",
        html: `<p>${p.firstName} ${p.lastName} wrote in</p>`,
        text: `${p.firstName} ${p.lastName} wrote in`,
        messageId: `<${unique("m")}@test>`,
      },
    });
    // The person: a review request, a portal session, sign-in throttles, an erasure request.
    await db.eligibilityReviewRequest.create({
      data: { alumnusId: person.id, message: `Please look again. ${p.secret}`, outcomeAtRequest: "eligible" },
    });
    await createSession({ alumnusId: person.id }, { ip: "10.9.9.9", userAgent: "Phone" });
    await hitRateLimit(`portal-sign-in:email:${p.personalEmail}`, { limit: 5, windowSeconds: 900 });
    const asked = await requestErasure({ actor: alumnus, message: `Erase me please. ${p.secret}` });
    // A second request while one waits is refused.
    await expect(requestErasure({ actor: alumnus, message: "" })).rejects.toMatchObject({ code: "conflict" });
    // A draft policy's what-if that lists the person by name, department and location.
    const whatIf = await db.whatIfRun.create({
      data: { policyId: unique("draft"), revision: 1, status: "done", computedAt: new Date() },
    });
    await db.whatIfChange.create({
      data: {
        runId: whatIf.id,
        alumnusId: person.id,
        name: `${p.firstName} ${p.lastName}`,
        sortKey: `${p.firstName} ${p.lastName}`.toLowerCase(),
        toOutcome: "eligible",
        direction: "more",
        why: [`${p.firstName} left under the old rule`],
      },
    });
    // The portal era: an invitation answer with a message, an application with its notes, an
    // accepted contract with an approval, notes, the acceptance, onboarding steps and a document,
    // reminders, a sign-in link, and audit events about the application and the contract; the
    // other person has the same, which must stay.
    const portal = await createPersonRecord(db, {
      alumnusId: person.id,
      name: `${p.firstName} ${p.lastName}`,
      email: p.personalEmail,
      text: p.secret,
      hrUserId: hrUser.id,
    });
    await db.reminderLog.create({
      data: {
        kind: "portal-nudge",
        recipientKey: `alumnus:${person.id}`,
        day: new Date("2027-01-13T00:00:00Z"),
      },
    });
    const otherPortal = await createPersonRecord(db, {
      alumnusId: otherPerson.id,
      name: `${other.firstName} ${other.lastName}`,
      email: other.personalEmail,
      text: other.secret,
      hrUserId: hrUser.id,
    });
    // The ids of the person's portal rows (audit events may keep them, reduced to the reference).
    const portalIds = [
      portal.application.id,
      portal.contract.id,
      portal.document.id,
      portal.answer.id,
      ...portal.tasks.map((t) => t.id),
    ];
    expect((await leftovers(portalIds)).length).toBeGreaterThan(portalIds.length);

    // A checked import not yet committed that also holds the person.
    const pending = await importCsv(hr, csvFor(p), false);
    expect(pending.status).toBe("checked");

    expect((await leftovers(values(p))).length).toBeGreaterThan(10);

    const done = await approveErasure({ actor: hr, requestId: asked.id, note: "Checked: no legal hold." });
    expect(done.reference).toBe(asked.reference);
    expect(done.summary).toMatchObject({
      Alumnus: 1,
      AlumnusNote: 1,
      CampaignRecipient: 2,
      WhatIfChange: 2,
      InvitationAnswer: 1,
      Application: 1,
      ApplicationNote: 2,
      GigContract: 1,
      ContractApproval: 1,
      ContractNote: 2,
      ContractAcceptance: 1,
      OnboardingTask: portal.tasks.length,
      OnboardingDocument: 1,
      ReminderLog: 3,
      AuthToken: 1,
    });

    // Nothing of the person is left anywhere: no value, and no row of theirs outside the audit
    // trail, whose events about those rows keep only the request's reference.
    expect(await leftovers(values(p))).toEqual([]);
    expect((await leftovers(portalIds)).filter((l) => !l.startsWith("AuditEvent:"))).toEqual([]);
    const aboutPortal = await db.auditEvent.findMany({ where: { entityId: { in: portalIds } } });
    expect(aboutPortal.length).toBeGreaterThanOrEqual(2);
    for (const e of aboutPortal)
      expect(e).toMatchObject({ after: { erased: asked.reference }, reason: null });
    expect(await db.reminderLog.count({ where: { recipientKey: { contains: person.id } } })).toBe(0);
    // The other person's portal rows are untouched.
    expect(await db.application.count({ where: { id: otherPortal.application.id } })).toBe(1);
    expect(await db.contractNote.count({ where: { contractId: otherPortal.contract.id } })).toBe(2);
    expect(
      await db.reminderLog.count({ where: { recipientKey: { contains: otherPortal.contract.id } } }),
    ).toBe(1);
    expect((await leftovers([other.secret])).length).toBeGreaterThan(5);
    // The other person is untouched (their own export event still names them).
    expect(await db.alumnus.findUnique({ where: { id: otherPerson.id } })).not.toBeNull();
    expect((await leftovers([other.workEmail])).some((l) => l.startsWith("AuditEvent"))).toBe(true);

    // The request keeps its reference, not the person.
    const request = await db.erasureRequest.findUniqueOrThrow({ where: { id: asked.id } });
    expect(request).toMatchObject({
      status: "done",
      alumnusId: null,
      message: null,
      reference: asked.reference,
    });
    // The suppression list holds keyed hashes, not values.
    const suppressions = await db.suppression.findMany({ where: { erasureRequestId: asked.id } });
    expect(suppressions.map((s) => s.keyHash).sort()).toEqual(
      [
        suppressionHash("hr_id", p.hrId),
        suppressionHash("email", p.workEmail),
        suppressionHash("email", p.personalEmail),
      ].sort(),
    );
    // The checked import lost its file and says why; the person's session is gone.
    const cancelled = await db.importRun.findUniqueOrThrow({ where: { id: pending.id } });
    expect(cancelled).toMatchObject({ status: "cancelled" });
    expect(cancelled.fileErasedAt).not.toBeNull();
    expect(await db.session.count({ where: { alumnusId: person.id } })).toBe(0);

    // The audit trail still verifies; the person's events carry only the reference.
    const chain = await verifyAuditChain();
    expect(chain).toMatchObject({ ok: true });
    if (chain.ok) expect(chain.redacted).toBeGreaterThan(3);
    const about = await db.auditEvent.findMany({ where: { entityId: person.id } });
    expect(about.length).toBeGreaterThan(0);
    for (const e of about) expect(e.after).toEqual({ erased: asked.reference });

    // The same person in a later file: skipped, and the dry run says so; the other person updates.
    const again = await importCsv(
      hr,
      csvFor(
        { ...p, workEmail: p.workEmail.toUpperCase() },
        `${other.hrId},${other.firstName} ${other.lastName},${other.workEmail},${other.personalEmail},03/01/2018,05/31/2022,Position Eliminated\n`,
      ),
      false,
    );
    expect(again).toMatchObject({ status: "checked", suppressedCount: 1, createCount: 0, unchangedCount: 1 });
    const skipped = await db.importRow.findFirstOrThrow({
      where: { importId: again.id, outcome: "suppressed" },
    });
    expect(JSON.stringify(skipped.errors)).toContain(
      `asked for their data to be erased (${asked.reference})`,
    );
    expect(skipped.hrId).toBeNull();
    await startImportCommit({ actor: hr, importId: again.id });
    await runJobs();
    expect(await db.alumnus.count({ where: { hrId: p.hrId } })).toBe(0);
    const committed = await db.importRun.findUniqueOrThrow({ where: { id: again.id } });
    expect(committed).toMatchObject({ status: "committed", suppressedCount: 1 });
    expect(committed.fileErasedAt).not.toBeNull();
    expect(await leftovers(values(p))).toEqual([]);
    // An email address alone (no employee ID in the file) is enough to recognise them.
    const byEmail = await importCsv(hr, csvFor({ ...p, hrId: `NEW${p.hrId}` }), false);
    expect(byEmail).toMatchObject({ suppressedCount: 1, createCount: 0 });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("refuses with a reason the person reads, and approving needs an open request and no legal hold", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const p = somebody();
    await importCsv(hr, csvFor(p));
    const person = await db.alumnus.findUniqueOrThrow({ where: { hrId: p.hrId } });
    const alumnus: AlumnusUser = { kind: "alumnus", id: person.id, sessionId: "s", name: p.firstName };
    const asked = await requestErasure({ actor: alumnus, message: "" });
    await refuseErasure({
      actor: hr,
      requestId: asked.id,
      note: "Your contract runs until June; we must keep it.",
    });
    await expect(approveErasure({ actor: hr, requestId: asked.id, note: "" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await db.alumnus.count({ where: { id: person.id } })).toBe(1);
    // Asking again is possible once the first was decided; a legal hold blocks the approval.
    const again = await requestErasure({ actor: alumnus, message: "Please reconsider." });
    await db.alumnus.update({ where: { id: person.id }, data: { legalHold: true } });
    await expect(approveErasure({ actor: hr, requestId: again.id, note: "" })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/legal hold/),
    });
    expect(await db.alumnus.count({ where: { id: person.id } })).toBe(1);
    expect(await db.suppression.count({ where: { erasureRequestId: again.id } })).toBe(0);
  });
});

function values(p: ReturnType<typeof somebody>) {
  return [p.hrId, p.firstName, p.lastName, p.workEmail, p.personalEmail, p.phone, p.preferredName, p.secret];
}

function staffAuditActor(u: { id: string; name: string }) {
  return { type: "staff" as const, id: u.id, name: u.name, role: "hr" };
}

/** The edit form's current values for a person (what HR would submit unchanged). */
async function editable(alumnusId: string) {
  const a = await db.alumnus.findUniqueOrThrow({ where: { id: alumnusId } });
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  return {
    version: String(a.version),
    firstName: a.firstName,
    lastName: a.lastName,
    preferredName: a.preferredName ?? "",
    workEmail: a.workEmail ?? "",
    personalEmail: a.personalEmail ?? "",
    jobTitle: a.jobTitle ?? "",
    department: a.department ?? "",
    location: a.location ?? "",
    country: a.country ?? "",
    skills: a.skills.join(", "),
    languages: a.languages.join(", "),
    hireDate: day(a.hireDate),
    exitDate: day(a.exitDate),
    exitReason: a.exitReason ?? "",
    regrettable: a.regrettable === null ? "" : a.regrettable ? "yes" : "no",
    availabilityHours: a.availabilityHours === null ? "" : String(a.availabilityHours),
    earliestStart: day(a.earliestStart),
    engagementPreference: a.engagementPreference ?? "",
  };
}
