// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import {
  focusedErrorSummary,
  renderOnPageEntries,
  type PostedEntries,
} from "../../../test/components/on-page";
import { AlumniFilters } from "./alumni-filters";
import { AlumniResults, type AlumniRow } from "./alumni-results";
import { SavedViews } from "./saved-views";

function inRouter(element: React.ReactElement, path = "/staff/alumni") {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return render(<Stub initialEntries={[path]} />);
}

const row = (id: string, first: string, last: string, extra: Partial<AlumniRow> = {}): AlumniRow => ({
  id,
  firstName: first,
  lastName: last,
  preferredName: null,
  workEmail: `${first.toLowerCase()}@example.com`,
  jobTitle: "Customer Service Agent",
  department: "Support",
  location: "Manchester, UK",
  exitDate: "2025-11-02",
  exitReason: "layoff_automation",
  regrettable: false,
  consentReturn: "unknown",
  tags: [],
  decision: null,
  ...extra,
});

/** The element on a page whose action records each post and answers with `answer`. */
const withAction = (element: React.ReactElement, answer: (posted: PostedEntries) => unknown) =>
  renderOnPageEntries(element, { path: "/staff/alumni", answer }).posts;

const rows = [
  row("a1", "Kwame", "Mensah", {
    preferredName: "Kay",
    regrettable: true,
    consentReturn: "granted",
    eligibility: "needs_review",
    tags: ["weekend-shifts"],
    decision: { id: "d1", title: "Support automation 2025" },
  }),
  row("a2", "Ama", "Mensah", { exitReason: null, exitDate: null, doNotRehire: true }),
];

const results = (extra: Partial<Parameters<typeof AlumniResults>[0]> = {}) => (
  <AlumniResults
    rows={rows}
    total={57}
    page={2}
    query="q=mensah"
    formAction="/staff/alumni?index&q=mensah&page=2"
    hr
    may={{ tag: true, link: true, export: true }}
    decisions={[{ id: "d1", title: "Support automation 2025" }]}
    problem={null}
    ignored={[]}
    {...extra}
  />
);

describe("the alumni list's results", () => {
  it("shows each person with their badges, exit in words and decision link", async () => {
    inRouter(results());
    const table = await screen.findByRole("table", { name: "Alumni matching the view, page 2" });
    const [kay, ama] = within(table).getAllByRole("row").slice(1);
    const kayLink = within(kay).getByRole("link", { name: "Kay Mensah" });
    expect(kayLink.getAttribute("href")).toBe("/staff/alumni/a1");
    expect(kay.textContent).toContain("kwame@example.com");
    for (const badge of ["Regrettable", "Open to contact", "Needs review", "weekend-shifts"])
      expect(within(kay).getByText(badge)).toBeTruthy();
    expect(kay.textContent).toContain("Layoff (automation)");
    expect(kay.textContent).not.toContain("layoff_automation");
    expect(within(kay).getByRole("link", { name: "Support automation 2025" }).getAttribute("href")).toBe(
      "/staff/decisions/d1",
    );
    expect(within(ama).getByText("Do not rehire")).toBeTruthy();
    expect(within(ama).queryByText("Open to contact")).toBeNull();
  });

  it("counts the ticked people and ticks the whole page at once", async () => {
    inRouter(results());
    const form = (await screen.findByRole("table")).closest("form")!;
    expect(form.getAttribute("action")).toBe("/staff/alumni?index&q=mensah&page=2");
    expect(screen.getByText("Everyone in this view (57)")).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "Tick Ama Mensah" }));
    expect(screen.getByText("The people I ticked (1 on this page)")).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "Tick everyone on this page" }));
    expect(screen.getByText("The people I ticked (2 on this page)")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Apply tag" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Link" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Export as CSV" }).getAttribute("formaction")).toBe(
      "/staff/alumni/export",
    );
  });

  it("checks what the pressed button needs before sending: a tag and someone ticked", async () => {
    const user = userEvent.setup();
    const posts = withAction(results({ formAction: "/staff/alumni" }), () => ({ ok: true }));
    await user.click(await screen.findByRole("button", { name: "Apply tag" }));
    expect(await focusedErrorSummary()).toEqual([
      ["Tick at least one person first.", "#bulk-alumnusId"],
      ["Enter a tag.", "#bulk-tag"],
    ]);
    expect(screen.getByLabelText(/^Tag/).getAttribute("aria-invalid")).toBe("true");
    expect(posts).toEqual([]);
  });

  it("sends the ticked people with the button's action, and shows the server's refusal under the field", async () => {
    const user = userEvent.setup();
    const posts = withAction(results({ formAction: "/staff/alumni" }), (posted) => ({
      ok: false,
      intent: "tag",
      values: Object.fromEntries(posted),
      error: {
        code: "validation",
        message: "Some fields need your attention.",
        fieldErrors: { tag: ["Keep a tag under 60 characters."] },
      },
    }));
    await user.click(await screen.findByRole("checkbox", { name: "Tick Ama Mensah" }));
    await user.type(screen.getByLabelText(/^Tag/), "spring");
    await user.click(screen.getByRole("button", { name: "Apply tag" }));
    const summary = await screen.findByRole("alert");
    expect(summary.textContent).toContain("Some fields need your attention.");
    expect(within(summary).getByRole("link").getAttribute("href")).toBe("#bulk-tag");
    expect(screen.getByLabelText(/^Tag/).getAttribute("aria-invalid")).toBe("true");
    expect(posts).toHaveLength(1);
    expect(posts[0]).toEqual(
      expect.arrayContaining([
        ["intent", "tag"],
        ["scope", "selected"],
        ["alumnusId", "a2"],
        ["tag", "spring"],
        ["mode", "add"],
        ["view", "q=mensah"],
      ]),
    );
  });

  it("asks for a decision before linking, and ignores the saved-view form's answer", async () => {
    const user = userEvent.setup();
    const posts = withAction(results({ formAction: "/staff/alumni" }), () => ({
      ok: true,
      intent: "save-segment",
      message: "View saved.",
    }));
    await user.click(await screen.findByRole("radio", { name: /Everyone in this view/ }));
    await user.click(screen.getByRole("button", { name: "Link" }));
    const summary = await screen.findByRole("alert");
    expect(
      within(summary)
        .getAllByRole("link")
        .map((l) => l.textContent),
    ).toEqual(["Choose a workforce decision."]);
    await user.selectOptions(screen.getByLabelText(/^Workforce decision/), "d1");
    await user.click(screen.getByRole("button", { name: "Link" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual(
      expect.arrayContaining([
        ["intent", "link-decision"],
        ["decisionId", "d1"],
      ]),
    );
    expect(screen.queryByText("View saved.")).toBeNull();
  });

  it("gives a manager the people only: no tick boxes, bulk actions, exit or decision columns", async () => {
    inRouter(results({ hr: false, may: { tag: false, link: false, export: false } }));
    const table = await screen.findByRole("table");
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.queryByText("With the people below")).toBeNull();
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["Name", "Job title", "Location"]);
  });
});

