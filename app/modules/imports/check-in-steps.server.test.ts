import { beforeAll, describe, expect, it } from "vitest";
import { registerBackgroundWork } from "~/modules/background.server";
import { db } from "~/platform/db.server";
import { createAlumnus, createStaffUser, staffActor, unique } from "../../../test/factories";
import { runImportCheck, startImportCheck } from "./check-import.server";
import { runImportCommit, startImportCommit } from "./commit-import.server";
import { suggestMapping } from "./fields";
import { uploadImport } from "./upload-import.server";

/**
 * ADR 086: the check's whole-file rules (a repeated employee ID or work email, two rows matching
 * one person) run range by range. Steps of two rows here, so every pair of rows below sits in
 * different ranges: a rule that looked only inside its range would let the later row through.
 */

async function* once(bytes: Uint8Array) {
  yield bytes;
}

beforeAll(() => registerBackgroundWork());

describe("the import check in short steps", () => {
  it("finds a repeated employee ID, a repeated work email and the same person twice across range boundaries", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const p = unique("R");
    const e = p.toLowerCase(); // work emails are compared and stored lower-case
    // In the pool already: a row without an employee ID matches them by their work email.
    const known = await createAlumnus(db, { hrId: `${p}-9`, workEmail: `${e}-known@example.com` });
    const header = "Employee ID,First Name,Last Name,Work Email,Termination Date";
    const rows = [
      /* 2 */ `${p}-1,Ann,Berg,${e}-1a@example.com,2022-03-04`,
      /* 3 */ `${p}-2,Ben,Holm,${e}-2@example.com,2022-03-04`,
      /* 4 */ `${p}-1,Ann,Berg,${e}-1b@example.com,2022-03-04`, // row 2's ID, the next range
      /* 5 */ `${p}-3,Cai,Lund,${e}-3a@example.com,2099-01-01`, // a future exit: rejected
      /* 6 */ `${p}-4,Dag,Ek,${e}-4@example.com,2022-03-04`,
      /* 7 */ `${p}-3,Cai,Lund,${e}-3b@example.com,2022-03-04`, // row 5's ID, which was rejected
      /* 8 */ `${p}-5,Eva,Dahl,${e}-2@example.com,2022-03-04`, // row 3's work email
      /* 9 */ `${p}-9,Kim,Known,${e}-other@example.com,2022-03-04`, // the known person, by ID
      /* 10 */ `,Kim,Known,${e}-known@example.com,2022-03-04`, // the known person, by work email
      /* 11 */ `${p}-6,Fia,Nord,${e}-6@example.com,2022-03-04`,
    ];
    const up = await uploadImport({
      actor: hr,
      fileName: "ranges.csv",
      data: once(Buffer.from(`${header}\n${rows.join("\n")}\n`)),
    });
    const { jobId } = await startImportCheck({
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
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    await runImportCheck(
      { job, progress: async () => {}, signal: new AbortController().signal },
      { rows: 2 },
    );

    const staged = await db.importRow.findMany({ where: { importId: up.id }, orderBy: { rowNumber: "asc" } });
    const message = (row: (typeof staged)[number]) =>
      ((row.errors as { message: string }[] | null) ?? []).map((e) => e.message).join(" ");
    const byRow = Object.fromEntries(staged.map((row) => [row.rowNumber, [row.outcome, message(row)]]));
    expect(byRow).toEqual({
      2: ["create", ""],
      3: ["create", ""],
      4: ["rejected", `Employee ID ${p}-1 is also on row 2; only row 2 is imported.`],
      5: ["rejected", expect.stringMatching(/future/i)],
      6: ["create", ""],
      7: ["rejected", expect.stringContaining(`Employee ID ${p}-3 is also on row 5, which was rejected`)],
      8: ["rejected", "This work email is also on row 3; only row 3 is imported."],
      9: ["update", ""],
      10: [
        "rejected",
        "The same person as row 9 (matched by employee ID or work email); only row 9 is imported.",
      ],
      11: ["create", ""],
    });
    expect(staged.find((row) => row.rowNumber === 9)?.alumnusId).toBe(known.id);
    // The counts add up over the ranges.
    expect(await db.importRun.findUniqueOrThrow({ where: { id: up.id } })).toMatchObject({
      status: "checked",
      rowCount: 10,
      createCount: 4,
      updateCount: 1,
      rejectCount: 5,
    });

    // The commit, matching again in two-row steps, writes each person once.
    const commit = await startImportCommit({ actor: hr, importId: up.id });
    const commitJob = await db.job.findUniqueOrThrow({ where: { id: commit.jobId } });
    await runImportCommit(
      { job: commitJob, progress: async () => {}, signal: new AbortController().signal },
      { rows: 2 },
    );
    expect(await db.importRun.findUniqueOrThrow({ where: { id: up.id } })).toMatchObject({
      status: "committed",
      createCount: 4,
      updateCount: 1,
      rejectCount: 5,
    });
    const people = await db.alumnus.findMany({
      where: { hrId: { startsWith: `${p}-` } },
      orderBy: { hrId: "asc" },
      select: { hrId: true, workEmail: true },
    });
    expect(people).toEqual([
      { hrId: `${p}-1`, workEmail: `${e}-1a@example.com` },
      { hrId: `${p}-2`, workEmail: `${e}-2@example.com` },
      { hrId: `${p}-4`, workEmail: `${e}-4@example.com` },
      { hrId: `${p}-6`, workEmail: `${e}-6@example.com` },
      { hrId: `${p}-9`, workEmail: `${e}-other@example.com` },
    ]);
  });
});
