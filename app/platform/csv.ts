/**
 * CSV output that is safe to open in a spreadsheet (OWASP CSV injection guidance): every cell is
 * quoted, inner quotes are doubled, and a cell starting with =, +, -, @, tab, CR or LF gets a
 * leading apostrophe so it is shown as text instead of run as a formula.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

export function csvCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value)) text = value.join("; ");
  else text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

export type CsvColumn<T> = { header: string; value: (row: T) => unknown };

/** A whole document (with a UTF-8 BOM so spreadsheet programs pick the right encoding). */
export function toCsv<T>(rows: Iterable<T>, columns: readonly CsvColumn<T>[]): string {
  let out = `\uFEFF${csvRow(columns.map((c) => c.header))}`;
  for (const row of rows) out += csvRow(columns.map((c) => c.value(row)));
  return out;
}

/** Streams rows as CSV (large exports) from an async source of pages. */
export function csvStream<T>(
  pages: AsyncIterable<T[]>,
  columns: readonly CsvColumn<T>[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvRow(columns.map((c) => c.header))}`));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(
        encoder.encode(next.value.map((row) => csvRow(columns.map((c) => c.value(row)))).join("")),
      );
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A download response with a server-chosen file name (never taken from user input). */
export function csvResponse(body: string | ReadableStream<Uint8Array>, baseName: string, now = new Date()) {
  const safe =
    baseName
      .replace(/[^a-z0-9-]+/gi, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase() || "export";
  const stamp = now.toISOString().slice(0, 16).replace(/[:T]/g, "-");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safe}-${stamp}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
