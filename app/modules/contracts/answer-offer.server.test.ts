import { pdfText } from "../../../test/pdf-text";
import { describe, expect, it } from "vitest";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { AlumnusUser, StaffUser } from "~/platform/auth.server";
import { sha256, sha256Bytes } from "~/platform/crypto.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { t } from "~/modules/portal/strings";
import { createStaffUser, staffActor } from "../../../test/factories";
import { createDraftContract } from "../../../test/factories/contracts";
import { acceptContract, declineContract, downloadContractPdf } from "./answer-offer.server";
import { renderContractPdf, winAnsi } from "./contract-pdf.server";
import { decideContract } from "./decide-contract.server";
import { getPortalContract } from "./get-portal-contract.server";
import { TermsSchema } from "./schemas";
import { sendContractOffer } from "./send-contract-offer.server";
import { submitContract } from "./submit-contract.server";
import { updateContractTerms } from "./update-contract-terms.server";

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const current = async (id: string) => db.gigContract.findUniqueOrThrow({ where: { id } });

/** Sends the contract for approval, approves it as its hiring manager, offers it. */
async function offer(hr: StaffUser, manager: StaffUser, contractId: string) {
  const submitted = await submitContract({
    actor: hr,
    contractId,
    version: (await current(contractId)).version,
  });
  const approved = await decideContract({
    actor: manager,
    contractId,
    input: { version: submitted.version, decision: "approve", comment: null },
  });
  return sendContractOffer({ actor: hr, contractId, version: approved.version });
}

/** An offered contract, the person as a signed-in alumnus, HR and the hiring manager. */
async function offered() {
  const hr = staffActor(await createStaffUser(db, { role: "hr", name: "Hanna Berg" }));
  const manager = staffActor(await createStaffUser(db, { role: "manager", name: "Mats Lindqvist" }));
  const made = await createDraftContract(db, { hiringManagerId: manager.id, createdById: hr.id });
  const sent = await offer(hr, manager, made.contract.id);
  const alumnus: AlumnusUser = {
    kind: "alumnus",
    id: made.person.id,
    sessionId: "test",
    name: made.person.firstName,
  };
  const row = await current(made.contract.id);
  return { hr, manager, alumnus, ...made, sent, row };
}

const browser = { ip: "198.51.100.7", userAgent: "Mozilla/5.0 (test) Firefox/140.0" };

