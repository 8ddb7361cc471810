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
import { exportPersonalData, type ExportWording } from "./export-personal-data.server";
import { PERSONAL_DATA_SECTIONS, WITHHELD } from "./personal-data.server";
import { requestErasure } from "./request-erasure.server";

/**
 * Every model of prisma/schema.prisma that refers to a person: a relation field of type Alumnus
 * (the side holding the key; `Alumnus[]` lists belong to things like decisions), or an `alumnusId` column (the outbox and staged import rows hold it without a foreign key).
 */
function modelsReferringToAlumni(): string[] {
  const schema = fs.readFileSync(path.join(import.meta.dirname, "../../../prisma/schema.prisma"), "utf8");
  const out: string[] = [];
  for (const match of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, name, body] = match;
    if (name === "Alumnus") continue;
    const fields = body
      .split("\n")
      .map((line) => line.replace(/\/\/.*$/, "").trim())
      .filter((line) => line && !line.startsWith("@@"))
      .map((line) => line.split(/\s+/));
    if (fields.some(([field, type]) => /^Alumnus\??$/.test(type ?? "") || /^alumnusId$/i.test(field)))
      out.push(name);
  }
  return out;
}

const wording: ExportWording = {
  about: "Everything we hold about you.",
  withheld: { internal: "Internal HR notes.", secret: "Security secrets." },
  sections: {},
};

describe("data export", () => {
  it("has a section for every table that refers to a person (read from the schema)", () => {
    const referring = modelsReferringToAlumni();
    // the parser finds the relations we know of (a guard against the parser finding nothing)
    expect(referring).toEqual(expect.arrayContaining(["EmploymentPeriod", "OutboxMessage", "ImportRow"]));
    const covered = new Set(PERSONAL_DATA_SECTIONS.map((s) => s.model));
    expect(referring.filter((m) => !covered.has(m))).toEqual([]);
    expect(covered.has("Alumnus")).toBe(true);
    expect(covered.has("AuditEvent")).toBe(true);
  });

  it("has a title in the portal's catalogue for every section, so the person's download can name it", () => {
    const missing = PERSONAL_DATA_SECTIONS.map((s) => `export.section.${s.key}`).filter(
      (key) => !Object.hasOwn(PORTAL_STRINGS_EN, key),
    );
    expect(missing).toEqual([]);
  });

  it("gives the person their own data, complete and machine-readable, withholding internal notes and secrets by name", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const me = await createAlumnus(db, {
      phone: "+46 70 555 01 01",
      doNotRehire: true,
      doNotRehireReason: `Reason only HR sees ${unique()}`,
    });
    const someoneElse = await createAlumnus(db);
    await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
    const actor: AlumnusUser = { kind: "alumnus", id: me.id, sessionId: "s", name: me.firstName };
    const noteBody = `HR private note ${unique()}`;
    await addAlumnusNote({ actor: hr, alumnusId: me.id, body: noteBody });
    await addAlumnusNote({ actor: hr, alumnusId: someoneElse.id, body: "about someone else" });
    await db.eligibilityReviewRequest.create({
      data: { alumnusId: me.id, message: "Please look again", outcomeAtRequest: "not_eligible" },
    });
    await createSession({ alumnusId: me.id }, { ip: "10.1.2.3", userAgent: "Phone" });
    await requestErasure({ actor, message: '=HYPERLINK("http://evil")' });
    // A draft policy's what-if names the person; its reasons are HR's deliberation.
    const run = await db.whatIfRun.create({
      data: { policyId: unique("draft"), revision: 1, status: "done", computedAt: new Date() },
    });
    const draftReason = `Draft rule only HR sees ${unique()}`;
    await db.whatIfChange.create({
      data: {
        runId: run.id,
        alumnusId: me.id,
        name: me.firstName,
        sortKey: me.firstName.toLowerCase(),
        toOutcome: "eligible",
        fromOutcome: "needs_review",
        direction: "more",
        why: [draftReason],
      },
    });

    const json = await exportPersonalData({ actor, format: "json", wording });
    expect(json.fileName).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = JSON.parse(json.body) as {
      sections: { table: string; rows: Record<string, unknown>[]; withheld: { field: string }[] }[];
    };
    const section = (table: string) => parsed.sections.find((s) => s.table === table);
    expect(parsed.sections.map((s) => s.table)).toEqual(PERSONAL_DATA_SECTIONS.map((s) => s.model));
    expect(section("Alumnus")?.rows).toEqual([
      expect.objectContaining({
        id: me.id,
        hrId: me.hrId,
        phone: "+46 70 555 01 01",
        doNotRehireReason: WITHHELD,
      }),
    ]);
    expect(section("EmploymentPeriod")?.rows.length).toBeGreaterThan(0);
    expect(section("AlumnusNote")?.rows).toEqual([expect.objectContaining({ body: WITHHELD })]);
    expect(section("AlumnusNote")?.withheld).toEqual([
      expect.objectContaining({ field: "body", reason: "internal" }),
    ]);
    expect(section("EligibilityVerdict")?.rows).toHaveLength(1);
    expect(section("EligibilityReviewRequest")?.rows).toEqual([
      expect.objectContaining({ message: "Please look again" }),
    ]);
    expect(section("Session")?.rows).toEqual([expect.objectContaining({ id: WITHHELD, ip: "10.1.2.3" })]);
    expect(section("ErasureRequest")?.rows).toHaveLength(1);
    expect(section("WhatIfChange")?.rows).toEqual([
      expect.objectContaining({ name: me.firstName, toOutcome: "eligible", why: WITHHELD }),
    ]);
    expect(section("AuditEvent")?.rows.map((e) => e.action)).toEqual(
      expect.arrayContaining(["alumnus.note_added", "erasure.requested"]),
    );
    // Nothing of anyone else, and nothing HR keeps to itself.
    expect(json.body).not.toContain(someoneElse.id);
    expect(json.body).not.toContain("about someone else");
    expect(json.body).not.toContain(noteBody);
    expect(json.body).not.toContain("Reason only HR sees");
    expect(json.body).not.toContain(draftReason);

    const csv = await exportPersonalData({ actor, format: "csv", wording });
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(csv.body.startsWith('\uFEFF"Section","Table","Row","Field","Value"')).toBe(true);
    expect(csv.body).toContain(`"Alumnus","1","hrId","${me.hrId}"`);
    // A formula typed by the person is neutralised in the spreadsheet file.
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.body).not.toContain(noteBody);

    const audited = await db.auditEvent.findMany({
      where: { action: "alumnus.data_exported", entityId: me.id },
    });
    expect(audited.map((e) => (e.after as { format: string }).format).sort()).toEqual(["csv", "json"]);
  });
});
