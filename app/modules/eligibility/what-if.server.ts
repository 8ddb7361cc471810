import { backgroundQuery, db, Prisma, type Db } from "~/platform/db.server";
import { enqueueJob, type JobContext } from "~/platform/jobs.server";
import { log } from "~/platform/logging.server";
import { evaluateEligibility } from "./evaluate";
import { getPublishedPolicy } from "./policies.server";
import { OUTCOME_SEVERITY, parseRules, type Outcome, type PolicyRules } from "./policy";
import { PAGE_SIZE, toInput, type InputRow } from "./recompute.server";
import { readStoredReasons } from "./stored-reasons";

/**
 * What-if (ADR 087): everyone evaluated under the draft's rules and compared with their stored
 * computed verdicts (overrides are left out: they stay in force whatever the policy says). Counts
 * by direction, by from -> to, and by decision, department and location; and the people
 * affected. Uses the same reading and evaluation as the recompute, so the counts equal what
 * publishing would change on the same day.
 *
 * Worked out ONCE per saved revision of the draft by a background job, which stores the counts on
 * a `WhatIfRun` and the people affected as `WhatIfChange` rows; the pages read the run of the
 * draft's current revision (never another's) and page the people in SQL.
 */
export const WHAT_IF_JOB = "eligibility.what-if";
export type Direction = "more" | "less";
export const GROUPS = ["decision", "department", "location"] as const;
export type GroupKey = (typeof GROUPS)[number];

type GroupCounts = { value: string; total: number; more: number; less: number; changed: number };
export type WhatIfSummary = {
  people: number;
  changed: number;
  more: number;
  less: number;
  matrix: { from: Outcome | null; to: Outcome; count: number }[];
  totalsNow: Record<Outcome | "none", number>;
  totalsAfter: Record<Outcome, number>;
  byGroup: Record<GroupKey, GroupCounts[]>;
};

export type WhatIfChange = {
  alumnusId: string;
  name: string;
  department: string | null;
  location: string | null;
  decision: string | null;
  from: Outcome | null;
  to: Outcome;
  direction: Direction;
  /** The draft's sentences for rules whose answer differs from the stored verdict's. */
  why: string[];
};

/** Rows of the changed people per statement; cleared runs are deleted this many rows at a time. */
const CLEAR_ROWS = 5000;

/**
 * Queues the what-if of the draft's revision, once (a second call for the same revision does
 * nothing). Inside the draft's save transaction, or from the draft page for a draft without one.
 */
