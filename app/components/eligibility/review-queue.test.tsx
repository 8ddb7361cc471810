// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { focusedErrorSummary, renderOnPageEntries } from "../../../test/components/on-page";
import { BulkDecisionForm } from "./bulk-decision-form";
import { ReviewFilters } from "./review-filters";
import { ReviewQueueTable, type QueueItem } from "./review-queue-table";

function inRouter(element: React.ReactElement, path = "/staff/eligibility/reviews") {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return render(<Stub initialEntries={[path]} />);
}

const item = (id: string, name: string, extra: Partial<QueueItem> = {}): QueueItem => ({
  alumnusId: id,
  name,
  jobTitle: "Customer Service Agent",
  department: "Customer Service",
  location: "Manchester, UK",
  exitReason: "Layoff (automation)",
  waitingSince: "2026-11-02T09:30:00.000Z",
  lapsedOverride: null,
  why: ["The HR system says needs review but the exit reason says eligible; the policy asks for a review."],
  inputs: { asked: 0, answered: 0 },
  ...extra,
});

const items = [
  item("a1", "Noah Kim"),
  item("a2", "Leila Lund", { inputs: { asked: 2, answered: 1 }, exitReason: null }),
  item("a3", "Nadia Fischer", {
    lapsedOverride: { outcome: "eligible", expiredAt: "2026-10-01T00:00:00.000Z" },
  }),
];

describe("the review queue's sections", () => {
  it("lists each person with why, input and waiting time; links keep the queue's view", async () => {
    inRouter(<ReviewQueueTable items={items} formId="bulk" personQuery="reason=hr_flag" canDecide />);
    const table = await screen.findByRole("table", { name: "People waiting for a review decision" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    const link = within(rows[0]).getByRole("link", { name: "Noah Kim" });
    expect(link.getAttribute("href")).toBe("/staff/eligibility/people/a1?reason=hr_flag");
    expect(rows[0].textContent).toContain("The HR system says needs review");
    expect(rows[1].textContent).toContain("1 of 2 answered");
    expect(rows[1].textContent).toContain("Not recorded");
    expect(rows[2].textContent).toContain("An earlier decision (Eligible) lapsed on");
    expect(
      within(rows[0])
        .getByRole("checkbox", { name: /Select\s+Noah Kim/ })
        .getAttribute("form"),
    ).toBe("bulk");
  });

  it("has no tick boxes for someone who cannot decide", async () => {
    inRouter(<ReviewQueueTable items={items} personQuery="" canDecide={false} />);
    await screen.findByRole("table");
    expect(screen.queryAllByRole("checkbox")).toHaveLength(0);
  });

  it("counts the ticked people on the button and ticks a whole page at once", async () => {
    inRouter(
      <>
        <BulkDecisionForm formId="bulk" onPage={items.map((i) => i.alumnusId)} busy={false} />
        <ReviewQueueTable items={items} formId="bulk" personQuery="" canDecide />
      </>,
    );
    const button = await screen.findByRole("button", { name: "Tick people to decide" });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("checkbox", { name: /Select\s+Leila Lund/ }));
    expect(await screen.findByRole("button", { name: "Record for 1 person" })).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "Tick everyone on this page (3)" }));
    expect(await screen.findByRole("button", { name: "Record for 3 people" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Eligible" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Justification" })).toBeTruthy();
  });

  it("checks the decision in the browser first, then sends the ticked people with it", async () => {
    const user = userEvent.setup();
    const { posts } = renderOnPageEntries(
      <>
        <BulkDecisionForm formId="bulk" onPage={items.map((i) => i.alumnusId)} busy={false} />
        <ReviewQueueTable items={items} formId="bulk" personQuery="" canDecide />
      </>,
      {
        path: "/staff/eligibility/reviews",
        answer: () => ({ ok: true, intent: "decide-selected", message: "Recorded." }),
      },
    );
    await user.click(await screen.findByRole("checkbox", { name: /Select\s+Leila Lund/ }));
    await user.type(screen.getByRole("textbox", { name: "Justification" }), "short");
    await user.click(screen.getByRole("button", { name: "Record for 1 person" }));
    expect((await focusedErrorSummary()).map(([, href]) => href)).toEqual([
      "#decide-selected-outcome",
      "#decide-selected-justification",
    ]);
    expect(screen.getByRole("textbox", { name: "Justification" }).getAttribute("aria-invalid")).toBe("true");
    expect(posts).toEqual([]);

    await user.click(screen.getByRole("radio", { name: "Eligible" }));
    await user.type(screen.getByRole("textbox", { name: "Justification" }), " but clear: strong references.");
    await user.click(screen.getByRole("button", { name: "Record for 1 person" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual(
      expect.arrayContaining([
        ["intent", "decide-selected"],
        ["outcome", "eligible"],
        ["justification", "short but clear: strong references."],
        ["alumnusId", items.find((i) => i.name === "Leila Lund")!.alumnusId],
      ]),
    );
  });

  it("shows the filters in use, ticked and chosen, with department counts", async () => {
    inRouter(
      <ReviewFilters
        filter={{ reason: ["hr_flag"], department: "Finance", waited: 30 }}
        size={50}
        resultsId="results"
        options={{
          departments: [
            { name: "Finance", count: 2 },
            { name: "Support", count: 1200 },
          ],
          decisions: [{ id: "d1", title: "2022 AI customer-service automation" }],
        }}
      />,
    );
    expect(await screen.findByText("(3 in use)")).toBeTruthy();
    expect(
      (screen.getByRole("checkbox", { name: "The HR system's rehire flag disagrees" }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    expect((screen.getByRole("combobox", { name: "Department" }) as HTMLSelectElement).value).toBe("Finance");
    expect(screen.getByRole("option", { name: "Support (1,200 waiting)" })).toBeTruthy();
    expect((screen.getByRole("combobox", { name: "People per page" }) as HTMLSelectElement).value).toBe("50");
    expect(screen.getByRole("link", { name: "Skip to results" }).getAttribute("href")).toBe("#results");
  });
});
