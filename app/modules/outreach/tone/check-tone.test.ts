import { describe, expect, it } from "vitest";
import { EMAIL_KINDS } from "#emails/kinds";
import { checkTone, type ToneReport } from "./check-tone";
import { toneRules } from "./rules";

const ids = (report: ToneReport) => report.findings.map((f) => f.ruleId);
const errorIds = (report: ToneReport) =>
  report.findings.filter((f) => f.severity === "error").map((f) => f.ruleId);

const COLD = "Effective immediately, your position has been eliminated. It was decided to reduce headcount.";

const WARM_DECLINE = `Hello Maja,

Thank you for applying to come back as a support specialist, and for the time you put into it. We have decided not to offer you this role, and we know it is not the answer you hoped for.

Here is why we decided this: the role needs two weekend shifts a month, and you told us you can only work on weekdays.

What could change this: if your weekends free up, tell us and we will look at your application again.

If you want to talk about this, write to Amara Okafor at amara.okafor@fjordpay.example.

Warm regards,
Amara Okafor
People Partner, Fjord Pay`;

describe("checkTone: cold and evasive language", () => {
  it("flags the cold sample with the specific rule ids, as errors, with matched text and positions", () => {
    const report = checkTone({ kind: "decline", note: COLD });
    expect(report.ok).toBe(false);
    expect(errorIds(report)).toEqual(
      expect.arrayContaining([
        "cold.effective-immediately",
        "cold.position-eliminated",
        "evasive.it-was-decided",
        "cold.headcount",
      ]),
    );
    for (const finding of report.findings.filter((f) => f.position)) {
      expect(COLD.slice(finding.position!.start, finding.position!.end)).toBe(finding.match);
      expect(finding.source).toBe("note");
      expect(finding.suggestion.length).toBeGreaterThan(10);
    }
    const decided = report.findings.find((f) => f.ruleId === "evasive.it-was-decided")!;
    expect(decided.match).toBe("It was decided");
    expect(decided.suggestion).toContain("We decided");
    expect(decided.position).toMatchObject({ line: 1, column: COLD.indexOf("It was decided") + 1 });
    // The passive rule does not repeat what a specific phrase rule already says.
    expect(ids(report)).not.toContain("passive.no-agent");
  });

  it("passes a warm decline with no findings at all", () => {
    const report = checkTone({
      kind: "decline",
      purpose: "transactional",
      subject: "Our answer on your application, Maja",
      text: WARM_DECLINE,
    });
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.readability.text!.grade).toBeLessThanOrEqual(9);
  });

  it.each([
    ["We regret to inform you that the office closes.", "cold.regret-to-inform"],
    ["We cannot offer more hours at this time.", "cold.at-this-time"],
    ["As per our policy, we cannot rehire you.", "cold.per-policy"],
    ["A decision has been made about the team.", "evasive.it-was-decided"],
    ["Mistakes were made during the rollout.", "evasive.mistakes-were-made"],
    ["Your employment is terminated.", "cold.terminated"],
    ["We need more resources in support.", "cold.resources"],
    ["Please do not reply to this email.", "cold.do-not-reply"],
    ["This decision is final.", "cold.final-decision"],
    ["For business reasons the role ends.", "cold.business-reasons"],
    ["We will leverage our people.", "jargon.leverage"],
    ["The synergies are clear.", "jargon.synergies"],
    ["We are rightsizing support.", "jargon.rightsizing"],
    ["We need 12 FTE in support.", "jargon.fte"],
    ["Going forward, shifts start at 8.", "jargon.going-forward"],
  ])("%s -> %s", (text, rule) => {
    expect(ids(checkTone({ kind: "invitation", note: text }))).toContain(rule);
  });

  it("matches phrases across line breaks and in any case", () => {
    const report = checkTone({ kind: "decline", note: "This is EFFECTIVE\nimmediately." });
    expect(ids(report)).toContain("cold.effective-immediately");
  });

  it("matches whole words only, and never inside links or addresses", () => {
    expect(
      ids(
        checkTone({ kind: "invitation", note: "Human Resources will call you about the headcounter app." }),
      ),
    ).toEqual([]);
    expect(
      ids(
        checkTone({
          kind: "invitation",
          note: "See https://example.com/headcount/synergies or write to fte@example.com.",
        }),
      ),
    ).toEqual([]);
  });
});

