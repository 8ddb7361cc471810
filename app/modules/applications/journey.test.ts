import { describe, expect, it } from "vitest";
import { journeyLine, journeyStep, type JourneyFacts, type JourneyStep } from "./journey";

const none: JourneyFacts = { invitations: 0, interestedAnswers: 0, applications: [], contracts: [] };

describe("a person's way back", () => {
  const cases: [string, Partial<JourneyFacts>, JourneyStep | null][] = [
    ["nothing yet", {}, null],
    ["an invitation sent", { invitations: 1 }, "contacted"],
    ["said yes", { invitations: 1, interestedAnswers: 1 }, "interested"],
    ["applied after a yes", { invitations: 1, interestedAnswers: 1, applications: ["submitted"] }, "applied"],
    ["entered by HR after a phone call (never invited)", { applications: ["in_review"] }, "applied"],
    ["a declined application still means they applied", { applications: ["declined"] }, "applied"],
    ["shortlisted is still applied", { applications: ["shortlisted"] }, "applied"],
    ["an offer being made", { applications: ["offered"], contracts: ["draft"] }, "offered"],
    [
      "a contract waiting for approval",
      { applications: ["offered"], contracts: ["pending_approval"] },
      "offered",
    ],
    [
      "a cancelled contract and a declined offer",
      { applications: ["declined"], contracts: ["cancelled"] },
      "applied",
    ],
    ["accepted", { applications: ["hired"], contracts: ["accepted"] }, "contracted"],
    ["onboarding", { applications: ["hired"], contracts: ["onboarding"] }, "contracted"],
    ["working again", { applications: ["hired"], contracts: ["active"] }, "active"],
    [
      "one program declined, another active",
      { applications: ["declined", "hired"], contracts: ["active"] },
      "active",
    ],
    ["a contract that ended", { applications: ["hired"], contracts: ["ended"] }, "active"],
  ];
  it.each(cases)("%s", (_name, facts, expected) => {
    expect(journeyStep({ ...none, ...facts })).toBe(expected);
  });

  it("marks the steps before the current one done and the later ones ahead", () => {
    const line = journeyLine({ ...none, invitations: 1, applications: ["submitted"] });
    expect(line.map((s) => `${s.step}:${s.state}`)).toEqual([
      "contacted:done",
      "interested:done",
      "applied:current",
      "offered:ahead",
      "contracted:ahead",
      "active:ahead",
    ]);
    expect(journeyLine(none).every((s) => s.state === "ahead")).toBe(true);
  });
});
