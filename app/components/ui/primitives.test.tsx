// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Notice, Pager, Stat, Table, type Column } from ".";
import { pageHref } from "./pager";

type Person = { id: string; name: string; email: string; waiting: number };
const people: Person[] = [
  { id: "a", name: "Ada Lovelace", email: "ada@example.com", waiting: 3 },
  { id: "b", name: "Grace Hopper", email: "grace@example.com", waiting: 12 },
];
const columns: Column<Person>[] = [
  { key: "name", label: "Person", rowHeader: true, cell: (p) => p.name },
  { key: "email", label: "Email", cell: (p) => p.email },
  { key: "waiting", label: "Days waiting", align: "right", cell: (p) => p.waiting },
];

/** Renders inside a Remix router, as pages are (Link and useLocation need one). */
function inRouter(element: React.ReactElement, path = "/") {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return render(<Stub initialEntries={[path]} />);
}

describe("Table", () => {
  it("is a real table: caption, column headers and a header cell per row", () => {
    render(
      <Table caption="People waiting for review" columns={columns} rows={people} rowKey={(p) => p.id} />,
    );
    const table = screen.getByRole("table", { name: "People waiting for review" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Person", "Email", "Days waiting"]);
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toEqual(["Ada Lovelace", "Grace Hopper"]);
    const grace = within(table).getByRole("row", { name: /Grace Hopper/ });
    expect(
      within(grace)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Emailgrace@example.com", "Days waiting12"]);
  });

  it("labels every value for the stacked cards, hidden from the wide layout at the chosen breakpoint", () => {
    render(<Table caption="People" columns={columns} rows={people} rowKey={(p) => p.id} stackBelow="lg" />);
    const label = screen.getAllByText("Email", { selector: "td span" })[0];
    expect(label.className).toContain("lg:hidden");
    expect(screen.getByRole("table").className).toContain("lg:table");
  });

  it("shows the empty state instead of an empty table", () => {
    render(
      <Table
        caption="People"
        columns={columns}
        rows={[]}
        rowKey={(p) => p.id}
        empty={<p>Nobody is waiting</p>}
      />,
    );
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByText("Nobody is waiting")).toBeTruthy();
  });
});

describe("Pager", () => {
  it("keeps the filters in the address and names its navigation", async () => {
    inRouter(<Pager page={2} pageCount={5} label="Pages of the review queue" />, "/queue?reason=x&page=2");
    const nav = await screen.findByRole("navigation", { name: "Pages of the review queue" });
    expect(nav.textContent).toContain("Page 2 of 5");
    expect(
      within(nav)
        .getByRole("link", { name: /Previous/ })
        .getAttribute("href"),
    ).toBe("/queue?reason=x");
    expect(within(nav).getByRole("link", { name: /Next/ }).getAttribute("href")).toBe(
      "/queue?reason=x&page=3",
    );
  });

  it("pages a list read by cursor with the links it is given", async () => {
    inRouter(
      <Pager
        label="Pages of the audit trail"
        previous={{ to: "/audit?actor=u1&after=90", text: "Newer events" }}
        next={{ to: "/audit?actor=u1&before=41", text: "Older events" }}
      />,
    );
    const nav = await screen.findByRole("navigation", { name: "Pages of the audit trail" });
    expect(within(nav).getByRole("link", { name: "← Newer events" }).getAttribute("href")).toBe(
      "/audit?actor=u1&after=90",
    );
    expect(within(nav).getByRole("link", { name: "Older events →" }).getAttribute("rel")).toBe("next");
  });

  it("shows a cursor list's one link on its first page, and nothing when all fits", async () => {
    const { unmount } = inRouter(
      <Pager label="Pages" previous={null} next={{ to: "/audit?before=41", text: "Older events" }} />,
    );
    const nav = await screen.findByRole("navigation", { name: "Pages" });
    expect(
      within(nav)
        .getAllByRole("link")
        .map((a) => a.textContent),
    ).toEqual(["Older events →"]);
    unmount();
    inRouter(
      <>
        <p>list</p>
        <Pager label="Pages" previous={null} next={null} />
      </>,
    );
    await screen.findByText("list");
    expect(screen.queryByRole("navigation")).toBeNull();
  });

  it("stops at the limit and says how to see further", async () => {
    inRouter(<Pager page={400} pageCount={900} limit={400} label="Pages" />, "/alumni?page=400");
    const nav = await screen.findByRole("navigation", { name: "Pages" });
    expect(within(nav).queryByRole("link", { name: /Next/ })).toBeNull();
    expect(nav.textContent).toContain("Page 400 of 900");
    expect(nav.textContent).toContain("Narrow the view to see beyond page 400");
  });

  it("is not shown for a single page", async () => {
    inRouter(
      <>
        <p>list</p>
        <Pager page={1} pageCount={1} label="Pages" />
      </>,
    );
    await screen.findByText("list");
    expect(screen.queryByRole("navigation")).toBeNull();
  });

  it("drops the page parameter for the first page", () => {
    expect(pageHref("?q=ann&page=3", 1)).toBe("?q=ann");
    expect(pageHref("", 2)).toBe("?page=2");
  });
});

describe("Stat and Notice", () => {
  it("a stat with a destination is one link that reads as the count and what it counts", async () => {
    inRouter(<Stat label="Reviews waiting" value={22000} to="/staff/eligibility/reviews" />);
    const link = await screen.findByRole("link", { name: "22,000 Reviews waiting" });
    expect(link.getAttribute("href")).toBe("/staff/eligibility/reviews");
  });

  it("a stat without one is plain text", () => {
    render(<Stat label="People in the pool" value={1234} />);
    expect(screen.getByText("1,234")).toBeTruthy();
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("errors are alerts, other notices are status messages", () => {
    render(
      <>
        <Notice tone="error" title="Could not save">
          Try again.
        </Notice>
        <Notice tone="success">Saved.</Notice>
      </>,
    );
    expect(screen.getByRole("alert").textContent).toBe("Could not saveTry again.");
    expect(screen.getByRole("status").textContent).toBe("Saved.");
  });
});
