import { beforeAll, describe, expect, it } from "vitest";
import { registerBackgroundWork } from "~/modules/background.server";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { runNextJob } from "~/platform/jobs.server";
import { createStaffUser, staffActor, unique } from "../../../test/factories";
import { IMPORT_CHECK_JOB, startImportCheck } from "./check-import.server";
import { IMPORT_COMMIT_JOB, startImportCommit } from "./commit-import.server";
import { suggestMapping } from "./fields";
import { importErrorReport } from "./import-error-report.server";
import { getImport } from "./get-import.server";
import { getMappingStep } from "./get-mapping-step.server";
import { listImportRows } from "./list-imports.server";
import type { ImportSettings } from "./schemas";
import { uploadImport } from "./upload-import.server";

/**
 * Imports keep every good row and say who each problem is about (ADR 063): names that are
 * formulas, markup or phone numbers; internationalised email addresses; warnings for optional
 * fields; the identity of rejected rows; repeated employee IDs; a file imported twice; what an
 * update overwrites; the preferred name when the legal name changes.
 */
let hr: StaffUser;
async function* once(bytes: Uint8Array) {
  yield bytes;
}
beforeAll(async () => {
  registerBackgroundWork();
  hr = staffActor(await createStaffUser(db, { role: "hr" }));
});
async function runJobs() {
  while (await runNextJob({ kinds: [IMPORT_CHECK_JOB, IMPORT_COMMIT_JOB] }));
}

async function importCsv(csv: string, options: { commit?: boolean } = {}) {
  const up = await uploadImport({ actor: hr, fileName: "leavers.csv", data: once(Buffer.from(csv)) });
  const settings: ImportSettings = {
    system: "generic",
    columns: suggestMapping(up.headers),
    dateFormat: "iso",
    reasonOverrides: {},
    decisionId: null,
  };
  await startImportCheck({ actor: hr, importId: up.id, settings });
  await runJobs();
  if (options.commit) {
    await startImportCommit({ actor: hr, importId: up.id });
    await runJobs();
  }
  return db.importRun.findUniqueOrThrow({ where: { id: up.id } });
}

async function report(importId: string) {
  const { stream } = await importErrorReport({ actor: hr, importId });
  const [header, ...lines] = (await new Response(stream).text()).split("\r\n").filter(Boolean);
  const names = header.split(",").map((h) => h.replace(/^"|"$/g, ""));
  return lines.map((line) => {
    const cells = line.slice(1, -1).split('","');
    return Object.fromEntries(names.map((n, i) => [n, cells[i]]));
  });
}

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
const FULL = "Employee ID,Full Name,Work Email,Hire Date,Termination Date,Termination Reason";

describe("names", () => {
  it("a formula, markup or phone number in a name is refused with a plain message; 'Last, First' splits only in that shape", async () => {
    const id = unique("N");
    const rows = [
      [`${id}-1`, quote('=HYPERLINK("http://evil.example","click")')],
      [`${id}-2`, quote("<img src=x onerror=alert(1)>, Ann")],
      [`${id}-3`, "+46 70 123 45 67"],
      [`${id}-4`, quote("Eriksson, Chloé")],
      [`${id}-5`, "Chloé Eriksson"],
      [`${id}-6`, quote("Smith, Jr., John")],
    ].map(
      ([hrId, name], i) =>
        `${hrId},${name},${id.toLowerCase()}-${i}@example.com,2015-01-02,2022-03-04,Layoff`,
    );
    const run = await importCsv(`${FULL}\n${rows.join("\n")}\n`, { commit: true });
    expect(run).toMatchObject({ status: "committed", createCount: 2, rejectCount: 4 });
    const rejected = await db.importRow.findMany({
      where: { importId: run.id, outcome: "rejected" },
      orderBy: { rowNumber: "asc" },
    });
    const messages = rejected.map((r) => (r.errors as { message: string }[]).map((e) => e.message).join(" "));
    expect(messages[0]).toMatch(/looks like a spreadsheet formula \(it starts with "="\), not a name/);
    expect(messages[1]).toMatch(/contains markup or a web address, not a name/);
    expect(messages[2]).toMatch(/looks like a phone number, not a name/);
    expect(messages[3]).toMatch(/is not a name written "Last, First"/);
    expect(await db.alumnus.findUniqueOrThrow({ where: { hrId: `${id}-4` } })).toMatchObject({
      firstName: "Chloé",
      lastName: "Eriksson",
    });
    expect(await db.alumnus.count({ where: { hrId: { startsWith: id } } })).toBe(2);
  });
});

