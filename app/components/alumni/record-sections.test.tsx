// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { focusedErrorSummary, renderOnPage, type PostedFields } from "../../../test/components/on-page";
import { AlumnusSummary, nextSteps, roleLine, type SummaryProfile } from "./alumnus-summary";
import { EditCard, NoteCard, TagsCard } from "./record-forms";
import { ExitCard, IdentityCard, ManualEditsCard, Timeline } from "./record-sections";

function inRouter(element: React.ReactElement) {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return render(<Stub initialEntries={["/staff/alumni/a1"]} />);
}

const alumnus: SummaryProfile["alumnus"] = {
  id: "a1",
  firstName: "Kwame",
  lastName: "Mensah",
  preferredName: "Kay",
  jobTitle: "Customer Service Agent",
  department: "Support",
  location: "Manchester",
  country: "GB",
  timeZone: "Europe/London",
  languages: ["en"],
  skills: ["Zendesk", "Chat"],
  engagementPreference: "part_time",
  availabilityHours: 20,
  availabilityDays: ["wed", "mon"],
  availabilityFrom: "09:00",
  availabilityTo: "13:00",
  earliestStart: "2027-03-01",
};

const hr: NonNullable<SummaryProfile["hr"]> = {
  hrId: "E-1042",
  workEmail: "kwame.mensah@example.com",
  personalEmail: null,
  phone: null,
  hireDate: "2021-06-01",
  exitDate: "2025-11-02",
  exitReason: "layoff_automation",
  exitReasonRaw: "RIF - automation",
  regrettable: true,
  hrRehireFlag: "review",
  managerName: "Priya Shah",
  decision: { id: "d1", title: "Support automation 2025" },
  tags: ["weekend-shifts"],
  consentReturn: "granted",
  consentNews: "unknown",
  doNotContact: false,
  legalHold: false,
  source: "import",
  version: 7,
  updatedAt: "2026-11-30T10:00:00.000Z",
  manualEdits: [{ field: "jobTitle", at: "2026-11-30T10:00:00.000Z", by: "Hanna Berg" }],
  employmentPeriods: [
    {
      id: "p2",
      startDate: "2021-06-01",
      endDate: "2025-11-02",
      jobTitle: "Customer Service Agent",
      department: "Support",
      location: "Manchester",
      exitReason: "layoff_automation",
    },
    {
      id: "p1",
      startDate: "2018-01-15",
      endDate: "2019-12-31",
      jobTitle: null,
      department: null,
      location: null,
      exitReason: null,
    },
  ],
} as NonNullable<SummaryProfile["hr"]>;

