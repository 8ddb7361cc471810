import { NUL_MESSAGE } from "~/platform/input";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STALE_EDIT_MESSAGE } from "~/modules/alumni/update-alumnus.server";
import { db } from "~/platform/db.server";
import type { RoleId } from "~/platform/permissions";
import { createAlumnus, createStaffUser, createTeam, unique } from "../factories";
import {
  countTried,
  CSV_INJECTION_PAYLOADS,
  INVISIBLE_AND_CONTROL_PAYLOADS,
  triedSummary,
  XSS_PAYLOADS,
} from "../hostile/payloads";
import { startTestApp, type TestApp } from "../setup/app-server";
import { cspNonce, markupOutsideOurScripts, reactEscaped, signedInClient, type Client } from "./helpers";

/**
 * The alumni pages over HTTP against the production build: restricted fields reach only people
 * allowed to see them (pages, loader data, filters, exports), exports neutralise formulas,
 * hostile notes and tags render inert, and a stale edit is refused with the edits kept.
 */
const PASSWORD = "an alumni test password";
let app: TestApp;
let hr: Client;
let assistant: Client;
let manager: Client;
let teamless: Client;
const gotThrough: string[] = [];
let pagesChecked = 0;

beforeAll(async () => {
  app = await startTestApp();
  // A role that reads, edits and exports alumni but may not see restricted fields.
  await db.role.upsert({
    where: { id: "hr-assistant" },
    create: {
      id: "hr-assistant",
      label: "HR assistant",
      description: "Test role without restricted fields",
      permissions: {
        create: ["read:alumnus:any", "edit:alumnus:any", "export:alumni", "manage:segment"].map(
          (permissionKey) => ({ permissionKey }),
        ),
      },
    },
    update: {},
  });
  const h = await createStaffUser(db, { role: "hr", password: PASSWORD });
  const a = await createStaffUser(db, { role: "hr-assistant" as RoleId, password: PASSWORD });
  const team = await createTeam(db);
  const m = await createStaffUser(db, { role: "manager", password: PASSWORD, teamId: team.id });
  hr = await signedInClient(app, h.email, PASSWORD);
  assistant = await signedInClient(app, a.email, PASSWORD);
  manager = await signedInClient(app, m.email, PASSWORD);
  const t = await createStaffUser(db, { role: "manager", password: PASSWORD, teamId: null });
  teamless = await signedInClient(app, t.email, PASSWORD);
});
afterAll(async () => {
  console.log(
    `hostile inputs tried (alumni pages over HTTP): ${triedSummary()}; pages checked ${pagesChecked}; rendered live: ${gotThrough.length}`,
  );
  await app?.close();
});

async function html(client: Client, path: string) {
  const response = await client.request(path);
  expect(response.status, path).toBe(200);
  pagesChecked++;
  return markupOutsideOurScripts(await response.text(), cspNonce(response));
}

