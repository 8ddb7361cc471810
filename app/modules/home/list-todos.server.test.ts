import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createAlumnus, createStaffUser, staffActor, unique } from "../../../test/factories";
import { createSegment } from "../../../test/factories/campaigns";
import { listTodos, TODO_SOURCES, todoBadges, type TodoSource } from "./list-todos.server";

/** One database for this file: every count below is exact. */
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
let hr: ReturnType<typeof staffActor>;
let admin: ReturnType<typeof staffActor>;
let manager: ReturnType<typeof staffActor>;
let otherManager: ReturnType<typeof staffActor>;

async function verdict(outcome: "eligible" | "needs_review" | "not_eligible", extra: object = {}) {
  const person = await createAlumnus(db, {});
  await db.eligibilityVerdict.create({
    data: {
      alumnusId: person.id,
      outcome,
      reasons: [],
      policyId: "policy",
      policyVersion: 1,
      computedAt: now,
      decidedAt: now,
      expiresAt: daysAgo(-365),
      ...extra,
    },
  });
  return person.id;
}

async function importRun(status: "uploaded" | "checked" | "failed" | "committed", createdAt = now) {
  await db.importRun.create({
    data: {
      fileName: "people.csv",
      fileSize: 10,
      fileSha256: unique("sha"),
      encoding: "utf-8",
      delimiter: ",",
      headerRow: 1,
      status,
      createdAt,
    },
  });
}

async function outbox(status: "set_aside" | "sent" | "queued") {
  await db.outboxMessage.create({
    data: {
      template: "test-note",
      purpose: "transactional",
      toAddress: `${unique("to")}@comeback.test`,
      subject: "A note",
      html: "<p>A note</p>",
      text: "A note",
      messageId: `<${unique("m")}@comeback.test>`,
      status,
    },
  });
}

beforeAll(async () => {
  hr = staffActor(await createStaffUser(db, { role: "hr" }));
  admin = staffActor(await createStaffUser(db, { role: "admin" }));
  manager = staffActor(await createStaffUser(db, { role: "manager" }));
  otherManager = staffActor(await createStaffUser(db, { role: "manager" }));

  // Review queue: three waiting (one with a lapsed decision), one decided until next year, two not in review.
  const waiting = [await verdict("needs_review"), await verdict("needs_review")];
  await verdict("needs_review", { overrideOutcome: "eligible", overrideExpiresAt: daysAgo(1) });
  await verdict("needs_review", { overrideOutcome: "eligible", overrideExpiresAt: daysAgo(-300) });
  await verdict("eligible");
  const decided = await verdict("not_eligible");
  // Questions: one answered for a person still waiting (counts as "answers in"), one answered for
  // someone no longer waiting (does not), two open for the manager, one open for another manager.
  const ask = (alumnusId: string, managerId: string, answeredAt: Date | null) =>
    db.reviewInputRequest.create({
      data: { alumnusId, managerId, requestedById: hr.id, question: "How was their work?", answeredAt },
    });
  await ask(waiting[0], manager.id, now);
  await ask(decided, manager.id, now);
  await ask(waiting[1], manager.id, null);
  await ask(waiting[0], manager.id, null);
  await ask(waiting[1], otherManager.id, null);

  await importRun("uploaded");
  await importRun("checked");
  await importRun("failed");
  await importRun("committed");
  await importRun("uploaded", daysAgo(45)); // abandoned long ago: no longer a to-do

  const segment = await createSegment(db, { query: "" });
  const campaign = (status: "draft" | "scheduled" | "sending" | "paused" | "completed") =>
    db.campaign.create({
      data: {
        name: unique("Campaign "),
        segmentId: segment.id,
        template: "return-invitation",
        senderName: "Amara Okafor",
        senderRole: "People Partner",
        senderEmail: "amara@example.test",
        companyName: "Fjord Pay",
        teamName: "support",
        opportunity: "Remote shifts.",
        respondBy: new Date("2027-01-15"),
        status,
      },
    });
  const made: { id: string }[] = [];
  for (const status of ["draft", "scheduled", "sending", "paused", "completed"] as const)
    made.push(await campaign(status));

  // Invitation answers: a yes and a "not now" with a message wait for HR; a yes already followed
  // up, a "not now" and a "stop" without words do not.
  const answer = async (
    choice: "interested" | "not_now" | "stop",
    extra: { message?: string; handledAt?: Date } = {},
  ) =>
    db.invitationAnswer.create({
      data: {
        campaignId: made[4].id,
        alumnusId: (await createAlumnus(db, {})).id,
        answer: choice,
        answeredAt: now,
        ...extra,
      },
    });
  await answer("interested");
  await answer("not_now", { message: "Ask me again in spring." });
  await answer("interested", { handledAt: now });
  await answer("not_now");
  await answer("stop");

  // One person asked to look again (open), one was answered; one erasure request waits, one was refused.
  await db.eligibilityReviewRequest.create({
    data: { alumnusId: waiting[0], message: "Please look again", outcomeAtRequest: "needs_review" },
  });
  await db.eligibilityReviewRequest.create({
    data: {
      alumnusId: decided,
      message: "Please look again",
      outcomeAtRequest: "not_eligible",
      status: "answered",
    },
  });
  await db.erasureRequest.create({ data: { reference: unique("ER-"), alumnusId: decided } });
  await db.erasureRequest.create({
    data: { reference: unique("ER-"), alumnusId: waiting[1], status: "refused" },
  });

  await outbox("set_aside");
  await outbox("set_aside");
  await outbox("sent");
  await outbox("queued");
});