describe("a person's record", () => {
  it("says how they left, in words, with the decision linked and each employment period in a row", async () => {
    inRouter(<ExitCard hr={hr} />);
    const card = (await screen.findByText("Exit and employment")).closest("section")!;
    expect(card.textContent).toContain("Layoff (automation)");
    expect(card.textContent).not.toContain("layoff_automation");
    expect(card.textContent).toContain("Upon review");
    expect(card.textContent).toContain("Return opportunities: given; news:");
    expect(within(card).getByRole("link", { name: "Support automation 2025" }).getAttribute("href")).toBe(
      "/staff/decisions/d1",
    );
    const table = within(card).getByRole("table", { name: "Employment periods, newest first" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual([
      "2021-06-01",
      "2018-01-15",
    ]);
    expect(rows[0].textContent).toContain("Customer Service Agent · Support · Manchester");
    expect(rows[1].textContent).toContain("—");
  });

  it("says when no employment periods are recorded instead of an empty table", async () => {
    inRouter(<ExitCard hr={{ ...hr, employmentPeriods: [] }} />);
    await screen.findByText("No employment periods recorded. Imports from the HR system add them.");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("shows contact details to HR only", async () => {
    inRouter(<IdentityCard alumnus={alumnus} hr={hr} />);
    const card = (await screen.findByText("Identity and contact")).closest("section")!;
    expect(card.textContent).toContain("kwame.mensah@example.com");
    expect(card.textContent).toContain("Zendesk, Chat");
  });

  it("hides HR's fields from a manager", async () => {
    inRouter(<IdentityCard alumnus={alumnus} hr={null} />);
    const card = (await screen.findByText("Identity and contact")).closest("section")!;
    expect(card.textContent).not.toContain("Work email");
    expect(card.textContent).not.toContain("HR id");
  });

  it("names who changed a field by hand, and shows nothing when nobody did", async () => {
    const { unmount } = inRouter(<ManualEditsCard edits={hr.manualEdits} />);
    const card = (await screen.findByText("Changed by hand")).closest("section")!;
    expect(card.textContent).toContain("by Hanna Berg");
    unmount();
    inRouter(
      <>
        <p>Profile</p>
        <ManualEditsCard edits={[]} />
      </>,
    );
    await screen.findByText("Profile");
    expect(screen.queryByText("Changed by hand")).toBeNull();
  });

  it("lists the timeline with each entry's kind, and links a request", async () => {
    inRouter(
      <Timeline
        items={[
          {
            key: "1",
            kind: "note",
            at: "2026-12-01T10:00:00.000Z",
            title: "HR note",
            by: "Hanna Berg",
            detail: "Keen.",
          },
          {
            key: "2",
            kind: "request",
            at: "2026-11-01T10:00:00.000Z",
            title: "Asked to be erased",
            link: "/staff/privacy/r1",
          },
        ]}
      />,
    );
    const list = await screen.findByRole("list");
    const items = within(list).getAllByRole("listitem");
    expect(items[0].textContent).toContain("Note HR note");
    expect(items[0].textContent).toContain("Keen.");
    expect(within(items[1]).getByRole("link", { name: "Open the request" }).getAttribute("href")).toBe(
      "/staff/privacy/r1",
    );
  });

  it("offers the tag, note and edit forms with the record's values", async () => {
    inRouter(
      <>
        <TagsCard tags={hr.tags} canEdit />
        <NoteCard />
        <EditCard alumnus={alumnus} hr={hr} />
      </>,
    );
    expect(await screen.findByRole("button", { name: "Remove tag weekend-shifts" })).toBeTruthy();
    expect(screen.getByLabelText(/Add a tag/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add note" })).toBeTruthy();
    expect((screen.getByLabelText(/First name/) as HTMLInputElement).value).toBe("Kwame");
    expect((screen.getByLabelText(/Exit reason/) as HTMLSelectElement).value).toBe("layoff_automation");
    expect(
      Array.from((screen.getByLabelText(/Exit reason/) as HTMLSelectElement).options).some(
        (o) => o.textContent === "Layoff (automation)",
      ),
    ).toBe(true);
    expect((document.querySelector('input[name="version"]') as HTMLInputElement).value).toBe("7");
  });
});

/** The profile's forms on a page whose action records each post and answers with `answer`. */
const withAction = (element: React.ReactElement, answer: (posted: PostedFields) => unknown) =>
  renderOnPage(element, { path: "/staff/alumni/a1", answer }).posts;

describe("the profile's forms", () => {
  it("checks the record in the browser first: a name is required, the summary links to it, nothing is sent", async () => {
    const user = userEvent.setup();
    const posts = withAction(<EditCard alumnus={alumnus} hr={hr} />, () => ({ ok: true }));
    await user.click(await screen.findByText("Edit identity, contact, employment and availability"));
    expect(screen.getByLabelText(/^First name/).getAttribute("aria-required")).toBe("true");
    await user.clear(screen.getByLabelText(/^First name/));
    await user.clear(screen.getByLabelText(/^Country/));
    await user.type(screen.getByLabelText(/^Country/), "G1");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await focusedErrorSummary()).toEqual([
      ["Enter the first name.", "#edit-firstName"],
      ["Use the two-letter country code, such as SE or DE.", "#edit-country"],
    ]);
    expect(posts).toEqual([]);
  });

  it("shows a stale edit's refusal in the form, with what is saved now", async () => {
    const user = userEvent.setup();
    const posts = withAction(<EditCard alumnus={alumnus} hr={hr} />, (posted) => ({
      ok: false,
      intent: "edit",
      values: posted,
      error: { code: "conflict", message: "Someone else saved this record first." },
    }));
    await user.click(await screen.findByText("Edit identity, contact, employment and availability"));
    await user.clear(screen.getByLabelText(/^Job title/));
    await user.type(screen.getByLabelText(/^Job title/), "Team Lead");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    const summary = await screen.findByRole("alert");
    expect(summary.textContent).toContain("Someone else saved this record first.");
    expect(screen.getByText("The record above shows what is saved now (version 7).")).toBeTruthy();
    expect(posts[0]).toMatchObject({
      intent: "edit",
      version: "7",
      jobTitle: "Team Lead",
      firstName: "Kwame",
    });
  });

  it("adds a tag and a note with their own messages, and a server refusal lands under the tag field", async () => {
    const user = userEvent.setup();
    const posts = withAction(
      <>
        <TagsCard tags={["weekend-shifts"]} canEdit />
        <NoteCard />
      </>,
      (posted) =>
        posted.intent === "add-tag"
          ? {
              ok: false,
              intent: "add-tag",
              values: posted,
              error: {
                code: "validation",
                message: "Some fields need your attention.",
                fieldErrors: { tag: ["Keep a tag under 60 characters."] },
              },
            }
          : { ok: true, intent: posted.intent, message: "Note added to the timeline." },
    );
    await user.click(await screen.findByRole("button", { name: "Add note" }));
    expect(within(await screen.findByRole("alert")).getByRole("link").textContent).toBe(
      "Write the note before saving it.",
    );
    expect(posts).toEqual([]);
    await user.type(screen.getByLabelText(/^Note/), "Keen to come back.");
    await user.click(screen.getByRole("button", { name: "Add note" }));
    expect((await screen.findByRole("status")).textContent).toBe("Note added to the timeline.");
    await waitFor(() => expect((screen.getByLabelText(/^Note/) as HTMLTextAreaElement).value).toBe(""));

    await user.type(screen.getByLabelText(/^Add a tag/), "x".repeat(5));
    await user.click(screen.getByRole("button", { name: "Add" }));
    const tagField = await screen.findByLabelText(/^Add a tag/);
    await waitFor(() => expect(tagField.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("Keep a tag under 60 characters.", { selector: "a" }).getAttribute("href")).toBe(
      "#add-tag-tag",
    );
    await user.click(screen.getByRole("button", { name: "Remove tag weekend-shifts" }));
    await waitFor(() => expect(posts.at(-1)).toEqual({ intent: "remove-tag", tag: "weekend-shifts" }));
  });
});

describe("the profile's summary", () => {
  it("puts the role, how long, and why the person left into words", async () => {
    expect(roleLine("Agent", "Support", "2021-06-01", "2025-11-02")).toBe("Agent, Support, for 4 years");
    expect(roleLine("Agent", null, "2025-06-01", "2025-11-02")).toBe("Agent, for under a year");
    inRouter(
      <AlumnusSummary profile={{ alumnus, hr, restricted: null, canEdit: true, eligibility: null }} />,
    );
    const who = await screen.findByLabelText("Who this is");
    expect(who.textContent).toContain("on 2 Nov 2025");
    expect(who.textContent).toContain("Open to return opportunities");
    expect(who.textContent).toContain("Regrettable loss");
  });

  it("leads with deciding the review when the verdict needs one, and offers no edits to a reader", () => {
    const steps = nextSteps({
      alumnus,
      hr,
      restricted: null,
      canEdit: false,
      eligibility: { effective: { outcome: "needs_review" } } as SummaryProfile["eligibility"],
    });
    expect(steps.map((s) => s.label)).toEqual(["Decide the review", "Read the timeline"]);
    expect(steps[0].primary).toBe(true);
  });
});
