import { describe, expect, it } from "vitest";
import { getBranding } from "~/modules/portal/get-branding.server";
import { db } from "~/platform/db.server";
import { createStaffUser, staffActor } from "../../../test/factories";
import { campaignValues, createSegment } from "../../../test/factories/campaigns";
import { campaignFormDefaults } from "./campaign-form-defaults.server";
import { createCampaign } from "./create-campaign.server";

describe("a new campaign's form", () => {
  it("starts from the writer's last campaign (company, role), the branding otherwise, and only eligible people", async () => {
    const user = await createStaffUser(db, { role: "hr" });
    const actor = staffActor(user);
    const first = await campaignFormDefaults({ actor });
    expect(first).toMatchObject({
      senderName: user.name,
      senderEmail: user.email,
      senderRole: "",
      companyName: (await getBranding()).companyName,
      onlyEligible: "on",
    });

    const segment = await createSegment(db, { query: "q=nobody-at-all" });
    await createCampaign({
      actor,
      values: campaignValues(segment.id, { companyName: "Fjord Pay Nordics", senderRole: "People Partner" }),
    });
    const other = staffActor(await createStaffUser(db, { role: "hr" }));
    await createCampaign({
      actor: other,
      values: campaignValues(segment.id, { companyName: "Someone Else Ltd", senderRole: "Recruiter" }),
    });
    expect(await campaignFormDefaults({ actor })).toMatchObject({
      companyName: "Fjord Pay Nordics",
      senderRole: "People Partner",
      onlyEligible: "on",
    });
  });
});
