import { beforeAll, describe, expect, it } from "vitest";
import { registerBackgroundWork } from "~/modules/background.server";
import { db } from "~/platform/db.server";
import { runNextJob, type JobContext } from "~/platform/jobs.server";
import { createStaffUser, staffActor } from "../../../test/factories";
import { startImportCheck, IMPORT_CHECK_JOB } from "./check-import.server";
import { runImportCommit, startImportCommit } from "./commit-import.server";
import { suggestMapping } from "./fields";
import { uploadImport } from "./upload-import.server";

/** ADR 073: the commit runs in short steps, answers other requests meanwhile, and a failure takes back what it wrote. */

const HEADER =
  "Employee ID,Legal Name,Primary Work Email,Hire Date,Termination Date,Primary Termination Reason,Job Title\n";
const line = (id: string, name: string, hire: string, title: string) =>
  `${id},${name},${id.toLowerCase()}@example.com,${hire},05/31/2022,Position Eliminated,${title}\n`;

async function* once(bytes: Uint8Array) {
  yield bytes;
}

beforeAll(() => registerBackgroundWork());

type Hr = ReturnType<typeof staffActor>;

async function checked(hr: Hr, csv: string) {
  const up = await uploadImport({ actor: hr, fileName: "steps.csv", data: once(Buffer.from(csv)) });
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
  while (await runNextJob({ kinds: [IMPORT_CHECK_JOB] }));
  expect((await db.importRun.findUniqueOrThrow({ where: { id: up.id } })).status).toBe("checked");
  return up.id;
}

/** Starts the commit and returns a context to run its job here, with the given options. */
async function commitContext(hr: Hr, importId: string): Promise<JobContext> {
  const { jobId } = await startImportCommit({ actor: hr, importId });
  const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
  return { job, progress: async () => {}, signal: new AbortController().signal };
}

/** What people see of a group of people: their fields and employment periods. */
async function pool(prefix: string) {
  const people = await db.alumnus.findMany({
    where: { hrId: { startsWith: prefix } },
    orderBy: { hrId: "asc" },
    select: {
      hrId: true,
      firstName: true,
      lastName: true,
      jobTitle: true,
      searchText: true,
      lastImportId: true,
      employmentPeriods: {
        orderBy: { startDate: "asc" },
        select: { startDate: true, endDate: true, jobTitle: true },
      },
    },
  });
  return people;
}

describe("the import commit in short steps", () => {
  it("a commit that fails midway takes back what it wrote: nothing of it is left in the pool", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const first = await checked(
      hr,
      HEADER +
        line("S100001", "Ada Berg", "03/01/2018", "Agent") +
        line("S100002", "Ben Holm", "03/01/2018", "Agent") +
        line("S100003", "Cai Lund", "03/01/2018", "Agent"),
    );
    await runImportCommit(await commitContext(hr, first));
    const before = await pool("S1000");
    expect(before).toHaveLength(3);

    // Updates (a new title, a renamed person, a second employment period) and six new people.
    let csv =
      HEADER +
      line("S100001", "Ada Berg", "03/01/2018", "Senior agent") +
      line("S100002", "Ben Strand", "03/01/2018", "Agent") +
      line("S100003", "Cai Lund", "01/01/2020", "Lead");
    for (let i = 4; i <= 9; i++) csv += line(`S10000${i}`, `Person Number${i}`, "03/01/2019", "Clerk");
    const second = await checked(hr, csv);
    let writtenMidway = 0;
    const result = await runImportCommit(await commitContext(hr, second), {
      rows: 2,
      beforeWrite: async (range) => {
        if (range.from < 8) return;
        // Three ranges are in the pool by now (and visible); the fourth fails.
        writtenMidway = await db.alumnus.count({ where: { hrId: { startsWith: "S1000" } } });
        throw new Error("disk full");
      },
    });
    expect(result).toMatch(/nothing was written/);
    expect(writtenMidway).toBeGreaterThan(3);
    const run = await db.importRun.findUniqueOrThrow({ where: { id: second } });
    expect(run).toMatchObject({ status: "failed", commitPhase: null, appliedThrough: null });
    expect(run.error).toMatch(/nothing from it was written/);
    expect(await pool("S1000")).toEqual(before);
    expect(await db.importRow.count({ where: { importId: second, before: { not: null as never } } })).toBe(0);

    // Committed again, it lands whole.
    await runImportCommit(await commitContext(hr, second), { rows: 2 });
    expect(await db.importRun.findUniqueOrThrow({ where: { id: second } })).toMatchObject({
      status: "committed",
      createCount: 6,
    });
    const after = await pool("S1000");
    expect(after).toHaveLength(9);
    expect(after.find((p) => p.hrId === "S100002")?.lastName).toBe("Strand");
    expect(after.find((p) => p.hrId === "S100003")?.employmentPeriods).toHaveLength(2);
  });

  it("a field HR changed by hand while the commit ran keeps HR's value when the commit is taken back", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const first = await checked(hr, HEADER + line("S200001", "Dag Ek", "03/01/2018", "Agent"));
    await runImportCommit(await commitContext(hr, first));
    const second = await checked(
      hr,
      HEADER +
        line("S200001", "Dag Ek", "03/01/2018", "Manager") +
        line("S200002", "Eva Ek", "03/01/2018", "Clerk"),
    );
    await runImportCommit(await commitContext(hr, second), {
      rows: 1,
      beforeWrite: async (range) => {
        if (range.from < 3) return;
        await db.alumnus.update({
          where: { hrId: "S200001" },
          data: { lastName: "Eklund", manualEdits: { lastName: { at: new Date().toISOString(), by: "hr" } } },
        });
        throw new Error("connection reset");
      },
    });
    const dag = await db.alumnus.findUniqueOrThrow({ where: { hrId: "S200001" } });
    expect(dag).toMatchObject({ lastName: "Eklund", jobTitle: "Agent", lastImportId: first });
    expect(await db.alumnus.count({ where: { hrId: "S200002" } })).toBe(0);
  });

  it("other requests are answered while a long commit runs, and see it move", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    let csv = HEADER;
    for (let i = 0; i < 800; i++)
      csv += line(`S3${String(i).padStart(5, "0")}`, `Pat Number${i}`, "03/01/2018", "Agent");
    const importId = await checked(hr, csv);
    const context = await commitContext(hr, importId);
    let running = true;
    const seen: { ms: number; phase: string | null; through: number | null }[] = [];
    const reader = (async () => {
      while (running) {
        const t = performance.now();
        const [row] = await db.$queryRaw<{ commitPhase: string | null; appliedThrough: number | null }[]>`
          SELECT "commitPhase", "appliedThrough" FROM "ImportRun" WHERE "id" = ${importId}`;
        await db.alumnus.count({ where: { hrId: { startsWith: "S3" } } });
        seen.push({ ms: performance.now() - t, phase: row.commitPhase, through: row.appliedThrough });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await runImportCommit(context, { rows: 100 });
    running = false;
    await reader;
    expect(await db.alumnus.count({ where: { hrId: { startsWith: "S3" } } })).toBe(800);
    // Answered during the matching and between the written ranges, not only before and after.
    expect(seen.some((s) => s.phase === "matching")).toBe(true);
    const midway = seen.filter((s) => s.phase === "applying" && s.through! > 1 && s.through! < 801);
    expect(midway.length).toBeGreaterThan(2);
    // No read waited for the whole commit (it takes many seconds here; a step is a fraction of one).
    expect(Math.max(...seen.map((s) => s.ms))).toBeLessThan(5000);
  });
});
