import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { createAlumnus, createDecision, createStaffUser, staffActor, unique } from "../../../test/factories";
import { campaignValues, createSegment } from "../../../test/factories/campaigns";
import {
  countTried,
  HEADER_INJECTION_PAYLOADS,
  triedSummary,
  XSS_PAYLOADS,
} from "../../../test/hostile/payloads";
import { mayEmail } from "~/modules/preferences/contact-rules";
import { HELD_UNTIL } from "~/platform/mailer/throttle.server";
import { verifyPreferencesToken, verifyUnsubscribeToken } from "~/platform/mailer/unsubscribe.server";
import { verifyAnswerToken } from "~/modules/invitation-answers/answer-token.server";
import { env } from "~/platform/env.server";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
import { listOutbox } from "~/modules/outbox/list-outbox.server";
import { OutboxFilterSchema } from "~/modules/outbox/schemas";
import { CONTACT_REASON, countAudience } from "./audience.server";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "./control-campaign.server";
import { createCampaign } from "./create-campaign.server";
import { updateCampaignNote } from "./update-campaign-note.server";
import { getCampaignPage } from "./get-campaign-page.server";
import { launchCampaign } from "./launch-campaign.server";
import { fanOut, settleCampaign, snapshotAudience } from "./run-campaign.server";
import { CampaignFormSchema } from "./schemas";

const HOUR_MS = 3_600_000;

afterAll(() => console.info(`hostile inputs tried (campaigns): ${triedSummary()}`));

