import { parse, CsvError } from "csv-parse";
import { alumnusSearchText } from "~/modules/alumni/search-text";
import { recordAudit } from "~/platform/audit.server";
import type { StaffUser } from "~/platform/auth.server";
import pg from "pg";
import { db, Prisma } from "~/platform/db.server";
import { BACKGROUND_APPLICATION } from "~/platform/db/session-queue.server";
import { databaseUrl } from "~/platform/env.server";
import { AppError, conflict, notFound } from "~/platform/errors";
import { enqueueJob, type JobContext } from "~/platform/jobs.server";
import { log } from "~/platform/logging.server";
import { classifyImportRows, countOutcomes } from "./classify-import.server";
import { decoderFor, MAX_RECORD_BYTES, type Encoding } from "./detect.server";
import {
  FIELD_LABEL,
  IMPORT_FIELD_KEYS,
  mappingProblems,
  type ColumnMapping,
  type ImportField,
} from "./fields";
import {
  createRowSchema,
  rowIdentity,
  rowProblems,
  type RowIdentity,
  type RowInput,
  type RowValues,
} from "./row-schema";
import type { ImportSettings } from "./schemas";
import { readImportFile } from "./upload-import.server";
import { StepSizer } from "~/platform/step-size";

export const IMPORT_CHECK_JOB = "import.check";
/**
 * Rows staged per statement, sized by time (ADR 089): 2,000-row inserts held the embedded
 * database 0.6-1.2 s each at 100,000 rows on a loaded machine (ADR 086); each insert now aims at
 * STAGE_TARGET_MS, from 500 rows, between 100 and 2,000.
 */
const STAGE_TARGET_MS = 150;
const stageSizer = () => new StepSizer({ start: 500, min: 100, max: 2000, targetMs: STAGE_TARGET_MS });
/** A batch is also written once its rows hold this many characters, so wide rows cannot fill the capped heap. */
const BATCH_CHARS = 2 * 1024 * 1024;

/**
 * Starts the dry run of an uploaded file with a mapping: a background job reads the whole file,
 * validates every row with the row schema, stages the results and counts what a commit would
 * do. Nothing in the alumni pool changes.
 */
export async function startImportCheck(options: {
  actor: StaffUser;
  importId: string;
  settings: ImportSettings;
  mappingId?: string | null;
  mappingName?: string | null;
}) {
  const { actor, importId, settings } = options;
  return db.$transaction(async (tx) => {
    const run = await tx.importRun.findUnique({
      where: { id: importId },
      select: { id: true, status: true, headers: true },
    });
    if (!run) throw notFound("That import");
    if (!["uploaded", "checked", "invalid", "failed"].includes(run.status)) {
      throw conflict(
        run.status === "committed"
          ? "This import is already committed. Upload the file again to import it anew."
          : "This import is busy being checked or committed. Wait for it to finish.",
      );
    }
    const problems = mappingProblems(settings.columns, run.headers);
    if (problems.length)
      throw new AppError("validation", problems.join(" "), { fieldErrors: { _form: problems } });
    if (settings.decisionId) {
      const decision = await tx.workforceDecision.findUnique({
        where: { id: settings.decisionId },
        select: { id: true },
      });
      if (!decision)
        throw new AppError("validation", "That workforce decision no longer exists. Choose another one.", {
          fieldErrors: { decisionId: ["Choose a workforce decision from the list."] },
        });
    }
    const job = await enqueueJob(tx, {
      kind: IMPORT_CHECK_JOB,
      payload: { importId },
      createdById: actor.id,
    });
    const updated = await tx.importRun.updateMany({
      where: { id: importId, status: run.status },
      data: {
        status: "checking",
        jobId: job.id,
        settings: settings as unknown as Prisma.InputJsonValue,
        mappingId: options.mappingId ?? null,
        mappingName: options.mappingName ?? null,
        decisionId: settings.decisionId,
        error: null,
        checkedAt: null,
      },
    });
    if (updated.count !== 1)
      throw conflict("Someone else started this import at the same moment. Reload the page.");
    return { jobId: job.id };
  });
}

