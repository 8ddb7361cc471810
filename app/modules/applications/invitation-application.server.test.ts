import { describe, expect, it } from "vitest";
import { createCampaign } from "~/modules/campaigns/create-campaign.server";
import { launchCampaign } from "~/modules/campaigns/launch-campaign.server";
import { fanOut, snapshotAudience } from "~/modules/campaigns/run-campaign.server";
import { answerInvitation } from "~/modules/invitation-answers/answer-invitation.server";
import { getCampaignAnswers } from "~/modules/invitation-answers/get-campaign-answers.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import type { AlumnusUser } from "~/platform/auth.server";
import { createAlumnus, createDecision, createStaffUser, staffActor, unique } from "../../../test/factories";
import { campaignValues, createSegment } from "../../../test/factories/campaigns";
import { createProgram } from "../../../test/factories/pipeline";
import { applyFromAnswer } from "./apply-from-answer.server";
import { PortalApplySchema } from "./schemas";
import { ALREADY_APPLIED_MESSAGE, submitApplication } from "./submit-application.server";

/**
 * A campaign that names a return program (issue 14): it launches only while the program is open;
 * a "yes" answer leads the person to apply, and HR can turn the same answer into an application.
 */

const DAY_MS = 86_400_000;

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const alumnusActor = (a: { id: string; firstName: string; lastName: string }): AlumnusUser => ({
  kind: "alumnus",
  id: a.id,
  sessionId: unique("s"),
  name: `${a.firstName} ${a.lastName}`,
});

/** A campaign to `n` reachable people pointing at `programId`, launched and fanned out. */
async function invited(n: number, programId: string | undefined) {
  const hr = staffActor(await createStaffUser(db, { role: "hr", name: "Hanna Berg" }));
  const decision = await createDecision(db);
  const people = [];
  for (let i = 0; i < n; i++) {
    people.push(
      await createAlumnus(db, {
        decisionId: decision.id,
        consentReturn: "granted",
        doNotContact: false,
        personalEmail: `${unique("inv")}@example.org`,
        exitDate: new Date(Date.now() - 400 * DAY_MS),
      }),
    );
  }
  const segment = await createSegment(db, { query: `decisionId=${decision.id}` });
  const { id: campaignId } = await createCampaign({
    actor: hr,
    values: { ...campaignValues(segment.id), programId },
  });
  await launchCampaign({ actor: hr, campaignId });
  await snapshotAudience(campaignId);
  await fanOut(campaignId);
  const messages = await db.outboxMessage.findMany({
    where: { campaignId },
    select: { alumnusId: true, html: true },
  });
  const tokenOf = (alumnusId: string) => {
    const html = messages.find((m) => m.alumnusId === alumnusId)?.html ?? "";
    const url = /href="([^"]*\/answer\/[^"]+)"/.exec(html)?.[1];
    if (!url) throw new Error("The email has no answer link.");
    return new URL(url.replace(/&amp;/g, "&")).pathname.split("/").pop()!;
  };
  return { hr, campaignId, people, tokenOf };
}

const answer = (token: string, choice: "interested" | "not_now", message: string | null = null) =>
  answerInvitation({ token, answer: choice, hoursPerWeek: "10_20", earliestStart: "within_month", message });

const portalInput = (campaign?: string) =>
  PortalApplySchema.parse({
    motivation: "I miss the hard cases and the team, and my weekends are free again.",
    availabilityHours: "12",
    availabilityDays: ["sat"],
    campaign,
  });

