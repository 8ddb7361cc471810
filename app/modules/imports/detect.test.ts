import { describe, expect, it } from "vitest";
import { EncodingSniffer, FileRefused, headerProblems, sniffText } from "./detect.server";
import { createRowSchema, rowProblems } from "./row-schema";
import {
  CSV_INJECTION_PAYLOADS,
  countTried,
  INVISIBLE_AND_CONTROL_PAYLOADS,
  XSS_PAYLOADS,
} from "../../../test/hostile/payloads";

const sniff = (bytes: Uint8Array) => {
  const s = new EncodingSniffer();
  s.feed(bytes);
  return s.finish();
};
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FileRefused);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
};

describe("encoding", () => {
  it("tells UTF-8 with and without BOM from Windows-1252, and refuses what is neither", () => {
    expect(sniff(Buffer.from("a,b\nJörgen,x\n"))).toBe("utf-8");
    expect(sniff(Buffer.from("\ufeffa,b\nJörgen,x\n"))).toBe("utf-8-bom");
    expect(sniff(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x4a, 0xf6, 0x72, 0x67, 0x65, 0x6e, 0x0a]))).toBe(
      "windows-1252",
    );
    expect(refusal(() => sniff(Buffer.from([0x61, 0x2c, 0x81, 0x0a])))).toMatch(
      /neither UTF-8 nor Windows-1252/,
    );
    expect(refusal(() => sniff(Buffer.from([0x61, 0x00, 0x62])))).toMatch(/not a text file/);
    expect(refusal(() => sniff(Buffer.from([0xff, 0xfe, 0x61, 0x00])))).toMatch(/UTF-16/);
    expect(refusal(() => sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14])))).toMatch(/spreadsheet or ZIP/);
  });

  it("keeps a UTF-8 character split across two pieces", () => {
    const bytes = Buffer.from("a,b\nJörgen,x\n");
    const s = new EncodingSniffer();
    s.feed(bytes.subarray(0, 6));
    s.feed(bytes.subarray(6));
    expect(s.finish()).toBe("utf-8");
  });
});

describe("delimiter and header row", () => {
  it("finds ; , and tab, and a header below a title line", () => {
    expect(sniffText("Employee #;First Name;Last Name\n1;A;B\n2;C;D\n")).toMatchObject({
      delimiter: ";",
      headerRow: 1,
    });
    expect(sniffText('id,name,city\n1,"Berg, Ingrid","Göteborg, SE"\n')).toMatchObject({
      delimiter: ",",
      headers: ["id", "name", "city"],
    });
    expect(sniffText("id\tname\tcity\n1\tA\tB\n")).toMatchObject({ delimiter: "\t" });
    expect(sniffText("Terminations report\n\nid,name,city\n1,A,B\n")).toMatchObject({
      headerRow: 3,
      headers: ["id", "name", "city"],
    });
    expect(sniffText('id,note,city\n1,"two\nlines",B\n').sampleRows).toEqual([["1", "two\nlines", "B"]]);
  });

  it("refuses an empty file and duplicate headers", () => {
    expect(refusal(() => sniffText(""))).toMatch(/empty/);
    expect(refusal(() => sniffText("\n\n"))).toMatch(/empty/);
    expect(headerProblems(["Email", "Name", "email"])).toMatch(/"email" appears twice \(columns 1 and 3\)/);
    expect(headerProblems(["__proto__", "Name"])).toBeNull();
  });
});

describe("row schema", () => {
  const today = new Date(Date.UTC(2026, 10, 27));
  const schema = createRowSchema({
    dateFormat: "us",
    today,
    decisionsByTitle: new Map([["2022 ai", "d1"]]),
    usesFullName: true,
  });
  const base = {
    hrId: "E1",
    fullName: "Ann Berg",
    workEmail: "ann@example.com",
    hireDate: "01/02/2015",
    exitDate: "03/04/2022",
    exitReason: "Contract End",
    rehireFlag: "Upon review",
    regrettable: "Yes",
  };

  it("converts a good row", () => {
    const result = schema.parse(base);
    expect(result).toMatchObject({
      firstName: "Ann",
      lastName: "Berg",
      exitReason: "contract_end",
      hrRehireFlag: "review",
      regrettable: true,
    });
    expect(result.exitDate?.toISOString().slice(0, 10)).toBe("2022-03-04");
  });

  it("names each problem by field", () => {
    const problems = (row: Record<string, string>) => {
      const r = schema.safeParse({ ...base, ...row });
      return r.success ? [] : rowProblems(r.error).map((p) => `${p.field}: ${p.message}`);
    };
    expect(problems({ exitDate: "01/01/2014" })).toEqual([
      expect.stringMatching(/^exitDate: .*before the hire date/),
    ]);
    expect(problems({ exitDate: "01/01/2027" })).toEqual([
      expect.stringMatching(/^exitDate: .*in the future/),
    ]);
    expect(problems({ workEmail: "not-an-email" })).toEqual([
      expect.stringMatching(/^workEmail: .*not a valid email/),
    ]);
    expect(problems({ hrId: "", workEmail: "" })).toEqual([
      expect.stringMatching(/^hrId: Neither an employee ID nor a work email/),
    ]);
    expect(problems({ fullName: "" })).toEqual(["fullName: The name is missing."]);
    expect(problems({ rehireFlag: "perhaps" })).toEqual([expect.stringMatching(/^rehireFlag: /)]);
    expect(problems({ decision: "Unknown plan" })).toEqual([
      expect.stringMatching(/^decision: There is no workforce decision called/),
    ]);
    // An over-long optional field no longer rejects the person: it is a warning (ADR 063).
    expect(problems({ jobTitle: "x".repeat(5000) })).toEqual([]);
    expect(schema.parse({ ...base, decision: "2022 AI" }).decisionId).toBe("d1");
  });

  it("keeps hostile text as text and refuses hidden characters", () => {
    for (const payload of [
      ...XSS_PAYLOADS,
      ...CSV_INJECTION_PAYLOADS.filter((p) => !/[\t\r\n\u200b]/.test(p)),
    ]) {
      const result = schema.parse({ ...base, jobTitle: payload.trim() });
      expect(result.jobTitle).toBe(payload.trim().normalize("NFC"));
    }
    countTried("xss (import cells)", XSS_PAYLOADS.length);
    countTried("csv injection (import cells)", CSV_INJECTION_PAYLOADS.length);
    for (const payload of INVISIBLE_AND_CONTROL_PAYLOADS) {
      // Refused, or (a leading byte order mark is whitespace to trim) stored without the character.
      const r = schema.safeParse({ ...base, fullName: `${payload} Berg` });
      if (r.success) expect(r.data.firstName, JSON.stringify(payload)).toMatch(/^[A-Za-z]+$/);
    }
    countTried("invisible/control (import names)", INVISIBLE_AND_CONTROL_PAYLOADS.length);
  });
});