type Staged = {
  rowNumber: number;
  /** A valid row is staged as a create with a new id (ADR 089); matching turns it into an update. */
  outcome: "create" | "rejected";
  errors: unknown;
  values: RowValues | null;
  /** A rejected row: who it is about, as read from the file. */
  identity: RowIdentity | null;
  searchText: string | null;
};

const toDate = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

const STAGE_SQL = `
  INSERT INTO "ImportRow" ("importId", "rowNumber", "outcome", "errors", "hrId", "workEmail", "personalEmail", "firstName", "lastName",
    "preferredName", "jobTitle", "department", "location", "hireDate", "exitDate", "exitReason", "exitReasonRaw", "regrettable",
    "hrRehireFlag", "managerName", "decisionId", "searchText", "warnings", "alumnusId")
  SELECT $1, t.n, t.o, t.e::jsonb, t.hr, t.we, t.pe, t.fn, t.ln, t.pn, t.jt, t.dp, t.lo, t.hd::date, t.ed::date,
    t.er::"ExitReason", t.err, t.rg::boolean, t.rf::"RehireFlag", t.mn, t.di, t.st, t.w::jsonb,
    CASE WHEN t.o = 'create' THEN gen_random_uuid()::text END
  FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
    $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[],
    $23::text[])
    AS t(n, o, e, hr, we, pe, fn, ln, pn, jt, dp, lo, hd, ed, er, err, rg, rf, mn, di, st, w)`;

/**
 * Staged rows go through a plain pg connection of the check's own (one parameterised statement
 * per batch): large array parameters through the ORM kept memory growing with the file.
 */
async function insertStaged(client: pg.Client, importId: string, rows: Staged[]) {
  if (rows.length === 0) return;
  const col = <T>(pick: (v: RowValues) => T) => rows.map((r) => (r.values ? (pick(r.values) ?? null) : null));
  const who = (field: keyof RowIdentity) =>
    rows.map((r) => (r.values ? (r.values[field] ?? null) : (r.identity?.[field] ?? null)));
  await client.query(STAGE_SQL, [
    importId,
    rows.map((r) => r.rowNumber),
    rows.map((r) => r.outcome),
    rows.map((r) => (r.errors ? JSON.stringify(r.errors) : null)),
    who("hrId"),
    who("workEmail"),
    col((v) => v.personalEmail),
    who("firstName"),
    who("lastName"),
    col((v) => v.preferredName),
    col((v) => v.jobTitle),
    col((v) => v.department),
    col((v) => v.location),
    col((v) => toDate(v.hireDate)),
    col((v) => toDate(v.exitDate)),
    col((v) => v.exitReason),
    col((v) => v.exitReasonRaw),
    col((v) => (v.regrettable === null ? null : String(v.regrettable))),
    col((v) => v.hrRehireFlag),
    col((v) => v.managerName),
    col((v) => v.decisionId),
    rows.map((r) => r.searchText),
    rows.map((r) => (r.values?.warnings.length ? JSON.stringify(r.values.warnings) : null)),
  ]);
}

/** Why the file cannot be read at all, in words, from a csv-parse error. */
function describeCsvError(error: CsvError): string {
  const ctx = error as CsvError & { lines?: number; records?: number };
  const where = ctx.lines ? `line ${ctx.lines}` : "the file";
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `A quoted value that starts near ${where} is never closed (a " is missing), so the rest of the file cannot be read. Fix the quotes and upload the file again.`;
    case "CSV_MAX_RECORD_SIZE":
      return `Row ${(ctx.records ?? 0) + 1} is larger than ${MAX_RECORD_BYTES / 1024} KB; it is probably damaged (an unclosed quote or binary data). Fix it and upload the file again.`;
    case "CSV_INVALID_CLOSING_QUOTE":
      return `At ${where} a quote closes a value but more characters follow it. Fix the quotes and upload the file again.`;
    default:
      return `The file could not be read as CSV at ${where} (the rows above it were read). Fix it and upload the file again.`;
  }
}

