// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { focusedErrorSummary, renderOnPage, type PostedFields } from "../../../test/components/on-page";
import { DEFAULT_RULES, formFromRules } from "~/modules/eligibility/policy";
import type { WhatIfState } from "~/modules/eligibility/what-if.server";
import { DiscardDraftForm, DraftWhatIf, PolicyRulesForm, PublishDraftCard } from "./draft-policy";

const onPage = (element: React.ReactElement, answer?: (posted: PostedFields) => unknown) =>
  renderOnPage(element, { path: "/staff/eligibility/draft", answer }).posts;

const values = { ...formFromRules(DEFAULT_RULES), coolingOffMonths: "6" };

const ready: WhatIfState = {
  state: "ready",
  runId: "r1",
  computedAt: "2026-12-07T10:00:00.000Z",
  summary: {
    people: 100_000,
    changed: 5_510,
    more: 5_000,
    less: 510,
    matrix: [{ from: "needs_review", to: "eligible", count: 5_000 }],
    totalsNow: { eligible: 1, needs_review: 1, not_eligible: 1, none: 0 },
    totalsAfter: { eligible: 1, needs_review: 1, not_eligible: 1 },
    byGroup: {
      decision: [],
      department: [{ value: "Customer Service", total: 900, more: 120, less: 3, changed: 123 }],
      location: [],
    },
  },
};

describe("the policy draft's sections", () => {
  it("shows the rules as they are now, each exit reason with its outcome", async () => {
    onPage(<PolicyRulesForm values={values} summary="Shorter cooling-off." />);
    const form = await screen.findByRole("form", { name: "Policy rules" });
    expect((within(form).getByLabelText(/^Conduct/) as HTMLSelectElement).value).toBe("not_eligible");
    expect((within(form).getByLabelText(/^Cooling-off after leaving/) as HTMLInputElement).value).toBe("6");
    expect((within(form).getByLabelText(/^Count dates in time zone/) as HTMLInputElement).value).toBe(
      "Europe/Stockholm",
    );
    expect((within(form).getByLabelText(/^What changes and why/) as HTMLTextAreaElement).value).toBe(
      "Shorter cooling-off.",
    );
  });

  it("checks the rules in the browser first, then saves them and says so", async () => {
    const user = userEvent.setup();
    const posts = onPage(<PolicyRulesForm values={values} summary="" />, () => ({
      ok: true,
      intent: "save",
      message: "Draft saved. The what-if beside it shows what it would change.",
    }));
    const zone = await screen.findByLabelText(/^Count dates in time zone/);
    await user.clear(zone);
    await user.type(zone, "Mars/Olympus");
    await user.clear(screen.getByLabelText(/^Review verdicts again after/));
    await user.type(screen.getByLabelText(/^Review verdicts again after/), "0");
    await user.click(screen.getByRole("button", { name: "Save draft and see the what-if" }));
    expect(await focusedErrorSummary()).toEqual([
      ["Choose a time zone such as Europe/Stockholm.", "#save-timeZone"],
      ["Verdicts must be reviewed again after at least 1 month.", "#save-verdictExpiryMonths"],
    ]);
    expect(posts).toEqual([]);
    await user.clear(zone);
    await user.type(zone, "Europe/London");
    await user.clear(screen.getByLabelText(/^Review verdicts again after/));
    await user.type(screen.getByLabelText(/^Review verdicts again after/), "12");
    await user.click(screen.getByRole("button", { name: "Save draft and see the what-if" }));
    expect((await screen.findByRole("status")).textContent).toContain("Draft saved.");
    expect(posts[0]).toMatchObject({
      intent: "save",
      timeZone: "Europe/London",
      exit_conduct: "not_eligible",
    });
  });

  it("discards the draft with its own intent", async () => {
    const user = userEvent.setup();
    const posts = onPage(<DiscardDraftForm />);
    await user.click(await screen.findByRole("button", { name: "Discard the draft" }));
    await waitFor(() => expect(posts).toEqual([{ intent: "discard" }]));
  });

  it("says what the draft would change: the rules in words, the counts, and by department", async () => {
    onPage(<DraftWhatIf whatIf={ready} ruleChanges={["Cooling-off: 12 months → 6 months"]} />);
    const card = (await screen.findByText("What-if")).closest("section")!;
    expect(card.textContent).toContain("Cooling-off: 12 months → 6 months");
    expect(card.textContent).toContain(
      "5,510 of 100,000 verdicts would change: 5,000 more eligible, 510 less eligible.",
    );
    expect(within(card).getByRole("link", { name: "Customer Service" }).getAttribute("href")).toBe(
      "/staff/eligibility/what-if?group=department&value=Customer%20Service",
    );
    const matrix = within(card).getByRole("table", {
      name: "Changes from the current verdict to the draft's",
    });
    expect(within(matrix).getByRole("rowheader").textContent).toBe("Needs review");
    expect(
      within(matrix)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["ToEligible", "People5,000"]);
    const byDepartment = within(card).getByRole("table", { name: "By department" });
    expect(
      within(byDepartment)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["More eligible120", "Less eligible3", "People900"]);
    expect(within(card).getByRole("link", { name: "See all 5,510 people affected" })).toBeTruthy();
  });

  it("asks for a draft before there is a what-if, and shows progress while one is worked out", async () => {
    const { unmount } = render(
      createElementInRouter(<DraftWhatIf whatIf={{ state: "none" }} ruleChanges={[]} />),
    );
    expect(await screen.findByText("No draft yet")).toBeTruthy();
    unmount();
    render(
      createElementInRouter(
        <DraftWhatIf whatIf={{ state: "working", percent: 40, done: 400, total: 1000 }} ruleChanges={[]} />,
      ),
    );
    expect((await screen.findByRole("status")).textContent).toContain(
      "Working out the effect of this draft: 40%",
    );
  });

  it("publishes the draft the page showed, or says who has to", async () => {
    const user = userEvent.setup();
    const posts = onPage(
      <PublishDraftCard draftUpdatedAt="2026-12-07T10:00:00.000Z" nextVersion={4} canPublish />,
    );
    await user.click(await screen.findByRole("button", { name: "Publish version 4" }));
    await waitFor(() =>
      expect(posts).toEqual([{ intent: "publish", draftUpdatedAt: "2026-12-07T10:00:00.000Z" }]),
    );
  });

  it("tells someone who may not publish who has to", async () => {
    render(
      createElementInRouter(
        <PublishDraftCard draftUpdatedAt="2026-12-07T10:00:00.000Z" nextVersion={4} canPublish={false} />,
      ),
    );
    expect(
      await screen.findByText("Someone with permission to publish policies has to publish this draft."),
    ).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });
});

function createElementInRouter(element: React.ReactElement) {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return <Stub initialEntries={["/staff/eligibility/draft"]} />;
}
