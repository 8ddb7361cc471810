// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { STAGES, STAGE_LABELS, type FunnelCounts, type FunnelRow } from "~/modules/overview/funnel";
import { FunnelTable } from "./funnel";

function inRouter(element: React.ReactElement) {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return render(<Stub initialEntries={["/staff/overview"]} />);
}

/** Counts for every stage, the first `hidden` stages from the end withheld (null: not shown to this viewer). */
const counts = (values: number[], hidden = 0): FunnelCounts =>
  Object.fromEntries(
    STAGES.map((s, i) => [s, i >= STAGES.length - hidden ? null : (values[i] ?? 0)]),
  ) as FunnelCounts;

describe("the funnel per group", () => {
  it("shows a row per group and a column per stage the viewer may see, linking each group", async () => {
    const rows: FunnelRow[] = [
      { key: "d1", label: "Support automation 2025", counts: counts([1200, 800, 640, 300], 1) },
      { key: "none", label: "No recorded decision", counts: counts([35, 20, 10, 4], 1) },
    ];
    inRouter(
      <FunnelTable
        rows={rows}
        groupLabel="Decision"
        caption="People at each stage, per workforce decision"
        groupHref={(r) => (r.key === "none" ? null : `/staff/overview?decision=${r.key}`)}
      />,
    );
    const table = await screen.findByRole("table", { name: "People at each stage, per workforce decision" });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["Decision", ...STAGES.slice(0, -1).map((s) => STAGE_LABELS[s])]);
    const [support, none] = within(table).getAllByRole("row").slice(1);
    expect(within(support).getByRole("link", { name: "Support automation 2025" }).getAttribute("href")).toBe(
      "/staff/overview?decision=d1",
    );
    expect(within(support).getAllByRole("cell")[0].textContent).toContain("1,200");
    expect(within(none).queryByRole("link")).toBeNull();
    expect(within(none).getByRole("rowheader").textContent).toBe("No recorded decision");
    // Each value carries its stage's name for the card it becomes on a phone.
    expect(within(none).getAllByRole("cell")[1].textContent).toBe(`${STAGE_LABELS[STAGES[1]]}20`);
  });
});