describe("checkTone: passive deflection", () => {
  it("flags passive voice without an agent", () => {
    const report = checkTone({
      kind: "decline",
      note: "Your application was rejected. Several roles will be cut next year.",
    });
    const passive = report.findings.filter((f) => f.ruleId === "passive.no-agent");
    expect(passive.map((f) => f.match)).toEqual(["was rejected", "will be cut"]);
    expect(passive[0].suggestion).toMatch(/Say who did it/);
    expect(passive[0].severity).toBe("warning");
  });

  it("accepts a passive that names its agent, and adjectives that look like participles", () => {
    expect(
      ids(checkTone({ kind: "decline", note: "Your application was read by Amara and Jonas." })),
    ).toEqual([]);
    expect(
      ids(
        checkTone({
          kind: "decline",
          note: "We are pleased and you are interested. You are based in Malmö.",
        }),
      ),
    ).toEqual([]);
  });

  it("finds the passive after an adverb and with has/have been", () => {
    const report = checkTone({ kind: "decline", note: "The team has already been reduced." });
    expect(report.findings.map((f) => f.match)).toEqual(["has already been reduced"]);
  });
});

describe("checkTone: required elements per kind", () => {
  it("a decline needs the reason and what could change it", () => {
    const text =
      "Hello Maja,\nThank you for applying. We have decided not to offer you this role.\nWrite to Amara Okafor with questions.";
    const report = checkTone({ kind: "decline", text });
    expect(errorIds(report).sort()).toEqual(["missing.could-change", "missing.reason"]);
    expect(report.findings.find((f) => f.ruleId === "missing.reason")!.suggestion).toMatch(/reason/);
  });

  it("an automation-phase notice needs the notice period, severance, a named contact and the alumni pool", () => {
    const text =
      "Hello Jonas,\nWe have decided to automate the payments queue because most questions repeat. Your role will end on Friday 19 December 2025.\nPlease join our Slack channel.";
    const report = checkTone({ kind: "automation_notice", text });
    expect(errorIds(report).sort()).toEqual([
      "missing.alumni-pool",
      "missing.named-contact",
      "missing.notice-period",
      "missing.severance",
    ]);
    expect(ids(report)).toContain("missing.thanks"); // a warning for this kind
  });

  it("an invitation needs what changed and why, a date, a named contact, and (for return opportunities) how to opt out", () => {
    const text =
      "Hello Maja,\nThank you for your years with us. Would you like to come back? Tell us if you are interested.";
    const report = checkTone({ kind: "invitation", purpose: "return_opportunities", text });
    expect(errorIds(report).sort()).toEqual([
      "missing.date",
      "missing.named-contact",
      "missing.opt-out",
      "missing.what-changed",
    ]);
    // The same email as transactional mail does not need the opt-out line.
    expect(errorIds(checkTone({ kind: "invitation", purpose: "transactional", text }))).not.toContain(
      "missing.opt-out",
    );
  });

  it("a link in the text does not count as saying how to opt out", () => {
    const text =
      "Thank you. Tell us by 1 July. Write to Amara Okafor. We changed the team because customers asked. https://x.example/unsubscribe";
    expect(errorIds(checkTone({ kind: "invitation", purpose: "news", text }))).toEqual(["missing.opt-out"]);
  });

  it("a sign-in link needs the expiry and what to do if it was not you", () => {
    const report = checkTone({ kind: "sign_in_link", text: "Here is your link: https://x.example/s/abc" });
    expect(errorIds(report).sort()).toEqual(["missing.expiry", "missing.not-you"]);
    const good = checkTone({
      kind: "sign_in_link",
      text: "The link expires in 15 minutes. If this wasn't you, ignore this email.",
    });
    expect(good.findings).toEqual([]);
  });

  it("recognises a named contact in a sign-off, in 'write to ...' and in '... will meet you'", () => {
    for (const text of [
      "Warm regards,\nAmara Okafor",
      "Please write to Jörgen Öberg-Ström with questions.",
      "Amara Okafor (People Partner) will meet you on Monday.",
    ]) {
      expect(
        ids(checkTone({ kind: "contract_review", text: `${text} Please update the contract.` })),
      ).toEqual([]);
      expect(
        ids(checkTone({ kind: "positive_decision", text: `${text} Please reply by 1 July.` })),
      ).not.toContain("missing.named-contact");
    }
    expect(ids(checkTone({ kind: "positive_decision", text: "Please reply to us by 1 July." }))).toContain(
      "missing.named-contact",
    );
  });

  it("does not check required elements on a note alone", () => {
    const report = checkTone({ kind: "automation_notice", note: "I am sorry, Jonas." });
    expect(report.findings).toEqual([]);
  });
});

