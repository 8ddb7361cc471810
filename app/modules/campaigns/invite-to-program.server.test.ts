import { describe, expect, it } from "vitest";
import { getReturnJourney } from "~/modules/applications/return-journey.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { createAlumnus, createDecision, createStaffUser, staffActor, unique } from "../../../test/factories";
import { createProgram } from "../../../test/factories/pipeline";
import { getInviteOptions, inviteToProgram } from "./invite-to-program.server";
import { listSegmentsForCampaigns } from "./list-campaigns.server";
import { fanOut, snapshotAudience } from "./run-campaign.server";
import { InviteToProgramSchema } from "./schemas";

/**
 * "Invite to a program" from a profile (issue 14, ADR 064): one person, one open program, through
 * the campaign machinery, with every campaign rule; a refusal writes nothing.
 */

const DAY_MS = 86_400_000;

async function hr() {
  return staffActor(await createStaffUser(db, { role: "hr", name: "Hanna Berg" }));
}

/** Someone we may write to and who is eligible, unless `overrides` say otherwise. */
async function person(
  overrides: Parameters<typeof createAlumnus>[1] = {},
  outcome: "eligible" | "not_eligible" | null = "eligible",
) {
  const decision = await createDecision(db);
  const alumnus = await createAlumnus(db, {
    decisionId: decision.id,
    consentReturn: "granted",
    doNotContact: false,
    personalEmail: `${unique("one")}@example.org`,
    exitDate: new Date(Date.now() - 400 * DAY_MS),
    ...overrides,
  });
  if (outcome) {
    await db.eligibilityVerdict.create({
      data: {
        alumnusId: alumnus.id,
        outcome,
        reasons: [],
        policyId: "policy",
        policyVersion: 1,
        computedAt: new Date(),
        decidedAt: new Date(),
        expiresAt: new Date(Date.now() + 30 * DAY_MS),
      },
    });
  }
  return alumnus;
}

const values = (programId: string, note = "") =>
  InviteToProgramSchema.parse({ programId, senderRole: "People partner", note });

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("inviting one person to a program from their profile", () => {
  it("sends the invitation to that person alone, pointing at the program, audited; a second one is refused", async () => {
    const actor = await hr();
    const program = await createProgram(db, { status: "open" });
    const someone = await person();
    const bystander = await person(); // same kind of person, not invited

    const sent = await inviteToProgram({
      actor,
      alumnusId: someone.id,
      values: values(program.id, "We would be glad to work with you again."),
    });
    const campaign = await db.campaign.findUniqueOrThrow({
      where: { id: sent.campaignId },
      include: { segment: true },
    });
    expect(campaign).toMatchObject({
      programId: program.id,
      onlyEligible: true,
      template: "return-invitation",
    });
    expect(campaign.status).not.toBe("draft");
    expect(campaign.segment.query).toBe(`person=${someone.id}`);

    await snapshotAudience(campaign.id);
    await fanOut(campaign.id);
    const messages = await db.outboxMessage.findMany({ where: { campaignId: campaign.id } });
    expect(messages.map((m) => m.alumnusId)).toEqual([someone.id]);
    expect(messages[0].html).toMatch(/\/answer\//);
    expect(messages[0].html).toContain("We would be glad to work with you again.");
    expect(await db.outboxMessage.count({ where: { alumnusId: bystander.id } })).toBe(0);

    const events = await db.auditEvent.findMany({
      where: {
        OR: [{ entityId: campaign.id }, { entityId: someone.id, action: "alumnus.invited_to_program" }],
      },
      select: { action: true, after: true },
    });
    expect(events.map((e) => e.action).sort()).toEqual([
      "alumnus.invited_to_program",
      "campaign.created",
      "campaign.launched",
    ]);

    // The way back now starts at "contacted"; the one-person segment is not offered to campaigns.
    expect((await getReturnJourney({ actor, alumnusId: someone.id }))?.step).toBe("contacted");
    expect((await listSegmentsForCampaigns()).some((s) => s.id === campaign.segmentId)).toBe(false);

    const again = await refusal(
      inviteToProgram({ actor, alumnusId: someone.id, values: values(program.id) }),
    );
    expect(again.message).toMatch(/already invited to this program/);
    expect(await db.campaign.count({ where: { segmentId: campaign.segmentId } })).toBe(1);
  });

  it("refuses, writing nothing, when a campaign rule leaves the person out or the program is not open", async () => {
    const actor = await hr();
    const open = await createProgram(db, { status: "open" });
    const paused = await createProgram(db, { status: "paused" });
    const cases = [
      { who: await person({ consentReturn: "unknown" }), expected: /No consent yet/ },
      { who: await person({ consentReturn: "withdrawn" }), expected: /Unsubscribed/ },
      { who: await person({ doNotContact: true }), expected: /Do not contact/ },
      { who: await person({ exitDate: new Date(Date.now() - 5 * DAY_MS) }), expected: /Quiet period/ },
      { who: await person({}, null), expected: /No rehire verdict yet/ },
      { who: await person({}, "not_eligible"), expected: /Not eligible/ },
    ];
    const campaignsBefore = await db.campaign.count();
    for (const { who, expected } of cases) {
      const error = await refusal(inviteToProgram({ actor, alumnusId: who.id, values: values(open.id) }));
      expect(error.message).toMatch(expected);
      expect((await getInviteOptions({ actor, alumnusId: who.id }))?.excluded?.label).toMatch(expected);
    }
    const fine = await person();
    expect((await getInviteOptions({ actor, alumnusId: fine.id }))?.excluded).toBeNull();
    const notOpen = await refusal(inviteToProgram({ actor, alumnusId: fine.id, values: values(paused.id) }));
    expect(notOpen.message).toMatch(/paused: people who say yes are sent there to apply/);
    expect(notOpen.options.fieldErrors?.programId).toBeDefined();
    const cold = await refusal(
      inviteToProgram({
        actor,
        alumnusId: fine.id,
        values: values(
          open.id,
          "Your position has been eliminated effective immediately. Please contact us.",
        ),
      }),
    );
    expect(cold.message).toMatch(/tone error/);
    expect(cold.options.fieldErrors?.note).toBeDefined();
    expect(await db.campaign.count()).toBe(campaignsBefore);
    expect(
      await db.auditEvent.count({
        where: {
          action: "alumnus.invited_to_program",
          entityId: { in: [fine.id, ...cases.map((c) => c.who.id)] },
        },
      }),
    ).toBe(0);
  });

  it("is for HR only: a manager is refused and sees no invite card", async () => {
    const manager = staffActor(await createStaffUser(db, { role: "manager" }));
    const program = await createProgram(db, { status: "open" });
    const someone = await person();
    const error = await refusal(
      inviteToProgram({ actor: manager, alumnusId: someone.id, values: values(program.id) }),
    );
    expect(error.code).toBe("forbidden");
    expect(await getInviteOptions({ actor: manager, alumnusId: someone.id })).toBeNull();
  });
});