export async function queueWhatIf(
  tx: Db,
  input: { policyId: string; revision: number; createdById?: string | null },
) {
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "WhatIfRun" ("id", "policyId", "revision")
    VALUES (${`wi_${input.policyId}_${input.revision}`}, ${input.policyId}, ${input.revision})
    ON CONFLICT ("policyId", "revision") DO NOTHING
    RETURNING "id"`;
  if (!inserted.length) return null;
  const total = await tx.alumnus.count();
  const job = await enqueueJob(tx, {
    kind: WHAT_IF_JOB,
    payload: { runId: inserted[0].id },
    createdById: input.createdById,
    total,
  });
  await tx.whatIfRun.update({ where: { id: inserted[0].id }, data: { jobId: job.id } });
  return { runId: inserted[0].id, jobId: job.id };
}

/** A person as the what-if reads them: the evaluation's input, who they are, their stored verdict. */
type Packed = [
  ...[string, string | null, string | null, string | null, string | null, boolean, boolean, string],
  [string, string | null][] | null,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  Outcome | null,
  unknown,
];

/** One keyset page as ONE json value (see recompute.server's readPage: far faster than rows). */
const READ_PAGE = `
  WITH page AS (
    SELECT a."id", a."exitDate", a."hireDate", a."exitReason", a."hrRehireFlag", a."doNotRehire", a."legalHold",
      a."consentReturn", a."firstName", a."lastName", a."preferredName", a."department", a."location", a."decisionId"
    FROM "Alumnus" a WHERE a."id" > $1 ORDER BY a."id" LIMIT $2
  ),
  periods AS (
    SELECT p."alumnusId", json_agg(json_build_array(p."startDate", p."endDate") ORDER BY p."startDate") AS "periods"
    FROM "EmploymentPeriod" p WHERE p."alumnusId" > $1 AND p."alumnusId" <= (SELECT max("id") FROM page)
    GROUP BY p."alumnusId"
  )
  SELECT json_agg(json_build_array(a."id", a."exitDate", a."hireDate", a."exitReason", a."hrRehireFlag", a."doNotRehire",
      a."legalHold", a."consentReturn", pr."periods", a."firstName", a."lastName", a."preferredName", a."department",
      a."location", d."title", v."outcome", v."reasons") ORDER BY a."id")::text AS "page",
    max(a."id") AS "last"
  FROM page a
  LEFT JOIN periods pr ON pr."alumnusId" = a."id"
  LEFT JOIN "EligibilityVerdict" v ON v."alumnusId" = a."id"
  LEFT JOIN "WorkforceDecision" d ON d."id" = a."decisionId"`;

const WRITE_CHANGES = `
  INSERT INTO "WhatIfChange" ("runId", "alumnusId", "name", "sortKey", "department", "location", "decision",
    "fromOutcome", "toOutcome", "direction", "why")
  SELECT $1, x.a, x.n, lower(x.n), x.dp, x.lo, x.de, x.f::"EligibilityOutcome", x.t::"EligibilityOutcome", x.di, x.w
  FROM jsonb_to_recordset($2::jsonb) AS x(a text, n text, dp text, lo text, de text, f text, t text, di text, w jsonb)
  -- a person erased since their page was read is not written back
  WHERE EXISTS (SELECT 1 FROM "Alumnus" p WHERE p."id" = x.a)
  ON CONFLICT DO NOTHING`;

/** Adds people up as they are evaluated; `changes` holds the current page's affected people. */
export class WhatIfTally {
  people = 0;
  more = 0;
  less = 0;
  private matrix: Record<string, number> = {};
  private totalsNow: Record<Outcome | "none", number> = {
    eligible: 0,
    needs_review: 0,
    not_eligible: 0,
    none: 0,
  };
  private totalsAfter: Record<Outcome, number> = { eligible: 0, needs_review: 0, not_eligible: 0 };
  private groups: Record<GroupKey, Map<string, { total: number; more: number; less: number }>> = {
    decision: new Map(),
    department: new Map(),
    location: new Map(),
  };

  constructor(
    private policy: { rules: PolicyRules; version: number },
    private now: Date,
  ) {}

  /** Evaluates one page (its json text as READ_PAGE sends it); returns the people it would change. */
  addPage(text: string | null): WhatIfChange[] {
    if (!text) return [];
    const changes: WhatIfChange[] = [];
    for (const p of JSON.parse(text) as Packed[]) {
      const input: InputRow = {
        id: p[0],
        exitDate: p[1],
        hireDate: p[2],
        exitReason: p[3],
        hrRehireFlag: p[4],
        doNotRehire: p[5],
        legalHold: p[6],
        consentReturn: p[7],
        periods: p[8],
      };
      const [firstName, lastName, preferredName, department, location, decision, current, reasons] = p.slice(
        9,
      ) as [
        string,
        string,
        string | null,
        string | null,
        string | null,
        string | null,
        Outcome | null,
        unknown,
      ];
      this.people++;
      const result = evaluateEligibility(toInput(input), this.policy, this.now);
      this.totalsNow[current ?? "none"]++;
      this.totalsAfter[result.outcome]++;
      const keys: Record<GroupKey, string> = {
        decision: decision ?? "",
        department: department ?? "",
        location: location ?? "",
      };
      const changed = current !== result.outcome;
      const direction: Direction =
        current && OUTCOME_SEVERITY[result.outcome] > OUTCOME_SEVERITY[current] ? "less" : "more";
      for (const g of GROUPS) {
        const entry = this.groups[g].get(keys[g]) ?? { total: 0, more: 0, less: 0 };
        entry.total++;
        if (changed) entry[direction]++;
        this.groups[g].set(keys[g], entry);
      }
      if (!changed) continue;
      this[direction]++;
      const key = `${current ?? "none"}->${result.outcome}`;
      this.matrix[key] = (this.matrix[key] ?? 0) + 1;
      const previous = new Map(readStoredReasons(reasons).map((r) => [r.rule, r.outcome]));
      changes.push({
        alumnusId: input.id,
        name: `${preferredName || firstName} ${lastName}`,
        department,
        location,
        decision,
        from: current,
        to: result.outcome,
        direction,
        why: result.reasons.filter((r) => previous.get(r.rule) !== r.outcome).map((r) => r.sentence),
      });
    }
    return changes;
  }

  summary(): WhatIfSummary {
    const byGroup = Object.fromEntries(
      GROUPS.map((g) => [
        g,
        [...this.groups[g].entries()]
          .map(([value, counts]) => ({ value, ...counts, changed: counts.more + counts.less }))
          .filter((e) => e.changed > 0)
          .sort((a, b) => b.changed - a.changed || a.value.localeCompare(b.value)),
      ]),
    ) as Record<GroupKey, GroupCounts[]>;
    return {
      people: this.people,
      changed: this.more + this.less,
      more: this.more,
      less: this.less,
      matrix: Object.entries(this.matrix)
        .map(([key, count]) => {
          const [from, to] = key.split("->");
          return { from: from === "none" ? null : (from as Outcome), to: to as Outcome, count };
        })
        .sort((a, b) => b.count - a.count),
      totalsNow: this.totalsNow,
      totalsAfter: this.totalsAfter,
      byGroup,
    };
  }
}

const changePayload = (changes: WhatIfChange[]) =>
  JSON.stringify(
    changes.map((c) => ({
      a: c.alumnusId,
      n: c.name,
      dp: c.department ?? "",
      lo: c.location ?? "",
      de: c.decision ?? "",
      f: c.from,
      t: c.to,
      di: c.direction,
      w: c.why,
    })),
  );

/** The draft's rules when `revision` is still its current one (null: saved again, published or discarded). */
async function draftAt(policyId: string, revision: number) {
  const [row] = await backgroundQuery<{ rules: unknown; revision: number }>(
    `SELECT "rules", "revision" FROM "EligibilityPolicy" WHERE "id" = $1 AND "status" = 'draft'`,
    [policyId],
  );
  return row && row.revision === revision ? parseRules(row.rules) : null;
}

/** Deletes a run's people a few thousand rows per statement (the embedded database serves requests between them). */
async function clearChanges(runId: string) {
  for (;;) {
    const [{ n }] = await backgroundQuery<{ n: number }>(
      `WITH gone AS (
         DELETE FROM "WhatIfChange" WHERE ("runId", "alumnusId") IN (
           SELECT "runId", "alumnusId" FROM "WhatIfChange" WHERE "runId" = $1 LIMIT $2)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [runId, CLEAR_ROWS],
    );
    if (n < CLEAR_ROWS) return;
  }
}

