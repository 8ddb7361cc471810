import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptContract } from "~/modules/contracts/answer-offer.server";
import { decideContract } from "~/modules/contracts/decide-contract.server";
import { sendContractOffer } from "~/modules/contracts/send-contract-offer.server";
import { submitContract } from "~/modules/contracts/submit-contract.server";
import { db } from "~/platform/db.server";
import { createStaffUser, staffActor } from "../factories";
import { createDraftContract } from "../factories/contracts";
import { startTestApp, type TestApp } from "../setup/app-server";
import { reactEscaped, signedInClient, type Client } from "./helpers";

/** The manager's home lists the onboarding steps they own; the navigation counts them with the approvals. */
const PASSWORD = "a manager home test password";
let app: TestApp;
let manager: Client;
let contractId: string;
let personName: string;

beforeAll(async () => {
  app = await startTestApp();
  const hr = staffActor(await createStaffUser(db, { role: "hr" }));
  const managerUser = await createStaffUser(db, { role: "manager", password: PASSWORD });
  const boss = staffActor(managerUser);
  // One contract accepted ten days ago (its steps overdue), one waiting for the manager's approval.
  const made = await createDraftContract(db, { hiringManagerId: boss.id, createdById: hr.id });
  contractId = made.contract.id;
  personName = `${made.person.preferredName || made.person.firstName} ${made.person.lastName}`;
  const submitted = await submitContract({ actor: hr, contractId, version: 1 });
  const approved = await decideContract({
    actor: boss,
    contractId,
    input: { version: submitted.version, decision: "approve", comment: null },
  });
  await sendContractOffer({ actor: hr, contractId, version: approved.version });
  const { termsHash } = await db.gigContract.findUniqueOrThrow({ where: { id: contractId } });
  await acceptContract({
    alumnus: { kind: "alumnus", id: made.person.id, sessionId: "t", name: made.person.firstName },
    contractId,
    shownHash: termsHash!,
    ip: null,
    userAgent: null,
    now: new Date(Date.now() - 10 * 86_400_000),
  });
  const pending = await createDraftContract(db, { programId: made.contract.programId, createdById: hr.id });
  await submitContract({ actor: hr, contractId: pending.contract.id, version: 1 });
  manager = await signedInClient(app, managerUser.email, PASSWORD);
});
afterAll(async () => {
  await app?.close();
});

describe("the manager's home page", () => {
  it("lists the manager's open onboarding steps with the person, the due day, overdue marked, each linking to its contract", async () => {
    const tasks = await db.onboardingTask.findMany({
      where: { contractId, owner: "manager", status: "open" },
      orderBy: { position: "asc" },
    });
    expect(tasks.length).toBeGreaterThan(0);
    const response = await manager.request("/staff");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Your onboarding steps");
    for (const task of tasks) {
      expect(html).toContain(reactEscaped(task.title));
      expect(html).toContain(`Due <!-- -->${task.dueOn.toISOString().slice(0, 10)}`);
    }
    expect(html).toContain(reactEscaped(personName));
    expect(html).toContain(`href="/staff/contracts/${contractId}#onboarding"`);
    expect(html).toContain("Overdue");
    // The navigation counts the approval and the steps on the contracts entry.
    expect(html).toContain(
      `title="1 contracts waiting for your approval, ${tasks.length} onboarding steps for you"`,
    );
  });
});
