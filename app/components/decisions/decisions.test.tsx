// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DecisionTable, type DecisionRow } from "./decision-list";
import {
  DecisionAlumniCard,
  DecisionPhases,
  DecisionSummary,
  PhaseProgressCard,
  type DecisionDetails,
} from "./decision-sections";

function inRouter(element: React.ReactElement) {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return render(<Stub initialEntries={["/staff/decisions"]} />);
}

const rows: DecisionRow[] = [
  {
    id: "d1",
    title: "Support automation 2025",
    kind: "automation",
    function: "Customer support",
    status: "phased",
    announcedOn: "2025-01-10",
    effectiveOn: "2025-03-01",
    rolesAffected: 1200,
    alumni: 1134,
    phases: 2,
  },
  {
    id: "d2",
    title: "Finance restructuring",
    kind: "restructuring",
    function: "Finance",
    status: "planned",
    announcedOn: null,
    effectiveOn: null,
    rolesAffected: null,
    alumni: 0,
    phases: 0,
  },
];

const decision: DecisionDetails = {
  id: "d1",
  title: "Support automation 2025",
  kind: "automation",
  function: "Customer support",
  rationale: "Chat assistants answered most first-line questions.",
  announcedOn: "2025-01-10",
  effectiveOn: "2025-03-01",
  rolesAffected: 1200,
  status: "phased",
  version: 3,
  updatedAt: "2025-06-01T10:00:00.000Z",
  phases: [
    {
      id: "p1",
      position: 0,
      name: "Weekend cover",
      startsOn: "2026-01-05",
      endsOn: "2026-03-31",
      targetHeadcount: 40,
      notes: "Saturdays first",
    },
    {
      id: "p2",
      position: 1,
      name: "Complex cases",
      startsOn: "2026-04-01",
      endsOn: null,
      targetHeadcount: 25,
      notes: null,
    },
  ],
};

describe("the decision list", () => {
  it("shows each decision with its kind, status in words and a link to its alumni", async () => {
    inRouter(<DecisionTable decisions={rows} mayReadAlumni />);
    const table = await screen.findByRole("table", { name: "Workforce decisions, most recent first" });
    const [support, finance] = within(table).getAllByRole("row").slice(1);
    expect(within(support).getByRole("link", { name: "Support automation 2025" }).getAttribute("href")).toBe(
      "/staff/decisions/d1",
    );
    expect(support.textContent).toContain("Automation · 2 phases");
    expect(within(support).getByText("Being phased back")).toBeTruthy();
    expect(support.textContent).toContain("1,200");
    expect(within(support).getByRole("link", { name: "1,134" }).getAttribute("href")).toBe(
      "/staff/alumni?decisionId=d1",
    );
    expect(finance.textContent).toContain("Planned");
    expect(finance.textContent).not.toContain("phase");
    expect(within(finance).getAllByText("—")).toHaveLength(2);
  });

  it("gives someone who may not read alumni the count without a link", async () => {
    inRouter(<DecisionTable decisions={rows} mayReadAlumni={false} />);
    const table = await screen.findByRole("table");
    expect(within(table).queryByRole("link", { name: "1,134" })).toBeNull();
    expect(table.textContent).toContain("1,134");
  });
});

describe("a decision's page sections", () => {
  it("says why the decision was made, when and how many roles it touched", async () => {
    inRouter(<DecisionSummary decision={decision} />);
    const card = await screen.findByRole("heading", { name: "The decision" });
    const section = card.closest("section")!;
    expect(section.textContent).toContain("Chat assistants answered most first-line questions.");
    expect(section.textContent).toContain("Effective from2025-03-01");
    expect(section.textContent).toContain("1,200");
    expect(section.textContent).toContain("Being phased back");
  });

  it("lists the phases in order with their dates and target headcount", async () => {
    inRouter(<DecisionPhases phases={decision.phases} rolesAffected={1200} />);
    const table = await screen.findByRole("table", { name: "Phases in order" });
    const [weekend, complex] = within(table).getAllByRole("row").slice(1);
    expect(within(weekend).getByRole("rowheader").textContent).toBe("Weekend cover");
    expect(weekend.textContent).toContain("2026-01-05");
    expect(weekend.textContent).toContain("Saturdays first");
    expect(within(complex).getByRole("rowheader").textContent).toBe("Complex cases");
    expect(complex.textContent).toContain("25");
    expect(screen.getByText("Bars are to scale against the 1,200 roles the decision affected.")).toBeTruthy();
  });

  it("says so when a decision has no phases", async () => {
    inRouter(<DecisionPhases phases={[]} rolesAffected={null} />);
    expect(await screen.findByText("No phases yet")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("shows each phase's progress against its target, or a way to create a program", async () => {
    const progress = { applied: 12, shortlisted: 6, offered: 3, hired: 2, contracted: 1, active: 0 };
    inRouter(
      <PhaseProgressCard
        progress={[
          {
            id: "p1",
            name: "Weekend cover",
            targetHeadcount: 40,
            openings: 10,
            programs: [{ id: "g1", title: "Weekend support", status: "open" }],
            progress,
          },
          {
            id: "p2",
            name: "Complex cases",
            targetHeadcount: 25,
            openings: 0,
            programs: [],
            progress: { ...progress, applied: 0 },
          },
        ]}
      />,
    );
    const funnel = await screen.findByRole("table", {
      name: "Weekend cover: target headcount against applications",
    });
    expect(funnel.textContent).toContain("12");
    expect(screen.getByRole("link", { name: "Weekend support" }).getAttribute("href")).toBe(
      "/staff/programs/g1",
    );
    const complex = screen.getByRole("region", { name: "Complex cases" });
    expect(complex.textContent).toContain("No return program for this phase yet (target 25).");
    expect(within(complex).getByRole("link", { name: "Create one" })).toBeTruthy();
  });

  it("counts the people who left under it and links the first few", async () => {
    inRouter(
      <DecisionAlumniCard
        decisionId="d1"
        alumni={{
          total: 1134,
          consenting: 410,
          sample: [
            { id: "a1", firstName: "Kwame", lastName: "Mensah", preferredName: "Kay", jobTitle: "Agent" },
            { id: "a2", firstName: "Ama", lastName: "Owusu", preferredName: null, jobTitle: null },
          ],
        }}
      />,
    );
    expect(await screen.findByText("1,134")).toBeTruthy();
    expect(screen.getByText("410 open to hearing about returning")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Kay Mensah" }).getAttribute("href")).toBe("/staff/alumni/a1");
    expect(screen.getByRole("link", { name: "Ama Owusu" })).toBeTruthy();
    expect(
      screen.getByRole("link", { name: "See all of them in the alumni list →" }).getAttribute("href"),
    ).toBe("/staff/alumni?decisionId=d1");
  });
});
