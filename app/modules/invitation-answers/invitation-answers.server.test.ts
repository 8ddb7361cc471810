import { afterAll, describe, expect, it } from "vitest";
import { alumnusTimeline } from "~/modules/alumni/alumnus-timeline.server";
import { launchCampaign } from "~/modules/campaigns/launch-campaign.server";
import { fanOut, snapshotAudience } from "~/modules/campaigns/run-campaign.server";
import { createCampaign } from "~/modules/campaigns/create-campaign.server";
import { verifyAuditChain } from "~/modules/audit/verify-chain.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { unsubscribeLinks, verifyUnsubscribeToken } from "~/platform/mailer/unsubscribe.server";
import {
  createAlumnus,
  createDecision,
  createStaffUser,
  createTeam,
  staffActor,
} from "../../../test/factories";
import { campaignValues, createSegment } from "../../../test/factories/campaigns";
import { countTried, triedSummary, XSS_PAYLOADS } from "../../../test/hostile/payloads";
import { answerInvitation } from "./answer-invitation.server";
import { answerLinkExpiry, signAnswerToken, verifyAnswerToken } from "./answer-token.server";
import { getAnswerPage } from "./get-answer-page.server";
import { getCampaignAnswers, listAnswersToFollowUp } from "./get-campaign-answers.server";
import { markAnswerHandled } from "./mark-answer-handled.server";
import { AnswerInvitationSchema } from "./schemas";
import { sendFreshAnswerLink } from "./send-fresh-answer-link.server";

afterAll(() => console.info(`hostile inputs tried (invitation answers): ${triedSummary()}`));

const DAY_MS = 86_400_000;

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A launched campaign to `n` people, every email queued; returns the people and their links. */
async function launched(n: number) {
  const actor = staffActor(await createStaffUser(db, { role: "hr", name: "Hanna Berg" }));
  const decision = await createDecision(db);
  const people = [];
  for (let i = 0; i < n; i++) {
    people.push(
      await createAlumnus(db, {
        decisionId: decision.id,
        consentReturn: "granted",
        consentNews: "granted",
        doNotContact: false,
        exitDate: new Date(Date.now() - 400 * DAY_MS),
      }),
    );
  }
  const segment = await createSegment(db, { query: `decisionId=${decision.id}` });
  const { id: campaignId } = await createCampaign({ actor, values: campaignValues(segment.id) });
  await launchCampaign({ actor, campaignId });
  await snapshotAudience(campaignId);
  await fanOut(campaignId);
  const messages = await db.outboxMessage.findMany({
    where: { campaignId },
    select: { alumnusId: true, html: true, text: true },
  });
  const linkOf = (alumnusId: string) => {
    const message = messages.find((m) => m.alumnusId === alumnusId);
    const url = /href="([^"]*\/answer\/[^"]+)"/.exec(message?.html ?? "")?.[1];
    if (!url) throw new Error("The email has no answer link.");
    return url.replace(/&amp;/g, "&");
  };
  const tokenOf = (alumnusId: string) => new URL(linkOf(alumnusId)).pathname.split("/").pop()!;
  return { actor, campaignId, people, messages, linkOf, tokenOf };
}

const yes = {
  answer: "interested",
  hoursPerWeek: "10_20",
  earliestStart: "within_month",
  message: null,
} as const;

