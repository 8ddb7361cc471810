import { createCampaign } from "~/modules/campaigns/create-campaign.server";
import { launchCampaign } from "~/modules/campaigns/launch-campaign.server";
import { fanOut, snapshotAudience } from "~/modules/campaigns/run-campaign.server";
import type { CampaignFormInput } from "~/modules/campaigns/schemas";
import { db, type Db } from "~/platform/db.server";
import type { StaffUser } from "~/platform/auth.server";
import {
  buildAlumnus,
  createDecision,
  createRng,
  createStaffUser,
  insertAlumni,
  isoDate,
  staffActor,
  unique,
} from "./index";

/** A saved segment (the alumni list's URL query, by name). */
export async function createSegment(
  tx: Db,
  input: { query: string; name?: string; createdById?: string | null },
) {
  return tx.segment.create({
    data: {
      name: input.name ?? unique("Segment "),
      query: input.query,
      createdById: input.createdById ?? null,
    },
  });
}

/** The campaign form's values, warm and complete, for a segment. */
export function campaignValues(
  segmentId: string,
  overrides: Partial<CampaignFormInput> = {},
): CampaignFormInput {
  return {
    name: unique("Campaign "),
    segmentId,
    programId: undefined,
    template: "return-invitation",
    subject: undefined,
    note: "I remember how calm you stayed with the hardest calls.\n\nWe would love to have you back, on your terms.",
    senderName: "Amara Okafor",
    senderRole: "People Partner",
    senderEmail: "amara.okafor@fjordpay.example",
    senderPhone: undefined,
    companyName: "Fjord Pay",
    teamName: "customer support",
    whatChanged:
      "In 2022 we let most of our support team go and handed the work to an automated assistant. Customers with hard problems told us they miss talking to a person, and we think they are right.",
    opportunity:
      "Remote shifts helping customers with disputes and complaints. You choose your hours, from 10 to 30 a week.",
    respondBy: "2027-01-15",
    invitedOn: undefined,
    sendAt: undefined,
    throttlePerHour: 10_000,
    quietDays: 30,
    onlyEligible: false,
    ...overrides,
  };
}

/**
 * A launched campaign to `recipients` new people of one workforce decision (consent given,
 * reachable, left in 2022), from a saved segment of exactly them, by an HR user. Launching
 * queues the launch job; with `fanOut` the audience is snapshotted and the messages queued here
 * instead of by a job runner. The throttle is the fastest (10 ms apart) unless given.
 */
export async function createLaunchedCampaign(input: {
  recipients: number;
  seed?: number;
  actor?: StaffUser;
  values?: Partial<CampaignFormInput>;
  fanOut?: boolean;
}) {
  const actor = input.actor ?? staffActor(await createStaffUser(db, { role: "hr" }));
  const decision = await createDecision(db);
  const rng = createRng(input.seed ?? 4242);
  const base = 7_000_000 + Math.floor(Math.random() * 2_000_000);
  await insertAlumni(
    db,
    Array.from({ length: input.recipients }, (_, i) =>
      buildAlumnus(rng, {
        index: base + i,
        decisionId: decision.id,
        consentReturn: "granted",
        doNotContact: false,
        exitDate: isoDate(2022, 6, 1),
      }),
    ),
  );
  const segment = await createSegment(db, { query: `decisionId=${decision.id}` });
  const { id } = await createCampaign({
    actor,
    values: campaignValues(segment.id, { throttlePerHour: 360_000, ...input.values }),
  });
  await launchCampaign({ actor, campaignId: id });
  if (input.fanOut) {
    await snapshotAudience(id);
    await fanOut(id);
  }
  return { campaignId: id, actor, decision, segment };
}