describe("the alumni filters", () => {
  it("keeps the view's choices and shows HR every filter", async () => {
    inRouter(
      <AlumniFilters
        filter={{ q: "mensah", exitReason: ["resignation"], consent: "granted" }}
        options={{ decisions: [], departments: ["Support"], locations: [] }}
        hr
        restricted
        eligibility
      />,
    );
    const search = await screen.findByRole("search", { name: "Search and filter alumni" });
    expect((within(search).getByLabelText("Search") as HTMLInputElement).value).toBe("mensah");
    expect((within(search).getByLabelText("Resignation") as HTMLInputElement).checked).toBe(true);
    expect((within(search).getByLabelText("Retirement") as HTMLInputElement).checked).toBe(false);
    expect(
      (within(search).getByLabelText("Contact consent (return opportunities)") as HTMLSelectElement).value,
    ).toBe("granted");
    expect(within(search).getByLabelText("Do not rehire")).toBeTruthy();
    expect(within(search).queryByLabelText("Location")).toBeNull();
  });

  it("shows a manager no exit, consent or restricted filters", async () => {
    inRouter(
      <AlumniFilters
        filter={{}}
        options={{ decisions: [], departments: [], locations: [] }}
        hr={false}
        restricted={false}
        eligibility={false}
      />,
    );
    const search = await screen.findByRole("search");
    expect(within(search).queryByText("Exit reason")).toBeNull();
    expect(within(search).queryByLabelText("Contact consent (return opportunities)")).toBeNull();
    expect(within(search).queryByLabelText("Do not rehire")).toBeNull();
    const sorts = Array.from((within(search).getByLabelText("Sort by") as HTMLSelectElement).options).map(
      (o) => o.textContent,
    );
    expect(sorts.some((s) => s?.startsWith("Exit date"))).toBe(false);
  });
});

describe("the saved views", () => {
  it("links each view, marks the current one and offers a campaign to it", async () => {
    inRouter(
      <SavedViews
        segments={[
          {
            id: "s1",
            name: "Open to contact",
            query: "consent=granted",
            summary: "Contact consent: granted",
          },
          { id: "s2", name: "Everyone", query: "", summary: "Everyone" },
        ]}
        query="consent=granted"
        formAction="/staff/alumni?index&consent=granted"
        canManage
        canStartCampaign
      />,
    );
    const current = await screen.findByRole("link", { name: "Open to contact" });
    expect(current.getAttribute("href")).toBe("/staff/alumni?consent=granted");
    expect(current.className).toContain("font-semibold");
    expect(screen.getByRole("link", { name: "Everyone" }).className).not.toContain("font-semibold");
    expect(
      screen
        .getByRole("link", { name: "Start a campaign to this view (Open to contact)" })
        .getAttribute("href"),
    ).toBe("/staff/campaigns/new?segment=s1");
    expect(screen.getByRole("button", { name: "Save view" })).toBeTruthy();
  });

  it("asks for a name before saving a view, and sends the view's query with it", async () => {
    const user = userEvent.setup();
    const posts = withAction(
      <SavedViews
        segments={[]}
        query="consent=granted"
        formAction="/staff/alumni"
        canManage
        canStartCampaign={false}
      />,
      () => ({ ok: true, intent: "save-segment", message: "View saved as “Open”." }),
    );
    await user.click(await screen.findByRole("button", { name: "Save view" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link").textContent).toBe(
      "Name the view, e.g. “Support agents in Stockholm”.",
    );
    expect(posts).toEqual([]);
    await user.type(screen.getByLabelText(/^Save this view as/), "Open");
    await user.click(screen.getByRole("button", { name: "Save view" }));
    expect((await screen.findByRole("status")).textContent).toBe("View saved as “Open”.");
    expect(posts[0]).toEqual(
      expect.arrayContaining([
        ["intent", "save-segment"],
        ["view", "consent=granted"],
        ["name", "Open"],
      ]),
    );
  });
});
