// @vitest-environment happy-dom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderOnPage } from "../../../test/components/on-page";
import { ImportHistoryTable, type ImportHistoryRow } from "./import-history";

const workday: ImportHistoryRow = {
  id: "i1",
  fileName: "workday-terminations.csv",
  status: "committed",
  createdAt: "2026-12-01T09:30:00.000Z",
  createdBy: "Hanna Berg",
  mappingName: "Workday terminations",
  rowCount: 2000,
  createCount: 1870,
  updateCount: 100,
  unchangedCount: 10,
  rejectCount: 20,
};

describe("the import history", () => {
  it("names each file with a link to it, its status, who ran it, the mapping and what it did", async () => {
    renderOnPage(
      <ImportHistoryTable
        imports={[
          workday,
          { ...workday, id: "i2", fileName: "bamboo.csv", createdBy: null, mappingName: null },
        ]}
        total={2}
      />,
    );
    const table = await screen.findByRole("table", { name: "Imports, newest first (2 in all)" });
    const [, first, second] = within(table).getAllByRole("row");
    expect(within(first).getByRole("link", { name: "workday-terminations.csv" }).getAttribute("href")).toBe(
      "/staff/imports/i1",
    );
    const cells = within(first)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells).toEqual(
      expect.arrayContaining([
        "ByHanna Berg",
        "MappingWorkday terminations",
        "Rows2,000",
        "Created1,870",
        "Updated100",
        "Unchanged10",
        "Rejected20",
      ]),
    );
    expect(within(first).getByText("Imported")).toBeTruthy();
    // Who ran an import whose account is gone, and a mapping not saved, in words.
    expect(second.textContent).toContain("Former staff member");
    expect(second.textContent).toContain("Not saved");
  });
});