describe("the person accepts the offer", () => {
  it("records the exact text, its hash, the terms version, when and which browser; makes and stores the PDF with its hash", async () => {
    const { alumnus, contract, row, hr, manager, application } = await offered();
    const page = await getPortalContract({ alumnus, contractId: contract.id });
    expect(page.state).toBe("open");
    expect(page.termsHash).toBe(row.termsHash);
    const accepted = await acceptContract({
      alumnus,
      contractId: contract.id,
      shownHash: page.termsHash,
      ...browser,
    });
    // Acceptance starts onboarding at once (ADR 067).
    expect(accepted.status).toBe("onboarding");
    const record = await db.contractAcceptance.findUniqueOrThrow({ where: { contractId: contract.id } });
    expect(record.text).toBe(row.termsText);
    expect(record.textSha256).toBe(sha256(row.termsText!));
    expect(record).toMatchObject({ ...browser, termsVersion: row.termsVersion, alumnusId: alumnus.id });
    expect(record.templateVersionId).toBe(row.templateVersionId);
    // The PDF: stored once, its hash recorded, the text's hash printed on it.
    expect(Buffer.from(record.pdf!).subarray(0, 5).toString()).toBe("%PDF-");
    expect(record.pdfSha256).toBe(sha256Bytes(record.pdf!));
    const printed = pdfText(record.pdf!);
    expect(printed).toContain(`SHA-256 of the accepted text: ${record.textSha256}`);
    expect(printed).toContain("Gig contract between");
    // PDF dates hold whole seconds.
    expect((await PDFDocument.load(record.pdf!)).getCreationDate()?.getTime()).toBe(
      Math.floor(record.acceptedAt.getTime() / 1000) * 1000,
    );
    // The contract, the application, the audit trail and the emails.
    const after = await current(contract.id);
    expect(after.status).toBe("onboarding");
    expect(after.acceptedAt?.getTime()).toBe(record.acceptedAt.getTime());
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("hired");
    const audit = await db.auditEvent.findMany({
      where: { entityId: contract.id, action: "contract.accepted" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ textSha256: record.textSha256, pdfSha256: record.pdfSha256 });
    for (const who of [hr, manager])
      expect(
        await db.outboxMessage.count({ where: { toAddress: who.email, template: "contract-answered" } }),
      ).toBe(1);
    // Both sides download the same bytes; each download is audited.
    const mine = await downloadContractPdf({ actor: alumnus, contractId: contract.id });
    const theirs = await downloadContractPdf({ actor: hr, contractId: contract.id });
    expect(sha256Bytes(mine.bytes)).toBe(record.pdfSha256);
    expect(sha256Bytes(theirs.bytes)).toBe(record.pdfSha256);
    expect(
      await db.auditEvent.count({ where: { entityId: contract.id, action: "contract.pdf_downloaded" } }),
    ).toBe(2);
    // The portal shows what was accepted.
    const now = await getPortalContract({ alumnus, contractId: contract.id });
    expect(now).toMatchObject({
      state: "accepted",
      acceptance: { textSha256: record.textSha256, hasPdf: true },
    });
  });

  it("refuses stale terms: after a change of terms the old hash is refused, the new text must be read", async () => {
    const { alumnus, contract, row, hr, manager } = await offered();
    const oldHash = row.termsHash!;
    // HR changes the rate after the offer: back to approval, the offer is taken back.
    await updateContractTerms({
      actor: hr,
      contractId: contract.id,
      input: TermsSchema.parse({
        version: String(row.version),
        role: row.role,
        hourlyRate: "21.00",
        currency: row.currency,
        minHoursPerWeek: "10",
        maxHoursPerWeek: "25",
        startsOn: "2027-03-01",
        noticeDays: "14",
        workplace: "remote",
      }),
    });
    expect((await getPortalContract({ alumnus, contractId: contract.id })).state).toBe("revising");
    const whileRevising = await failure(
      acceptContract({ alumnus, contractId: contract.id, shownHash: oldHash, ...browser }),
    );
    expect(whileRevising.code).toBe("conflict");
    expect(whileRevising.message).toBe(t("contract.changed"));
    // Approved and offered again: the new text has a new hash; the old one is still refused.
    const approved = await decideContract({
      actor: manager,
      contractId: contract.id,
      input: { version: (await current(contract.id)).version, decision: "approve", comment: null },
    });
    await sendContractOffer({ actor: hr, contractId: contract.id, version: approved.version });
    const page = await getPortalContract({ alumnus, contractId: contract.id });
    expect(page.termsHash).not.toBe(oldHash);
    expect(page.blocks.map((b) => b.text).join("\n")).toContain("€21.00 an hour");
    const stale = await failure(
      acceptContract({ alumnus, contractId: contract.id, shownHash: oldHash, ...browser }),
    );
    expect(stale.message).toBe(t("contract.changed"));
    expect(await db.contractAcceptance.count({ where: { contractId: contract.id } })).toBe(0);
    await acceptContract({ alumnus, contractId: contract.id, shownHash: page.termsHash, ...browser });
    const record = await db.contractAcceptance.findUniqueOrThrow({ where: { contractId: contract.id } });
    expect(record.text).toContain("€21.00 an hour");
    expect(record.termsVersion).toBe((await current(contract.id)).termsVersion);
  });

  it("five accepts at once record one acceptance, one audit event, one email each; the others are told it is done", async () => {
    const { alumnus, contract, row, hr } = await offered();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        acceptContract({ alumnus, contractId: contract.id, shownHash: row.termsHash!, ...browser }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).message).toBe(t("contract.alreadyAccepted"));
    }
    expect(await db.contractAcceptance.count({ where: { contractId: contract.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: contract.id, action: "contract.accepted" } })).toBe(
      1,
    );
    expect(
      await db.outboxMessage.count({ where: { toAddress: hr.email, template: "contract-answered" } }),
    ).toBe(1);
  });

  it("refuses an offer past its date even before the sweep expires it", async () => {
    const { alumnus, contract, row } = await offered();
    const late = new Date(row.offerExpiresAt!.getTime() + 60_000);
    const error = await failure(
      acceptContract({ alumnus, contractId: contract.id, shownHash: row.termsHash!, ...browser, now: late }),
    );
    expect(error.message).toBe(t("contract.notOpen"));
    expect((await getPortalContract({ alumnus, contractId: contract.id, now: late })).state).toBe("closed");
  });

  it("shows the contract only to its person, and only once offered", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const manager = staffActor(await createStaffUser(db, { role: "manager" }));
    const made = await createDraftContract(db, { hiringManagerId: manager.id, createdById: hr.id });
    const person: AlumnusUser = { kind: "alumnus", id: made.person.id, sessionId: "t", name: "P" };
    expect((await failure(getPortalContract({ alumnus: person, contractId: made.contract.id }))).code).toBe(
      "not_found",
    );
    await submitContract({ actor: hr, contractId: made.contract.id, version: 1 });
    // Waiting for approval, never offered: still nothing to see.
    expect((await failure(getPortalContract({ alumnus: person, contractId: made.contract.id }))).code).toBe(
      "not_found",
    );
    const { alumnus, contract, row } = await offered();
    const stranger: AlumnusUser = { ...alumnus, id: made.person.id };
    expect((await failure(getPortalContract({ alumnus: stranger, contractId: contract.id }))).code).toBe(
      "not_found",
    );
    const refused = await failure(
      acceptContract({ alumnus: stranger, contractId: contract.id, shownHash: row.termsHash!, ...browser }),
    );
    expect(refused.code).toBe("not_found");
    // Another manager cannot download the accepted contract either.
    await acceptContract({ alumnus, contractId: contract.id, shownHash: row.termsHash!, ...browser });
    const otherManager = staffActor(await createStaffUser(db, { role: "manager" }));
    expect((await failure(downloadContractPdf({ actor: otherManager, contractId: contract.id }))).code).toBe(
      "not_found",
    );
  });
});

