import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { createAlumnus, createStaffUser, staffActor } from "../../../test/factories";
import { overviewWorld } from "../../../test/factories/overview";
import { pdfText } from "../../../test/pdf-text";
import { exportReportCsv } from "./export-report.server";
import { STAGES, type FunnelCounts } from "./funnel";
import { getOverview } from "./get-overview.server";
import { getReports } from "./get-reports.server";
import { renderSummaryPdf } from "./summary-pdf.server";

const counts = (values: number[]): FunnelCounts =>
  Object.fromEntries(STAGES.map((s, i) => [s, values[i]])) as FunnelCounts;

describe("the overview's funnel", () => {
  it("counts each stage from known data, for HR, per decision", async () => {
    const { decision, hr } = await overviewWorld(db);
    const overview = await getOverview({ actor: hr, filter: { decision: decision.id }, ignored: [] });
    //                                affected contactable eligible invited interested applied offered contracted active
    expect(overview.overall?.counts).toEqual(counts([5, 3, 2, 3, 1, 3, 3, 2, 1]));
    expect(overview.decisionId).toBe(decision.id);
    expect(overview.phases.find((p) => p.label.endsWith("Phase 2: weekends"))).toMatchObject({
      target: 20,
      contracted: 2,
      active: 1,
    });
    expect(overview.phases.find((p) => p.label.endsWith("Phase 1: evenings"))).toMatchObject({
      target: 10,
      contracted: 0,
    });
    expect(overview.time).toEqual({ people: 1, median: 10, p90: 10 });
    expect(overview.pendingApprovals).toBe(1);
    expect(overview.overdueTasks).toBe(0);
    expect(overview.email).toEqual({
      queued: expect.any(Number),
      failed: expect.any(Number),
      setAside: expect.any(Number),
    });
  });

  it("the overall funnel lists the decision among the others", async () => {
    const { decision, hr } = await overviewWorld(db);
    const overview = await getOverview({ actor: hr, filter: {}, ignored: [] });
    expect(overview.byDecision?.find((r) => r.key === decision.id)?.counts).toEqual(
      counts([5, 3, 2, 3, 1, 3, 3, 2, 1]),
    );
    expect(overview.overall!.counts.affected).toBeGreaterThanOrEqual(5);
  });

  it("reports by department, location, phase and engagement type", async () => {
    const { decision, program, hr } = await overviewWorld(db);
    const report = (by: string) =>
      getReports({ actor: hr, filter: { decision: decision.id, by }, ignored: [] });
    const department = await report("department");
    expect(department.rows?.find((r) => r.key === "Support")?.counts).toEqual(
      counts([4, 2, 2, 2, 1, 2, 2, 1, 0]),
    );
    expect(department.rows?.find((r) => r.key === "Payments")?.counts).toEqual(
      counts([1, 1, 0, 1, 0, 1, 1, 1, 1]),
    );
    const location = await report("location");
    expect(location.rows?.find((r) => r.key === "Riga")?.counts.invited).toBe(1);
    const phase = await report("phase");
    expect(phase.rows).toEqual([
      {
        key: program.phaseId,
        label: expect.stringContaining("Phase 2: weekends"),
        counts: { ...counts([0, 0, 0, 3, 1, 3, 3, 2, 1]), affected: null, contactable: null, eligible: null },
      },
    ]);
    expect(phase.engagement?.[0]).toMatchObject({ key: "gig", counts: { contracted: 2, active: 1 } });
  });

  it("a hiring manager sees only their own programs, and no pool figures", async () => {
    const { decision, manager } = await overviewWorld(db);
    const mine = await getOverview({ actor: manager, filter: { decision: decision.id }, ignored: [] });
    expect(mine.overall?.counts).toEqual({
      ...counts([0, 0, 0, 3, 1, 3, 3, 2, 1]),
      affected: null,
      contactable: null,
      eligible: null,
    });
    expect(mine.email).toBeNull();
    expect(mine.pendingApprovals).toBe(1);
    const other = staffActor(await createStaffUser(db, { role: "manager" }));
    const theirs = await getOverview({ actor: other, filter: { decision: decision.id }, ignored: [] });
    expect(theirs.overall?.counts.applied).toBe(0);
    expect(theirs.phases).toEqual([]);
    expect(theirs.pendingApprovals).toBe(0);
    const byDepartment = await getReports({
      actor: manager,
      filter: { decision: decision.id, by: "department" },
      ignored: [],
    });
    expect(byDepartment.rows).toBeNull();
  });

  it("an administrator sees email health only; an unknown decision is left out and named", async () => {
    const admin = staffActor(await createStaffUser(db, { role: "admin" }));
    const overview = await getOverview({ actor: admin, filter: { decision: "nope" }, ignored: [] });
    expect(overview.overall).toBeNull();
    expect(overview.phases).toEqual([]);
    expect(overview.email).not.toBeNull();
    expect(overview.ignored).toEqual(["Workforce decision"]);
  });
});

describe("exports", () => {
  it("the CSV is formula-safe and audited; the PDF carries the figures", async () => {
    const { decision, hr } = await overviewWorld(db);
    // A department that would run as a formula in a spreadsheet.
    await createAlumnus(db, { decisionId: decision.id, department: '=HYPERLINK("http://x")' });
    const { csv } = await exportReportCsv({ actor: hr, by: "department", decision: decision.id });
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.split("\r\n")[0]).toContain('"Department","Affected"');
    expect(csv).toContain('"Support","4","2","2","2","1","2","2","1","0"');
    const audit = await db.auditEvent.findFirst({
      where: { action: "report.exported", actorId: hr.id },
      orderBy: { id: "desc" },
    });
    expect(audit?.after).toMatchObject({ report: "funnel-by-department", rows: 3 });

    const pdf = await renderSummaryPdf({ actor: hr, decision: decision.id });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { PDFDocument } = await import("pdf-lib");
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    const printed = pdfText(pdf);
    expect(printed).toContain("Phased reversal summary");
    expect(printed).toContain(decision.title);
    for (const [stage, figure] of [
      ["Affected", "6"],
      ["Eligible", "2"],
      ["Applied", "3"],
      ["Contracted", "2"],
    ])
      expect(printed).toMatch(new RegExp(`${stage}\n${figure}\n`));
    expect(printed).toContain("median 10 days, 90th percentile 10 days (1 person)");
  });

  it("a manager cannot export the pool's breakdowns", async () => {
    const { manager } = await overviewWorld(db);
    const error = await exportReportCsv({ actor: manager, by: "location" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("forbidden");
  });
});
