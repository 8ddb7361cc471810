import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addAlumnusNote } from "~/modules/alumni/add-alumnus-note.server";
import { publishInitialPolicy } from "~/modules/eligibility/publish-policy.server";
import { PORTAL_STRINGS_EN } from "~/modules/portal/strings";
import type { AlumnusUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { createSession } from "~/platform/session.server";
import { createAlumnus, createStaffUser, staffActor, unique } from "../../../test/factories";
import { createPersonRecord } from "../../../test/factories/person-record";
import { exportPersonalData, type ExportWording } from "./export-personal-data.server";
import { PERSONAL_DATA_LABELS } from "./labels";
import {
  KEYED_REFERENCES,
  NOT_PERSONAL_DATA,
  PERSONAL_DATA_SECTIONS,
  WITHHELD,
} from "./personal-data.server";
import { requestErasure } from "./request-erasure.server";

type SchemaField = { name: string; type: string; relationFields: string[]; comment: string };

/** The models of prisma/schema.prisma with their fields (name, type, the key columns of a relation). */
function schemaModels(): Map<string, SchemaField[]> {
  const schema = fs.readFileSync(path.join(import.meta.dirname, "../../../prisma/schema.prisma"), "utf8");
  const models = new Map<string, SchemaField[]>();
  for (const match of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, name, body] = match;
    const fields = body
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("@@") && !line.startsWith("//"))
      .map((line) => {
        const comment = line.includes("//") ? line.slice(line.indexOf("//") + 2).trim() : "";
        const code = line.replace(/\/\/.*$/, "").trim();
        const [field, type = ""] = code.split(/\s+/);
        const keys = /@relation\([^)]*fields:\s*\[([^\]]*)\]/.exec(code)?.[1] ?? "";
        return {
          name: field,
          type: type.replace(/[?[\]]/g, ""),
          relationFields: keys
            .split(",")
            .map((k) => k.trim())
            .filter(Boolean),
          comment,
        };
      });
    models.set(name, fields);
  }
  return models;
}

/**
 * Every model that reaches a person, to any depth: a model holding a relation key to Alumnus, or
 * to a model that does, and so on; an `alumnusId` column without a foreign key, and the columns
 * listed in KEYED_REFERENCES, count as references too. Returns each reached model with the path
 * that reached it (for the failure message).
 */
function modelsReachingAlumni(models: Map<string, SchemaField[]>): Map<string, string> {
  const edges: { from: string; to: string; via: string }[] = [];
  for (const [model, fields] of models) {
    for (const f of fields) {
      if (f.relationFields.length > 0 && models.has(f.type))
        edges.push({ from: model, to: f.type, via: `${model}.${f.relationFields.join("+")}` });
      if (f.name === "alumnusId") edges.push({ from: model, to: "Alumnus", via: `${model}.alumnusId` });
    }
  }
  for (const r of KEYED_REFERENCES) edges.push({ from: r.model, to: r.to, via: `${r.model}.${r.column}` });
  const reached = new Map<string, string>([["Alumnus", "Alumnus"]]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of edges) {
      if (reached.has(e.to) && !reached.has(e.from)) {
        reached.set(e.from, `${e.via} -> ${reached.get(e.to)}`);
        grew = true;
      }
    }
  }
  return reached;
}

const wording: ExportWording = {
  about: "Everything we hold about you.",
  withheld: { internal: "Internal HR notes.", secret: "Security secrets." },
  sections: {},
};

