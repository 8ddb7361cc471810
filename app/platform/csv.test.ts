import { describe, expect, it } from "vitest";
import { CSV_INJECTION_PAYLOADS } from "../../test/hostile/payloads";
import { csvCell, csvResponse, toCsv } from "./csv";

describe("csvCell", () => {
  it.each(CSV_INJECTION_PAYLOADS)("neutralises %j", (payload) => {
    const cell = csvCell(payload);
    expect(cell.startsWith('"')).toBe(true);
    expect(cell.endsWith('"')).toBe(true);
    const inner = cell.slice(1, -1).replace(/""/g, '"');
    if (/^[=+\-@\t\r\n]/.test(payload)) expect(inner).toBe(`'${payload}`);
    else expect(inner).toBe(payload);
  });

  it("doubles inner quotes and keeps ordinary text", () => {
    expect(csvCell('Ström, "Sven"')).toBe('"Ström, ""Sven"""');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(["a", "b"])).toBe('"a; b"');
  });

  it("writes a BOM, a header and CRLF rows", () => {
    const text = toCsv([{ n: "=x" }], [{ header: "Name", value: (r) => r.n }]);
    expect(text).toBe('\uFEFF"Name"\r\n"\'=x"\r\n');
  });

  it("chooses the download name itself", () => {
    const response = csvResponse("x", "../../etc/passwd\r\nX: y", new Date("2026-11-27T10:20:00Z"));
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="etc-passwd-x-y-2026-11-27-10-20.csv"',
    );
  });
});