function expectInert(markup: string, payload: string, where: string) {
  const raw = /[<>"']/.test(payload) && markup.includes(payload);
  const shown = markup.includes(reactEscaped(payload));
  if (raw || !shown) gotThrough.push(`${where}: ${payload}`);
  expect(raw, `raw ${JSON.stringify(payload)} on ${where}`).toBe(false);
  expect(shown, `escaped ${JSON.stringify(payload)} shown on ${where}`).toBe(true);
}

function parseCsv(text: string): string[][] {
  return parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
}

const post = (client: Client, path: string, fields: [string, string][]) =>
  client.request(path, {
    method: "POST",
    body: new URLSearchParams(fields).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });

describe("restricted fields", () => {
  it("reach only viewers with read:alumnus:restricted: profile, list filter, timeline and export", async () => {
    const marker = unique("restr").toLowerCase();
    const secret = `Confidential reason ${marker}`;
    const flagged = await createAlumnus(db, {
      lastName: `Flagged${marker}`,
      doNotRehire: true,
      doNotRehireReason: secret,
    });
    await createAlumnus(db, { lastName: `Clear${marker}` });

    expect(await html(hr, `/staff/alumni/${flagged.id}`)).toContain(reactEscaped(secret));

    // Neither the page nor its loader data (in our scripts) carries the flag for the assistant.
    const page = await (await assistant.request(`/staff/alumni/${flagged.id}`)).text();
    expect(page).not.toContain(secret);
    expect(page).not.toContain("doNotRehire");
    expect(page).not.toContain("Do not rehire");
    // Filtering on the flag is ignored (its count would reveal it).
    const filtered = await (await assistant.request(`/staff/alumni?q=${marker}&doNotRehire=yes`)).text();
    expect(filtered.replace(/<!-- -->/g, "")).toContain("<strong>2</strong> people");
    // Changing it is refused.
    const change = await post(assistant, `/staff/alumni/${flagged.id}`, [
      ["intent", "do-not-rehire"],
      ["version", String(flagged.version)],
      ["doNotRehire", "no"],
      ["reason", "Trying without the permission"],
    ]);
    expect(change.status).toBe(403);
    // Export: no restricted columns.
    const csv = parseCsv(await (await assistant.request(`/staff/alumni/export?q=${marker}`)).text());
    expect(csv[0]).not.toContain("Do not rehire");
    expect(csv.flat().join(" ")).not.toContain(secret);
    const hrCsv = parseCsv(await (await hr.request(`/staff/alumni/export?q=${marker}`)).text());
    expect(hrCsv[0]).toContain("Do-not-rehire reason");
    expect(hrCsv.flat()).toContain(secret);
  });

  it("managers see no one outside their team: a profile answers 404 and the list carries no exit details", async () => {
    const someone = await createAlumnus(db, { exitReason: "conduct" });
    expect((await manager.request(`/staff/alumni/${someone.id}`)).status).toBe(404);
    const list = await (await manager.request("/staff/alumni?exitReason=conduct")).text();
    expect(list).toContain("No alumni involve your team yet");
    expect(list).not.toContain(someone.id);
    expect((await manager.request("/staff/alumni/export")).status).toBe(403);
  });

  it("a manager in no team yet gets an empty list that says why, and 404 for a profile, never 403", async () => {
    const someone = await createAlumnus(db);
    expect((await teamless.request(`/staff/alumni/${someone.id}`)).status).toBe(404);
    const response = await teamless.request("/staff/alumni");
    expect(response.status).toBe(200);
    const list = await response.text();
    expect(list).toContain("You are not in a team yet");
    expect(list).toContain("An administrator puts you in a team");
    expect(list).not.toContain(someone.id);
    expect((await teamless.request("/staff")).status).toBe(200);
    expect((await teamless.request("/staff/alumni/export")).status).toBe(403);
  });

  it("requires a reason to set the flag, and audits it with the reason", async () => {
    const a = await createAlumnus(db);
    const missing = await post(hr, `/staff/alumni/${a.id}`, [
      ["intent", "do-not-rehire"],
      ["version", String(a.version)],
      ["doNotRehire", "yes"],
      ["reason", ""],
    ]);
    expect(missing.status).toBe(422);
    expect((await missing.text()).replace(/<!-- -->/g, "")).toContain("Give the reason for this change");
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: a.id } })).doNotRehire).toBe(false);
    const ok = await post(hr, `/staff/alumni/${a.id}`, [
      ["intent", "do-not-rehire"],
      ["version", String(a.version)],
      ["doNotRehire", "yes"],
      ["reason", "Serious misconduct found after exit"],
    ]);
    expect(ok.status).toBe(200);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "alumnus.restricted_updated", entityId: a.id },
    });
    expect(event.reason).toBe("Serious misconduct found after exit");
  });
});