async function hr() {
  return staffActor(await createStaffUser(db, { role: "hr", name: "Hanna Berg" }));
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/** A decision with `n` alumni who may all be written to, and a segment for it. */
async function cohort(n: number) {
  const decision = await createDecision(db);
  const people = [];
  for (let i = 0; i < n; i++) {
    people.push(
      await createAlumnus(db, {
        decisionId: decision.id,
        consentReturn: "granted",
        doNotContact: false,
        exitDate: daysAgo(400),
      }),
    );
  }
  const segment = await createSegment(db, { query: `decisionId=${decision.id}` });
  return { decision, people, segment };
}

/** Launches and runs the launch job's steps in this process. */
async function launchAndQueue(actor: Awaited<ReturnType<typeof hr>>, campaignId: string) {
  await launchCampaign({ actor, campaignId });
  await snapshotAudience(campaignId);
  await fanOut(campaignId);
}

describe("campaign audience", () => {
  it("excludes each reason and counts every excluded person once, under the first reason that applies", async () => {
    const decision = await createDecision(db);
    const base = { decisionId: decision.id, consentReturn: "granted" as const, exitDate: daysAgo(400) };
    await createAlumnus(db, base);
    await createAlumnus(db, { ...base, exitDate: null });
    await createAlumnus(db, { ...base, doNotContact: true });
    await createAlumnus(db, { ...base, doNotContact: true, consentReturn: "withdrawn" }); // counted as do not contact
    await createAlumnus(db, { ...base, consentReturn: "withdrawn" });
    await createAlumnus(db, { ...base, consentReturn: "unknown" });
    await createAlumnus(db, { ...base, consentReturn: "unknown", personalEmail: null, workEmail: null }); // no consent first
    await createAlumnus(db, { ...base, personalEmail: null, workEmail: null });
    await createAlumnus(db, { ...base, personalEmail: "", workEmail: null });
    await createAlumnus(db, { ...base, exitDate: daysAgo(5) });
    await createAlumnus(db, { ...base, exitDate: daysAgo(-10) }); // leaving soon: also quiet
    await createAlumnus(db, { ...base, exitDate: daysAgo(45) }); // past a 30-day quiet period
    await createAlumnus(db, { consentReturn: "granted" }); // not in the segment

    const counts = await countAudience(db, {
      query: `decisionId=${decision.id}`,
      quietDays: 30,
      onlyEligible: false,
    });
    expect(counts.inSegment).toBe(12);
    expect(counts.recipients).toBe(3);
    expect(counts.byReason).toEqual({
      do_not_contact: 2,
      unsubscribed: 1,
      no_consent: 2,
      no_email: 2,
      quiet_period: 2,
      no_verdict: 0,
      not_eligible: 0,
    });
    expect(counts.excluded).toBe(9);

    // A longer quiet period moves the 45-day leaver out of the audience.
    const longer = await countAudience(db, {
      query: `decisionId=${decision.id}`,
      quietDays: 60,
      onlyEligible: false,
    });
    expect(longer.byReason.quiet_period).toBe(3);
    expect(longer.recipients).toBe(2);
  });

  it("uses the segment's saved filter exactly as the alumni list does", async () => {
    const decision = await createDecision(db);
    await createAlumnus(db, {
      decisionId: decision.id,
      consentReturn: "granted",
      exitReason: "layoff_automation",
      exitDate: daysAgo(400),
    });
    await createAlumnus(db, {
      decisionId: decision.id,
      consentReturn: "granted",
      exitReason: "conduct",
      exitDate: daysAgo(400),
    });
    const counts = await countAudience(db, {
      query: `decisionId=${decision.id}&exitReason=layoff_automation&bogus=1`,
      quietDays: 30,
      onlyEligible: false,
    });
    expect(counts).toMatchObject({ inSegment: 1, recipients: 1, excluded: 0 });
  });

  it("uses the shared contact rule: each combination of consent and do-not-contact is left out for mayEmail's reason", async () => {
    const decision = await createDecision(db);
    const expected: Record<string, number> = { do_not_contact: 0, unsubscribed: 0, no_consent: 0 };
    let allowed = 0;
    for (const doNotContact of [false, true]) {
      for (const consentReturn of ["unknown", "granted", "withdrawn"] as const) {
        for (const consentNews of ["unknown", "granted", "withdrawn"] as const) {
          await createAlumnus(db, {
            decisionId: decision.id,
            doNotContact,
            consentReturn,
            consentNews,
            exitDate: daysAgo(400),
          });
          const verdict = mayEmail({ doNotContact, consentReturn, consentNews }, "return_opportunities");
          if (verdict.allowed) allowed++;
          else expected[CONTACT_REASON[verdict.reason]]++;
        }
      }
    }
    const counts = await countAudience(db, {
      query: `decisionId=${decision.id}`,
      quietDays: 30,
      onlyEligible: false,
    });
    expect(counts.recipients).toBe(allowed);
    expect(counts.byReason).toMatchObject(expected);
    expect(counts.excluded).toBe(18 - allowed);
  });

  it("'only eligible people' goes by the effective verdict: a valid override wins; no verdict and not eligible are counted apart", async () => {
    const { people, segment } = await cohort(7);
    const now = Date.now();
    const verdict = (
      alumnusId: string,
      outcome: "eligible" | "needs_review" | "not_eligible",
      override?: { outcome: "eligible" | "not_eligible"; expiresInDays: number },
    ) =>
      db.eligibilityVerdict.create({
        data: {
          alumnusId,
          outcome,
          reasons: [],
          policyId: "policy-test",
          policyVersion: 1,
          computedAt: new Date(now),
          decidedAt: new Date(now),
          expiresAt: new Date(now + 365 * 86_400_000),
          ...(override
            ? {
                overrideOutcome: override.outcome,
                overrideExpiresAt: new Date(now + override.expiresInDays * 86_400_000),
                overrideJustification: "Reviewed with the team lead.",
                overrideKind: "override",
              }
            : {}),
        },
      });
    await verdict(people[0].id, "eligible");
    await verdict(people[1].id, "not_eligible", { outcome: "eligible", expiresInDays: 30 }); // override wins: in
    await verdict(people[2].id, "eligible", { outcome: "not_eligible", expiresInDays: 30 }); // override wins: out
    await verdict(people[3].id, "eligible", { outcome: "not_eligible", expiresInDays: -1 }); // lapsed override: in
    await verdict(people[4].id, "needs_review"); // out
    await verdict(people[5].id, "not_eligible"); // out
    // people[6] has no verdict yet

    const counts = await countAudience(db, { query: segment.query, quietDays: 30, onlyEligible: true });
    expect(counts.recipients).toBe(3);
    expect(counts.byReason).toMatchObject({ no_verdict: 1, not_eligible: 3 });
    expect(counts.excluded).toBe(4);
    expect(counts.onlyEligible).toBe(true);

    // Without the option, verdicts do not matter and neither reason counts.
    const everyone = await countAudience(db, { query: segment.query, quietDays: 30, onlyEligible: false });
    expect(everyone).toMatchObject({ recipients: 7, excluded: 0 });
    expect(everyone.byReason).toMatchObject({ no_verdict: 0, not_eligible: 0 });

    // The launch snapshot keeps exactly the eligible ones, with the same reasons.
    const actor = await hr();
    const { id } = await createCampaign({
      actor,
      values: campaignValues(segment.id, { onlyEligible: true }),
    });
    await launchAndQueue(actor, id);
    const recipients = await db.campaignRecipient.findMany({
      where: { campaignId: id },
      select: { alumnusId: true },
    });
    expect(recipients.map((r) => r.alumnusId).sort()).toEqual(
      [people[0].id, people[1].id, people[3].id].sort(),
    );
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).exclusions).toMatchObject({
      no_verdict: 1,
      not_eligible: 3,
    });
  });
});