type Problem = { field: string; column: string; message: string; value: string };

/**
 * The check job: streams the stored file through csv-parse, validates each row, stages it in
 * batches, then classifies all rows set-based. Restartable: it clears what an earlier attempt
 * staged before starting. `options.rows`: rows per step of matching and counting (tests use small
 * steps).
 */
export async function runImportCheck(context: JobContext, options: { rows?: number } = {}) {
  const { importId } = context.job.payload as { importId: string };
  const run = await db.importRun.findUnique({ where: { id: importId } });
  if (!run || run.status !== "checking" || run.jobId !== context.job.id)
    return "The import was changed meanwhile; nothing to do.";
  const settings = run.settings as unknown as ImportSettings;
  await db.importRow.deleteMany({ where: { importId } });

  const decisions = await db.workforceDecision.findMany({ select: { id: true, title: true } });
  const today = new Date();
  const schema = createRowSchema({
    dateFormat: settings.dateFormat,
    today: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())),
    decisionsByTitle: new Map(decisions.map((d) => [d.title.toLowerCase(), d.id])),
    decisionId: settings.decisionId,
    reasonOverrides: settings.reasonOverrides,
    usesFullName: !!settings.columns.fullName && !(settings.columns.firstName && settings.columns.lastName),
  });
  const columnIndex = new Map<ImportField, number>();
  for (const field of IMPORT_FIELD_KEYS) {
    const header = (settings.columns as ColumnMapping)[field];
    if (header !== undefined) columnIndex.set(field, run.headers.indexOf(header));
  }
  const columnOf = (field: string) => {
    const header = (settings.columns as Record<string, string | undefined>)[field];
    return header ?? FIELD_LABEL[field as ImportField] ?? field;
  };

  const parser = parse({
    delimiter: run.delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
    info: true,
  });
  // Parse errors reach the reading loop below (the stream remembers them); this listener keeps one
  // raised after that loop stopped (e.g. an unclosed quote found at the end) from escaping the job.
  parser.on("error", () => undefined);
  const feed = (async () => {
    const decoder = decoderFor(run.encoding as Encoding);
    let bytes = 0;
    try {
      for await (const piece of readImportFile(importId)) {
        bytes += piece.length;
        const text = decoder.decode(piece, { stream: true });
        if (!parser.write(text)) {
          await new Promise<void>((resolve) => {
            const done = () => {
              parser.off("drain", done).off("close", done).off("error", done);
              resolve();
            };
            parser.once("drain", done).once("close", done).once("error", done);
          });
        }
        if (parser.destroyed) return;
        await context.progress(bytes, run.fileSize);
      }
      const rest = decoder.decode();
      if (rest) parser.write(rest);
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();

  let batch: Staged[] = [];
  let batchChars = 0;
  let dataRows = 0;
  let recordNumber = 0;
  const width = run.headers.length;
  const staging = new pg.Client({
    connectionString: databaseUrl(),
    application_name: `${BACKGROUND_APPLICATION}-import`,
    statement_timeout: 600_000,
  });
  // A connection cut by the server fails the statement running on it (and so the step, which is
  // retried); the client's 'error' event must not also end the process.
  staging.on("error", () => undefined);
  await staging.connect();
  const started = performance.now();
  let stagingMs = 0;
  const sizer = stageSizer();
  // One batch is written while the next is parsed: at most two batches in memory.
  let writing: Promise<void> = Promise.resolve();
  const stage = async (rows: Staged[]) => {
    await writing;
    const t = performance.now();
    writing = insertStaged(staging, importId, rows).then(() => {
      const ms = performance.now() - t;
      stagingMs += ms;
      sizer.record(rows.length, ms);
    });
    writing.catch(() => {}); // awaited (and rethrown) at the next batch or the end
  };
  try {
    for await (const { record } of parser as AsyncIterable<{ record: string[] }>) {
      recordNumber++;
      if (recordNumber <= run.headerRow) continue;
      if (record.every((c) => c.trim() === "")) continue; // blank lines
      dataRows++;
      for (const cell of record) batchChars += cell.length;
      const problems: Problem[] = [];
      if (record.length !== width) {
        problems.push({
          field: "_row",
          column: "(whole row)",
          message: `This row has ${record.length} values; the header has ${width}. Check for a missing or extra ${run.delimiter === "," ? "comma" : "delimiter"} or an unquoted value.`,
          value: "",
        });
      }
      const input: RowInput = {};
      for (const [field, index] of columnIndex) input[field] = index >= 0 ? (record[index] ?? "") : "";
      const parsed = problems.length ? null : schema.safeParse(input);
      let values: RowValues | null = null;
      if (parsed && !parsed.success) {
        for (const p of rowProblems(parsed.error))
          problems.push({
            field: p.field,
            column: columnOf(p.field),
            message: p.message,
            value: (input[p.field] ?? "").slice(0, 200),
          });
      } else if (parsed?.success) {
        values = parsed.data;
        for (const w of values.warnings) w.column = columnOf(w.field);
      }
      batch.push(
        problems.length || !values
          ? {
              rowNumber: recordNumber,
              outcome: "rejected",
              errors: problems,
              values: null,
              identity: rowIdentity(input),
              searchText: null,
            }
          : {
              rowNumber: recordNumber,
              outcome: "create",
              errors: null,
              values,
              identity: null,
              searchText: alumnusSearchText(values),
            },
      );
      if (batch.length >= sizer.rows || batchChars >= BATCH_CHARS) {
        await stage(batch);
        batch = [];
        batchChars = 0;
        if (context.signal.aborted) throw new Error("The check was stopped.");
      }
    }
    await feed;
    await stage(batch);
    await writing;
  } catch (error) {
    await feed.catch(() => {});
    await writing.catch(() => {});
    await staging.end().catch(() => {});
    if (error instanceof CsvError) {
      await markInvalid(importId, describeCsvError(error));
      return "The file could not be read.";
    }
    throw error;
  }
  await staging.end();
  if (dataRows === 0) {
    await markInvalid(
      importId,
      "The file has column headings but no rows of people. Check the report's filters in your HR system and export it again.",
    );
    return "The file has no rows.";
  }

  const read = performance.now();
  // Matching runs in short steps, so other requests are answered meanwhile (ADR 073); the counts
  // and the status change in one short transaction at the end.
  await classifyImportRows(
    db,
    importId,
    { hrId: columnOf("hrId"), workEmail: columnOf("workEmail") },
    {
      rows: options.rows,
      progress: (done, total) => context.progress(done, total, "Matching the rows against the alumni pool"),
    },
  );
  // Counted range by range before the last transaction, which then only writes (ADR 086).
  const counts = await countOutcomes(db, importId, options.rows);
  await db.$transaction(async (tx) => {
    await tx.importRun.update({
      where: { id: importId },
      data: { ...counts, status: "checked", checkedAt: new Date() },
    });
  });
  log.info("import checked", {
    importId,
    rows: dataRows,
    readMs: Math.round(read - started - stagingMs),
    stagingMs: Math.round(stagingMs),
    classifyMs: Math.round(performance.now() - read),
  });
  return `${dataRows} rows checked.`;
}

async function markInvalid(importId: string, message: string) {
  await db.$transaction(async (tx) => {
    await tx.importRow.deleteMany({ where: { importId } });
    const run = await tx.importRun.update({
      where: { id: importId },
      data: {
        status: "invalid",
        error: message,
        rowCount: 0,
        createCount: 0,
        updateCount: 0,
        unchangedCount: 0,
        rejectCount: 0,
        conflictCount: 0,
        suppressedCount: 0,
        warningCount: 0,
      },
      select: { createdById: true },
    });
    await recordAudit(tx, {
      actor: { type: "system", name: "import check" },
      action: "import.failed",
      entityType: "ImportRun",
      entityId: importId,
      after: { stage: "check", error: message },
      reason: run.createdById ? `uploaded by ${run.createdById}` : null,
    });
  });
}