/** Runs other than the current draft's revision: superseded revisions, published or discarded drafts. */
async function clearOldRuns(keep: string) {
  const old = await backgroundQuery<{ id: string }>(
    `SELECT r."id" FROM "WhatIfRun" r WHERE r."id" <> $1 AND NOT EXISTS (
       SELECT 1 FROM "EligibilityPolicy" p WHERE p."id" = r."policyId" AND p."status" = 'draft' AND p."revision" = r."revision")`,
    [keep],
  );
  for (const { id } of old) {
    await clearChanges(id);
    await backgroundQuery(`DELETE FROM "WhatIfRun" WHERE "id" = $1`, [id]);
  }
}

/**
 * Works out one run: everyone in keyset pages, each page its own statements (no transaction), the
 * people affected written as they are found. Stops as soon as the draft is saved again, published
 * or discarded; a retried job starts over.
 */
export async function computeWhatIf(options: {
  runId: string;
  now?: Date;
  pageSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => Promise<void>;
}): Promise<{ status: "done" | "superseded" | "missing"; summary?: WhatIfSummary }> {
  const run = await db.whatIfRun.findUnique({
    where: { id: options.runId },
    select: { id: true, policyId: true, revision: true },
  });
  if (!run) return { status: "missing" };
  const superseded = async () => {
    await db.whatIfRun.updateMany({ where: { id: run.id }, data: { status: "superseded" } });
    return { status: "superseded" as const };
  };
  const rules = await draftAt(run.policyId, run.revision);
  if (!rules) return superseded();
  await db.whatIfRun.update({ where: { id: run.id }, data: { status: "running" } });
  await clearOldRuns(run.id);
  await clearChanges(run.id);
  const published = await getPublishedPolicy(db);
  const tally = new WhatIfTally({ rules, version: (published?.version ?? 0) + 1 }, options.now ?? new Date());
  const total = await db.alumnus.count();
  const pageSize = options.pageSize ?? PAGE_SIZE;
  let after = "";
  for (let pages = 1; ; pages++) {
    if (options.signal?.aborted) throw new Error("The what-if was stopped.");
    const [{ page, last }] = await backgroundQuery<{ page: string | null; last: string | null }>(READ_PAGE, [
      after,
      pageSize,
    ]);
    if (last === null) break;
    after = last;
    const changes = tally.addPage(page);
    if (changes.length) {
      try {
        await backgroundQuery(WRITE_CHANGES, [run.id, changePayload(changes)]);
      } catch (error) {
        // 23503: the run was cleared by the job of a newer revision.
        if ((error as { code?: string }).code === "23503") return { status: "superseded" };
        throw error;
      }
    }
    await options.onProgress?.(Math.min(tally.people, total), Math.max(total, tally.people));
    // Saved again meanwhile: this revision's numbers would never be shown.
    if (pages % 10 === 0 && !(await draftAt(run.policyId, run.revision))) return superseded();
  }
  const summary = tally.summary();
  // Stored only while the revision is still the draft's (one statement: a save in between wins).
  const stored = await backgroundQuery<{ id: string }>(
    `UPDATE "WhatIfRun" r SET "status" = 'done', "people" = $2, "changed" = $3, "more" = $4, "less" = $5,
       "summary" = $6::jsonb, "computedAt" = now()
     WHERE r."id" = $1 AND EXISTS (SELECT 1 FROM "EligibilityPolicy" p
       WHERE p."id" = r."policyId" AND p."status" = 'draft' AND p."revision" = r."revision")
     RETURNING r."id"`,
    [run.id, summary.people, summary.changed, summary.more, summary.less, JSON.stringify(summary)],
  );
  if (!stored.length) return superseded();
  return { status: "done", summary };
}