describe("internationalised email addresses (RFC 6531)", () => {
  it("are accepted and stored as given; the same address with another case or the punycode domain is the same person", async () => {
    const id = unique("I");
    const header = "Employee ID,First Name,Last Name,Work Email,Personal Email,Termination Date";
    const first = await importCsv(
      `${header}\n${id}-1,Åsa,Lind,åsa.${id.toLowerCase()}@exämple.se,jörg@bücher.example,2022-03-04\n`,
      { commit: true },
    );
    expect(first).toMatchObject({ createCount: 1, rejectCount: 0, warningCount: 0 });
    const person = await db.alumnus.findUniqueOrThrow({ where: { hrId: `${id}-1` } });
    expect(person.workEmail).toBe(`åsa.${id.toLowerCase()}@exämple.se`);
    expect(person.personalEmail).toBe("jörg@bücher.example");
    // No employee ID column: recognised by the work email, written with capitals and the ASCII domain.
    const second = await importCsv(
      `First Name,Last Name,Work Email,Job Title\nÅsa,Lind,ÅSA.${id.toUpperCase()}@XN--EXMPLE-CUA.SE,Agent\n`,
      { commit: true },
    );
    expect(second).toMatchObject({ createCount: 0, updateCount: 1, rejectCount: 0 });
    expect(await db.alumnus.findUniqueOrThrow({ where: { hrId: `${id}-1` } })).toMatchObject({
      jobTitle: "Agent",
      workEmail: `åsa.${id.toLowerCase()}@exämple.se`,
    });
  });
});

describe("optional fields", () => {
  it("a malformed personal email or a line break in the department imports the person with a warning (row, column, value)", async () => {
    const id = unique("W");
    const header = "Employee ID,First Name,Last Name,Work Email,Personal Email,Department,Regrettable";
    const csv =
      `${header}\n` +
      `${id}-1,Ann,Berg,${id}-1@example.com,ann at home,Support,No\n` +
      `${id}-2,Bo,Ek,${id}-2@example.com,bo@home.example,"Customer\nService",maybe\n` +
      `${id}-3,Cy,Al,${id}-3@example.com,,Sales,Yes\n`;
    const run = await importCsv(csv, { commit: true });
    expect(run).toMatchObject({ status: "committed", createCount: 3, rejectCount: 0, warningCount: 2 });
    expect(await db.alumnus.findUniqueOrThrow({ where: { hrId: `${id}-1` } })).toMatchObject({
      personalEmail: null,
      department: "Support",
    });
    expect(await db.alumnus.findUniqueOrThrow({ where: { hrId: `${id}-2` } })).toMatchObject({
      personalEmail: "bo@home.example",
      department: "Customer Service",
      regrettable: null,
    });
    const lines = await report(run.id);
    expect(lines).toEqual([
      expect.objectContaining({
        Row: "2",
        Outcome: expect.stringMatching(/^warning/),
        Column: "Personal Email",
        "Value in the file": "ann at home",
        "Employee ID": `${id}-1`,
        Name: "Ann Berg",
      }),
      expect.objectContaining({ Row: "3", Column: "Regrettable", "Value in the file": "maybe" }),
      expect.objectContaining({
        Row: "3",
        Column: "Department",
        Problem: expect.stringMatching(/Line breaks/),
        Name: "Bo Ek",
      }),
    ]);
    const tab = await listImportRows({ importId: run.id, show: "warnings", page: 1 });
    expect(tab.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
  });
});

describe("rejected rows say who they are", () => {
  it("the rows tab and the error report carry the employee ID, name and work email as read from the file", async () => {
    const id = unique("R");
    const header = "Employee ID,First Name,Last Name,Work Email,Hire Date,Termination Date";
    const csv =
      `${header}\n` +
      `${id}-1,Ann,Berg,${id}-1@example.com,2020-05-01,2019-01-01\n` + // exit before hire
      `${id}-2,Bo,Ek,not-an-email,2015-01-02,2022-03-04\n` + // bad work email
      `${id}-3,Cy,Al,${id}-3@example.com,2015-01-02\n`; // short row
    const run = await importCsv(csv);
    expect(run.rejectCount).toBe(3);
    const { rows } = await listImportRows({ importId: run.id, show: "rejected", page: 1 });
    expect(rows.map((r) => [r.hrId, r.firstName, r.lastName, r.workEmail])).toEqual([
      [`${id}-1`, "Ann", "Berg", `${id}-1@example.com`],
      [`${id}-2`, "Bo", "Ek", "not-an-email"],
      [`${id}-3`, "Cy", "Al", `${id}-3@example.com`],
    ]);
    const lines = await report(run.id);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line["Employee ID"]).toMatch(new RegExp(`^${id}-\\d$`));
      expect(line.Name).toMatch(/^\w+ \w+$/);
      expect(line["Work email"]).not.toBe("");
    }
  });

  it("a repeated employee ID is reported even when its first row was rejected for another reason", async () => {
    const id = unique("D");
    const header = "Employee ID,First Name,Last Name,Work Email,Termination Date";
    const csv =
      `${header}\n` +
      `${id},Ann,Berg,${id}-a@example.com,2099-01-01\n` + // future exit: rejected
      `${id},Ann,Berg,${id}-b@example.com,2022-03-04\n`; // the same ID: must not be created
    const run = await importCsv(csv, { commit: true });
    expect(run).toMatchObject({ createCount: 0, rejectCount: 2 });
    expect(await db.alumnus.count({ where: { hrId: id } })).toBe(0);
    const second = await db.importRow.findUniqueOrThrow({
      where: { importId_rowNumber: { importId: run.id, rowNumber: 3 } },
    });
    expect(JSON.stringify(second.errors)).toMatch(
      new RegExp(`Employee ID ${id} is also on row 2, which was rejected`),
    );
  });
});