describe("a campaign that names a return program", () => {
  it("launches only while the program is open, and says why", async () => {
    const program = await createProgram(db, { status: "draft" });
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const decision = await createDecision(db);
    await createAlumnus(db, {
      decisionId: decision.id,
      consentReturn: "granted",
      doNotContact: false,
      exitDate: new Date(Date.now() - 400 * DAY_MS),
    });
    const segment = await createSegment(db, { query: `decisionId=${decision.id}` });
    const { id: campaignId } = await createCampaign({
      actor: hr,
      values: { ...campaignValues(segment.id), programId: program.id },
    });
    const refused = await failure(launchCampaign({ actor: hr, campaignId }));
    expect(refused.message).toMatch(/which is draft\. Open the program first/);
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).status).toBe("draft");
    await db.returnProgram.update({ where: { id: program.id }, data: { status: "open" } });
    await launchCampaign({ actor: hr, campaignId });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).status).not.toBe("draft");
  });

  it("a yes leads to the program's page with the campaign; not now and a closed program do not", async () => {
    const program = await createProgram(db);
    const { campaignId, people, tokenOf } = await invited(2, program.id);
    const yes = await answer(tokenOf(people[0].id), "interested");
    expect(yes.apply).toEqual({
      title: program.title,
      path: `/portal/programs/${program.id}?campaign=${campaignId}`,
    });
    expect((await answer(tokenOf(people[1].id), "not_now")).apply).toBeNull();
    await db.returnProgram.update({ where: { id: program.id }, data: { status: "paused" } });
    expect((await answer(tokenOf(people[0].id), "interested")).apply).toBeNull();
  });

  it("the person's application from that link records the invitation; a foreign campaign id is dropped", async () => {
    const program = await createProgram(db);
    const { campaignId, people } = await invited(1, program.id);
    const [person] = people;
    const created = await submitApplication({
      actor: alumnusActor(person),
      programId: program.id,
      input: portalInput(campaignId),
      campaignId: portalInput(campaignId).campaign,
    });
    expect(await db.application.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      source: "invitation",
      campaignId,
      createdById: null,
    });
    // Someone the campaign never wrote to, or a campaign for another program: a plain portal application.
    const stranger = await createAlumnus(db);
    const other = await createProgram(db);
    for (const [who, to] of [
      [stranger, program.id],
      [person, other.id],
    ] as const) {
      const row = await submitApplication({
        actor: alumnusActor(who),
        programId: to,
        input: portalInput(),
        campaignId,
      });
      expect(await db.application.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        source: "portal",
        campaignId: null,
      });
    }
    expect(
      PortalApplySchema.parse({
        motivation: "I miss the hard cases and the team, and my weekends are free again.",
        campaign: "x'; DROP TABLE",
      }).campaign,
    ).toBeNull();
  });

  it("HR turns an interested answer into an application, once; the answer counts as followed up", async () => {
    const program = await createProgram(db);
    const { hr, campaignId, people, tokenOf } = await invited(3, program.id);
    await answer(tokenOf(people[0].id), "interested", "Weekends suit me now; I could do disputes again.");
    await answer(tokenOf(people[1].id), "not_now");
    const rows = await db.invitationAnswer.findMany({
      where: { campaignId },
      orderBy: { answeredAt: "asc" },
    });
    const [yesRow, notNowRow] = rows;

    const created = await applyFromAnswer({ actor: hr, campaignId, answerId: yesRow.id });
    const application = await db.application.findUniqueOrThrow({ where: { id: created.id } });
    expect(application).toMatchObject({
      programId: program.id,
      alumnusId: people[0].id,
      source: "invitation",
      campaignId,
      createdById: hr.id,
      status: "submitted",
    });
    expect(application.motivation).toBe(
      "Weekends suit me now; I could do disputes again.\n\nFrom their answer: 10 to 20 hours a week; could start within a month.",
    );
    expect(
      (await db.invitationAnswer.findUniqueOrThrow({ where: { id: yesRow.id } })).handledAt,
    ).not.toBeNull();
    expect(
      await db.auditEvent.count({ where: { action: "application.submitted", entityId: created.id } }),
    ).toBe(1);
    expect(
      await db.outboxMessage.count({ where: { alumnusId: people[0].id, template: "application-received" } }),
    ).toBe(1);

    // Twice: a sentence, not a second row. A "not now": refused. A manager: not allowed.
    const twice = await failure(applyFromAnswer({ actor: hr, campaignId, answerId: yesRow.id }));
    expect(twice.code).toBe("conflict");
    expect(twice.message).toMatch(/already applied/);
    expect(twice.message).not.toBe(ALREADY_APPLIED_MESSAGE);
    expect(
      (await failure(applyFromAnswer({ actor: hr, campaignId, answerId: notNowRow.id }))).message,
    ).toMatch(/Only a “yes, I'm interested” answer/);
    const manager = staffActor(await createStaffUser(db, { role: "manager" }));
    await answer(tokenOf(people[2].id), "interested");
    const third = await db.invitationAnswer.findFirstOrThrow({
      where: { campaignId, alumnusId: people[2].id },
    });
    expect((await failure(applyFromAnswer({ actor: manager, campaignId, answerId: third.id }))).code).toMatch(
      /forbidden|not_found/,
    );
    expect(await db.application.count({ where: { programId: program.id } })).toBe(1);

    // The campaign page's answers show who has applied, and offer the step for the others.
    const view = await getCampaignAnswers({ actor: hr, campaignId });
    expect(view.program?.id).toBe(program.id);
    expect(view.canApply).toBe(true);
    const byPerson = new Map(view.rows.map((r) => [r.alumnusId, r.application]));
    expect(byPerson.get(people[0].id)).toEqual({ id: created.id, status: "submitted" });
    expect(byPerson.get(people[2].id)).toBeNull();
  });

  it("an answer to a campaign without a program cannot become an application", async () => {
    const { hr, campaignId, people, tokenOf } = await invited(1, undefined);
    await answer(tokenOf(people[0].id), "interested");
    const row = await db.invitationAnswer.findFirstOrThrow({ where: { campaignId } });
    expect((await failure(applyFromAnswer({ actor: hr, campaignId, answerId: row.id }))).message).toMatch(
      /points at no return program/,
    );
    expect((await getCampaignAnswers({ actor: hr, campaignId })).program).toBeNull();
  });
});
