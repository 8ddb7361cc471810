import { describe, expect, it } from "vitest";
import { StepSizer } from "./step-size";

describe("steps sized by time", () => {
  it("shrinks at once after a slow step, grows by at most half per step, stays within its bounds", () => {
    const sizer = new StepSizer({ start: 250, min: 25, max: 1000, targetMs: 150 });
    expect(sizer.rows).toBe(250);
    sizer.record(250, 1500); // ten times the target
    expect(sizer.rows).toBe(25);
    sizer.record(25, 10);
    expect(sizer.rows).toBe(38); // fast again: half as many more, not 375
    for (let i = 0; i < 20; i++) sizer.record(sizer.rows, 1);
    expect(sizer.rows).toBe(1000);
    sizer.record(1000, 300); // twice the target
    expect(sizer.rows).toBe(500);
    sizer.record(500, 150);
    expect(sizer.rows).toBe(500);
    sizer.record(0, 0); // nothing done: no change
    expect(sizer.rows).toBe(500);
  });
});