/** The job handler. */
export async function runWhatIfJob(context: JobContext) {
  const { runId } = context.job.payload as { runId?: string };
  if (!runId) return "Nothing to work out.";
  const started = performance.now();
  const result = await computeWhatIf({
    runId,
    signal: context.signal,
    onProgress: (done, total) => context.progress(done, total, `Evaluated ${done} of ${total} people.`),
  });
  if (result.status !== "done") return "The draft changed since; its newer revision has its own what-if.";
  await context.progress(result.summary!.people, result.summary!.people);
  log.info("what-if worked out", { runId, ms: Math.round(performance.now() - started) });
  return `Evaluated ${result.summary!.people} people under the draft; ${result.summary!.changed} verdicts would change.`;
}

export type WhatIfState =
  | { state: "none" }
  | { state: "working"; percent: number; done: number; total: number }
  | { state: "failed"; message: string }
  | { state: "ready"; runId: string; summary: WhatIfSummary; computedAt: string };

/**
 * The what-if of the draft's CURRENT revision as a page shows it: still being worked out (with
 * its progress), failed, or ready. Never another revision's numbers. A draft without a run (saved
 * before runs existed) has one queued here.
 */
export async function getWhatIfState(
  tx: Db,
  draft: { id: string; revision: number } | null,
): Promise<WhatIfState> {
  if (!draft) return { state: "none" };
  const findRun = () =>
    tx.whatIfRun.findUnique({
      where: { policyId_revision: { policyId: draft.id, revision: draft.revision } },
      select: { id: true, status: true, jobId: true, summary: true, computedAt: true },
    });
  let run = await findRun();
  if (!run) {
    await queueWhatIf(tx, { policyId: draft.id, revision: draft.revision });
    run = await findRun();
  }
  if (run?.status === "done" && run.summary && run.computedAt)
    return {
      state: "ready",
      runId: run.id,
      summary: run.summary as unknown as WhatIfSummary,
      computedAt: run.computedAt.toISOString(),
    };
  const job = run?.jobId
    ? await tx.job.findUnique({
        where: { id: run.jobId },
        select: { status: true, progress: true, total: true, lastError: true },
      })
    : null;
  if (job?.status === "failed" || job?.status === "cancelled")
    return {
      state: "failed",
      message: "The what-if could not be worked out. Save the draft again to try once more.",
    };
  const total = job?.total ?? 0;
  const done = Math.min(job?.progress ?? 0, total);
  return {
    state: "working",
    done,
    total,
    percent: total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0,
  };
}

