import type { Db } from "~/platform/db.server";
import type { CampaignFormInput } from "~/modules/campaigns/schemas";
import { unique } from "./index";

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