describe("launching a campaign", () => {
  it("snapshots the audience and queues one message per recipient, with its campaign, purpose, one pair of unsubscribe headers and its place in the outbox throttle", async () => {
    const actor = await hr();
    const { people, segment } = await cohort(5);
    await createAlumnus(db, {
      decisionId: (await db.alumnus.findUniqueOrThrow({ where: { id: people[0].id } })).decisionId,
      doNotContact: true,
      consentReturn: "granted",
    });
    const { id } = await createCampaign({
      actor,
      values: campaignValues(segment.id, { throttlePerHour: 2 }),
    });
    const launched = await launchCampaign({ actor, campaignId: id });
    expect(launched.status).toBe("sending");
    await snapshotAudience(id);
    await fanOut(id);

    const campaign = await db.campaign.findUniqueOrThrow({ where: { id } });
    expect(campaign).toMatchObject({
      status: "sending",
      recipientCount: 5,
      audienceCount: 6,
      excludedCount: 1,
    });
    expect(campaign.exclusions).toMatchObject({ do_not_contact: 1 });
    const recipients = await db.campaignRecipient.findMany({
      where: { campaignId: id },
      orderBy: { sequence: "asc" },
    });
    expect(recipients.map((r) => r.status)).toEqual(Array(5).fill("queued"));
    const messages = await db.outboxMessage.findMany({ where: { campaignId: id } });
    expect(messages).toHaveLength(5);
    // Two per hour: the outbox throttle spaces them 30 minutes apart, in recipient order.
    const times = recipients.map((r) =>
      messages.find((m) => m.alumnusId === r.alumnusId)!.nextAttemptAt.getTime(),
    );
    expect(times.slice(1).map((t, i) => t - times[i])).toEqual(Array(4).fill(HOUR_MS / 2));
    for (const message of messages) {
      const recipient = recipients.find((r) => r.alumnusId === message.alumnusId)!;
      expect(message).toMatchObject({
        purpose: "return_opportunities",
        template: "return-invitation",
        status: "queued",
        toAddress: recipient.address,
        throttleKey: `campaign:${id}`,
      });
      const headers = message.headers as Record<string, string>;
      expect(
        Object.keys(headers)
          .filter((k) => /^list-unsubscribe/i.test(k))
          .sort(),
      ).toEqual(["List-Unsubscribe", "List-Unsubscribe-Post"]);
      expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      const token = /\/unsubscribe\/([^>]+)>/.exec(headers["List-Unsubscribe"])![1];
      expect(verifyUnsubscribeToken(token)).toEqual({
        alumnusId: message.alumnusId,
        purpose: "return_opportunities",
      });
      expect(message.html).not.toMatch(/<img[^>]+(track|pixel|open)/i);
      // The answer button's signed link names the person and the campaign (ADR 038); no other
      // link carries the campaign, and no link has tracking parameters.
      const answerLink = new RegExp(`${escapeRegExp(env().appUrl)}/portal/answer/([A-Za-z0-9._-]+)`).exec(
        message.text,
      );
      expect(verifyAnswerToken(answerLink?.[1])).toMatchObject({
        status: "valid",
        alumnusId: message.alumnusId,
        campaignId: id,
      });
      expect(message.text.split(answerLink![0]).join("")).not.toContain(id);
      expect(message.html).not.toMatch(/href="[^"]*\?/);
      // The body's preferences link is its own signed link for the same person, and it expires
      // (ADR 081); the header's unsubscribe link does not lead to a page that grants consent.
      const preferences = new RegExp(`${escapeRegExp(env().appUrl)}/preferences/([A-Za-z0-9._-]+)`).exec(
        message.text,
      );
      expect(verifyPreferencesToken(preferences?.[1])).toMatchObject({
        status: "valid",
        alumnusId: message.alumnusId,
        purpose: "return_opportunities",
      });
      expect(message.text).not.toContain(`/preferences/${token}`);
    }
    expect(await db.auditEvent.count({ where: { entityId: id, action: "campaign.launched" } })).toBe(1);

    // Settling waits while messages are queued.
    expect(await settleCampaign(id)).toBeInstanceOf(Date);
    await db.outboxMessage.updateMany({
      where: { campaignId: id },
      data: { status: "sent", sentAt: new Date() },
    });
    expect(await settleCampaign(id)).toBeNull();
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe("completed");
  });

  it("two launches at once and a retried job give exactly one message per recipient", async () => {
    const actor = await hr();
    const { segment } = await cohort(30);
    const { id } = await createCampaign({ actor, values: campaignValues(segment.id) });
    const results = await Promise.allSettled([
      launchCampaign({ actor, campaignId: id }),
      launchCampaign({ actor, campaignId: id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("conflict");
    expect(await db.job.count({ where: { payload: { path: ["campaignId"], equals: id } } })).toBe(1);

    // The job runs twice at once (a lease ran out and another runner took it over), then once more.
    await Promise.all([snapshotAudience(id), snapshotAudience(id)]);
    await Promise.all([fanOut(id), fanOut(id)]);
    await fanOut(id);
    expect(await db.campaignRecipient.count({ where: { campaignId: id } })).toBe(30);
    const perPerson = await db.outboxMessage.groupBy({
      by: ["alumnusId"],
      where: { campaignId: id },
      _count: { _all: true },
    });
    expect(perPerson).toHaveLength(30);
    expect(perPerson.every((p) => p._count._all === 1)).toBe(true);
    // A third launch is refused too.
    expect((await failure(launchCampaign({ actor, campaignId: id }))).code).toBe("conflict");
  });

  it("holds messages on pause, puts them back on the throttle schedule on resume, and cancels only what has not left", async () => {
    const actor = await hr();
    const { segment } = await cohort(6);
    const { id } = await createCampaign({
      actor,
      values: campaignValues(segment.id, { throttlePerHour: 2 }),
    });
    await launchAndQueue(actor, id);
    // One message has already gone.
    const first = await db.outboxMessage.findFirstOrThrow({
      where: { campaignId: id },
      orderBy: { nextAttemptAt: "asc" },
    });
    await db.outboxMessage.update({ where: { id: first.id }, data: { status: "sent", sentAt: new Date() } });

    const paused = await pauseCampaign({ actor, campaignId: id });
    expect(paused.held).toBe(5);
    expect(
      await db.outboxMessage.count({
        where: { campaignId: id, status: "queued", nextAttemptAt: HELD_UNTIL },
      }),
    ).toBe(5);
    expect((await failure(pauseCampaign({ actor, campaignId: id }))).code).toBe("conflict");
    const view = await getCampaignPage({ campaignId: id });
    expect(view.progress).toMatchObject({ sent: 1, queued: 0, held: 5 });
    // The outbox page lists them, under the campaign's throttle key, as held.
    const outbox = await listOutbox({ filters: OutboxFilterSchema.parse({ throttleKey: `campaign:${id}` }) });
    expect(outbox.messages).toHaveLength(6);
    expect(outbox.messages.filter((m) => m.held)).toHaveLength(5);

    const before = Date.now();
    const resumed = await resumeCampaign({ actor, campaignId: id });
    expect(resumed).toMatchObject({ released: 5, status: "sending" });
    const waiting = await db.outboxMessage.findMany({
      where: { campaignId: id, status: "queued" },
      orderBy: { nextAttemptAt: "asc" },
    });
    const slots = waiting.map((m) => Math.round((2 * (m.nextAttemptAt.getTime() - before)) / HOUR_MS));
    expect(slots).toEqual([0, 1, 2, 3, 4]); // two per hour again (one each half hour), from now
    expect(waiting.every((m) => m.nextAttemptAt.getTime() < HELD_UNTIL.getTime())).toBe(true);

    const cancelled = await cancelCampaign({ actor, campaignId: id, reason: "Sent to the wrong segment." });
    expect(cancelled.messagesCancelled).toBe(5);
    const counts = await db.outboxMessage.groupBy({
      by: ["status"],
      where: { campaignId: id },
      _count: { _all: true },
    });
    expect(Object.fromEntries(counts.map((c) => [c.status, c._count._all]))).toEqual({
      sent: 1,
      cancelled: 5,
    });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe("cancelled");
    expect((await failure(resumeCampaign({ actor, campaignId: id }))).code).toBe("conflict");
    const actions = (await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual([
      "campaign.created",
      "campaign.launched",
      "campaign.paused",
      "campaign.resumed",
      "campaign.cancelled",
    ]);
  });

  it("a batch queued while paused is held; after a cancel nothing more is queued", async () => {
    const actor = await hr();
    const { segment } = await cohort(4);
    const { id } = await createCampaign({ actor, values: campaignValues(segment.id) });
    await launchCampaign({ actor, campaignId: id });
    await snapshotAudience(id);
    await pauseCampaign({ actor, campaignId: id });
    await fanOut(id);
    expect(await db.outboxMessage.count({ where: { campaignId: id, nextAttemptAt: HELD_UNTIL } })).toBe(4);

    const other = await createCampaign({ actor, values: campaignValues(segment.id) });
    await launchCampaign({ actor, campaignId: other.id });
    await snapshotAudience(other.id);
    await cancelCampaign({ actor, campaignId: other.id });
    expect(await fanOut(other.id)).toBe(false);
    expect(await db.outboxMessage.count({ where: { campaignId: other.id } })).toBe(0);
    expect(await db.campaignRecipient.count({ where: { campaignId: other.id, status: "cancelled" } })).toBe(
      4,
    );
  });

  it("a send time ahead schedules the job for then, and the throttle starts there", async () => {
    const actor = await hr();
    const { segment } = await cohort(1);
    const sendAt = new Date(Date.now() + 2 * 86_400_000);
    const { id } = await createCampaign({ actor, values: campaignValues(segment.id, { sendAt }) });
    const launched = await launchCampaign({ actor, campaignId: id });
    expect(launched.status).toBe("scheduled");
    const job = await db.job.findUniqueOrThrow({ where: { id: launched.jobId } });
    expect(job.runAfter.getTime()).toBe(sendAt.getTime());
    await snapshotAudience(id);
    await fanOut(id);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { campaignId: id } });
    expect(message.nextAttemptAt.getTime()).toBe(sendAt.getTime());
  });
});

describe("the campaign page's data", () => {
  it("previews the email for a chosen person in the audience, finds people by name, and never for someone outside it", async () => {
    const actor = await hr();
    const { people, segment } = await cohort(3);
    const outsider = await createAlumnus(db, { firstName: "Outsider", consentReturn: "granted" });
    const { id } = await createCampaign({ actor, values: campaignValues(segment.id) });
    const chosen = await db.alumnus.findUniqueOrThrow({ where: { id: people[2].id } });
    const view = await getCampaignPage({ campaignId: id, previewRecipientId: chosen.id });
    expect(view.preview.personId).toBe(chosen.id);
    expect(view.preview.email.subject).toBe(
      `Would you like to work with us again, ${chosen.preferredName?.trim() || chosen.firstName}?`,
    );
    expect(view.audience).toMatchObject({ snapshot: false, inSegment: 3, recipients: 3 });
    const other = await getCampaignPage({ campaignId: id, previewRecipientId: outsider.id });
    expect(other.preview.personId).not.toBe(outsider.id);
    const found = await getCampaignPage({ campaignId: id, find: chosen.lastName });
    expect(found.people.map((p) => p.id)).toContain(chosen.id);
    expect((await getCampaignPage({ campaignId: id, find: "nobody-has-this-name" })).people).toEqual([]);
  });

  it("refuses to launch when nobody in the audience can receive the email", async () => {
    const actor = await hr();
    const decision = await createDecision(db);
    await createAlumnus(db, { decisionId: decision.id, consentReturn: "withdrawn" });
    const segment = await createSegment(db, { query: `decisionId=${decision.id}` });
    const { id } = await createCampaign({ actor, values: campaignValues(segment.id) });
    const error = await failure(launchCampaign({ actor, campaignId: id }));
    expect(error.message).toMatch(/Nobody in this audience/);
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
  });
});

describe("tone check before launch", () => {
  const COLD = "Your position has been eliminated effective immediately. Please contact us.";

  it("errors block the launch until someone allowed to override gives a reason, which is audited", async () => {
    const actor = await hr();
    const { segment } = await cohort(2);
    const { id } = await createCampaign({ actor, values: campaignValues(segment.id, { note: COLD }) });
    const blocked = await failure(launchCampaign({ actor, campaignId: id }));
    expect(blocked.code).toBe("validation");
    expect(blocked.message).toMatch(/tone error/);
    expect(blocked.options.fieldErrors?.overrideReason?.[0]).toMatch(/give a reason/);
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe("draft");

    // Without the override permission a reason does not help.
    const noOverride = {
      ...actor,
      permissions: actor.permissions.filter((p) => p !== "override:tone-check"),
    };
    expect(
      (
        await failure(
          launchCampaign({ actor: noOverride, campaignId: id, overrideReason: "We reviewed it." }),
        )
      ).code,
    ).toBe("forbidden");

    await launchCampaign({ actor, campaignId: id, overrideReason: "Legal asked for this exact wording." });
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id } });
    expect(campaign).toMatchObject({
      status: "sending",
      toneOverrideReason: "Legal asked for this exact wording.",
      toneOverriddenById: actor.id,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: "campaign.tone_overridden" },
    });
    expect(event.reason).toBe("Legal asked for this exact wording.");
    expect(event.after).toMatchObject({
      rules: expect.arrayContaining(["cold.position-eliminated", "cold.effective-immediately"]),
    });
  });

  it("a rewritten note launches without an override", async () => {
    const actor = await hr();
    const { segment } = await cohort(1);
    const { id } = await createCampaign({ actor, values: campaignValues(segment.id, { note: COLD }) });
    await updateCampaignNote({
      actor,
      campaignId: id,
      note: "We decided to end your role in 2022, and we were wrong to do it so fast. We would like to talk.",
    });
    await launchCampaign({ actor, campaignId: id });
    expect(await db.auditEvent.count({ where: { entityId: id, action: "campaign.tone_overridden" } })).toBe(
      0,
    );
  });
});