describe("stale edits and mass assignment", () => {
  it("refuses a form opened before someone else's save, keeps the typed values, and offers the fresh version", async () => {
    const a = await createAlumnus(db, { firstName: "Linnea", lastName: "Holm", jobTitle: "Support Agent" });
    const form = (jobTitle: string): [string, string][] => [
      ["intent", "edit"],
      ["version", String(a.version)],
      ["firstName", a.firstName],
      ["lastName", a.lastName],
      ["jobTitle", jobTitle],
      // not part of the form: must be ignored
      ["doNotRehire", "yes"],
      ["manualEdits", "{}"],
      ["searchText", "hacked"],
    ];
    const first = await post(hr, `/staff/alumni/${a.id}`, form("Team Lead"));
    expect(first.status).toBe(200);
    const stale = await post(hr, `/staff/alumni/${a.id}`, form("Quality Coach"));
    expect(stale.status).toBe(409);
    const body = (await stale.text()).replace(/<!-- -->/g, "");
    expect(body).toContain(reactEscaped(STALE_EDIT_MESSAGE));
    expect(body).toContain('value="Quality Coach"');
    expect(body).toContain(`name="version" value="${a.version + 1}"`);
    const now = await db.alumnus.findUniqueOrThrow({ where: { id: a.id } });
    expect(now.jobTitle).toBe("Team Lead");
    expect(now.doNotRehire).toBe(false);
    expect(now.searchText).not.toContain("hacked");
    expect(Object.keys(now.manualEdits as object).sort()).toEqual(expect.arrayContaining(["jobTitle"]));
  });

  it("refuses names with control and invisible characters with a message next to the field", async () => {
    const a = await createAlumnus(db);
    let refused = 0;
    for (const payload of INVISIBLE_AND_CONTROL_PAYLOADS) {
      const { version } = await db.alumnus.findUniqueOrThrow({ where: { id: a.id } });
      const response = await post(hr, `/staff/alumni/${a.id}`, [
        ["intent", "edit"],
        ["version", String(version)],
        ["firstName", payload],
        ["lastName", a.lastName],
      ]);
      const stored = (await db.alumnus.findUniqueOrThrow({ where: { id: a.id } })).firstName;
      // Refused with a message next to the field, or (a leading/trailing BOM, which trim removes) stored clean.
      if (response.status === 422) {
        refused++;
        expect((await response.text()).replace(/<!-- -->/g, "")).toContain(
          payload.includes("\u0000")
            ? NUL_MESSAGE
            : "Remove line breaks and invisible or direction-changing characters from the first name.",
        );
      } else expect(response.status, JSON.stringify(payload)).toBe(200);
      expect(stored, JSON.stringify(payload)).not.toMatch(
        /[\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/,
      );
    }
    countTried("invisible/control: alumnus name", INVISIBLE_AND_CONTROL_PAYLOADS.length);
    expect(refused).toBeGreaterThanOrEqual(INVISIBLE_AND_CONTROL_PAYLOADS.length - 1);
  });
});

describe("hostile text in notes, tags and decisions renders inert", () => {
  it("on the profile, the list and the decision pages", async () => {
    const marker = unique("xss").toLowerCase();
    const a = await createAlumnus(db, { lastName: `Target${marker}` });
    const tags: string[] = [];
    for (const payload of XSS_PAYLOADS) {
      const note = await post(hr, `/staff/alumni/${a.id}`, [
        ["intent", "add-note"],
        ["body", payload],
      ]);
      expect(note.status, `note ${payload}`).toBe(200);
      countTried("xss: alumnus note");
      const tag = await post(hr, `/staff/alumni/${a.id}`, [
        ["intent", "add-tag"],
        ["tag", payload],
      ]);
      countTried("xss: alumnus tag");
      if (payload.length <= 60) {
        expect(tag.status, `tag ${payload}`).toBe(200);
        tags.push(payload);
      } else {
        expect(tag.status, `tag ${payload}`).toBe(422);
        expect((await tag.text()).replace(/<!-- -->/g, "")).toContain("Keep a tag under 60 characters.");
      }
    }
    const profile = await html(hr, `/staff/alumni/${a.id}`);
    for (const payload of XSS_PAYLOADS) expectInert(profile, payload, "profile timeline (note)");
    for (const tag of tags) expectInert(profile, tag, "profile tags");
    const list = await html(hr, `/staff/alumni?q=${marker}`);
    for (const tag of tags) expectInert(list, tag, "alumni list tags");

    // Decision titles and rationales typed with hostile text.
    for (const [i, payload] of XSS_PAYLOADS.slice(0, 8).entries()) {
      const created = await post(hr, "/staff/decisions/new", [
        ["title", `${payload} ${marker}${i}`],
        ["kind", "automation"],
        ["function", "Customer service"],
        ["rationale", `${payload} explained`],
        ["status", "in_effect"],
      ]);
      expect(created.status, payload).toBe(302);
      countTried("xss: decision title and rationale");
      const page = await html(hr, created.headers.get("location") as string);
      expectInert(page, `${payload} ${marker}${i}`, "decision page title");
      expectInert(page, `${payload} explained`, "decision page rationale");
    }
    const decisions = await html(hr, "/staff/decisions");
    for (const [i, payload] of XSS_PAYLOADS.slice(0, 8).entries())
      expectInert(decisions, `${payload} ${marker}${i}`, "decision list");
  });
});

describe("export", () => {
  it("neutralises formulas in every cell, names the file itself, streams, and audits the export", async () => {
    const marker = unique("csv").toLowerCase();
    const ids: string[] = [];
    for (const payload of CSV_INJECTION_PAYLOADS) {
      // As an import could bring them: names, job titles, skills and tags straight from a file.
      const a = await createAlumnus(db, {
        firstName: payload,
        lastName: `Csv${marker}`,
        jobTitle: payload,
        skills: [payload],
        tags: [payload],
        searchText: `csv${marker}`,
      });
      ids.push(a.id);
    }
    countTried("csv injection: alumni export", CSV_INJECTION_PAYLOADS.length * 4);
    const response = await hr.request(`/staff/alumni/export?q=csv${marker}&filename=..%2F..%2Fevil.sh`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="alumni-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("content-length"), "streamed").toBeNull();
    const table = parseCsv(await response.text());
    expect(table).toHaveLength(1 + CSV_INJECTION_PAYLOADS.length);
    for (const row of table)
      for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r\n]/);
    const firstNames = table.slice(1).map((r) => r[table[0].indexOf("First name")]);
    expect(firstNames.sort()).toEqual(
      CSV_INJECTION_PAYLOADS.map((p) => (/^[=+\-@\t\r\n]/.test(p) ? `'${p}` : p)).sort(),
    );
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "alumni.exported" },
      orderBy: { id: "desc" },
    });
    expect(event.after).toMatchObject({
      scope: "view",
      view: `q=csv${marker}`,
      rows: CSV_INJECTION_PAYLOADS.length,
    });

    // The ticked rows, posted from the list.
    const selected = await post(hr, "/staff/alumni/export", [
      ["scope", "selected"],
      ["view", `q=csv${marker}`],
      ["alumnusId", ids[0]],
      ["alumnusId", ids[1]],
    ]);
    expect(selected.status).toBe(200);
    expect(selected.headers.get("content-disposition")).toMatch(/filename="alumni-selection-/);
    expect(parseCsv(await selected.text())).toHaveLength(3);
    // Nobody ticked: back to the list with the reason.
    const none = await post(hr, "/staff/alumni/export", [
      ["scope", "selected"],
      ["view", `q=csv${marker}`],
    ]);
    expect(none.status).toBe(302);
    expect(none.headers.get("location")).toContain("problem=export-none-ticked");
  });
});