const counts = (todos: { key: string; count: number }[]) =>
  Object.fromEntries(todos.map((t) => [t.key, t.count]));

describe("the home page's to-do list", () => {
  it("counts each source for HR: reviews, answers in, imports, campaigns, invitation answers, email set aside", async () => {
    const todos = await listTodos({ actor: hr, now });
    expect(counts(todos)).toEqual({
      reviews: 3,
      "review-answers": 1,
      "review-requests": 1,
      imports: 3,
      campaigns: 3,
      "erasure-requests": 1,
      "invitation-answers": 2,
      outbox: 2,
      "contract-second-approvals": 0,
      "contracts-to-prepare": 0,
      "contracts-to-send": 0,
    });
    expect(todos.find((t) => t.key === "invitation-answers")?.to).toBe("/staff/campaigns/answers");
    expect(todos.find((t) => t.key === "outbox")?.to).toBe("/staff/outbox?status=set_aside");
    expect(todos[0]).not.toHaveProperty("permission");
  });

  it("shows each person only the sources their permissions open", async () => {
    expect(counts(await listTodos({ actor: admin, now }))).toEqual({ outbox: 2 });
    expect(counts(await listTodos({ actor: manager, now }))).toEqual({
      "review-questions": 2,
      "contract-approvals": 0,
      "onboarding-tasks": 0,
    });
    expect(counts(await listTodos({ actor: otherManager, now }))).toEqual({
      "review-questions": 1,
      "contract-approvals": 0,
      "onboarding-tasks": 0,
    });
  });

  it("puts the counts on the navigation entries, without counting the same people twice", async () => {
    const badges = todoBadges(await listTodos({ actor: hr, now }));
    expect(badges).toEqual({
      "/staff/eligibility": {
        count: 4,
        label: "3 reviews waiting, 1 asked to look again",
        tone: "attention",
      },
      "/staff/imports": { count: 3, label: "3 imports needing attention", tone: "attention" },
      "/staff/campaigns": {
        count: 5,
        label: "3 campaigns running, 2 answers to follow up",
        tone: "attention",
      },
      "/staff/outbox": { count: 2, label: "2 emails set aside", tone: "attention" },
      "/staff/privacy": { count: 1, label: "1 asked to be erased", tone: "attention" },
    });
  });

  it("adds up two sources on one entry and leaves out counts of zero", () => {
    const todo = (key: string, count: number, tone: "attention" | "neutral") => ({
      key,
      label: key,
      hint: "",
      to: "/x",
      nav: "/staff/x",
      tone,
      count,
    });
    expect(
      todoBadges([todo("A", 2, "neutral"), todo("B", 1, "attention"), todo("C", 0, "attention")]),
    ).toEqual({
      "/staff/x": { count: 3, label: "2 a, 1 b", tone: "attention" },
    });
  });

  it("takes a new source from the registry alone", async () => {
    const extra: TodoSource = {
      key: "answers",
      label: "Answers in",
      hint: "People answered an invitation.",
      to: "/staff/answers",
      permission: "manage:campaign",
      nav: "/staff/campaigns",
      tone: "attention",
      count: async () => 4,
    };
    const todos = await listTodos({ actor: hr, now, sources: [...TODO_SOURCES, extra] });
    expect(todos.at(-1)).toMatchObject({ key: "answers", count: 4 });
    expect(todoBadges(todos)["/staff/campaigns"]).toEqual({
      count: 9,
      label: "3 campaigns running, 2 answers to follow up, 4 answers in",
      tone: "attention",
    });
    expect(await listTodos({ actor: manager, now, sources: [extra] })).toEqual([]);
  });
});
