import { describe, expect, it } from "vitest";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { createStaffUser, staffActor } from "../../../test/factories";
import { createDraftContract } from "../../../test/factories/contracts";
import { cancelContract } from "./cancel-contract.server";
import { canAct, type ContractAction, type ContractStatus } from "./contract-machine";
import { loadContract } from "./contract-record.server";
import { decideContract } from "./decide-contract.server";
import { endContract } from "./end-contract.server";
import { sendContractOffer } from "./send-contract-offer.server";
import { submitContract } from "./submit-contract.server";
import { updateContractTerms } from "./update-contract-terms.server";
import { TermsSchema, type DecisionInput } from "./schemas";

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const hrUser = async (name = "Hanna Berg") => staffActor(await createStaffUser(db, { role: "hr", name }));
const managerUser = async (name = "Mats Lindqvist") =>
  staffActor(await createStaffUser(db, { role: "manager", name }));

async function setup(options: { rate?: string; maxHours?: number } = {}) {
  const hr = await hrUser();
  const manager = await managerUser();
  const made = await createDraftContract(db, {
    hiringManagerId: manager.id,
    createdById: hr.id,
    terms: {
      ...(options.rate ? { hourlyRate: options.rate } : {}),
      ...(options.maxHours ? { maxHoursPerWeek: options.maxHours } : {}),
    },
  });
  return { hr, manager, ...made };
}

const version = async (id: string) => (await db.gigContract.findUniqueOrThrow({ where: { id } })).version;
const decide = (
  actor: StaffUser,
  contractId: string,
  v: number,
  decision: DecisionInput["decision"],
  comment?: string,
) => decideContract({ actor, contractId, input: { version: v, decision, comment: comment ?? null } });
const outboxTo = (address: string, template: string) =>
  db.outboxMessage.count({ where: { toAddress: address, template } });

const termsForm = (over: Record<string, string> = {}) =>
  TermsSchema.parse({
    version: "1",
    role: "Support specialist",
    hourlyRate: "20",
    currency: "EUR",
    minHoursPerWeek: "10",
    maxHoursPerWeek: "25",
    startsOn: "2027-03-01",
    noticeDays: "14",
    workplace: "remote",
    ...over,
  });

