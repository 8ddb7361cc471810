import { describe, expect, it } from "vitest";
import {
  APPLICATION_STATUSES,
  canTransition,
  FINAL_STATUSES,
  nextMoves,
  PIPELINE_ROLES,
  type ApplicationStatus,
  type PipelineRole,
} from "./pipeline";

/**
 * Every (role, from, to) triple: the ones listed here are allowed, every other one is refused.
 * Written out by hand rather than derived from TRANSITIONS, so a change to the table must be
 * made twice, on purpose.
 */
const ALLOWED: Record<PipelineRole, string[]> = {
  hr: [
    "submitted>in_review",
    "submitted>shortlisted",
    "in_review>shortlisted",
    "shortlisted>in_review",
    "shortlisted>offered",
    "submitted>declined",
    "in_review>declined",
    "shortlisted>declined",
    "offered>declined",
    "submitted>withdrawn",
    "in_review>withdrawn",
    "shortlisted>withdrawn",
    "offered>withdrawn",
  ],
  manager: [
    "submitted>in_review",
    "submitted>shortlisted",
    "in_review>shortlisted",
    "shortlisted>in_review",
    "submitted>declined",
    "in_review>declined",
    "shortlisted>declined",
  ],
  alumnus: ["submitted>withdrawn", "in_review>withdrawn", "shortlisted>withdrawn", "offered>withdrawn"],
  contract: ["offered>hired"],
};

const cases: [PipelineRole, ApplicationStatus, ApplicationStatus, boolean][] = [];
for (const role of PIPELINE_ROLES)
  for (const from of APPLICATION_STATUSES)
    for (const to of APPLICATION_STATUSES)
      cases.push([role, from, to, ALLOWED[role].includes(`${from}>${to}`)]);

describe("the application pipeline", () => {
  it.each(cases)("%s: %s -> %s allowed: %s", (role, from, to, allowed) => {
    expect(canTransition(role, from, to)).toBe(allowed);
  });

  it("checks every triple (4 roles x 7 x 7)", () => {
    expect(cases).toHaveLength(4 * 7 * 7);
    expect(cases.filter((c) => c[3])).toHaveLength(
      Object.values(ALLOWED).reduce((n, list) => n + list.length, 0),
    );
  });

  it("final statuses never move, for anyone", () => {
    for (const role of PIPELINE_ROLES)
      for (const from of FINAL_STATUSES) expect(nextMoves(role, from), `${role} from ${from}`).toEqual([]);
  });

  it("only the contracts module hires", () => {
    for (const role of PIPELINE_ROLES)
      for (const from of APPLICATION_STATUSES)
        expect(canTransition(role, from, "hired")).toBe(role === "contract" && from === "offered");
  });
});