describe("the list's address", () => {
  it("is canonical: empty form fields, unknown keys and bad values are dropped, keys in a stable order", async () => {
    const messy = await hr.request(
      "/staff/alumni?sort=-exitDate&tag=&q=berg&exitReason=bogus&exitReason=conduct&page=abc&evil=%3Cscript%3E",
    );
    expect(messy.status).toBe(302);
    // What could not be read is dropped and named (`ignored`), so the page can say so (issue 11).
    expect(messy.headers.get("location")).toBe(
      "/staff/alumni?q=berg&exitReason=conduct&sort=-exitDate&ignored=exitReason&ignored=page",
    );
    const clean = await hr.request("/staff/alumni?q=berg&exitReason=conduct&sort=-exitDate");
    expect(clean.status).toBe(200);
  });
});

describe("bulk actions and saved views", () => {
  it("tags everyone in a view, links the ticked people to a decision, and saves, renames and deletes a view", async () => {
    const marker = unique("bulk").toLowerCase();
    const people = await Promise.all([1, 2, 3].map(() => createAlumnus(db, { lastName: `Bulk${marker}` })));
    const tagged = await post(hr, `/staff/alumni?index&q=${marker}`, [
      ["intent", "tag"],
      ["scope", "view"],
      ["view", `q=${marker}`],
      ["tag", "spring-2026"],
      ["mode", "add"],
    ]);
    expect(tagged.status).toBe(200);
    expect((await tagged.text()).replace(/<!-- -->/g, "")).toContain("Tag “spring-2026” added to 3 people.");
    const decision = await db.workforceDecision.create({
      data: {
        title: unique("Decision "),
        kind: "automation",
        function: "Support",
        rationale: "Automated first-line answers.",
      },
    });
    const linked = await post(hr, `/staff/alumni?index&q=${marker}`, [
      ["intent", "link-decision"],
      ["scope", "selected"],
      ["view", `q=${marker}`],
      ["alumnusId", people[0].id],
      ["alumnusId", people[1].id],
      ["decisionId", decision.id],
    ]);
    expect(linked.status).toBe(200);
    expect(await db.alumnus.count({ where: { decisionId: decision.id } })).toBe(2);
    const noneTicked = await post(hr, `/staff/alumni?index&q=${marker}`, [
      ["intent", "tag"],
      ["scope", "selected"],
      ["view", `q=${marker}`],
      ["tag", "x"],
    ]);
    expect(noneTicked.status).toBe(422);
    expect((await noneTicked.text()).replace(/<!-- -->/g, "")).toContain("Tick at least one person first.");

    const name = unique("Spring returners ");
    const saved = await post(hr, `/staff/alumni?index&q=${marker}`, [
      ["intent", "save-segment"],
      ["name", name],
      ["view", `tag=spring-2026&q=${marker}&bogus=1`],
    ]);
    expect(saved.status).toBe(200);
    const segment = await db.segment.findUniqueOrThrow({ where: { name } });
    expect(segment.query).toBe(`q=${marker}&tag=spring-2026`);
    const duplicate = await post(hr, `/staff/alumni?index`, [
      ["intent", "save-segment"],
      ["name", name],
      ["view", ""],
    ]);
    expect(duplicate.status).toBe(409);
    const views = await html(hr, "/staff/alumni/views");
    expect(views).toContain(reactEscaped(name));
    expect(
      (
        await post(hr, "/staff/alumni/views", [
          ["intent", "rename"],
          ["segmentId", segment.id],
          ["name", `${name} (renamed)`],
        ])
      ).status,
    ).toBe(200);
    expect(
      (
        await post(hr, "/staff/alumni/views", [
          ["intent", "delete"],
          ["segmentId", segment.id],
        ])
      ).status,
    ).toBe(200);
    expect(await db.segment.count({ where: { id: segment.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityType: "segment", entityId: segment.id } })).toBe(3);
  });
});