describe("a gig contract from draft to offer", () => {
  it("HR sends it for approval, the hiring manager approves, HR sends the offer; each step emailed and audited", async () => {
    const { hr, manager, contract, person } = await setup();
    const submitted = await submitContract({ actor: hr, contractId: contract.id, version: 1 });
    expect(submitted).toMatchObject({ status: "pending_approval", approvalRequests: 1 });
    expect(await outboxTo(manager.email, "contract-approval-request")).toBe(1);
    const row = await db.gigContract.findUniqueOrThrow({ where: { id: contract.id } });
    expect(row.termsText).toContain("Gig contract between");
    expect(row.termsText).toContain("€20.00 an hour");
    expect(row.termsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.templateVersionId).toBe("default-gig-contract-v1");

    const approved = await decide(
      manager,
      contract.id,
      submitted.version,
      "approve",
      "Glad to have them back.",
    );
    expect(approved).toMatchObject({ status: "approved", capacity: "manager", complete: true });
    expect(await outboxTo(hr.email, "contract-approved")).toBe(1);

    const offered = await sendContractOffer({
      actor: hr,
      contractId: contract.id,
      version: approved.version,
    });
    expect(offered.status).toBe("offered");
    expect(await outboxTo(person.personalEmail!, "contract-offer")).toBe(1);

    const events = await db.auditEvent.findMany({
      where: { entityType: "contract", entityId: contract.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      "contract.submitted",
      "contract.approved",
      "contract.offered",
    ]);
    const history = await db.contractNote.findMany({
      where: { contractId: contract.id },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => [h.action, h.authorName])).toEqual([
      ["submit", "Hanna Berg"],
      ["approve", "Mats Lindqvist"],
      ["send_offer", "Hanna Berg"],
    ]);
  });

  it("refuses to send incomplete terms for approval, and says what is missing", async () => {
    const { hr, contract } = await setup();
    await db.gigContract.update({ where: { id: contract.id }, data: { startsOn: null, noticeDays: null } });
    const error = await failure(submitContract({ actor: hr, contractId: contract.id, version: 1 }));
    expect(error.message).toBe(
      "Fill in the start date and the notice period first: approvers decide on complete terms.",
    );
  });

  it("asks for changes and rejects only with a comment that reaches HR", async () => {
    const { hr, manager, contract } = await setup();
    const { version: v } = await submitContract({ actor: hr, contractId: contract.id, version: 1 });
    const changes = await decide(
      manager,
      contract.id,
      v,
      "request_changes",
      "Please start a week later, on 8 March.",
    );
    expect(changes.status).toBe("changes_requested");
    expect(await outboxTo(hr.email, "contract-changes-requested")).toBe(1);
    const again = await submitContract({ actor: hr, contractId: contract.id, version: changes.version });
    const rejected = await decide(
      manager,
      contract.id,
      again.version,
      "reject",
      "The team has no budget this quarter.",
    );
    expect(rejected.status).toBe("rejected");
    expect(await outboxTo(hr.email, "contract-rejected")).toBe(1);
  });
});

describe("who may decide", () => {
  it("a manager cannot see or decide another team's contract (404), nor do HR's part (403)", async () => {
    const { hr, manager, contract } = await setup();
    const other = await managerUser("Olle Other");
    const { version: v } = await submitContract({ actor: hr, contractId: contract.id, version: 1 });
    expect((await failure(decide(other, contract.id, v, "approve"))).status).toBe(404);
    expect((await failure(decide(other, contract.id, v, "reject", "Not my call at all."))).status).toBe(404);
    expect(
      (
        await failure(
          updateContractTerms({
            actor: manager,
            contractId: contract.id,
            input: termsForm({ version: String(v) }),
          }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await failure(
          cancelContract({
            actor: manager,
            contractId: contract.id,
            version: v,
            reason: "Because I would like to stop it.",
          }),
        )
      ).status,
    ).toBe(403);
    expect(await version(contract.id)).toBe(v);
  });

  it("nobody approves their own draft, even an HR lead", async () => {
    const { hr, contract } = await setup({ rate: "30.00" });
    const { version: v } = await submitContract({ actor: hr, contractId: contract.id, version: 1 });
    const error = await failure(decide(hr, contract.id, v, "approve"));
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/You prepared this contract/);
  });

  // Every staff action from a spread of statuses, by each role, against the table.
  const STATUSES: ContractStatus[] = [
    "draft",
    "pending_approval",
    "changes_requested",
    "approved",
    "offered",
    "active",
    "rejected",
  ];
  const ACTIONS: ContractAction[] = [
    "submit",
    "approve",
    "request_changes",
    "reject",
    "send_offer",
    "cancel",
    "end",
  ];
  it.each(STATUSES)("from %s, each role may do exactly what the table allows", async (status) => {
    const { hr, manager, program } = await setup({ rate: "30.00" });
    const lead = await hrUser("Lena Lead");
    for (const action of ACTIONS) {
      for (const who of ["hr", "manager", "hr_lead"] as const) {
        const { contract } = await createDraftContract(db, {
          programId: program.id,
          createdById: hr.id,
          terms: { hourlyRate: "30.00", status },
        });
        const actor = who === "hr" ? hr : who === "manager" ? manager : lead;
        const run = () => {
          switch (action) {
            case "submit":
              return submitContract({ actor, contractId: contract.id, version: 1 });
            case "send_offer":
              return sendContractOffer({ actor, contractId: contract.id, version: 1 });
            case "cancel":
              return cancelContract({
                actor,
                contractId: contract.id,
                version: 1,
                reason: "The program was paused by the board.",
              });
            case "end":
              return endContract({ actor, contractId: contract.id, version: 1, reason: "Notice given." });
            default:
              return decide(
                actor,
                contract.id,
                1,
                action as DecisionInput["decision"],
                "A comment long enough.",
              );
          }
        };
        // HR staff hold manage:contract and approve:contract:second (an HR lead); the author
        // (hr) is never an approver of their own draft.
        const roles = who === "manager" ? (["manager"] as const) : (["hr", "hr_lead"] as const);
        const decision = ["approve", "request_changes", "reject"].includes(action);
        const allowed = roles.some((role) => canAct(role, action, status)) && !(who === "hr" && decision);
        const outcome = await run().then(
          () => "ok",
          (e: AppError) => e.status,
        );
        if (allowed) expect(outcome, `${who} ${action} from ${status}`).toBe("ok");
        else expect([403, 409], `${who} ${action} from ${status}`).toContain(outcome);
        if (!allowed) expect(await version(contract.id)).toBe(1);
      }
    }
  });
});

describe("the second approver", () => {
  it("a rate above the range needs the hiring manager and an HR lead; the contract says so", async () => {
    const { hr, manager, contract } = await setup({ rate: "30.00" });
    const lead = await hrUser("Lena Lead");
    const { version: v } = await submitContract({ actor: hr, contractId: contract.id, version: 1 });
    expect(await outboxTo(lead.email, "contract-approval-request")).toBe(1);
    expect(await outboxTo(hr.email, "contract-approval-request")).toBe(0); // the author is not asked
    const first = await decide(manager, contract.id, v, "approve");
    expect(first).toMatchObject({ status: "pending_approval", complete: false, waitingFor: ["an HR lead"] });
    // The manager cannot fill the second place too.
    expect((await failure(decide(manager, contract.id, first.version, "approve"))).status).toBe(403);
    const second = await decide(lead, contract.id, first.version, "approve");
    expect(second).toMatchObject({ status: "approved", capacity: "hr_lead", complete: true });
  });

  it("one person holding both permissions fills one place only", async () => {
    const { hr, manager, contract } = await setup({ rate: "30.00" });
    const both: StaffUser = { ...manager, permissions: [...manager.permissions, "approve:contract:second"] };
    const { version: v } = await submitContract({ actor: hr, contractId: contract.id, version: 1 });
    const first = await decide(both, contract.id, v, "approve");
    expect(first.status).toBe("pending_approval");
    const error = await failure(decide(both, contract.id, first.version, "approve"));
    expect(error.message).toMatch(/already approved these terms/);
  });

  it("changing the rate after approval sends it back to pending; old approvals stop counting", async () => {
    const { hr, manager, contract } = await setup();
    const { version: v } = await submitContract({ actor: hr, contractId: contract.id, version: 1 });
    const approved = await decide(manager, contract.id, v, "approve");
    expect(approved.status).toBe("approved");
    const before = await db.gigContract.findUniqueOrThrow({ where: { id: contract.id } });
    const edited = await updateContractTerms({
      actor: hr,
      contractId: contract.id,
      input: termsForm({ version: String(approved.version), hourlyRate: "31.00" }),
    });
    expect(edited).toMatchObject({ changed: true, status: "pending_approval" });
    const after = await loadContract(contract.id);
    expect(after!.termsVersion).toBe(before.termsVersion + 1);
    expect(after!.termsHash).not.toBe(before.termsHash);
    expect(after!.lines.map((l) => [l.capacity, l.approvedBy])).toEqual([
      ["manager", null],
      ["hr_lead", null],
    ]);
    // An offer cannot go out until the new terms are approved again.
    expect(
      (await failure(sendContractOffer({ actor: hr, contractId: contract.id, version: edited.version })))
        .status,
    ).toBe(409);
    expect(await outboxTo(manager.email, "contract-approval-request")).toBe(2);
  });

  it("an offered contract whose terms change is taken back for approval, and the person is told", async () => {
    const { hr, manager, contract, person } = await setup();
    const { version: v } = await submitContract({ actor: hr, contractId: contract.id, version: 1 });
    const approved = await decide(manager, contract.id, v, "approve");
    const offered = await sendContractOffer({
      actor: hr,
      contractId: contract.id,
      version: approved.version,
    });
    const edited = await updateContractTerms({
      actor: hr,
      contractId: contract.id,
      input: termsForm({ version: String(offered.version), maxHoursPerWeek: "20" }),
    });
    expect(edited.status).toBe("pending_approval");
    const row = await db.gigContract.findUniqueOrThrow({ where: { id: contract.id } });
    expect(row.offerExpiresAt).toBeNull();
    const told = await db.outboxMessage.findMany({
      where: { toAddress: person.personalEmail!, template: "contract-offer-changed" },
    });
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain("the maximum hours");
    // Saving the same terms again changes nothing.
    const same = await updateContractTerms({
      actor: hr,
      contractId: contract.id,
      input: termsForm({ version: String(edited.version), maxHoursPerWeek: "20" }),
    });
    expect(same.changed).toBe(false);
  });
});

describe("two people at once", () => {
  it("50 approve/reject pairs on one contract: exactly one transition, one audit event, one email", async () => {
    const { hr, manager, contract } = await setup();
    const { version: v } = await submitContract({ actor: hr, contractId: contract.id, version: 1 });
    const outboxBefore = await db.outboxMessage.count({ where: { toAddress: hr.email } });
    const attempts = Array.from({ length: 50 }, () => [
      decide(manager, contract.id, v, "approve"),
      decide(manager, contract.id, v, "reject", "We have no budget for this contract."),
    ]).flat();
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(99);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).status).toBe(409);
      expect((r.reason as AppError).message).toMatch(/Mats Lindqvist (approved|rejected it) a moment ago/);
    }
    const row = await db.gigContract.findUniqueOrThrow({ where: { id: contract.id } });
    expect(["approved", "rejected"]).toContain(row.status);
    expect(row.version).toBe(v + 1);
    expect(
      await db.auditEvent.count({
        where: { entityId: contract.id, action: { in: ["contract.approved", "contract.rejected"] } },
      }),
    ).toBe(1);
    expect(
      await db.contractNote.count({
        where: { contractId: contract.id, action: { in: ["approve", "reject"] } },
      }),
    ).toBe(1);
    expect(await db.outboxMessage.count({ where: { toAddress: hr.email } })).toBe(outboxBefore + 1);
    expect(await db.contractApproval.count({ where: { contractId: contract.id } })).toBe(
      row.status === "approved" ? 1 : 0,
    );
  });
});

