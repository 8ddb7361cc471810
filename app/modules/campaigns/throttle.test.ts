import { describe, expect, it } from "vitest";
import { HELD_UNTIL, HOUR_MS, isHeld, throttleSlot } from "./throttle";

describe("throttleSlot", () => {
  const anchorAt = new Date("2026-12-01T09:00:00Z");
  it("puts at most perHour recipients in each hour", () => {
    const slots = Array.from({ length: 1000 }, (_, sequence) => throttleSlot({ sequence, anchorAt, anchorSeq: 0, perHour: 120 }).getTime());
    const perHour = new Map<number, number>();
    for (const t of slots) perHour.set(t, (perHour.get(t) ?? 0) + 1);
    expect(Math.max(...perHour.values())).toBe(120);
    expect(perHour.size).toBe(Math.ceil(1000 / 120));
    expect(slots[0]).toBe(anchorAt.getTime());
    expect(slots[119]).toBe(anchorAt.getTime());
    expect(slots[120]).toBe(anchorAt.getTime() + HOUR_MS);
    expect(slots[999]).toBe(anchorAt.getTime() + 8 * HOUR_MS);
  });
  it("counts from the anchor sequence after a resume", () => {
    expect(throttleSlot({ sequence: 250, anchorAt, anchorSeq: 250, perHour: 100 })).toEqual(anchorAt);
    expect(throttleSlot({ sequence: 350, anchorAt, anchorSeq: 250, perHour: 100 }).getTime()).toBe(anchorAt.getTime() + HOUR_MS);
    // recipients before the anchor never get a slot in the past
    expect(throttleSlot({ sequence: 10, anchorAt, anchorSeq: 250, perHour: 100 })).toEqual(anchorAt);
  });
  it("treats a throttle below one as one per hour", () => {
    expect(throttleSlot({ sequence: 2, anchorAt, anchorSeq: 0, perHour: 0 }).getTime()).toBe(anchorAt.getTime() + 2 * HOUR_MS);
  });
  it("recognises held messages", () => {
    expect(isHeld(HELD_UNTIL)).toBe(true);
    expect(isHeld(anchorAt)).toBe(false);
  });
});