describe("the answer link in a campaign email", () => {
  it("is each person's own, names the campaign, and is the main button in both parts of the email", async () => {
    const { campaignId, people, messages, tokenOf } = await launched(2);
    expect(messages).toHaveLength(2);
    for (const person of people) {
      const token = tokenOf(person.id);
      const claim = verifyAnswerToken(token);
      expect(claim).toMatchObject({ status: "valid", alumnusId: person.id, campaignId });
      const message = messages.find((m) => m.alumnusId === person.id)!;
      expect(message.text).toContain(`/portal/answer/${token}`);
      // No name or address in the link.
      expect(token).not.toContain(person.firstName);
    }
    expect(tokenOf(people[0].id)).not.toBe(tokenOf(people[1].id));
  });

  it("expires 30 days after the reply-by date, and never less than 30 days after it is written", () => {
    const respondBy = new Date("2027-01-15T00:00:00Z");
    expect(answerLinkExpiry({ respondBy, now: new Date("2026-12-01T10:00:00Z") }).toISOString()).toBe(
      "2027-02-14T23:59:59.000Z",
    );
    expect(answerLinkExpiry({ respondBy, now: new Date("2027-03-01T10:00:00Z") }).toISOString()).toBe(
      "2027-03-31T23:59:59.000Z",
    );
  });

  it("works for people an import created (their ids are UUIDs), as the unsubscribe link does", () => {
    const alumnusId = "0b6f3c1e-5d2a-4c8e-9f41-7a2d9e6b3c10";
    const expiresAt = new Date(Date.now() + DAY_MS);
    const token = signAnswerToken({ alumnusId, campaignId: "cmcampaign0000000000000000", expiresAt });
    expect(verifyAnswerToken(token)).toMatchObject({ status: "valid", alumnusId });
    const links = unsubscribeLinks({ alumnusId, purpose: "return_opportunities" });
    expect(verifyUnsubscribeToken(links.token)).toEqual({ alumnusId, purpose: "return_opportunities" });
  });
});