describe("contract templates", () => {
  it("a published version cannot be changed or deleted", async () => {
    const update = db.contractTemplateVersion.update({
      where: { id: "default-gig-contract-v1" },
      data: { body: "Something else entirely." },
    });
    await expect(update).rejects.toThrow(/cannot be changed or deleted/);
    await expect(
      db.contractTemplateVersion.delete({ where: { id: "default-gig-contract-v1" } }),
    ).rejects.toThrow(/cannot be changed or deleted/);
  });
});

describe("what waits for whom", () => {
  it("the home page counts a pending contract for its hiring manager and, when a rule asks, for HR leads", async () => {
    const { listTodos } = await import("~/modules/home/list-todos.server");
    const { hr, manager, contract } = await setup({ rate: "30.00" });
    const lead = await hrUser("Lena Lead");
    const count = async (actor: StaffUser, key: string) =>
      (await listTodos({ actor })).find((t) => t.key === key)?.count;
    expect(await count(manager, "contract-approvals")).toBe(0);
    const { version: v } = await submitContract({ actor: hr, contractId: contract.id, version: 1 });
    expect(await count(manager, "contract-approvals")).toBe(1);
    expect(await count(lead, "contract-second-approvals")).toBeGreaterThanOrEqual(1);
    const other = await managerUser("Olle Other");
    expect(await count(other, "contract-approvals")).toBe(0);
    await decide(manager, contract.id, v, "approve");
    expect(await count(manager, "contract-approvals")).toBe(0);
  });
});

