import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { suggestDateFormat } from "./convert";
import { detectSystem, suggestMapping, type ImportField } from "./fields";
import { listImportMappings } from "./import-mappings.server";
import type { ImportSettings } from "./schemas";
import { readImportFile } from "./upload-import.server";
import { decoderFor, sniffText, type Encoding } from "./detect.server";
import { sameFileImported } from "./list-imports.server";

/**
 * What the mapping step needs: the file's headers and first rows (read again from the stored
 * file), saved mappings, decisions, and a suggested mapping with a date format only when the
 * sample's dates allow exactly one reading.
 */
export async function getMappingStep(importId: string, mappingId?: string) {
  const run = await db.importRun.findUnique({
    where: { id: importId },
    select: {
      id: true,
      fileName: true,
      status: true,
      headers: true,
      headerRow: true,
      encoding: true,
      delimiter: true,
      settings: true,
      mappingId: true,
      fileSha256: true,
    },
  });
  if (!run) throw notFound("That import");
  const sameFile = await sameFileImported(run.id, run.fileSha256);
  let head: Uint8Array = new Uint8Array();
  for await (const piece of readImportFile(importId)) {
    head = piece.subarray(0, 64 * 1024);
    break;
  }
  let sample: { sampleRows: string[][] } = { sampleRows: [] };
  try {
    sample = sniffText(decoderFor(run.encoding as Encoding).decode(head, { stream: true }));
  } catch {
    // The stored file is unreadable (refused uploads are not kept, so this is rare): no sample.
  }
  const rows = sample.sampleRows.slice(0, 8);
  const [mappings, decisions] = await Promise.all([
    listImportMappings(),
    db.workforceDecision.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true } }),
  ]);
  const columns = suggestMapping(run.headers);
  const valuesOf = (field: ImportField) => {
    const header = columns[field];
    const index = header === undefined ? -1 : run.headers.indexOf(header);
    return index < 0 ? [] : sample.sampleRows.map((r) => r[index] ?? "");
  };
  const dates = suggestDateFormat([...valuesOf("hireDate"), ...valuesOf("exitDate")]);
  const suggested: ImportSettings = {
    system: detectSystem(run.headers),
    columns,
    dateFormat: dates.format ?? ("" as never),
    reasonOverrides: {},
    decisionId: null,
  };
  const chosenMapping = mappingId
    ? mappings.find((m) => m.id === mappingId)
    : run.mappingId
      ? mappings.find((m) => m.id === run.mappingId)
      : undefined;
  return {
    run: { ...run, settings: run.settings as ImportSettings | null },
    rows,
    mappings,
    decisions,
    suggested,
    dateFits: dates.fits,
    chosenMapping: chosenMapping ?? null,
    sameFile,
  };
}
