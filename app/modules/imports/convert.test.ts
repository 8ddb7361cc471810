import { describe, expect, it } from "vitest";
import {
  emailOf,
  exitReasonOf,
  nameProblem,
  parseDate,
  reasonKey,
  rehireFlagOf,
  splitFullName,
  suggestDateFormat,
  yesNoOf,
} from "./convert";
import { detectSystem, mappingProblems, suggestMapping } from "./fields";

const iso = (r: ReturnType<typeof parseDate>) => (r.ok ? r.value.toISOString().slice(0, 10) : r.message);

describe("dates", () => {
  it("reads each declared format and never reads a date another way", () => {
    expect(iso(parseDate("04/20/2019", "us"))).toBe("2019-04-20");
    expect(iso(parseDate("20/04/2019", "eu"))).toBe("2019-04-20");
    expect(iso(parseDate("20.04.2019", "eu"))).toBe("2019-04-20");
    expect(iso(parseDate("2019-04-20", "iso"))).toBe("2019-04-20");
    expect(iso(parseDate("2019-04-20", "us"))).toBe("2019-04-20"); // ISO cannot be misread
    expect(iso(parseDate("20/04/2019", "us"))).toMatch(/not a valid US date.*day first/);
    expect(iso(parseDate("04/20/2019", "eu"))).toMatch(/not a valid European date/);
    expect(iso(parseDate("02/30/2019", "us"))).toMatch(/not a real date/);
    expect(iso(parseDate("04/05/19", "us"))).toMatch(/two-digit year/);
    expect(iso(parseDate("yesterday", "iso"))).toMatch(/not an ISO date/);
  });

  it("suggests a format only when exactly one fits", () => {
    expect(suggestDateFormat(["04/20/2019", "01/06/2013"]).format).toBe("us");
    expect(suggestDateFormat(["20/04/2019", "01/06/2013"]).format).toBe("eu");
    expect(suggestDateFormat(["2019-04-20"]).format).toBe("iso");
    const ambiguous = suggestDateFormat(["04/05/2019", "01/06/2013"]);
    expect(ambiguous.format).toBeNull();
    expect(ambiguous.fits).toEqual(["us", "eu"]);
  });
});

describe("values", () => {
  it("maps the samples' exit reasons", () => {
    const cases: [string, string | undefined, string][] = [
      ["Reduction in Force > Position Eliminated - Automation", undefined, "layoff_automation"],
      ["Reduction in Force > Restructuring", undefined, "layoff_restructuring"],
      ["Voluntary > Resignation - Career Opportunity", undefined, "resignation"],
      ["Voluntary > Retirement", undefined, "retirement"],
      ["Contract End", undefined, "contract_end"],
      ["Involuntary > Performance", undefined, "performance"],
      ["Involuntary > Misconduct", undefined, "conduct"],
      ["Involuntary > Job Abandonment", undefined, "job_abandonment"],
      ["Position Eliminated", "Termination (Involuntary)", "position_eliminated"],
      ["Attendance", "Termination (Involuntary)", "attendance"],
      ["Violation of policy", "Termination (Involuntary)", "conduct"],
      ["Relocation", "Resignation (Voluntary)", "resignation"],
      ["Other employment", "Resignation (Voluntary)", "resignation"],
      ["Sabbatical that never ended", "Termination (Involuntary)", "other"],
    ];
    for (const [raw, type, reason] of cases) expect(exitReasonOf(raw, type).reason, raw).toBe(reason);
    expect(
      exitReasonOf("Sabbatical that never ended", undefined, {
        [reasonKey("Sabbatical that never ended")]: "mutual_agreement",
      }).reason,
    ).toBe("mutual_agreement");
    expect(exitReasonOf("__proto__", undefined, {}).reason).toBe("other");
  });

  it("reads rehire and yes/no flags", () => {
    expect(rehireFlagOf("Upon review")).toEqual({ ok: true, value: "review" });
    expect(rehireFlagOf("Yes")).toEqual({ ok: true, value: "yes" });
    expect(rehireFlagOf("no")).toEqual({ ok: true, value: "no" });
    expect(rehireFlagOf("perhaps?").ok).toBe(false);
    expect(yesNoOf("Yes")).toEqual({ ok: true, value: true });
    expect(yesNoOf("sometimes").ok).toBe(false);
  });

  it("splits full names", () => {
    expect(splitFullName("Chloé Eriksson")).toEqual({ firstName: "Chloé", lastName: "Eriksson" });
    expect(splitFullName("Eriksson, Chloé")).toEqual({ firstName: "Chloé", lastName: "Eriksson" });
    expect(splitFullName("Madonna")).toBeNull();
  });
});