describe("the sweep", () => {
  it("reminds an approver once a day about contracts waiting longer than the setting, all in one email", async () => {
    const { sendApprovalReminders } = await import("./contract-sweep.server");
    const { hr, manager, program } = await setup();
    const second = await createDraftContract(db, { programId: program.id, createdById: hr.id });
    const first = await db.gigContract.findFirstOrThrow({
      where: { programId: program.id, id: { not: second.contract.id } },
    });
    for (const id of [first.id, second.contract.id])
      await submitContract({ actor: hr, contractId: id, version: await version(id) });
    // Noon (UTC) three days on: later the same day, and past midnight, are both too soon.
    const day3 = new Date(`${new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)}T12:00:00Z`);
    const at = (hours: number) => new Date(day3.getTime() + hours * 3_600_000);
    const reminders = () => outboxTo(manager.email, "contract-approval-reminder");
    await sendApprovalReminders({ now: new Date(Date.now() + 86_400_000) }); // 1 day: not yet (the setting is 2)
    expect(await reminders()).toBe(0);
    await Promise.all([sendApprovalReminders({ now: at(0) }), sendApprovalReminders({ now: at(0) })]);
    expect(await reminders()).toBe(1);
    const message = await db.outboxMessage.findFirstOrThrow({
      where: { toAddress: manager.email, template: "contract-approval-reminder" },
    });
    expect(message.subject).toBe("2 contracts wait for your approval");
    await sendApprovalReminders({ now: at(11) }); // the same day
    await sendApprovalReminders({ now: at(13) }); // the next day, 13 hours on
    expect(await reminders()).toBe(1);
    await sendApprovalReminders({ now: at(24) });
    expect(await reminders()).toBe(2);
  });

  it("expires offers past their date, once, and tells the author and the hiring manager", async () => {
    const { expireOffers } = await import("./contract-sweep.server");
    const { hr, manager, contract } = await setup();
    const { version: v } = await submitContract({ actor: hr, contractId: contract.id, version: 1 });
    const approved = await decide(manager, contract.id, v, "approve");
    const offered = await sendContractOffer({
      actor: hr,
      contractId: contract.id,
      version: approved.version,
    });
    const status = async () =>
      (await db.gigContract.findUniqueOrThrow({ where: { id: contract.id } })).status;
    // Offers of earlier tests in this file may expire too; only this one is looked at.
    await expireOffers({ now: new Date(offered.offerExpiresAt.getTime() - 1000) });
    expect(await status()).toBe("offered");
    const after = new Date(offered.offerExpiresAt.getTime() + 1000);
    await Promise.all([expireOffers({ now: after }), expireOffers({ now: after })]);
    expect(await status()).toBe("expired");
    expect(await outboxTo(hr.email, "contract-answered")).toBe(1);
    expect(await outboxTo(manager.email, "contract-answered")).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: contract.id, action: "contract.expired" } })).toBe(
      1,
    );
  });
});