describe("checkTone: reading grade and subject", () => {
  const DENSE =
    "Organisational restructuring necessitates comprehensive evaluation of departmental responsibilities, and consequently the administration anticipates considerable reorganisation of operational accountabilities throughout the forthcoming financial year, notwithstanding previously communicated commitments regarding continuity.";

  it("flags a note that reads above the target grade, pointing at the longest sentence", () => {
    const report = checkTone({ kind: "invitation", note: DENSE });
    const grade = report.findings.find((f) => f.ruleId === "reading.grade")!;
    expect(grade.severity).toBe("error"); // far above the hard limit
    expect(grade.match).toBe(DENSE);
    expect(grade.position).toMatchObject({ start: 0, end: DENSE.length });
    expect(grade.message).toMatch(/grade \d+\.\d/);
    expect(report.readability.note!.grade).toBeGreaterThan(16);
  });

  it("does not judge the grade of very short notes", () => {
    expect(ids(checkTone({ kind: "invitation", note: "Consequently, notwithstanding." }))).toEqual([]);
  });

  it("an empty subject is an error; a long one a warning; one that would be cut off an error", () => {
    expect(errorIds(checkTone({ kind: "reminder", subject: "  " }))).toEqual(["subject.empty"]);
    const long = checkTone({ kind: "reminder", subject: "A".repeat(61) });
    expect(long.findings.map((f) => [f.ruleId, f.severity])).toEqual([["subject.too-long", "warning"]]);
    expect(checkTone({ kind: "reminder", subject: "A".repeat(60) }).findings).toEqual([]);
    expect(errorIds(checkTone({ kind: "reminder", subject: "A".repeat(151) }))).toEqual(["subject.too-long"]);
  });

  it("checks the subject's wording too", () => {
    const report = checkTone({
      kind: "automation_notice",
      subject: "Headcount reduction effective immediately",
    });
    expect(
      report.findings
        .filter((f) => f.source === "subject")
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(["cold.effective-immediately", "cold.headcount"]);
  });
});

describe("checkTone: the note inside the full text", () => {
  it("attributes findings in the note to the note, once, and the rest to the text", () => {
    const note = "We cannot say more at this time.";
    const text = `${WARM_DECLINE.replace("Warm regards,", `${note}\n\nWarm regards,`)}\nWe will leverage this.`;
    const report = checkTone({ kind: "decline", text, note });
    const atThisTime = report.findings.filter((f) => f.ruleId === "cold.at-this-time");
    expect(atThisTime).toHaveLength(1);
    expect(atThisTime[0].source).toBe("note");
    expect(note.slice(atThisTime[0].position!.start, atThisTime[0].position!.end)).toBe("at this time");
    const leverage = report.findings.find((f) => f.ruleId === "jargon.leverage")!;
    expect(leverage.source).toBe("text");
    expect(text.slice(leverage.position!.start, leverage.position!.end)).toBe("leverage");
  });

  it("counts errors and warnings and sorts errors first", () => {
    const report = checkTone({ kind: "decline", note: "We are rightsizing. Effective immediately." });
    expect(report.errors).toBe(1);
    expect(report.warnings).toBe(1);
    expect(report.findings[0].severity).toBe("error");
  });
});

describe("tone data files", () => {
  it("load, compile, and cover every email kind", () => {
    const rules = toneRules();
    expect(Object.keys(rules.kinds).sort()).toEqual(Object.keys(EMAIL_KINDS).sort());
    expect(rules.phrases.length).toBeGreaterThan(20);
    expect(new Set(rules.phrases.map((r) => r.id)).size).toBe(rules.phrases.length);
  });
});