describe("the person declines the offer", () => {
  it("closes it with their message to HR and the hiring manager; it cannot be accepted afterwards", async () => {
    const { alumnus, contract, row, hr, manager } = await offered();
    await declineContract({
      alumnus,
      contractId: contract.id,
      shownHash: row.termsHash!,
      comment: "I found another job, thank you for thinking of me.",
    });
    expect((await current(contract.id)).status).toBe("withdrawn");
    for (const who of [hr, manager]) {
      const mail = await db.outboxMessage.findFirstOrThrow({
        where: { toAddress: who.email, template: "contract-answered" },
      });
      expect(mail.text).toContain("I found another job");
    }
    expect(await db.auditEvent.count({ where: { entityId: contract.id, action: "contract.declined" } })).toBe(
      1,
    );
    expect((await getPortalContract({ alumnus, contractId: contract.id })).state).toBe("declined");
    const late = await failure(
      acceptContract({ alumnus, contractId: contract.id, shownHash: row.termsHash!, ...browser }),
    );
    expect(late.message).toBe(t("contract.alreadyDeclined"));
  });
});

describe("the contract PDF", () => {
  const input = {
    employer: "Fjord Pay",
    person: "Åsa Łukasiewicz",
    role: "Support specialist",
    program: "Weekend support",
    text:
      "## Pay\n\nFjord Pay pays €20.00 an hour.\n\n## Hours\n\nBetween 10 and 25 hours a week. " +
      "Word ".repeat(900),
    textSha256: "a".repeat(64),
    termsVersion: 3,
    template: "Gig contract, version 1",
    acceptedAt: new Date("2027-01-10T09:30:00.123Z"),
  };

  it("is the same bytes for the same acceptance, runs over several pages, and says when letters could not be shown", async () => {
    const one = await renderContractPdf(input);
    const two = await renderContractPdf(input);
    expect(one.sha256).toBe(two.sha256);
    const doc = await PDFDocument.load(one.pdf);
    expect(doc.getPageCount()).toBeGreaterThan(1);
    const printed = pdfText(one.pdf);
    expect(printed).toContain("Åsa ?ukasiewicz");
    expect(printed).toContain("printed without their accents");
    expect(printed.match(/SHA-256 of the accepted text: a{64}/g)?.length).toBeGreaterThan(doc.getPageCount());
  });

  it("keeps what the standard font can show, strips accents it cannot, and marks the rest", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(winAnsi(font, "Åsa Öberg – €20 “ok”")).toEqual({ text: "Åsa Öberg – €20 “ok”", replaced: false });
    expect(winAnsi(font, "Čapek")).toEqual({ text: "Capek", replaced: true });
    expect(winAnsi(font, "Łódź 東京")).toEqual({ text: "?ódz ??", replaced: true });
  });
});