type ChangeRow = {
  alumnusId: string;
  name: string;
  department: string;
  location: string;
  decision: string;
  fromOutcome: Outcome | null;
  toOutcome: Outcome;
  direction: string;
  why: unknown;
};
const toChange = (r: ChangeRow): WhatIfChange => ({
  alumnusId: r.alumnusId,
  name: r.name,
  department: r.department || null,
  location: r.location || null,
  decision: r.decision || null,
  from: r.fromOutcome,
  to: r.toOutcome,
  direction: r.direction as Direction,
  why: Array.isArray(r.why) ? (r.why as string[]) : [],
});

const GROUP_COLUMN: Record<GroupKey, Prisma.Sql> = {
  decision: Prisma.sql`"decision"`,
  department: Prisma.sql`"department"`,
  location: Prisma.sql`"location"`,
};

/** How many of a run's people a filter selects, from the stored counts (no counting query). */
function countOf(
  summary: WhatIfSummary,
  input: { direction?: Direction; group?: GroupKey; value?: string },
): number {
  if (input.group && input.value !== undefined) {
    const entry = summary.byGroup[input.group].find((e) => e.value === input.value);
    if (!entry) return 0;
    return input.direction ? entry[input.direction] : entry.changed;
  }
  return input.direction ? summary[input.direction] : summary.changed;
}

/** One page of a run's affected people, by name, filtered by direction and group: LIMIT/OFFSET in SQL. */
export async function pageOfChanges(
  tx: Db,
  run: { runId: string; summary: WhatIfSummary },
  input: { page: number; pageSize: number; direction?: Direction; group?: GroupKey; value?: string },
) {
  const total = countOf(run.summary, input);
  const pageCount = Math.max(1, Math.ceil(total / input.pageSize));
  const page = Math.min(Math.max(1, input.page), pageCount);
  const conditions = [Prisma.sql`"runId" = ${run.runId}`];
  if (input.direction) conditions.push(Prisma.sql`"direction" = ${input.direction}`);
  if (input.group && input.value !== undefined)
    conditions.push(Prisma.sql`${GROUP_COLUMN[input.group]} = ${input.value}`);
  const rows =
    total === 0
      ? []
      : await tx.$queryRaw<ChangeRow[]>`
          SELECT "alumnusId", "name", "department", "location", "decision", "fromOutcome"::text AS "fromOutcome",
            "toOutcome"::text AS "toOutcome", "direction", "why"
          FROM "WhatIfChange" WHERE ${Prisma.join(conditions, " AND ")}
          ORDER BY "sortKey", "alumnusId"
          LIMIT ${input.pageSize} OFFSET ${(page - 1) * input.pageSize}`;
  return { total, page, pageCount, items: rows.map(toChange) };
}
