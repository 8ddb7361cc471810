// @vitest-environment happy-dom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderOnPageEntries, type PostedEntries } from "../../../test/components/on-page";
import {
  DryRunCard,
  ExitReasonsCard,
  ImportAuditCard,
  ImportProgress,
  ImportRowsCard,
  type ImportRunView,
} from "./import-sections";

const inRouter = (element: React.ReactElement, answer?: (posted: PostedEntries) => unknown) =>
  renderOnPageEntries(element, { path: "/staff/imports/i1?show=rejected", answer });

const run: ImportRunView = {
  id: "i1",
  status: "checked",
  createCount: 1200,
  updateCount: 34,
  unchangedCount: 5,
  rejectCount: 2,
  warningCount: 1,
  conflictCount: 0,
  suppressedCount: 0,
  rowCount: 1242,
  committedAt: null,
  columns: { workEmail: "Primary Work Email" },
};

describe("the import page's sections", () => {
  it("the progress while the commit runs: percent and rows", async () => {
    inRouter(<ImportProgress job={{ progress: 250, total: 1000, message: null }} status="committing" />);
    await screen.findByText("Applying the import: 25%");
    expect(screen.getByText("250 of 1,000 rows")).toBeTruthy();
  });

  it("the dry run: what will happen, and the commit naming how many people, posted with its intent", async () => {
    const user = userEvent.setup();
    const { posts } = inRouter(<DryRunCard run={run} />);
    await screen.findByText("Dry run: what the import will do");
    expect(screen.getByText("Will be created").nextSibling?.textContent).toBe("1,200");
    expect(screen.getByText("Nothing has been written yet.", { exact: false })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Download the error report (CSV)" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Import 1,234 people" }));
    await waitFor(() => expect(posts).toEqual([[["intent", "commit"]]]));
  });

  it("the dry run says how many rows are skipped because the person's data was erased, and where to see them", async () => {
    const { unmount } = inRouter(<DryRunCard run={{ ...run, suppressedCount: 3 }} />);
    await screen.findByText("Dry run: what the import will do");
    expect(screen.getByText("Skipped: data erased at the person's request").nextSibling?.textContent).toBe(
      "3",
    );
    const notice = screen.getByRole("status");
    expect(within(notice).getByText("3 people are skipped")).toBeTruthy();
    expect(notice.textContent).toContain("These people asked for their data to be erased");
    expect(within(notice).getByRole("link", { name: "See which rows" }).getAttribute("href")).toBe(
      "/staff/imports/i1?show=skipped",
    );
    unmount();
    // One person is named in the singular.
    const single = inRouter(<DryRunCard run={{ ...run, suppressedCount: 1 }} />);
    expect((await screen.findByRole("status")).textContent).toContain("1 person is skipped");
    single.unmount();
    // With nobody erased, neither the count nor the notice appears.
    inRouter(<DryRunCard run={run} />);
    await screen.findByText("Dry run: what the import will do");
    expect(screen.queryByText("Skipped: data erased at the person's request")).toBeNull();
    expect(screen.queryByText(/skipped/)).toBeNull();
    expect(screen.queryByRole("link", { name: "See which rows" })).toBeNull();
  });

  it("the dry run with nothing to import offers no commit, and a committed import says when", async () => {
    const { unmount } = inRouter(<DryRunCard run={{ ...run, createCount: 0, updateCount: 0 }} />);
    expect(
      ((await screen.findByRole("button", { name: "Nothing to import" })) as HTMLButtonElement).disabled,
    ).toBe(true);
    unmount();
    inRouter(<DryRunCard run={{ ...run, status: "committed", committedAt: "2026-12-07T09:00:00.000Z" }} />);
    await screen.findByText("Result");
    expect(screen.getByText("Created")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("the rows: a rejected row names the file's column and the problem", async () => {
    inRouter(
      <ImportRowsCard
        run={run}
        show="rejected"
        rows={{
          page: 1,
          pages: 1,
          rows: [
            {
              rowNumber: 3,
              firstName: "Bo",
              lastName: "Lind",
              hrId: "E-2",
              workEmail: "not-an-email",
              outcome: "rejected",
              exitReasonRaw: null,
              errors: [{ field: "workEmail", message: "is not an email address" }],
              warnings: [],
              conflicts: null,
              changes: null,
            },
          ],
        }}
      />,
    );
    const table = await screen.findByRole("table", {
      name: "Rows of the file with their outcome and problems",
    });
    const row = within(table).getAllByRole("row")[1];
    // The row's number names it (a card's title on a phone); each value sits beside its column's name.
    expect(within(row).getByRole("rowheader").textContent).toBe("Row 3");
    expect(within(row).getAllByRole("cell")[0].textContent).toBe("PersonBo LindE-2not-an-email");
    expect(row.textContent).toContain("Bo Lind");
    expect(row.textContent).toContain("Primary Work Email: is not an email address");
    expect(screen.getByRole("link", { name: "Rejected (2)" }).getAttribute("aria-current")).toBe("page");
  });

  it("the exit reasons: after the dry run a select per wording; a refusal lands under that wording's select", async () => {
    const user = userEvent.setup();
    const { posts } = inRouter(
      <ExitReasonsCard
        editable
        reasons={[
          { raw: "Contract End", reason: "position_eliminated", n: 40 },
          { raw: "Moved on", reason: "other", n: 2 },
        ]}
      />,
      () => ({
        ok: false,
        intent: "reasons",
        error: {
          code: "validation",
          message: "Choose one of Comeback's exit reasons for each wording.",
          fieldErrors: { "overrides.1.reason": ["Choose one of Comeback's exit reasons."] },
        },
      }),
    );
    await screen.findByText(/1 wording\(s\) were not recognised/);
    await user.click(screen.getByRole("button", { name: "Save reasons and check again" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0].filter(([name]) => /^overrides\.\d+\.raw$/.test(name))).toEqual([
      ["overrides.0.raw", "Contract End"],
      ["overrides.1.raw", "Moved on"],
    ]);
    expect(posts[0]).toContainEqual(["overrides.1.reason", "other"]);
    expect(posts[0]).toContainEqual(["intent", "reasons"]);
    const summary = await screen.findByRole("alert");
    const link = within(summary).getByRole("link", { name: "Choose one of Comeback's exit reasons." });
    const select = screen.getByLabelText("Comeback reason for “Moved on”");
    expect(link.getAttribute("href")).toBe(`#${select.id}`);
    expect(select.getAttribute("aria-invalid")).toBe("true");
  });

  it("the exit reasons are checked in the browser too: a reason not Comeback's is refused before sending", async () => {
    const user = userEvent.setup();
    const { posts } = inRouter(
      <ExitReasonsCard editable reasons={[{ raw: "Moved on", reason: "other", n: 2 }]} />,
      () => ({ ok: true }),
    );
    const select = (await screen.findByLabelText("Comeback reason for “Moved on”")) as HTMLSelectElement;
    // A value no option of ours offers (a page edited by hand): the schema's message, nothing posted.
    const odd = document.createElement("option");
    odd.value = "fired_for_fun";
    odd.textContent = "Not a reason";
    select.append(odd);
    await user.selectOptions(select, "fired_for_fun");
    await user.click(screen.getByRole("button", { name: "Save reasons and check again" }));
    const summary = await screen.findByRole("alert");
    expect(
      within(summary).getByRole("link", { name: "Choose one of Comeback's exit reasons." }),
    ).toBeTruthy();
    expect(select.getAttribute("aria-invalid")).toBe("true");
    expect(posts).toHaveLength(0);
  });

  it("the exit reasons once applied are text, without a form", async () => {
    inRouter(<ExitReasonsCard editable={false} reasons={[{ raw: "Moved on", reason: "other", n: 2 }]} />);
    await screen.findByText("Moved on");
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("the audit trail of the import, linked for those who may read it", async () => {
    inRouter(
      <ImportAuditCard
        runId="i1"
        canReadAudit
        events={[
          {
            id: "e1",
            occurredAt: "2026-12-07T09:00:00.000Z",
            action: "import.uploaded",
            actorName: "Hanna Berg",
          },
        ]}
      />,
    );
    await screen.findByText("import.uploaded");
    expect(screen.getByRole("link", { name: "in the audit trail" }).getAttribute("href")).toBe(
      "/staff/admin/audit?entityType=ImportRun&entityId=i1",
    );
  });
});
