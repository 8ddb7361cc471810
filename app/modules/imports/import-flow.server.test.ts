import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { registerBackgroundWork } from "~/modules/background.server";
import { publishInitialPolicy } from "~/modules/eligibility/publish-policy.server";
import { RECOMPUTE_JOB } from "~/modules/eligibility/recompute.server";
import { db } from "~/platform/db.server";
import { runNextJob } from "~/platform/jobs.server";
import { createStaffUser, staffActor } from "../../../test/factories";
import { startImportCheck, IMPORT_CHECK_JOB } from "./check-import.server";
import { startImportCommit, IMPORT_COMMIT_JOB } from "./commit-import.server";
import { suggestMapping } from "./fields";
import { giveUpImportJob } from "./import-jobs.server";
import type { ImportSettings } from "./schemas";
import { uploadImport } from "./upload-import.server";

const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, "../../../test/fixtures", name));
async function* once(bytes: Uint8Array) {
  yield bytes;
}

beforeAll(() => registerBackgroundWork());

async function runJobs() {
  while (await runNextJob({ kinds: [IMPORT_CHECK_JOB, IMPORT_COMMIT_JOB] }));
}

describe("import flow", () => {
  it("imports the Workday sample, then the same file again changes nothing", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const bytes = fixture("workday-terminations-sample.csv");
    const up = await uploadImport({ actor: hr, fileName: "workday.csv", data: once(bytes) });
    expect(up.delimiter).toBe(",");
    const settings: ImportSettings = {
      system: "workday",
      columns: suggestMapping(up.headers),
      dateFormat: "us",
      reasonOverrides: {},
      decisionId: null,
    };
    await startImportCheck({ actor: hr, importId: up.id, settings });
    await runJobs();
    const checked = await db.importRun.findUniqueOrThrow({ where: { id: up.id } });
    expect(checked.error).toBeNull();
    expect(checked.status).toBe("checked");
    await startImportCommit({ actor: hr, importId: up.id });
    await runJobs();
    const committed = await db.importRun.findUniqueOrThrow({ where: { id: up.id } });
    expect(committed.status).toBe("committed");
    const again = await uploadImport({ actor: hr, fileName: "workday.csv", data: once(bytes) });
    await startImportCheck({ actor: hr, importId: again.id, settings });
    await runJobs();
    await startImportCommit({ actor: hr, importId: again.id });
    await runJobs();
    const second = await db.importRun.findUniqueOrThrow({ where: { id: again.id } });
    expect(second).toMatchObject({
      status: "committed",
      createCount: 0,
      updateCount: 0,
      unchangedCount: committed.createCount,
    });
  });

  it("a commit classifies against the pool as it is then: people who arrived after the dry run are updated or refused, not created twice", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const csv =
      "Employee ID,Legal Name,Primary Work Email,Hire Date,Termination Date,Primary Termination Reason\n" +
      "C700001,Ingrid Berg,ingrid.berg@example.com,03/01/2018,05/31/2022,Position Eliminated\n" +
      "C700002,Yusuf Okafor,yusuf.okafor@example.com,03/01/2018,05/31/2022,Position Eliminated\n" +
      "C700003,Priya Nilsson,priya.nilsson@example.com,03/01/2018,05/31/2022,Position Eliminated\n";
    const up = await uploadImport({ actor: hr, fileName: "three.csv", data: once(Buffer.from(csv)) });
    await startImportCheck({
      actor: hr,
      importId: up.id,
      settings: {
        system: "workday",
        columns: suggestMapping(up.headers),
        dateFormat: "us",
        reasonOverrides: {},
        decisionId: null,
      },
    });
    await runJobs();
    expect(await db.importRun.findUniqueOrThrow({ where: { id: up.id } })).toMatchObject({
      status: "checked",
      createCount: 3,
    });
    // Meanwhile: the first person arrives with the same employee ID, and someone else takes the
    // third person's work email.
    await db.alumnus.create({
      data: { hrId: "C700001", firstName: "Ingrid", lastName: "Berg", jobTitle: "Agent" },
    });
    await db.alumnus.create({
      data: { hrId: "X1", firstName: "Other", lastName: "Person", workEmail: "priya.nilsson@example.com" },
    });
    await startImportCommit({ actor: hr, importId: up.id });
    await runJobs();
    expect(await db.importRun.findUniqueOrThrow({ where: { id: up.id } })).toMatchObject({
      status: "committed",
      createCount: 1,
      updateCount: 1,
      rejectCount: 1,
    });
    expect(await db.alumnus.count({ where: { hrId: "C700001" } })).toBe(1);
    expect(await db.alumnus.findUniqueOrThrow({ where: { hrId: "C700001" } })).toMatchObject({
      workEmail: "ingrid.berg@example.com",
    });
    expect(await db.alumnus.count({ where: { hrId: "C700002" } })).toBe(1);
    expect(await db.alumnus.count({ where: { hrId: "C700003" } })).toBe(0);
    const refused = await db.importRow.findFirstOrThrow({ where: { importId: up.id, hrId: "C700003" } });
    expect(refused.outcome).toBe("rejected");
    expect(JSON.stringify(refused.errors)).toMatch(/already belongs to another person/);
  });

  it("gives imported people a rehire verdict under the published policy once the commit lands", async () => {
    await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const csv =
      "Employee ID,Legal Name,Primary Work Email,Hire Date,Termination Date,Primary Termination Reason\nV900001,Maja Lindqvist,maja.lindqvist@example.com,03/01/2018,05/31/2022,Position Eliminated\nV900002,Omar Haddad,omar.haddad@example.com,03/01/2018,05/31/2022,Misconduct\n";
    const up = await uploadImport({ actor: hr, fileName: "two.csv", data: once(Buffer.from(csv)) });
    await startImportCheck({
      actor: hr,
      importId: up.id,
      settings: {
        system: "workday",
        columns: suggestMapping(up.headers),
        dateFormat: "us",
        reasonOverrides: {},
        decisionId: null,
      },
    });
    await runJobs();
    await startImportCommit({ actor: hr, importId: up.id });
    await runJobs();
    expect(await db.importRun.findUniqueOrThrow({ where: { id: up.id } })).toMatchObject({
      status: "committed",
      createCount: 2,
    });
    const people = await db.alumnus.findMany({
      where: { hrId: { in: ["V900001", "V900002"] } },
      select: { hrId: true, eligibilityVerdict: { select: { outcome: true } } },
    });
    expect(people.every((p) => p.eligibilityVerdict === null)).toBe(true); // not yet: the re-evaluation is queued
    while (await runNextJob({ kinds: [RECOMPUTE_JOB] }));
    const after = await db.alumnus.findMany({
      where: { hrId: { in: ["V900001", "V900002"] } },
      select: { hrId: true, exitReason: true, eligibilityVerdict: { select: { outcome: true } } },
      orderBy: { hrId: "asc" },
    });
    expect(after.map((p) => [p.hrId, p.exitReason, p.eligibilityVerdict?.outcome])).toEqual([
      ["V900001", "position_eliminated", "eligible"],
      ["V900002", "conduct", "not_eligible"],
    ]);
  });

  it("an import job given up for good (its process died on every attempt) leaves the import in a state HR can act on", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const csv =
      "Employee ID,Legal Name,Primary Work Email,Hire Date,Termination Date,Primary Termination Reason\nG900001,Ada Berg,ada.berg@example.com,03/01/2018,05/31/2022,Position Eliminated\n";
    const up = await uploadImport({ actor: hr, fileName: "give-up.csv", data: once(Buffer.from(csv)) });
    const settings: ImportSettings = {
      system: "workday",
      columns: suggestMapping(up.headers),
      dateFormat: "us",
      reasonOverrides: {},
      decisionId: null,
    };
    const check = await startImportCheck({ actor: hr, importId: up.id, settings });
    const checkJob = await db.job.findUniqueOrThrow({ where: { id: check.jobId } });
    await giveUpImportJob(checkJob, "The job's process was stopped (SIGKILL).");
    const invalid = await db.importRun.findUniqueOrThrow({ where: { id: up.id } });
    expect(invalid.status).toBe("invalid");
    expect(invalid.error).toMatch(
      /^The check stopped before it finished, so nothing was written\. Check the file again/,
    );

    await startImportCheck({ actor: hr, importId: up.id, settings });
    await runJobs();
    const commit = await startImportCommit({ actor: hr, importId: up.id });
    const commitJob = await db.job.findUniqueOrThrow({ where: { id: commit.jobId } });
    await giveUpImportJob(commitJob, "The job's process ran out of memory and stopped.");
    const failed = await db.importRun.findUniqueOrThrow({ where: { id: up.id } });
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/nothing from it was written/);
    expect(await db.alumnus.count({ where: { hrId: "G900001" } })).toBe(0);
    const events = await db.auditEvent.findMany({
      where: { entityId: up.id, action: "import.failed" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => (e.after as { stage: string }).stage)).toEqual(["check", "commit"]);
    // HR commits again and it lands.
    await startImportCommit({ actor: hr, importId: up.id });
    await runJobs();
    expect(await db.importRun.findUniqueOrThrow({ where: { id: up.id } })).toMatchObject({
      status: "committed",
      createCount: 1,
    });
  });
});
