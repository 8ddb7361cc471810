import { describe, expect, it } from "vitest";
import { parseReviewFilter, parseReviewPaging, reviewFilterToSearchParams } from "./review-filter";

describe("the review queue's filters in the URL", () => {
  it("keeps every valid part and drops the rest, so a stale link still opens", () => {
    const params = new URLSearchParams(
      "reason=hr_flag&reason=bogus&reason=hr_flag&exitReason=performance&department=Support&decisionId=none&waited=30&input=answered&extra=1",
    );
    expect(parseReviewFilter(params)).toEqual({
      reason: ["hr_flag"],
      exitReason: ["performance"],
      department: "Support",
      decisionId: "none",
      waited: 30,
      input: "answered",
    });
    expect(parseReviewFilter(new URLSearchParams("waited=12&input=maybe&department="))).toEqual({});
  });

  it("writes a stable query that reads back the same", () => {
    const filter = { reason: ["legal_hold", "exit_reason"] as const, waited: 90, department: "Finance" };
    const query = reviewFilterToSearchParams({ ...filter, reason: [...filter.reason] });
    expect(query.toString()).toBe("reason=exit_reason&reason=legal_hold&department=Finance&waited=90");
    expect(parseReviewFilter(query)).toEqual({ ...filter, reason: ["exit_reason", "legal_hold"] });
  });

  it("pages by 25, 50 or 100", () => {
    expect(parseReviewPaging(new URLSearchParams("size=50&page=3"))).toEqual({ size: 50, page: 3 });
    expect(parseReviewPaging(new URLSearchParams("size=1000&page=-2"))).toEqual({ size: 25, page: 1 });
  });
});
