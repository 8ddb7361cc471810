import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { DEMO_SEGMENT_NAME, seedIfEmpty } from "../../../prisma/seed";
import { countAudience } from "./audience.server";

describe("demo seed for campaigns", () => {
  it("has a saved segment of the 2022 automation cohort with consent, ready for a campaign", async () => {
    await seedIfEmpty();
    const segment = await db.segment.findUniqueOrThrow({ where: { name: DEMO_SEGMENT_NAME } });
    const counts = await countAudience(db, { query: segment.query, quietDays: 30, onlyEligible: false });
    expect(counts.inSegment).toBeGreaterThan(400);
    expect(counts.inSegment).toBeLessThan(700);
    expect(counts.byReason.no_consent + counts.byReason.unsubscribed).toBe(0); // the segment already asks for consent
    expect(counts.recipients).toBe(counts.inSegment - counts.excluded);
    expect(counts.recipients).toBeGreaterThan(0);
  });
});
