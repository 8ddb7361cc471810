// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  ColumnMapping,
  columnChoices,
  MappingPreview,
  ReadingOptions,
  SavedMappingPicker,
  type MappingField,
} from "./mapping-sections";

function inRouter(element: React.ReactElement) {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return render(<Stub initialEntries={["/staff/imports/i1/mapping"]} />);
}

/** What useValidatedForm's `field` gives, for the values and errors given. */
function fieldsOf(values: Record<string, string> = {}, errors: Record<string, string[]> = {}): MappingField {
  return (name) => ({
    name,
    id: `field-${name}`,
    required: name === "dateFormat",
    errors: errors[name],
    defaultValue: values[name],
    onChange: async () => {},
    onBlur: async () => {},
    ref: () => {},
  });
}

const headers = ["Employee #", "First Name", "Last Name", "Termination Date"];
const sample = [
  ["1001", "", "Berg", "2026-03-13"],
  ["1002", "Jörgen", "Kim", "2026-09-21"],
];

describe("the import mapping's sections", () => {
  it("lists every field with its chosen column and the first value found in it", async () => {
    const choices = columnChoices(
      { hrId: "Employee #", firstName: "First Name", exitDate: "Termination Date" },
      sample,
      headers,
    );
    inRouter(
      <ColumnMapping choices={choices} headers={headers} savedMappingName={null} field={fieldsOf()} />,
    );
    const table = await screen.findByRole("table", { name: /Comeback field, the file column/ });
    const id = within(table).getByRole("combobox", { name: "Employee ID" }) as HTMLSelectElement;
    expect(id.value).toBe("Employee #");
    expect(id.name).toBe("col_hrId");
    expect(
      within(id)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["— not imported —", ...headers]);
    // The first non-empty value: row 1's first name is blank, so row 2's.
    const rowOf = (name: string) => within(table).getByRole("combobox", { name }).closest("tr")!;
    expect(rowOf("First name").textContent).toContain("Jörgen");
    // A field left out says so, and shows no value.
    const last = within(table).getByRole("combobox", { name: "Last name" }) as HTMLSelectElement;
    expect(last.value).toBe("");
    expect(rowOf("Last name").textContent).toMatch(/First value—$/);
    expect(screen.getByText(/We suggested a column for each field/)).toBeTruthy();
  });

  it("keeps what was submitted over the suggestion, and names a saved mapping in use", async () => {
    const choices = columnChoices({ hrId: "Employee #" }, sample, headers, { col_hrId: "Last Name" });
    inRouter(
      <ColumnMapping
        choices={choices}
        headers={headers}
        savedMappingName="BambooHR leavers"
        field={fieldsOf()}
      />,
    );
    const id = (await screen.findByRole("combobox", { name: "Employee ID" })) as HTMLSelectElement;
    expect(id.value).toBe("Last Name");
    expect(screen.getByText("BambooHR leavers").tagName).toBe("STRONG");
  });

  it("offers the saved mappings, and nothing when there are none", async () => {
    const { unmount } = inRouter(
      <SavedMappingPicker mappings={[{ id: "m1", name: "Workday terminations" }]} chosenId="m1" />,
    );
    const picker = (await screen.findByRole("combobox", { name: "Saved mapping" })) as HTMLSelectElement;
    expect(picker.value).toBe("m1");
    expect(screen.getByRole("button", { name: "Use this mapping" })).toBeTruthy();
    unmount();
    inRouter(<SavedMappingPicker mappings={[]} chosenId={null} />);
    expect(screen.queryByRole("combobox", { name: "Saved mapping" })).toBeNull();
  });

  it("asks for the date format with the errors and choices given", async () => {
    inRouter(
      <ReadingOptions
        dateFormat="eu"
        dateFits={["us", "eu"]}
        decisions={[{ id: "d1", title: "2022 support automation" }]}
        field={fieldsOf(
          { system: "workday", decisionId: "d1", saveAs: "Workday leavers" },
          { saveAs: ["Give the mapping a shorter name."], dateFormat: ["Choose how dates are written."] },
        )}
      />,
    );
    const eu = (await screen.findByRole("radio", { name: /European/ })) as HTMLInputElement;
    expect(eu.checked).toBe(true);
    expect(screen.getByText(/fit more than one format/)).toBeTruthy();
    expect((screen.getByRole("combobox", { name: /Workforce decision/ }) as HTMLSelectElement).value).toBe(
      "d1",
    );
    expect(screen.getByText("Give the mapping a shorter name.")).toBeTruthy();
    // The date format's message is under its choices, and the group names it.
    const group = screen.getByRole("group", { name: /Date format/ });
    expect(group.getAttribute("aria-describedby")).toBe("field-dateFormat-error");
    expect(within(group).getByText("Choose how dates are written.").id).toBe("field-dateFormat-error");
  });

  it("shows the first rows as they will be read, and why a row would be refused", async () => {
    inRouter(
      <MappingPreview
        rows={[
          {
            row: 2,
            ok: true,
            name: "Ingrid Berg",
            id: "2000",
            hire: "2021-08-10",
            exit: "2026-03-13",
            reason: "Resignation",
            rehire: "Upon review",
          },
          { row: 3, ok: false, problems: ["Termination Date: 31/02/2024 is not a date."] },
        ]}
      />,
    );
    const table = await screen.findByRole("table", { name: "How the first rows of the file will be read" });
    const [, good, bad] = within(table).getAllByRole("row");
    expect(within(good).getByRole("rowheader").textContent).toBe("Ingrid Berg");
    expect(good.textContent).toContain("Upon review");
    expect(bad.textContent).toContain("Would be rejected");
    expect(bad.textContent).toContain("31/02/2024 is not a date.");
  });

  it("shows no preview without rows", () => {
    const { container } = inRouter(<MappingPreview rows={[]} />);
    expect(container.querySelector("table")).toBeNull();
  });
});
