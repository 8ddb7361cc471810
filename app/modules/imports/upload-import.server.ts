import { createHash } from "node:crypto";
import { recordAudit } from "~/platform/audit.server";
import type { StaffUser } from "~/platform/auth.server";
import { actorOf } from "~/platform/auth.server";
import { bulkQuery, db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import {
  decoderFor,
  EncodingSniffer,
  FileRefused,
  headerProblems,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_LABEL,
  sniffText,
} from "./detect.server";

/** The uploaded file is kept in pieces of this size (ImportChunk), streamed back by the check job. */
export const CHUNK_BYTES = 1024 * 1024;
const SAMPLE_BYTES = 64 * 1024;

export const tooLarge = (size?: number) =>
  new AppError(
    "payload_too_large",
    `This file is ${size ? `${(size / 1024 / 1024).toFixed(0)} MB, ` : ""}larger than the ${MAX_UPLOAD_LABEL} limit for one import. Split the export into smaller files (for example by exit year) and import them one after another.`,
  );

function cleanFileName(name: string) {
  // Shown as text only; the path part some browsers send and invisible characters are dropped.
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim()
    .slice(0, 200);
  return cleaned || "upload.csv";
}

/**
 * Stores an uploaded CSV export: streams it into 1 MB pieces (never more than one piece in
 * memory), checks it is text in UTF-8 or Windows-1252, refuses it past 50 MB, and reads the
 * delimiter and header row from its start. Nothing is read into the alumni pool here.
 */
export async function uploadImport(options: {
  actor: StaffUser;
  fileName: string;
  data: AsyncIterable<Uint8Array>;
}) {
  const { actor } = options;
  const fileName = cleanFileName(options.fileName);
  if (!/\.(csv|txt|tsv)$/i.test(fileName)) {
    throw new AppError(
      "validation",
      "Upload a CSV file (its name ends in .csv) exported from your HR system.",
      { fieldErrors: { file: ["Choose a .csv file."] } },
    );
  }
  const run = await db.importRun.create({
    data: {
      fileName,
      fileSize: 0,
      fileSha256: "",
      encoding: "utf-8",
      delimiter: ",",
      headerRow: 1,
      status: "invalid",
      error: "The upload did not finish.",
      createdById: actor.id,
    },
    select: { id: true },
  });
  const sniffer = new EncodingSniffer();
  const hash = createHash("sha256");
  const sample: Uint8Array[] = [];
  let sampleSize = 0;
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  let seq = 0;
  const flush = async () => {
    if (pendingSize === 0) return;
    const piece = Buffer.concat(pending, pendingSize);
    pending = [];
    pendingSize = 0;
    // On the pool outside the ORM: pg sends a Buffer parameter as binary, as it is; through the ORM
    // each 1 MB piece was copied and hex-encoded several times over (ADR 025).
    await bulkQuery(`INSERT INTO "ImportChunk" ("importId", "seq", "data") VALUES ($1, $2, $3)`, [
      run.id,
      seq++,
      piece,
    ]);
  };
  try {
    for await (const bytes of options.data) {
      if (sniffer.size + bytes.length > MAX_UPLOAD_BYTES) throw tooLarge();
      sniffer.feed(bytes);
      hash.update(bytes);
      if (sampleSize < SAMPLE_BYTES) {
        sample.push(bytes);
        sampleSize += bytes.length;
      }
      pending.push(bytes);
      pendingSize += bytes.length;
      if (pendingSize >= CHUNK_BYTES) await flush();
    }
    await flush();
    if (sniffer.size === 0)
      throw new FileRefused("The file is empty. Export the terminations report again and upload that file.");
    const encoding = sniffer.finish();
    const head = Buffer.concat(sample, sampleSize).subarray(0, SAMPLE_BYTES);
    const text = decoderFor(encoding).decode(head, { stream: sniffer.size > SAMPLE_BYTES });
    const sniffed = sniffText(text);
    const duplicate = headerProblems(sniffed.headers);
    if (duplicate) throw new FileRefused(duplicate);
    const wholeFileSeen = sniffer.size <= SAMPLE_BYTES;
    if (wholeFileSeen && sniffed.sampleRows.every((r) => r.every((c) => c.trim() === ""))) {
      throw new FileRefused(
        "The file has column headings but no rows of people. Check the report's filters in your HR system and export it again.",
      );
    }
    if (sniffed.headers.length < 2) {
      throw new FileRefused(
        "We found only one column. Check that this is a CSV export (values separated by commas, semicolons or tabs).",
      );
    }
    const sha = hash.digest("hex");
    return await db.$transaction(async (tx) => {
      const updated = await tx.importRun.update({
        where: { id: run.id },
        data: {
          fileSize: sniffer.size,
          fileSha256: sha,
          encoding,
          delimiter: sniffed.delimiter,
          headerRow: sniffed.headerRow,
          headers: sniffed.headers,
          status: "uploaded",
          error: null,
        },
        select: { id: true, fileName: true, encoding: true, delimiter: true, headers: true, headerRow: true },
      });
      const earlier = await tx.importRun.findFirst({
        where: { fileSha256: sha, status: "committed", id: { not: run.id } },
        select: { id: true, committedAt: true },
        orderBy: { committedAt: "desc" },
      });
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: "import.uploaded",
        entityType: "ImportRun",
        entityId: run.id,
        after: {
          fileName,
          fileSize: sniffer.size,
          sha256: sha,
          encoding,
          delimiter: sniffed.delimiter,
          columns: sniffed.headers.length,
        },
      });
      return { ...updated, sameAsCommittedImportId: earlier?.id ?? null };
    });
  } catch (error) {
    await db.importRun.delete({ where: { id: run.id } }).catch(() => {});
    if (error instanceof FileRefused)
      throw new AppError("validation", error.message, { fieldErrors: { file: [error.message] } });
    throw error;
  }
}

/**
 * The stored file, piece by piece (one piece in memory at a time), read on the pool outside the
 * ORM: pg turns each piece's hex text into a Buffer once (ADR 025). Not in pg's binary result
 * format: pg decodes every value as UTF-8 text first, which would damage a Windows-1252 file.
 */
export async function* readImportFile(importId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const [chunk] = await bulkQuery<{ data: Buffer }>(
      `SELECT "data" FROM "ImportChunk" WHERE "importId" = $1 AND "seq" = $2`,
      [importId, seq],
    );
    if (!chunk) return;
    yield chunk.data;
  }
}
