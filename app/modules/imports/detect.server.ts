import { parse } from "csv-parse/sync";
import type { Encoding } from "./file-facts";

export {
  MAX_CELL_CHARS,
  MAX_RECORD_BYTES,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_LABEL,
  type Encoding,
} from "./file-facts";

/**
 * What an uploaded file is, from its first bytes: encoding (UTF-8 with or without BOM, or
 * Windows-1252), whether it is text at all, the delimiter and the header row.
 */

export class FileRefused extends Error {}

// Bytes Windows-1252 leaves undefined: a file containing them is neither UTF-8 nor Windows-1252.
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Checks a whole file, piece by piece, for what it is. `feed` every piece in order, then `finish`.
 * UTF-8 is decoded strictly; a file that is not valid UTF-8 is accepted as Windows-1252 only if
 * it has none of the bytes Windows-1252 leaves undefined. NUL bytes mean a binary file.
 */
export class EncodingSniffer {
  private utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  private utf8Ok = true;
  private cp1252Ok = true;
  private first = true;
  bom = false;
  size = 0;
  controlBytes = 0;

  feed(bytes: Uint8Array) {
    if (this.first && bytes.length > 0) {
      this.first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.bom = true;
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw new FileRefused(
          'This file is saved as UTF-16. Export it again as CSV in UTF-8 ("CSV UTF-8" in Excel) and upload that.',
        );
      }
      if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
        throw new FileRefused(
          "This is a spreadsheet or ZIP file renamed .csv, not a CSV file. Save it as CSV (UTF-8) from your spreadsheet program and upload that.",
        );
      }
    }
    this.size += bytes.length;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0)
        throw new FileRefused(
          "This is not a text file (it contains binary data). Upload the CSV export from your HR system.",
        );
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) this.controlBytes++;
      if (CP1252_UNDEFINED.has(b)) this.cp1252Ok = false;
    }
    if (this.controlBytes > 16 && this.controlBytes * 100 > this.size) {
      throw new FileRefused(
        "This is not a text file (it is full of control characters). Upload the CSV export from your HR system.",
      );
    }
    if (this.utf8Ok) {
      try {
        this.utf8.decode(bytes, { stream: true });
      } catch {
        this.utf8Ok = false;
      }
    }
  }

  finish(): Encoding {
    if (this.utf8Ok) {
      try {
        this.utf8.decode();
      } catch {
        this.utf8Ok = false;
      }
    }
    if (this.utf8Ok) return this.bom ? "utf-8-bom" : "utf-8";
    if (this.cp1252Ok && !this.bom) return "windows-1252";
    throw new FileRefused(
      'We could not read the characters in this file: it is neither UTF-8 nor Windows-1252. Export it again as CSV in UTF-8 ("CSV UTF-8" in Excel) and upload that.',
    );
  }
}

export function decoderFor(encoding: Encoding): TextDecoder {
  return encoding === "windows-1252"
    ? new TextDecoder("windows-1252")
    : new TextDecoder("utf-8", { ignoreBOM: false });
}

const DELIMITERS = [",", ";", "\t", "|"] as const;

/** Counts a character outside quoted values on each of the first lines. */
function countOutsideQuotes(text: string, char: string, maxLines: number): number[] {
  const counts: number[] = [0];
  let inQuotes = false;
  for (let i = 0; i < text.length && counts.length <= maxLines; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === "\n") counts.push(0);
    else if (!inQuotes && c === char) counts[counts.length - 1]++;
  }
  return counts.filter((_, i, all) => i < all.length - 1 || all.length === 1);
}

/** The delimiter that splits the first lines most consistently (and into the most columns). */
export function detectDelimiter(sample: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ",", score: -1 };
  for (const delimiter of DELIMITERS) {
    const counts = countOutsideQuotes(sample, delimiter, 20).filter((_, i) => i < 20);
    const nonEmpty = counts.filter((c) => c > 0);
    if (nonEmpty.length === 0) continue;
    const mode = [...nonEmpty].sort(
      (a, b) => nonEmpty.filter((x) => x === b).length - nonEmpty.filter((x) => x === a).length,
    )[0];
    const consistent = counts.filter((c) => c === mode).length / counts.length;
    const score = consistent * 100 + Math.min(mode, 50);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

export type Sniffed = { delimiter: string; headerRow: number; headers: string[]; sampleRows: string[][] };

/**
 * Delimiter and header row from the start of the decoded text. Exports sometimes put a title or
 * a blank line above the header: the header is the first of the first 10 records that has as
 * many non-empty, non-numeric cells as the widest record.
 */
export function sniffText(sample: string): Sniffed {
  const text = sample.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text);
  // Cut at the last complete line so a record split by the sample's end does not count.
  const cut = text.length >= 4096 ? text.slice(0, Math.max(text.lastIndexOf("\n"), 1)) : text;
  // A broken quote further down must not hide the header: read up to the line before it.
  let records: string[][] = [];
  let toLine = 60;
  for (let attempt = 0; attempt < 3 && toLine > 0; attempt++) {
    try {
      records = parse(cut, {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: false,
        to_line: toLine,
        bom: true,
        relax_quotes: true,
      }) as string[][];
      break;
    } catch (error) {
      const lines = (error as { lines?: number }).lines ?? 1;
      toLine = Math.min(toLine, lines) - 1;
    }
  }
  if (records.every((r) => r.every((c) => c.trim() === "")))
    throw new FileRefused("The file is empty: it has no column headings and no rows.");
  const width = Math.max(...records.slice(0, 10).map((r) => r.length));
  let headerIndex = records.findIndex(
    (r, i) =>
      i < 10 &&
      r.length === width &&
      r.filter((c) => c.trim() !== "" && !/^[\d\s.,/-]+$/.test(c)).length >=
        Math.max(1, Math.ceil(width * 0.6)),
  );
  if (headerIndex < 0) headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ""));
  const headers = records[headerIndex].map((h, i) => h.replace(/^\uFEFF/, "").trim() || `Column ${i + 1}`);
  return {
    delimiter,
    headerRow: headerIndex + 1,
    headers,
    sampleRows: records.slice(headerIndex + 1, headerIndex + 21),
  };
}

/** Duplicate headers make a mapping ambiguous: refused with both positions named. */
export function headerProblems(headers: readonly string[]): string | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < headers.length; i++) {
    const key = headers[i].toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return `The column heading "${headers[i]}" appears twice (columns ${earlier + 1} and ${i + 1}). Rename one of them in the export and upload it again.`;
    }
    seen.set(key, i);
  }
  return null;
}
