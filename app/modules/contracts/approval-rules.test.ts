import { describe, expect, it } from "vitest";
import {
  approvalLines,
  describeNeeds,
  isFullyApproved,
  openCapacitiesFor,
  requiredApprovals,
  whyNotApprover,
  type ApproverFacts,
} from "./approval-rules";

const program = { rateMin: "18.50", rateMax: "24.00", currency: "EUR" };
const settings = { hoursLimitPerWeek: 30 };
const terms = (over: Partial<Parameters<typeof requiredApprovals>[0]> = {}) => ({
  hourlyRate: "20.00",
  currency: "EUR",
  minHoursPerWeek: 10,
  maxHoursPerWeek: 25,
  ...over,
});

describe("who must approve", () => {
  it("the hiring manager always; nobody else for terms within the program's range and the hours limit", () => {
    expect(requiredApprovals(terms(), program, settings)).toEqual([
      { capacity: "manager", reasons: ["they hire for this program"], rules: ["hiring-manager"] },
    ]);
    expect(
      requiredApprovals(terms({ hourlyRate: "24.00", maxHoursPerWeek: 30 }), program, settings),
    ).toHaveLength(1);
    expect(requiredApprovals(terms({ hourlyRate: "18.50" }), program, settings)).toHaveLength(1);
  });

  it("an HR lead as well when the rate is outside the range, or the hours above the limit, with each reason", () => {
    const above = requiredApprovals(terms({ hourlyRate: "24.01" }), program, settings);
    expect(above[1]).toEqual({
      capacity: "hr_lead",
      reasons: ["the rate is above the program's range (€18.50 to €24.00)"],
      rules: ["rate-outside-range"],
    });
    expect(requiredApprovals(terms({ hourlyRate: "18.49" }), program, settings)[1].reasons[0]).toMatch(
      /below/,
    );
    expect(requiredApprovals(terms({ currency: "SEK" }), program, settings)[1].reasons[0]).toBe(
      "the rate is in SEK, not the program's EUR",
    );
    const both = requiredApprovals(terms({ hourlyRate: "30.00", maxHoursPerWeek: 31 }), program, settings);
    expect(both[1].reasons).toEqual([
      "the rate is above the program's range (€18.50 to €24.00)",
      "31 hours a week is above the limit of 30",
    ]);
    expect(
      requiredApprovals(terms({ maxHoursPerWeek: 31 }), program, { hoursLimitPerWeek: 40 }),
    ).toHaveLength(1);
  });

  it("says on the contract who is still needed and why", () => {
    const lines = approvalLines(requiredApprovals(terms({ hourlyRate: "30" }), program, settings), []);
    expect(describeNeeds(lines, "Mats Lindqvist")).toEqual([
      "Mats Lindqvist (the hiring manager), because they hire for this program",
      "an HR lead, because the rate is above the program's range (€18.50 to €24.00)",
    ]);
  });
});

describe("who may fill a capacity", () => {
  const lines = approvalLines(requiredApprovals(terms({ hourlyRate: "30" }), program, settings), []);
  const manager: ApproverFacts = {
    actorId: "mats",
    approvesTeam: true,
    approvesSecond: false,
    hiringManagerId: "mats",
    createdById: "hanna",
  };
  const lead: ApproverFacts = { ...manager, actorId: "lena", approvesTeam: false, approvesSecond: true };

  it("the hiring manager fills the manager's place, an HR lead the second", () => {
    expect(openCapacitiesFor(manager, lines)).toEqual(["manager"]);
    expect(openCapacitiesFor(lead, lines)).toEqual(["hr_lead"]);
    expect(openCapacitiesFor({ ...manager, actorId: "other", hiringManagerId: "mats" }, lines)).toEqual([]);
  });

  it("never the draft's author, never one person twice, and complete only when every place is filled", () => {
    expect(openCapacitiesFor({ ...lead, actorId: "hanna" }, lines)).toEqual([]);
    expect(whyNotApprover({ ...lead, actorId: "hanna" }, lines)).toMatch(/You prepared this contract/);
    // Someone who is hiring manager and HR lead at once fills one place, not both.
    const both: ApproverFacts = { ...manager, approvesSecond: true };
    expect(openCapacitiesFor(both, lines)).toEqual(["manager", "hr_lead"]);
    const afterOne = lines.map((l) =>
      l.capacity === "manager" ? { ...l, approvedBy: { id: "mats", name: "Mats", at: "" } } : l,
    );
    expect(openCapacitiesFor(both, afterOne)).toEqual([]);
    expect(whyNotApprover(both, afterOne)).toMatch(/already approved/);
    expect(isFullyApproved(afterOne)).toBe(false);
    const done = afterOne.map((l) => ({
      ...l,
      approvedBy: l.approvedBy ?? { id: "lena", name: "Lena", at: "" },
    }));
    expect(isFullyApproved(done)).toBe(true);
  });
});
