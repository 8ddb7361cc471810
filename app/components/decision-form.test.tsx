// @vitest-environment happy-dom
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { focusedErrorSummary, renderOnPage, type PostedFields } from "../../test/components/on-page";
import { DecisionForm, type DecisionFormValues } from "./decision-form";

const renderForm = (initial: DecisionFormValues, answer?: (posted: PostedFields) => unknown) =>
  renderOnPage(<DecisionForm initial={initial} submitLabel="Save decision" />, {
    path: "/staff/decisions/d1",
    answer,
  }).posts;

const saved: DecisionFormValues = {
  version: 3,
  title: "2022 AI customer-service automation",
  kind: "automation",
  function: "Customer service",
  rationale: "Routine enquiries moved to an assistant.",
  status: "phased",
  announcedOn: "2022-05-10",
  effectiveOn: "2022-06-30",
  rolesAffected: 700,
  phases: [{ name: "Pilot return", startsOn: "2025-03-01", endsOn: null, targetHeadcount: 40, notes: null }],
};

describe("the workforce-decision form", () => {
  it("shows the saved phases as indexed rows, then two blank rows for new ones", async () => {
    renderForm(saved);
    const name = (await screen.findByLabelText(/^Phase 1 name/)) as HTMLInputElement;
    expect([name.name, name.value]).toEqual(["phases.0.name", "Pilot return"]);
    expect((screen.getByLabelText(/^Target headcount \(phase 1\)/) as HTMLInputElement).value).toBe("40");
    expect((screen.getByLabelText(/^Phase 3 name/) as HTMLInputElement).name).toBe("phases.2.name");
    expect(screen.queryByLabelText(/^Phase 4 name/)).toBeNull();
    expect((document.querySelector('input[name="version"]') as HTMLInputElement).value).toBe("3");
  });

  it("checks a new phase in the browser: the message names that row's field and nothing is sent", async () => {
    const user = userEvent.setup();
    const posts = renderForm(saved);
    await user.type(await screen.findByLabelText(/^Phase 2 name/), "Second wave");
    await user.click(screen.getByRole("button", { name: "Save decision" }));
    expect(await focusedErrorSummary()).toEqual([
      ["Enter when the phase starts.", "#decision-phases.1.startsOn"],
      ["Enter the target headcount.", "#decision-phases.1.targetHeadcount"],
    ]);
    expect(screen.getByLabelText(/^Starts \(phase 2\)/).getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText(/^Starts \(phase 1\)/).getAttribute("aria-invalid")).toBeNull();
    expect(posts).toEqual([]);
  });

  it("sends the rows by index; the server's refusal lands under the row's field", async () => {
    const user = userEvent.setup();
    const posts = renderForm(saved, (posted) => ({
      ok: false,
      intent: "decision",
      values: posted,
      error: {
        code: "validation",
        message: "Some fields need your attention.",
        fieldErrors: { "phases.0.endsOn": ["The phase cannot end after the decision was reversed."] },
      },
    }));
    await user.type(await screen.findByLabelText(/^Ends \(phase 1\)/), "2025-12-01");
    await user.click(screen.getByRole("button", { name: "Save decision" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link").getAttribute("href")).toBe("#decision-phases.0.endsOn");
    expect(within(summary).getByRole("link").textContent).toBe(
      "The phase cannot end after the decision was reversed.",
    );
    expect(screen.getByLabelText(/^Ends \(phase 1\)/).getAttribute("aria-invalid")).toBe("true");
    expect(posts[0]).toMatchObject({
      intent: "decision",
      version: "3",
      "phases.0.name": "Pilot return",
      "phases.0.endsOn": "2025-12-01",
      "phases.1.name": "",
    });
  });
});