describe("a file imported before", () => {
  it("uploading it again says when it was imported", async () => {
    const id = unique("S");
    const csv = `Employee ID,First Name,Last Name,Work Email\n${id},Ann,Berg,${id}@example.com\n`;
    const first = await importCsv(csv, { commit: true });
    expect(first.status).toBe("committed");
    expect((await getImport(first.id)).sameFile).toBeNull();
    const again = await uploadImport({ actor: hr, fileName: "again.csv", data: once(Buffer.from(csv)) });
    const step = await getMappingStep(again.id);
    expect(step.sameFile).toMatchObject({ id: first.id, committedAt: first.committedAt });
    expect((await getImport(again.id)).sameFile).toMatchObject({ id: first.id });
  });
});

describe("updates in the dry run", () => {
  it("show old -> new for each field the update would overwrite, and nothing for a hand-edited one", async () => {
    const id = unique("U");
    const header = "Employee ID,First Name,Last Name,Work Email,Job Title,Department";
    await importCsv(`${header}\n${id},Ann,Berg,${id}@example.com,Agent,Support\n`, { commit: true });
    await db.alumnus.update({
      where: { hrId: id },
      data: { department: "Care", manualEdits: { department: { at: new Date().toISOString(), by: hr.id } } },
    });
    const run = await importCsv(`${header}\n${id},Ann,Lind,${id}@example.com,Team lead,Sales\n`);
    expect(run).toMatchObject({ status: "checked", updateCount: 1, conflictCount: 1 });
    const { rows } = await listImportRows({ importId: run.id, show: "updates", page: 1 });
    expect(rows).toHaveLength(1);
    expect(rows[0].changes).toEqual({
      lastName: { old: "Berg", new: "Lind" },
      jobTitle: { old: "Agent", new: "Team lead" },
    });
  });
});

describe("the preferred name when the legal name changes", () => {
  const header = "Employee ID,First Name,Last Name,Preferred Name,Work Email";
  it("a preferred name from an earlier import is cleared when the new row changes the legal name and gives none", async () => {
    const id = unique("P");
    await importCsv(`${header}\n${id},William,Smith,Bill,${id}@example.com\n`, { commit: true });
    const run = await importCsv(`${header}\n${id},Wilhelmina,Smith,,${id}@example.com\n`);
    const { rows } = await listImportRows({ importId: run.id, show: "updates", page: 1 });
    expect(rows[0].changes).toEqual({
      firstName: { old: "William", new: "Wilhelmina" },
      preferredName: { old: "Bill", new: null },
    });
    await startImportCommit({ actor: hr, importId: run.id });
    await runJobs();
    expect(await db.alumnus.findUniqueOrThrow({ where: { hrId: id } })).toMatchObject({
      firstName: "Wilhelmina",
      preferredName: null,
    });
  });

  it("is kept when HR typed it, when the row gives one, or when the legal name does not change", async () => {
    const typed = unique("P");
    const given = unique("P");
    const same = unique("P");
    await importCsv(
      `${header}\n${typed},William,Smith,Bill,${typed}@example.com\n${given},William,Smith,Bill,${given}@example.com\n${same},William,Smith,Bill,${same}@example.com\n`,
      { commit: true },
    );
    await db.alumnus.update({
      where: { hrId: typed },
      data: {
        preferredName: "Will",
        manualEdits: { preferredName: { at: new Date().toISOString(), by: hr.id } },
      },
    });
    await importCsv(
      `${header}\n${typed},William,Jones,,${typed}@example.com\n${given},William,Jones,Liam,${given}@example.com\n${same},William,Smith,,${same}@example.com\n`,
      { commit: true },
    );
    const name = async (hrId: string) =>
      db.alumnus.findUniqueOrThrow({ where: { hrId }, select: { lastName: true, preferredName: true } });
    expect(await name(typed)).toEqual({ lastName: "Jones", preferredName: "Will" });
    expect(await name(given)).toEqual({ lastName: "Jones", preferredName: "Liam" });
    expect(await name(same)).toEqual({ lastName: "Smith", preferredName: "Bill" });
  });
});