describe("answering an invitation", () => {
  it("records one answer per person and campaign: the last one wins, every one is audited", async () => {
    const { actor, campaignId, people, tokenOf } = await launched(2);
    const [maja, other] = people;
    const token = tokenOf(maja.id);

    // GET shows the question and records nothing.
    const page = await getAnswerPage({ token });
    expect(page).toMatchObject({ state: "open", firstName: maja.firstName, previous: null });
    expect(await db.invitationAnswer.count({ where: { campaignId } })).toBe(0);

    const first = await answerInvitation({ token, ...yes });
    expect(first).toMatchObject({ answer: "interested", hoursPerWeek: "10_20", cancelled: 0 });
    const answerId = (await db.invitationAnswer.findFirstOrThrow({ where: { campaignId } })).id;
    expect(await markAnswerHandled({ actor, campaignId, answerId })).toEqual({ changed: true });
    expect(await markAnswerHandled({ actor, campaignId, answerId })).toEqual({ changed: false });
    await answerInvitation({
      token,
      answer: "not_now",
      hoursPerWeek: "30_plus",
      earliestStart: "now",
      message: "Ask me again in the spring, please.",
    });
    await answerInvitation({ token: tokenOf(other.id), ...yes });

    const rows = await db.invitationAnswer.findMany({
      where: { campaignId },
      orderBy: { answeredAt: "asc" },
    });
    expect(rows).toHaveLength(2);
    const mine = rows.find((r) => r.alumnusId === maja.id)!;
    // The last answer wins; availability belongs to a yes only; a new answer reopens HR's follow-up.
    expect(mine).toMatchObject({
      answer: "not_now",
      hoursPerWeek: null,
      earliestStart: null,
      message: "Ask me again in the spring, please.",
      answerCount: 2,
      handledAt: null,
    });
    const events = await db.auditEvent.findMany({
      where: { action: "invitation.answered", entityId: maja.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => (e.after as { answer: string }).answer)).toEqual(["interested", "not_now"]);
    expect(events[1]).toMatchObject({ actorType: "alumnus", actorId: maja.id });
    expect(events[1].before).toMatchObject({ answer: "interested", hoursPerWeek: "10_20" });
    expect((await verifyAuditChain()).ok).toBe(true);

    // The page shows the last answer back to the person.
    expect(await getAnswerPage({ token })).toMatchObject({
      state: "open",
      previous: { answer: "not_now", message: "Ask me again in the spring, please." },
    });

    // HR's view: counts and who answered what; the timeline shows both answers.
    const answers = await getCampaignAnswers({ actor, campaignId });
    expect(answers.counts).toEqual({ interested: 1, not_now: 1, stop: 0 });
    expect(answers.notAnswered).toBe(0);
    expect(answers.rows.map((r) => r.answerLabel).sort()).toEqual(["Interested", "Not now"]);
    const interestedRow = answers.rows.find((r) => r.alumnusId === other.id)!;
    expect(interestedRow.availability).toBe("10 to 20 hours a week; could start within a month");
    const timeline = await alumnusTimeline({ actor, alumnusId: maja.id });
    const titles = timeline.filter((i) => i.kind === "answer").map((i) => i.title);
    expect(titles.filter((t) => t.startsWith("Answered the invitation"))).toHaveLength(2);
    expect(titles[0]).toMatch(/: Not now$/);
    expect(titles.filter((t) => t.endsWith("” marked as followed up"))).toHaveLength(1);
  });

  it("keeps one row when the same person answers many times at once", async () => {
    const { campaignId, people, tokenOf } = await launched(1);
    const token = tokenOf(people[0].id);
    const choices = ["interested", "not_now", "interested", "not_now", "interested", "not_now"] as const;
    await Promise.all(
      choices.map((answer) =>
        answerInvitation({ token, answer, hoursPerWeek: null, earliestStart: null, message: null }),
      ),
    );
    const rows = await db.invitationAnswer.findMany({ where: { campaignId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].answerCount).toBe(choices.length);
    expect(
      await db.auditEvent.count({ where: { action: "invitation.answered", entityId: people[0].id } }),
    ).toBe(choices.length);
    // The row holds the answer of the last event written.
    const last = await db.auditEvent.findFirstOrThrow({
      where: { action: "invitation.answered", entityId: people[0].id },
      orderBy: { id: "desc" },
    });
    expect(rows[0].answer).toBe((last.after as { answer: string }).answer);
  });

  it("“Please don't contact me” withdraws consent for outreach and stops mail waiting to go out", async () => {
    const { campaignId, people, tokenOf } = await launched(1);
    const person = people[0];
    const waiting = await db.$transaction((tx) =>
      queueEmail(tx, {
        template: "phase-change-notice",
        purpose: "news",
        alumnusId: person.id,
        to: { address: "maja@example.org" },
        email: { subject: "News", html: "<p>x</p>", text: "x" },
        notBefore: new Date(Date.now() + 3_600_000),
      }),
    );
    const result = await answerInvitation({
      token: tokenOf(person.id),
      answer: "stop",
      hoursPerWeek: "10_20",
      earliestStart: null,
      message: null,
    });
    expect(result.answer).toBe("stop");
    expect(result.hoursPerWeek).toBeNull();
    expect(result.cancelled).toBeGreaterThanOrEqual(1);
    expect(result.preferencesPath).toMatch(/^\/preferences\//);
    expect(await db.alumnus.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      consentReturn: "withdrawn",
      consentNews: "withdrawn",
    });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe(
      "cancelled",
    );
    const unsubscribed = await db.auditEvent.findFirstOrThrow({
      where: { action: "alumnus.unsubscribed", entityId: person.id },
    });
    expect(unsubscribed.after).toMatchObject({ via: "invitation answer", consentNews: "withdrawn" });
    expect(await db.invitationAnswer.findFirstOrThrow({ where: { campaignId } })).toMatchObject({
      answer: "stop",
    });
    // Saying it twice changes nothing more about consent.
    await answerInvitation({
      token: tokenOf(person.id),
      answer: "stop",
      hoursPerWeek: null,
      earliestStart: null,
      message: null,
    });
    expect(
      await db.auditEvent.count({ where: { action: "alumnus.unsubscribed", entityId: person.id } }),
    ).toBe(1);
  });
});

describe("HR's answers to follow up", () => {
  it("lists every yes and every answer with words, oldest first; one mark per answer, audited once, also at the same moment", async () => {
    const { actor, campaignId, people, tokenOf } = await launched(4);
    const [yesPerson, wrote, quiet, stopped] = people;
    await answerInvitation({ token: tokenOf(yesPerson.id), ...yes });
    await answerInvitation({
      token: tokenOf(wrote.id),
      answer: "not_now",
      hoursPerWeek: null,
      earliestStart: null,
      message: "My contract ends in May; ask me then.",
    });
    await answerInvitation({
      token: tokenOf(quiet.id),
      answer: "not_now",
      hoursPerWeek: null,
      earliestStart: null,
      message: null,
    });
    await answerInvitation({
      token: tokenOf(stopped.id),
      answer: "stop",
      hoursPerWeek: null,
      earliestStart: null,
      message: null,
    });

    const mine = async () =>
      (await listAnswersToFollowUp({ actor })).rows.filter((r) => r.campaign.id === campaignId);
    const waiting = await mine();
    expect(waiting.map((r) => [r.alumnusId, r.answer])).toEqual([
      [yesPerson.id, "interested"],
      [wrote.id, "not_now"],
    ]);
    expect(waiting[1].message).toBe("My contract ends in May; ask me then.");
    expect(waiting[0].campaign.name).toMatch(/^Campaign /);
    expect((await getCampaignAnswers({ actor, campaignId })).toFollowUp).toBe(2);

    // Someone who may not see the person cannot mark their answer.
    const team = await createTeam(db);
    const manager = staffActor(await createStaffUser(db, { role: "manager", teamId: team.id }));
    const refused = await failure(markAnswerHandled({ actor: manager, answerId: waiting[1].id }));
    expect(refused.code).toBe("not_found");

    // Two people mark the same answer at the same moment: one mark, one audit event.
    const results = await Promise.all(
      Array.from({ length: 5 }, () => markAnswerHandled({ actor, answerId: waiting[0].id })),
    );
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    const events = await db.auditEvent.findMany({
      where: { action: "invitation.answer_handled", entityId: yesPerson.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0].after).toMatchObject({ answerId: waiting[0].id, campaignId, answer: "interested" });
    expect((await mine()).map((r) => r.alumnusId)).toEqual([wrote.id]);
    expect((await getCampaignAnswers({ actor, campaignId })).toFollowUp).toBe(1);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});

describe("links that cannot be used", () => {
  it("refuses tampered links and writes nothing", async () => {
    const { campaignId, people, tokenOf } = await launched(2);
    const [maja, other] = people;
    const token = tokenOf(maja.id);
    const [alumnusId, cId, expiry, signature] = token.split(".");
    const later = (parseInt(expiry, 36) + 86_400 * 365).toString(36);
    const tampered = [
      `${other.id}.${cId}.${expiry}.${signature}`, // someone else
      `${alumnusId}.cmothercampaign000000001.${expiry}.${signature}`, // another campaign
      `${alumnusId}.${cId}.${later}.${signature}`, // a later expiry
      `${alumnusId}.${cId}.${expiry}.${signature.slice(0, -1)}A`,
      `${token}x`,
      token.slice(0, -3),
      `${alumnusId}.${cId}.${expiry}`,
      "",
      "preview",
      "a".repeat(5000),
      ...XSS_PAYLOADS,
    ];
    countTried("xss", XSS_PAYLOADS.length);
    for (const t of tampered) {
      expect(await getAnswerPage({ token: t }), t.slice(0, 60)).toEqual({ state: "invalid" });
      const error = await failure(answerInvitation({ token: t, ...yes }));
      expect(error.code).toBe("not_found");
      expect(error.message).not.toContain(t.slice(0, 20) || "\u0000");
    }
    // A link we signed for someone who was never sent this campaign.
    const stranger = await createAlumnus(db);
    const forStranger = signAnswerToken({
      alumnusId: stranger.id,
      campaignId,
      expiresAt: new Date(Date.now() + DAY_MS),
    });
    expect(await getAnswerPage({ token: forStranger })).toEqual({ state: "invalid" });
    expect((await failure(answerInvitation({ token: forStranger, ...yes }))).code).toBe("not_found");
    expect(await db.invitationAnswer.count({ where: { campaignId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "invitation.answered", entityId: maja.id } })).toBe(
      0,
    );
  });

  it("refuses an expired link, says until when it worked, and sends a fresh one to the invited address only", async () => {
    const { campaignId, people } = await launched(1);
    const person = people[0];
    const expired = signAnswerToken({
      alumnusId: person.id,
      campaignId,
      expiresAt: new Date(Date.now() - 60_000),
    });
    const page = await getAnswerPage({ token: expired });
    expect(page).toMatchObject({ state: "expired" });
    const error = await failure(answerInvitation({ token: expired, ...yes }));
    expect(error.code).toBe("conflict");
    expect(await db.invitationAnswer.count({ where: { campaignId } })).toBe(0);

    // A valid link is refused once its day has passed.
    const valid = signAnswerToken({
      alumnusId: person.id,
      campaignId,
      expiresAt: new Date(Date.now() + DAY_MS),
    });
    const tomorrow = new Date(Date.now() + 2 * DAY_MS);
    expect((await getAnswerPage({ token: valid, now: tomorrow })).state).toBe("expired");
    expect((await failure(answerInvitation({ token: valid, now: tomorrow, ...yes }))).code).toBe("conflict");

    const recipient = await db.campaignRecipient.findFirstOrThrow({ where: { campaignId } });
    expect(await sendFreshAnswerLink({ token: expired })).toEqual({ days: 14 });
    const fresh = await db.outboxMessage.findFirstOrThrow({
      where: { template: "answer-link", alumnusId: person.id },
    });
    expect(fresh.toAddress).toBe(recipient.address);
    expect(fresh.purpose).toBe("transactional");
    const freshToken = /\/answer\/([^"<\s]+)/.exec(fresh.text)?.[1];
    expect(verifyAnswerToken(freshToken)).toMatchObject({
      status: "valid",
      alumnusId: person.id,
      campaignId,
    });
    // One new link per person and campaign in ten minutes.
    const again = await failure(sendFreshAnswerLink({ token: expired }));
    expect(again.code).toBe("rate_limited");
    // Tampered links get nothing.
    expect((await failure(sendFreshAnswerLink({ token: `${expired}x` }))).code).toBe("not_found");
    await answerInvitation({ token: freshToken, ...yes });
    expect(await db.invitationAnswer.count({ where: { campaignId } })).toBe(1);
  });

  it("says there is nothing to answer when the person's record is gone", async () => {
    const { campaignId, people, tokenOf } = await launched(1);
    const token = tokenOf(people[0].id);
    await db.alumnus.delete({ where: { id: people[0].id } });
    expect(await getAnswerPage({ token })).toEqual({ state: "gone" });
    expect((await failure(answerInvitation({ token, ...yes }))).code).toBe("not_found");
    expect(await db.invitationAnswer.count({ where: { campaignId } })).toBe(0);
  });
});

describe("the answer form's schema", () => {
  it("asks for one answer and takes availability only from the short lists", () => {
    expect(AnswerInvitationSchema.safeParse({}).success).toBe(false);
    expect(AnswerInvitationSchema.safeParse({ answer: "maybe" }).success).toBe(false);
    expect(
      AnswerInvitationSchema.parse({ answer: "interested", hoursPerWeek: "", earliestStart: "" }),
    ).toEqual({
      answer: "interested",
      hoursPerWeek: null,
      earliestStart: null,
      message: null,
    });
    expect(AnswerInvitationSchema.safeParse({ answer: "interested", hoursPerWeek: "99" }).success).toBe(
      false,
    );
    expect(AnswerInvitationSchema.safeParse({ answer: "not_now", message: "x".repeat(1001) }).success).toBe(
      false,
    );
    const cleaned = AnswerInvitationSchema.parse({ answer: "not_now", message: "Hi\u202e there\u200b\r\n" });
    expect(cleaned.message).toBe("Hi there");
  });
});
