// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { alumniFilterToSearchParams, parseAlumniFilter } from "~/modules/alumni/alumni-filter";
import { AlumniFilters } from "./alumni-filters";

function inRouter(element: React.ReactElement) {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return render(<Stub initialEntries={["/staff/alumni"]} />);
}

const LOCATIONS = [
  "Berlin, DE",
  "Bristol, UK",
  "Cardiff, UK",
  "Dublin, IE",
  "Leeds, UK",
  "Lisbon, PT",
  "Madrid, ES",
  "Manchester, UK",
  "Paris, FR",
  "Zagreb, HR",
];

function renderFilters() {
  return inRouter(
    <AlumniFilters
      filter={{ location: ["Zagreb, HR", "Bristol, UK"], department: ["Support"] }}
      options={{
        decisions: [{ id: "d1", title: "Support automation 2025" }],
        departments: ["Finance", "Support"],
        locations: LOCATIONS,
      }}
      hr
      restricted={false}
      eligibility={false}
    />,
  );
}

const ticked = (group: HTMLElement) =>
  within(group)
    .getAllByRole("checkbox")
    .filter((c) => (c as HTMLInputElement).checked)
    .map((c) => (c as HTMLInputElement).value);

describe("the alumni filters' several-choice lists", () => {
  it("are tick boxes, never a hold-Ctrl multi-select", async () => {
    const { container } = renderFilters();
    const search = await screen.findByRole("search", { name: "Search and filter alumni" });
    expect(container.querySelector("select[multiple]")).toBeNull();
    expect(search.textContent).not.toContain("Hold Ctrl");
    for (const legend of ["Exit reason", "Workforce decision", "Department", "Location"]) {
      expect(within(search).getByRole("group", { name: legend })).toBeTruthy();
    }
    const departments = within(search).getByRole("group", { name: "Department" });
    expect(ticked(departments)).toEqual(["Support"]);
    expect(within(departments).getByLabelText("Finance")).toBeTruthy();
  });

  it("give a long list a search box that narrows the boxes shown, ticked choices first", async () => {
    renderFilters();
    const locations = await screen.findByRole("group", { name: "Location" });
    const boxes = within(locations).getAllByRole("checkbox") as HTMLInputElement[];
    // The view's two choices lead the list; each part keeps the list's order.
    expect(boxes.slice(0, 3).map((b) => b.value)).toEqual(["Bristol, UK", "Zagreb, HR", "Berlin, DE"]);
    expect(ticked(locations)).toEqual(["Bristol, UK", "Zagreb, HR"]);

    const find = within(locations).getByRole("searchbox", { name: "Find a location" });
    fireEvent.change(find, { target: { value: "uk" } });
    const visible = boxes.filter((b) => !b.closest("label")!.hidden).map((b) => b.value);
    expect(visible).toEqual(["Bristol, UK", "Cardiff, UK", "Leeds, UK", "Manchester, UK"]);
    expect(locations.textContent).toContain("4 of 10 shown");

    fireEvent.change(find, { target: { value: "tokyo" } });
    expect(within(locations).getByText("Nothing matches “tokyo”.")).toBeTruthy();

    // A short list (two departments) has no search box.
    const departments = screen.getByRole("group", { name: "Department" });
    expect(within(departments).queryByRole("searchbox")).toBeNull();
  });

  it("send the same address a multi-select did, even for a ticked box a search hides", async () => {
    renderFilters();
    const locations = await screen.findByRole("group", { name: "Location" });
    fireEvent.click(within(locations).getByLabelText("Paris, FR"));
    fireEvent.change(within(locations).getByRole("searchbox"), { target: { value: "paris" } });
    const form = screen.getByRole("search") as HTMLFormElement;
    const sent = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    // The search box has no name: it never reaches the address.
    expect(sent.toString()).not.toMatch(/=paris(&|$)/);
    expect(sent.getAll("location").sort()).toEqual(["Bristol, UK", "Paris, FR", "Zagreb, HR"]);
    const filter = parseAlumniFilter(sent);
    expect([...(filter.location ?? [])].sort()).toEqual(["Bristol, UK", "Paris, FR", "Zagreb, HR"]);
    expect(filter.department).toEqual(["Support"]);
    // A saved view's address (repeated keys) reads back as the same ticks.
    expect(
      alumniFilterToSearchParams(
        parseAlumniFilter(new URLSearchParams("location=Paris%2C+FR&location=Leeds%2C+UK")),
      ).toString(),
    ).toBe("location=Leeds%2C+UK&location=Paris%2C+FR");
  });
});
