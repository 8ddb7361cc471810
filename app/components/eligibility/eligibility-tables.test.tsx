// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { assessGroups } from "~/modules/eligibility/fairness";
import { FairnessTable } from "./fairness-table";
import { VerdictCountsTable } from "./verdict-counts";
import { WhatIfPeopleTable } from "./what-if-people";

function inRouter(element: React.ReactElement) {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return render(<Stub initialEntries={["/staff/eligibility"]} />);
}

describe("the fairness table", () => {
  it("shows each group's counts, rate, ratio to the highest and the check in words", async () => {
    const { groups } = assessGroups([
      { value: "Support", total: 1200, eligible: 900, needsReview: 200, notEligible: 100 },
      { value: "Finance", total: 100, eligible: 50, needsReview: 30, notEligible: 20 },
      { value: null, total: 10, eligible: 2, needsReview: 4, notEligible: 4 },
    ]);
    inRouter(<FairnessTable label="Department" groups={groups} />);
    const table = await screen.findByRole("table", { name: "Eligibility rate by department" });
    const byName = (name: string) =>
      within(table)
        .getAllByRole("row")
        .find((r) => within(r).queryByRole("rowheader")?.textContent === name)!;
    const support = byName("Support");
    expect(support.textContent).toContain("1,200");
    expect(support.textContent).toContain("75.0%");
    expect(support.textContent).toContain("100.0%");
    expect(within(support).getByText("Within range")).toBeTruthy();
    const finance = byName("Finance");
    expect(finance.textContent).toContain("50.0%");
    expect(finance.textContent).toContain("66.7%");
    expect(within(finance).getByText("Below four fifths")).toBeTruthy();
    const unrecorded = byName("Not recorded");
    expect(within(unrecorded).getByText("Too few to judge")).toBeTruthy();
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual([
      "Department",
      "People",
      "Eligible",
      "Needs review",
      "Not eligible",
      "Eligibility rate",
      "Against highest",
      "Check",
    ]);
  });
});

describe("the people a draft would change", () => {
  it("links each person and shows their verdict now, with the draft, and why", async () => {
    inRouter(
      <WhatIfPeopleTable
        changes={[
          {
            alumnusId: "a1",
            name: "Kwame Mensah",
            department: "Support",
            location: "Manchester, UK",
            decision: null,
            from: "needs_review",
            to: "eligible",
            direction: "more",
            why: ["Left under the 2025 support automation", "Worked here at least 1 year"],
          },
          {
            alumnusId: "a2",
            name: "Ama Owusu",
            department: null,
            location: null,
            decision: null,
            from: null,
            to: "not_eligible",
            direction: "less",
            why: [],
          },
        ]}
      />,
    );
    const table = await screen.findByRole("table", { name: "People affected by the draft" });
    const [kwame, ama] = within(table).getAllByRole("row").slice(1);
    expect(within(kwame).getByRole("link", { name: "Kwame Mensah" }).getAttribute("href")).toBe(
      "/staff/eligibility/people/a1",
    );
    expect(kwame.textContent).toContain("Support · Manchester, UK");
    expect(within(kwame).getByText("Needs review")).toBeTruthy();
    expect(within(kwame).getByText("Eligible")).toBeTruthy();
    expect(
      within(kwame)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Left under the 2025 support automation", "Worked here at least 1 year"]);
    expect(within(ama).getByText("No verdict yet")).toBeTruthy();
    expect(within(ama).getByText("Not eligible")).toBeTruthy();
    expect(ama.textContent).toContain("—");
  });
});

describe("the verdicts by outcome", () => {
  it("shows each outcome in words with its computed count, HR's decisions in force and the two together", async () => {
    inRouter(
      <VerdictCountsTable
        counts={[
          { outcome: "eligible", computed: 12_000, overridden: 40, effective: 12_030 },
          { outcome: "needs_review", computed: 2_200, overridden: 5, effective: 2_180 },
        ]}
      />,
    );
    const table = await screen.findByRole("table", { name: "Verdicts by outcome" });
    const [, eligible, review] = within(table).getAllByRole("row");
    expect(within(eligible).getByRole("rowheader").textContent).toBe("Eligible");
    expect(
      within(eligible)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Computed12,000", "HR decisions in force40", "Counts (with HR decisions)12,030"]);
    expect(within(review).getByRole("rowheader").textContent).toBe("Needs review");
  });
});