describe("the alumni forms without JavaScript", () => {
  const shown = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");
  /** The message is rendered under the input with this id (aria-describedby names it). */
  const underField = (page: string, id: string, message: string) => {
    const input = new RegExp(`<(?:input|select|textarea)[^>]*id="${id}"[^>]*>`).exec(page)?.[0] ?? "";
    expect(input, id).toContain('aria-invalid="true"');
    const describedBy = /aria-describedby="([^"]+)"/.exec(input)?.[1] ?? "";
    const errorId = describedBy.split(" ").find((d) => page.includes(`id="${d}"`) && d.includes("error"));
    expect(errorId, `${id} is described by its error`).toBeTruthy();
    expect(page.slice(page.indexOf(`id="${errorId}"`)).slice(0, 400)).toContain(reactEscaped(message));
  };

  it("the profile refuses a long tag and an empty note with the field's message, under the field", async () => {
    const a = await createAlumnus(db);
    const tag = await post(hr, `/staff/alumni/${a.id}`, [
      ["intent", "add-tag"],
      ["tag", "t".repeat(61)],
    ]);
    expect(tag.status).toBe(422);
    underField(await shown(tag), "add-tag-tag", "Keep a tag under 60 characters.");
    const note = await post(hr, `/staff/alumni/${a.id}`, [
      ["intent", "add-note"],
      ["body", "   "],
    ]);
    expect(note.status).toBe(422);
    underField(await shown(note), "add-note-body", "Write the note before saving it.");
    const edit = await post(hr, `/staff/alumni/${a.id}`, [
      ["intent", "edit"],
      ["version", String(a.version)],
      ["firstName", ""],
      ["lastName", a.lastName],
      ["country", "G1"],
    ]);
    expect(edit.status).toBe(422);
    const page = await shown(edit);
    underField(page, "edit-firstName", "Enter the first name.");
    underField(page, "edit-country", "Use the two-letter country code, such as SE or DE.");
    expect(page).toContain('value="G1"');
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: a.id } })).tags).toEqual(a.tags);
  });

  it("the list's bulk form refuses a missing tag or decision under the field, and nothing changes", async () => {
    const marker = unique("bulkform").toLowerCase();
    const person = await createAlumnus(db, { lastName: `Bulk${marker}`, tags: [] });
    const noTag = await post(hr, `/staff/alumni?index&q=${marker}`, [
      ["intent", "tag"],
      ["scope", "selected"],
      ["alumnusId", person.id],
      ["view", `q=${marker}`],
      ["tag", " "],
    ]);
    expect(noTag.status).toBe(422);
    underField(await shown(noTag), "bulk-tag", "Enter a tag.");
    const noDecision = await post(hr, `/staff/alumni?index&q=${marker}`, [
      ["intent", "link-decision"],
      ["scope", "view"],
      ["view", `q=${marker}`],
      ["decisionId", ""],
    ]);
    expect(noDecision.status).toBe(422);
    underField(await shown(noDecision), "bulk-decisionId", "Choose a workforce decision.");
    const now = await db.alumnus.findUniqueOrThrow({ where: { id: person.id } });
    expect([now.tags, now.decisionId]).toEqual([[], null]);
  });

  it("saving and renaming a view refuse an empty name under the field of that view only", async () => {
    const empty = await post(hr, "/staff/alumni?index", [
      ["intent", "save-segment"],
      ["name", " "],
      ["view", ""],
    ]);
    expect(empty.status).toBe(422);
    underField(await shown(empty), "save-segment-name", "Name the view, e.g. “Support agents in Stockholm”.");
    const names = [unique("View one "), unique("View two ")];
    const [one, two] = await Promise.all(
      names.map((name) => db.segment.create({ data: { name, query: "" } })),
    );
    const rename = await post(hr, "/staff/alumni/views", [
      ["intent", "rename"],
      ["segmentId", two.id],
      ["name", ""],
    ]);
    expect(rename.status).toBe(422);
    const page = await shown(rename);
    underField(page, `rename-${two.id}-name`, "Name the view, e.g. “Support agents in Stockholm”.");
    expect(page).not.toMatch(new RegExp(`id="rename-${one.id}-name"[^>]*aria-invalid="true"`));
    expect((await db.segment.findUniqueOrThrow({ where: { id: two.id } })).name).toBe(names[1]);
  });
});