describe("hostile input in campaigns", () => {
  it("escapes markup in the note and the name, and never lets a subject or name create a header", async () => {
    const actor = await hr();
    const { segment } = await cohort(1);
    for (const payload of XSS_PAYLOADS) {
      const values = CampaignFormSchema.parse({
        ...stringsOf(campaignValues(segment.id)),
        name: payload.replace(/[\r\n]/g, " ").slice(0, 120),
        note: payload,
      });
      const { id } = await createCampaign({ actor, values });
      const view = await getCampaignPage({ campaignId: id });
      expect(view.campaign.name.length).toBeGreaterThan(0);
      const html = view.preview.email.html;
      expect(html).not.toMatch(/<script[\s>]/i);
      expect(html).not.toMatch(/<[a-z]+[^>]*\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
      countTried("xss", 1);
    }
    for (const payload of HEADER_INJECTION_PAYLOADS) {
      const parsed = CampaignFormSchema.safeParse({
        ...stringsOf(campaignValues(segment.id)),
        subject: payload,
        senderName: payload,
      });
      if (payload.includes("=?")) {
        // encoded-word text is just text: nodemailer encodes it; it never becomes a header
        expect(parsed.success).toBe(true);
      } else {
        expect(parsed.success).toBe(false);
        const fields = parsed.error!.issues.map((i) => i.path.join("."));
        expect(fields).toEqual(expect.arrayContaining(["subject", "senderName"]));
      }
      // Stored values that bypassed the form still leave the subject on one line.
      const { id } = await createCampaign({
        actor,
        values: { ...campaignValues(segment.id), subject: payload, name: payload },
      });
      await launchAndQueue(actor, id);
      const message = await db.outboxMessage.findFirstOrThrow({ where: { campaignId: id } });
      expect(message.subject).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
      expect(message.toName ?? "").not.toMatch(/[\r\n]/);
      countTried("header-injection", 1);
    }
  });

  it("refuses a segment that does not exist", async () => {
    const actor = await hr();
    const error = await failure(createCampaign({ actor, values: campaignValues(unique("missing")) }));
    expect(error.options.fieldErrors?.segmentId?.[0]).toMatch(/no longer exists/);
  });
});

/** Form values as the browser sends them (strings). */
function stringsOf(values: ReturnType<typeof campaignValues>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === false) continue;
    out[k] = v instanceof Date ? v.toISOString().slice(0, 16) : v === true ? "on" : String(v);
  }
  return out;
}
