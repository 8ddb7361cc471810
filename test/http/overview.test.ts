import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createAlumnus } from "../factories";
import { overviewWorld } from "../factories/overview";
import { pdfText } from "../pdf-text";
import { startTestApp, type TestApp } from "../setup/app-server";
import { signedInClient, type Client } from "./helpers";

/**
 * The overview over HTTP against the production build: the dashboard renders its SVG charts with
 * a table behind each and no script of its own, a report downloads as formula-safe CSV, and the
 * leadership summary is a one-page PDF carrying the figures.
 */
const PASSWORD = "overview http test password";
let app: TestApp;
let hr: Client;
let manager: Client;
let world: Awaited<ReturnType<typeof overviewWorld>>;

beforeAll(async () => {
  app = await startTestApp();
  world = await overviewWorld(db, PASSWORD);
  await createAlumnus(db, { decisionId: world.decision.id, department: "=SUM(A1:A9)", location: "@risk" });
  hr = await signedInClient(app, world.users.hr.email, PASSWORD);
  manager = await signedInClient(app, world.users.manager.email, PASSWORD);
});
afterAll(async () => {
  await app?.close();
});

describe("the overview over HTTP", () => {
  it("the dashboard shows the funnel as an SVG picture with the figures in a table", async () => {
    const response = await hr.request(`/staff/overview?decision=${world.decision.id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"[^>]*data-chart="People at each stage/);
    expect(html).toContain("<caption");
    // The table behind the chart: 6 affected (five plus the formula-named person), 1 contracted in phase 2 of 20.
    expect(html).toMatch(/Affected<\/th><td[^>]*>6<\/td>/);
    expect(html).toContain("Phase 2: weekends");
    expect(html).not.toMatch(/<svg[^>]*style=/);
  });

  it("a report downloads as CSV: every cell quoted, formula starts neutralised", async () => {
    const response = await hr.request(`/staff/overview/export?by=department&decision=${world.decision.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="funnel-by-department-[\d-]+\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for spreadsheets
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('"Department","Affected","Contactable","Eligible","Invited"')).toBe(true);
    expect(csv).toContain(`"'=SUM(A1:A9)"`);
    expect(csv).not.toMatch(/(^|,)"?=SUM/m);
    expect(csv).toContain('"Support","4","2","2","2","1","2","2","1","0"');
    const location = await (
      await hr.request(`/staff/overview/export?by=location&decision=${world.decision.id}`)
    ).text();
    expect(location).toContain(`"'@risk"`);
  });

  it("a hiring manager gets their programs by decision, and a 403 for the pool's breakdowns", async () => {
    const ok = await manager.request(`/staff/overview/export?by=decision&decision=${world.decision.id}`);
    expect(ok.status).toBe(200);
    const csv = await ok.text();
    expect(csv.split("\r\n")[0]).toBe(
      '"Workforce decision","Invited","Interested","Applied","Offered","Contracted","Active"',
    );
    expect(csv).toContain(`"${world.decision.title}","3","1","3","3","2","1"`);
    expect((await manager.request("/staff/overview/export?by=location")).status).toBe(403);
    expect((await manager.request("/staff/overview/export?by=nonsense")).status).toBe(400);
  });

  it("the summary is a one-page PDF with the figures", async () => {
    const response = await hr.request(`/staff/overview/summary?decision=${world.decision.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="phased-reversal-summary-[\d-]+\.pdf"$/,
    );
    const pdf = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    const { PDFDocument } = await import("pdf-lib");
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    const printed = pdfText(pdf);
    expect(printed).toContain(world.decision.title);
    expect(printed).toMatch(/Affected\n6\n/);
    expect(printed).toMatch(/Contracted\n2\n/);
    expect(printed).toContain("Contracts awaiting approval\n1\n");
    expect((await hr.request("/staff/overview/summary?decision=missing")).status).toBe(404);
  });
});