describe("mapping suggestions", () => {
  it("suggests Workday, BambooHR, SuccessFactors and generic mappings from header names", () => {
    const workday = [
      "Employee ID",
      "Legal Name",
      "Preferred Name",
      "Primary Work Email",
      "Personal Email",
      "Job Profile",
      "Supervisory Organization",
      "Location",
      "Hire Date",
      "Termination Date",
      "Primary Termination Reason",
      "Regrettable Termination",
      "Eligible for Rehire",
      "Manager",
    ];
    expect(detectSystem(workday)).toBe("workday");
    expect(suggestMapping(workday)).toMatchObject({
      hrId: "Employee ID",
      fullName: "Legal Name",
      workEmail: "Primary Work Email",
      exitDate: "Termination Date",
      exitReason: "Primary Termination Reason",
      rehireFlag: "Eligible for Rehire",
      department: "Supervisory Organization",
    });
    const bamboo = [
      "Employee #",
      "First Name",
      "Last Name",
      "Work Email",
      "Home Email",
      "Job Title",
      "Department",
      "Location",
      "Hire Date",
      "Termination Date",
      "Termination Type",
      "Termination Reason",
      "Eligible For Re-hire",
      "Regrettable",
    ];
    expect(detectSystem(bamboo)).toBe("bamboohr");
    expect(suggestMapping(bamboo)).toMatchObject({
      hrId: "Employee #",
      firstName: "First Name",
      lastName: "Last Name",
      personalEmail: "Home Email",
      exitType: "Termination Type",
      rehireFlag: "Eligible For Re-hire",
    });
    const sf = [
      "User/Employee ID",
      "First Name",
      "Last Name",
      "Email",
      "Event Reason",
      "Last Day Worked",
      "Hire Date",
    ];
    expect(detectSystem(sf)).toBe("successfactors");
    expect(suggestMapping(sf)).toMatchObject({
      hrId: "User/Employee ID",
      workEmail: "Email",
      exitReason: "Event Reason",
      exitDate: "Last Day Worked",
    });
    expect(detectSystem(["id", "name", "__proto__"])).toBe("generic");
    const hostile = suggestMapping(["__proto__", "constructor", "Email", "Name"]);
    expect(hostile).toEqual({ workEmail: "Email", fullName: "Name" });
    expect(Object.getPrototypeOf(hostile)).toBe(Object.prototype);
  });

  it("names what a mapping lacks", () => {
    expect(mappingProblems({ fullName: "Name" }, ["Name"])).toEqual([
      expect.stringMatching(/Employee ID or the Work email/),
    ]);
    expect(mappingProblems({ hrId: "Gone", fullName: "Name" }, ["Name"])[0]).toMatch(
      /"Gone", which this file does not have/,
    );
  });
});

describe("names and email addresses (ADR 063)", () => {
  it('splits "Last, First" only when the cell has that shape', () => {
    expect(splitFullName("O'Brien, Seán")).toEqual({ firstName: "Seán", lastName: "O'Brien" });
    expect(splitFullName('=HYPERLINK("http://evil.example","click")')).toBeNull();
    expect(splitFullName("Smith, Jr., John")).toBeNull();
    expect(splitFullName("Berg, 12345")).toBeNull();
  });

  it("names a formula, markup or phone number in a name cell", () => {
    expect(nameProblem("=1+1")).toMatch(/spreadsheet formula/);
    expect(nameProblem("@SUM(A1)")).toMatch(/spreadsheet formula/);
    expect(nameProblem("<b>Ann</b>")).toMatch(/markup/);
    expect(nameProblem("http://evil.example")).toMatch(/web address/);
    expect(nameProblem("+46 70 123 45 67")).toMatch(/phone number/);
    expect(nameProblem("(555) 010-2030")).toMatch(/phone number/);
    for (const ok of ["Chloé", "Jean-Luc", "O'Brien", "Nguyễn Văn An", "李小龙", "St. John"])
      expect(nameProblem(ok), ok).toBeNull();
  });

  it("accepts internationalised addresses and compares them on the domain's ASCII form", () => {
    expect(emailOf("åsa@exämple.se")).toEqual({ address: "åsa@exämple.se", key: "åsa@xn--exmple-cua.se" });
    expect(emailOf("Åsa@XN--EXMPLE-CUA.SE")).toEqual(emailOf("åsa@exämple.se"));
    expect(emailOf("жена@пример.рф")?.key).toBe("жена@xn--e1afmkfd.xn--p1ai");
    expect(emailOf("Maja.L@Example.com")?.address).toBe("maja.l@example.com");
    for (const bad of [
      "not-an-email",
      "a b@x.se",
      "x@localhost",
      "x@1.2.3.4",
      "bad@@x.com",
      "a@-x.com",
      "=1+1@x.com ",
    ])
      expect(emailOf(bad), bad).toBeNull();
  });
});
