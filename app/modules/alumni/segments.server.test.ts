import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { createStaffUser, staffActor } from "../../../test/factories";
import { campaignValues, createSegment } from "../../../test/factories/campaigns";
import { createCampaign } from "../campaigns/create-campaign.server";
import { deleteSegment } from "./segments.server";

describe("deleting a saved view", () => {
  it("refuses a view a campaign uses, with a clear message, and deletes one nobody uses", async () => {
    const actor = staffActor(await createStaffUser(db, { role: "hr" }));
    const used = await createSegment(db, {
      query: "exitReason=layoff_automation",
      name: "Support team 2022",
    });
    const { id } = await createCampaign({
      actor,
      values: campaignValues(used.id, { name: "Come back to support" }),
    });
    expect(id).toBeTruthy();

    const error = await deleteSegment({ actor, segmentId: used.id }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict");
    expect((error as AppError).message).toMatch(
      /“Support team 2022” is the audience of the campaign “Come back to support”, so it cannot be deleted/,
    );
    expect(await db.segment.count({ where: { id: used.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "segment.deleted", entityId: used.id } })).toBe(0);

    const unused = await createSegment(db, { query: "exitReason=conduct" });
    await deleteSegment({ actor, segmentId: unused.id });
    expect(await db.segment.count({ where: { id: unused.id } })).toBe(0);
  });
});