describe("data export", () => {
  it("has a section for every table that reaches a person, directly or through their other rows (read from the schema)", () => {
    const models = schemaModels();
    const reached = modelsReachingAlumni(models);
    // The walk finds direct references, keyless ones, and ones two and three tables away (a guard
    // against a parser that finds nothing).
    expect([...reached.keys()]).toEqual(
      expect.arrayContaining([
        "EmploymentPeriod",
        "OutboxMessage",
        "ImportRow",
        "ApplicationNote",
        "ContractNote",
        "ContractApproval",
        "OnboardingTask",
        "OnboardingDocument",
        "ReminderLog",
        "AuditEvent",
        "Suppression",
      ]),
    );
    expect(reached.get("ContractNote")).toMatch(/ContractNote\.contractId -> GigContract\./);
    // Not everything is reached: HR's own records are not the person's.
    expect(reached.has("Campaign")).toBe(false);
    expect(reached.has("ReturnProgram")).toBe(false);

    const covered = new Set(PERSONAL_DATA_SECTIONS.map((s) => s.model));
    const missing = [...reached]
      .filter(([model]) => !covered.has(model) && !Object.hasOwn(NOT_PERSONAL_DATA, model))
      .map(([model, via]) => `${model} (${via})`);
    expect(missing).toEqual([]);
    // An exclusion says why, and is not also a section.
    for (const [model, why] of Object.entries(NOT_PERSONAL_DATA)) {
      expect(models.has(model), model).toBe(true);
      expect(covered.has(model), model).toBe(false);
      expect(why.length, model).toBeGreaterThan(40);
    }
    // Every section is a model of the schema, and one the walk reaches.
    expect([...covered].filter((m) => !reached.has(m))).toEqual([]);
  });

  it("lists every reference held as text: each names a real column, and each column whose comment describes a person's key is listed", () => {
    const models = schemaModels();
    for (const r of KEYED_REFERENCES) {
      expect(
        models.get(r.model)?.some((f) => f.name === r.column),
        `${r.model}.${r.column}`,
      ).toBe(true);
      expect(models.has(r.to), r.to).toBe(true);
    }
    // A column documented as holding "alumnus:<id>" (or a person's task, contract...) is a
    // reference the relations cannot show: it must be listed, or the export misses its rows.
    const listed = new Set(KEYED_REFERENCES.map((r) => `${r.model}.${r.column}`));
    const keyed = [...models].flatMap(([model, fields]) =>
      fields
        .filter((f) => /\b(alumnus|task|contract|application):</.test(f.comment))
        .map((f) => `${model}.${f.name}`),
    );
    expect(keyed).toContain("ReminderLog.recipientKey");
    expect(keyed.filter((k) => !listed.has(k))).toEqual([]);
  });

  it("has a label on HR's erasure pages for every section, so what is held and erased is named", () => {
    expect(
      PERSONAL_DATA_SECTIONS.map((s) => s.model).filter((m) => !Object.hasOwn(PERSONAL_DATA_LABELS, m)),
    ).toEqual([]);
  });

  it("has a title in the portal's catalogue for every section, so the person's download can name it", () => {
    const missing = PERSONAL_DATA_SECTIONS.map((s) => `export.section.${s.key}`).filter(
      (key) => !Object.hasOwn(PORTAL_STRINGS_EN, key),
    );
    expect(missing).toEqual([]);
  });

  it("gives the person their own data, complete and machine-readable, withholding internal notes and secrets by name", async () => {
    const hrUser = await createStaffUser(db, { role: "hr" });
    const hr = staffActor(hrUser);
    const tag = unique("").replace(/[^a-z0-9]/gi, "");
    const me = await createAlumnus(db, {
      firstName: `Mine${tag}`,
      lastName: `Person${tag}`,
      personalEmail: `mine.${tag}@mail.example.org`,
      phone: "+46 70 555 01 01",
      doNotRehire: true,
      doNotRehireReason: `Reason only HR sees ${tag}`,
    });
    const someoneElse = await createAlumnus(db, {
      firstName: `Theirs${tag}`,
      lastName: `Other${tag}`,
      personalEmail: `theirs.${tag}@mail.example.org`,
    });
    await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
    const actor: AlumnusUser = { kind: "alumnus", id: me.id, sessionId: "s", name: me.firstName };

    /** One row in every section for a person; `text` in every free-text field. */
    async function everything(person: typeof me, text: string, formula = "") {
      const name = `${person.firstName} ${person.lastName}`;
      const note = await addAlumnusNote({ actor: hr, alumnusId: person.id, body: `HR note: ${text}` });
      await db.eligibilityVerdictChange.create({
        data: {
          alumnusId: person.id,
          kind: "override",
          fromOutcome: "needs_review",
          toOutcome: "eligible",
          justification: `Override: ${text}`,
          actorId: hrUser.id,
          actorName: hrUser.name,
        },
      });
      const record = await createPersonRecord(db, {
        alumnusId: person.id,
        name,
        email: person.personalEmail as string,
        text,
        hrUserId: hrUser.id,
      });
      await createSession({ alumnusId: person.id }, { ip: "10.1.2.3", userAgent: `Phone of ${text}` });
      const erasure = await requestErasure({
        actor: { kind: "alumnus", id: person.id, sessionId: "s", name },
        message: `${formula}Erase: ${text}`,
      });
      return { note, record, erasure };
    }
    const mineText = `MINE-${tag}`;
    const theirsText = `THEIRS-${tag}`;
    const mine = await everything(me, mineText, '=HYPERLINK("http://evil") ');
    await everything(someoneElse, theirsText);

    // The events about the person before the export (which adds its own).
    const r = mine.record;
    const myEvents = await db.auditEvent.findMany({
      where: {
        OR: [
          { entityType: "alumnus", entityId: me.id },
          { actorId: me.id },
          { entityType: "application", entityId: r.application.id },
          { entityType: "contract", entityId: r.contract.id },
        ],
      },
      select: { id: true },
    });
    const json = await exportPersonalData({ actor, format: "json", wording });
    expect(json.fileName).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = JSON.parse(json.body) as {
      sections: { table: string; rows: Record<string, unknown>[]; withheld: { field: string }[] }[];
    };
    const section = (table: string) => parsed.sections.find((s) => s.table === table);
    expect(parsed.sections.map((s) => s.table)).toEqual(PERSONAL_DATA_SECTIONS.map((s) => s.model));

    // Each section holds exactly the person's rows, told apart by a column the section keeps.
    const ids = (rows: { id: string | bigint }[]) => rows.map((row) => String(row.id));
    const whereMine = { where: { alumnusId: me.id } };
    const expected: Record<string, [field: string, values: string[]]> = {
      Alumnus: ["id", [me.id]],
      EmploymentPeriod: ["id", ids(await db.employmentPeriod.findMany(whereMine))],
      AlumnusNote: ["id", [mine.note.id]],
      EligibilityVerdict: ["policyId", []],
      EligibilityVerdictChange: ["id", ids(await db.eligibilityVerdictChange.findMany(whereMine))],
      WhatIfChange: ["name", [`${me.firstName} ${me.lastName}`]],
      ReviewInputRequest: ["id", [r.reviewInput.id]],
      EligibilityReviewRequest: ["id", [r.reviewRequest.id]],
      CampaignRecipient: ["id", [r.recipient.id]],
      InvitationAnswer: ["id", [r.answer.id]],
      OutboxMessage: ["id", [r.email.id]],
      ImportRow: ["importId", [r.importRow.importId]],
      Application: ["id", [r.application.id]],
      ApplicationNote: ["id", ids(r.applicationNotes)],
      GigContract: ["id", [r.contract.id]],
      ContractApproval: ["id", [r.approval.id]],
      ContractNote: ["id", ids(r.contractNotes)],
      ContractAcceptance: ["id", [r.acceptance.id]],
      OnboardingTask: ["id", ids(r.tasks)],
      OnboardingDocument: ["id", [r.document.id]],
      ReminderLog: ["recipientKey", r.reminders.map((x) => x.recipientKey)],
      Session: ["userAgent", [`Phone of ${mineText}`]],
      AuthToken: ["id", [r.signInLink.id]],
      ErasureRequest: ["id", [mine.erasure.id]],
      AuditEvent: ["id", ids(myEvents)],
    };
    // A new section needs a row here too.
    expect(Object.keys(expected).sort()).toEqual(PERSONAL_DATA_SECTIONS.map((s) => s.model).sort());
    for (const [table, [field, values]] of Object.entries(expected)) {
      const rows = section(table)?.rows ?? [];
      if (table === "EligibilityVerdict") {
        // one verdict per person (the policy's id is left out: nothing else tells it apart)
        expect(rows, table).toHaveLength(1);
        continue;
      }
      expect(values.length, table).toBeGreaterThan(0);
      expect(rows.map((row) => String(row[field])).sort(), table).toEqual([...values].sort());
    }
    expect(ids(myEvents)).toEqual(expect.arrayContaining(r.audited.map(String)));
    expect(section("AuditEvent")?.rows.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "alumnus.note_added",
        "erasure.requested",
        "application.moved",
        "contract.accepted",
      ]),
    );

    // The person's own words are theirs; HR's, managers' and approvers' notes are withheld by name.
    expect(section("Alumnus")?.rows).toEqual([
      expect.objectContaining({
        id: me.id,
        hrId: me.hrId,
        phone: "+46 70 555 01 01",
        doNotRehireReason: WITHHELD,
      }),
    ]);
    expect(section("AlumnusNote")?.rows).toEqual([expect.objectContaining({ body: WITHHELD })]);
    expect(section("AlumnusNote")?.withheld).toEqual([
      expect.objectContaining({ field: "body", reason: "internal" }),
    ]);
    expect(section("ReviewInputRequest")?.rows).toEqual([
      expect.objectContaining({ question: WITHHELD, answer: WITHHELD }),
    ]);
    expect(section("WhatIfChange")?.rows).toEqual([
      expect.objectContaining({ toOutcome: "eligible", why: WITHHELD }),
    ]);
    expect(section("InvitationAnswer")?.rows).toEqual([
      expect.objectContaining({ message: `Answer: ${mineText}`, campaignName: r.campaign.name }),
    ]);
    expect(section("Application")?.rows).toEqual([
      expect.objectContaining({ motivation: `Motivation: ${mineText}`, programTitle: r.program.title }),
    ]);
    const byAuthor = (table: string) =>
      Object.fromEntries((section(table)?.rows ?? []).map((n) => [n.authorType as string, n.body]));
    expect(byAuthor("ApplicationNote")).toEqual({ staff: WITHHELD, alumnus: `Withdrawing: ${mineText}` });
    expect(byAuthor("ContractNote")).toEqual({ staff: WITHHELD, alumnus: `Accepting: ${mineText}` });
    expect(section("ContractNote")?.withheld).toEqual([
      expect.objectContaining({ field: "body", reason: "internal", count: 1 }),
    ]);
    expect(section("ContractApproval")?.rows).toEqual([
      expect.objectContaining({ capacity: "manager", comment: WITHHELD }),
    ]);
    expect(section("ContractAcceptance")?.rows).toEqual([
      expect.objectContaining({
        text: expect.stringContaining(me.lastName),
        pdf: expect.stringMatching(/bytes\]$/),
      }),
    ]);
    expect(section("OnboardingDocument")?.rows).toEqual([
      expect.not.objectContaining({ bytes: expect.anything() }),
    ]);
    expect(section("ImportRow")?.rows).toEqual([
      expect.objectContaining({ managerName: `Row: ${mineText}` }),
    ]);
    expect(section("Session")?.rows).toEqual([expect.objectContaining({ id: WITHHELD, ip: "10.1.2.3" })]);
    expect(section("AuthToken")?.rows).toEqual([expect.objectContaining({ tokenHash: WITHHELD })]);
    const events = section("AuditEvent")?.rows ?? [];
    expect(events.find((e) => e.action === "application.moved")).toMatchObject({ reason: WITHHELD });
    expect(events.find((e) => e.action === "contract.accepted")).toMatchObject({
      reason: `Accepted: ${mineText}`,
    });

    // Nothing of anyone else, and nothing HR keeps to itself.
    for (const value of [someoneElse.id, theirsText, someoneElse.firstName, someoneElse.lastName])
      expect(json.body).not.toContain(value);
    expect(json.body).not.toContain(`HR note: ${mineText}`);
    expect(json.body).not.toContain(`Screening: ${mineText}`);
    expect(json.body).not.toContain(`Offer note: ${mineText}`);
    expect(json.body).not.toContain(`Approver: ${mineText}`);
    expect(json.body).not.toContain(`Draft rule: ${mineText}`);
    expect(json.body).not.toContain(`Override: ${mineText}`);
    expect(json.body).not.toContain("Reason only HR sees");

    const csv = await exportPersonalData({ actor, format: "csv", wording });
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(csv.body.startsWith('\uFEFF"Section","Table","Row","Field","Value"')).toBe(true);
    // Every section is in the spreadsheet with its rows (the title is the key without wording).
    for (const s of PERSONAL_DATA_SECTIONS)
      expect(csv.body, s.model).toContain(`"${s.key}","${s.model}","1",`);
    expect(csv.body).toContain(`"Alumnus","1","hrId","${me.hrId}"`);
    expect(csv.body).toContain(`"ContractNote","2","body","Accepting: ${mineText}"`);
    expect(csv.body).toContain(`"recipientKey","task:${r.tasks[0].id}"`);
    // A formula typed by the person is neutralised in the spreadsheet file.
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"") Erase: ${mineText}"`);
    for (const value of [someoneElse.id, theirsText, `HR note: ${mineText}`, `Screening: ${mineText}`])
      expect(csv.body).not.toContain(value);

    const audited = await db.auditEvent.findMany({
      where: { action: "alumnus.data_exported", entityId: me.id },
    });
    expect(audited.map((e) => (e.after as { format: string }).format).sort()).toEqual(["csv", "json"]);
  });
});
