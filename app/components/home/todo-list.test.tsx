// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { STAFF_NAV, StaffNav } from "~/components/staff-nav";
import { TODO_SOURCES } from "~/modules/home/list-todos.server";
import { TodoList, type TodoItem } from "./todo-list";

function inRouter(element: React.ReactElement, path = "/staff") {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return render(<Stub initialEntries={[path]} />);
}

const todo = (key: string, label: string, count: number, tone: TodoItem["tone"] = "attention"): TodoItem => ({
  key,
  label,
  hint: `About ${label.toLowerCase()}.`,
  to: `/staff/${key}`,
  count,
  tone,
});

describe("TodoList", () => {
  it("leads with what waits, each a count that links to the work", async () => {
    inRouter(
      <TodoList
        todos={[
          todo("campaigns", "Campaigns running", 2, "neutral"),
          todo("imports", "Imports needing attention", 0),
          todo("reviews", "Reviews waiting", 1250),
        ]}
      />,
    );
    const section = await screen.findByRole("region", { name: "What needs doing" });
    const links = within(section).getAllByRole("link");
    expect(links.map((l) => l.textContent)).toEqual([
      "1,250Reviews waitingAbout reviews waiting.",
      "2Campaigns runningAbout campaigns running.",
      "Imports needing attention",
    ]);
    expect(links[0].getAttribute("href")).toBe("/staff/reviews");
    expect(links[2].closest("div")?.textContent).toBe("Nothing in: Imports needing attention.");
    expect(within(section).queryByText(/Nothing is waiting/)).toBeNull();
  });

  it("says so when nothing waits", async () => {
    inRouter(
      <TodoList
        todos={[todo("reviews", "Reviews waiting", 0), todo("c", "Campaigns running", 3, "neutral")]}
      />,
    );
    expect(await screen.findByText(/Nothing is waiting for you/)).toBeTruthy();
  });
});

describe("navigation badges", () => {
  const hr = { permissions: ["read:eligibility", "import:alumni", "manage:campaign", "read:outbox"] };

  it("shows each count beside its entry and says what it counts", async () => {
    inRouter(
      <StaffNav
        user={hr}
        badges={{
          "/staff/eligibility": { count: 12, label: "12 reviews waiting", tone: "attention" },
          "/staff/campaigns": { count: 2, label: "2 campaigns running", tone: "neutral" },
        }}
      />,
    );
    const nav = (await screen.findAllByRole("navigation", { name: "Staff areas" }))[1];
    const eligibility = within(nav).getByRole("link", { name: "Eligibility" });
    expect(eligibility.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(eligibility.getAttribute("aria-describedby")!)?.textContent).toBe(
      "12 reviews waiting",
    );
    expect(within(within(nav).getByRole("link", { name: "Outreach" })).getByText("2")).toBeTruthy();
    // the phone menu's summary adds up what asks for time, not what is merely under way
    expect(screen.getByText("Menu").parentElement?.textContent).toContain("12 to do");
  });

  it("every to-do source links inside the staff area and badges an entry that exists", () => {
    for (const source of TODO_SOURCES) {
      expect(source.to.startsWith("/staff/")).toBe(true);
      if (source.nav) expect(STAFF_NAV.map((n) => n.to)).toContain(source.nav);
    }
  });
});
