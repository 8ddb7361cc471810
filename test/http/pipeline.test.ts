import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createAlumnus, createDecision, createStaffUser, isoDate, unique } from "../factories";
import { createApplication, createProgram } from "../factories/pipeline";
import { countTried, triedSummary, XSS_PAYLOADS } from "../hostile/payloads";
import { startTestApp, type TestApp } from "../setup/app-server";
import {
  cspNonce,
  locationOf,
  markupOutsideOurScripts,
  reactEscaped,
  signedInClient,
  type Client,
} from "./helpers";

/**
 * The pipeline's staff pages over HTTP against the production build: program forms refuse bad
 * rates next to the field, hostile titles and descriptions render as text, two HR users moving
 * one application at once get one move and one clear refusal, a decline queues one email, and a
 * hiring manager sees only their own program's applicants.
 */
const PASSWORD = "pipeline http test password";
let app: TestApp;
let hr: Client;
let hr2: Client;
let manager: Client;
let managerId: string;
let phaseId: string;

beforeAll(async () => {
  app = await startTestApp();
  const users = {
    hr: await createStaffUser(db, { role: "hr", password: PASSWORD, name: "Hanna Berg" }),
    hr2: await createStaffUser(db, { role: "hr", password: PASSWORD, name: "Amara Okafor" }),
    manager: await createStaffUser(db, { role: "manager", password: PASSWORD, name: "Mats Lindqvist" }),
  };
  managerId = users.manager.id;
  hr = await signedInClient(app, users.hr.email, PASSWORD);
  hr2 = await signedInClient(app, users.hr2.email, PASSWORD);
  manager = await signedInClient(app, users.manager.email, PASSWORD);
  const decision = await createDecision(db);
  phaseId = (
    await db.decisionPhase.create({
      data: {
        decisionId: decision.id,
        position: 1,
        name: "Phase 1",
        startsOn: isoDate(2025, 1, 1),
        targetHeadcount: 5,
      },
    })
  ).id;
});
afterAll(async () => {
  console.log(`hostile inputs tried (pipeline pages over HTTP): ${triedSummary()}`);
  await app?.close();
});

function programForm(overrides: Record<string, string> = {}) {
  return {
    intent: "save",
    version: "0",
    title: "Support specialist (weekends)",
    description: "Remote chat and phone support for merchants, in shifts you choose each week.",
    phaseId,
    engagementType: "gig",
    workplace: "remote",
    rateMin: "18.50",
    rateMax: "24.00",
    currency: "EUR",
    openings: "3",
    hiringManagerId: managerId,
    ...overrides,
  };
}

async function page(client: Client, path: string) {
  const response = await client.request(path);
  expect(response.status, path).toBe(200);
  return markupOutsideOurScripts(await response.text(), cspNonce(response));
}

describe("programs over HTTP", () => {
  it("refuses a lowest rate above the highest and a rate that is not a decimal, next to the field", async () => {
    for (const [overrides, field, words] of [
      [{ rateMin: "30", rateMax: "24" }, "rateMax", "The highest rate cannot be below the lowest rate."],
      [{ rateMin: "18,50" }, "rateMin", "as an amount such as 18 or 18.50"],
      [{ rateMax: "1e3" }, "rateMax", "as an amount such as 18 or 18.50"],
    ] as const) {
      const response = await hr.request("/staff/programs/new", {
        method: "POST",
        form: programForm(overrides),
      });
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html, field).toContain(`id="save-${field}-error"`);
      expect(html).toContain(words);
    }
    expect(await db.returnProgram.count({ where: { phaseId } })).toBe(0);
  });

  it("creates a program as a draft and shows hostile titles and descriptions as text", async () => {
    for (const payload of XSS_PAYLOADS.slice(0, 8)) {
      const response = await hr.request("/staff/programs/new", {
        method: "POST",
        form: programForm({
          title: `Role ${payload}`.slice(0, 160),
          description: `Work described as ${payload} in detail.`,
        }),
      });
      countTried("xss: program title and description");
      if (response.status !== 302) continue; // refused by validation (invisible characters): fine
      const path = locationOf(response, app.url)!.split("?")[0];
      const markup = await page(hr, path);
      expect(markup).not.toContain(payload.includes("<") ? payload : "\u0000never");
      expect(markup).toContain(reactEscaped(`Work described as ${payload} in detail.`).slice(0, 40));
    }
    const list = await page(hr, "/staff/programs");
    expect(list).not.toMatch(/<script>alert/i);
  });

  it("offers the saved onboarding checklists, refuses one that does not exist next to the field, and shows the choice", async () => {
    const saved = await db.onboardingChecklistVersion.create({
      data: {
        version: 700_000 + Math.floor(Math.random() * 99_999),
        tasks: [
          {
            title: "Sign the agreement",
            owner: "alumnus",
            kind: "document",
            dueOffsetDays: 2,
            required: true,
          },
        ],
        createdByName: "Hanna Berg",
      },
    });
    const form = await page(hr, "/staff/programs/new");
    expect(form).toContain('name="checklistTemplateId"');
    expect(form).toContain(`value="${saved.id}"`);
    expect(form).toContain(`Version ${saved.version}: 1 step, saved`);

    const refused = await hr.request("/staff/programs/new", {
      method: "POST",
      form: programForm({ title: "Checklist refused", checklistTemplateId: "cknotachecklist0000000000" }),
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('id="save-checklistTemplateId-error"');
    expect(html).toContain("Choose a saved onboarding checklist from the list, or the current checklist.");
    expect(await db.returnProgram.count({ where: { title: "Checklist refused" } })).toBe(0);

    const created = await hr.request("/staff/programs/new", {
      method: "POST",
      form: programForm({ title: "Checklist chosen", checklistTemplateId: saved.id }),
    });
    expect(created.status).toBe(302);
    const path = locationOf(created, app.url)!.split("?")[0];
    const program = await db.returnProgram.findFirstOrThrow({ where: { title: "Checklist chosen" } });
    expect(program.checklistTemplateId).toBe(saved.id);
    const shown = await page(hr, path);
    expect(shown).toContain("Onboarding checklist");
    expect(shown).toContain(`Version ${saved.version}: 1 step, saved`);
    expect(shown).toMatch(new RegExp(`<option value="${saved.id}" selected=""`));
  });
});

describe("the pipeline over HTTP", () => {
  it("two HR users moving the same application at once: one moves it, the other is told", async () => {
    const program = await createProgram(db, { hiringManagerId: managerId });
    const person = await createAlumnus(db);
    const application = await createApplication(db, { programId: program.id, alumnusId: person.id });
    const post = (client: Client, to: string) =>
      client.request(`/staff/applications/${application.id}`, {
        method: "POST",
        form: { intent: "move", version: "1", to },
      });
    const responses = await Promise.all([post(hr, "shortlisted"), post(hr2, "in_review")]);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const refused = responses.find((r) => r.status === 409)!;
    expect(await refused.text()).toMatch(/Someone else changed this application/);
    expect(
      await db.auditEvent.count({ where: { entityType: "application", entityId: application.id } }),
    ).toBe(1);
  });

  it("a decline from the application page queues one kind email; a second decline is refused", async () => {
    const program = await createProgram(db, { hiringManagerId: managerId });
    const person = await createAlumnus(db, { personalEmail: `${unique("d")}@example.org` });
    const application = await createApplication(db, { programId: program.id, alumnusId: person.id });
    const form = {
      intent: "decline",
      version: "1",
      reason: "This program needs two weekend shifts a month, and you told us you can only work on weekdays.",
      whatCouldChange: "If your weekends free up, tell us and we will look at your application again.",
    };
    const first = await manager.request(`/staff/applications/${application.id}`, { method: "POST", form });
    expect(first.status).toBe(200);
    const second = await hr.request(`/staff/applications/${application.id}`, { method: "POST", form });
    expect(second.status).toBe(409);
    expect(
      await db.outboxMessage.count({ where: { alumnusId: person.id, template: "application-decline" } }),
    ).toBe(1);
  });

  it("the hiring manager sees their own program's applicants, never another's, in the list and the board", async () => {
    const own = await createProgram(db, { hiringManagerId: managerId, title: unique("Own program ") });
    const other = await createProgram(db, { title: unique("Other program ") });
    const mine = await createAlumnus(db, { firstName: "Ingrid", lastName: unique("Mine") });
    const theirs = await createAlumnus(db, { firstName: "Oskar", lastName: unique("Theirs") });
    await createApplication(db, { programId: own.id, alumnusId: mine.id });
    await createApplication(db, { programId: other.id, alumnusId: theirs.id });
    for (const path of [
      "/staff/pipeline",
      "/staff/pipeline?view=board",
      `/staff/pipeline?program=${other.id}`,
    ]) {
      const markup = await page(manager, path);
      expect(markup, path).not.toContain(theirs.lastName);
      if (!path.includes(other.id)) expect(markup, path).toContain(mine.lastName);
    }
    const hrList = await page(hr, `/staff/pipeline?program=${other.id}&status=submitted`);
    expect(hrList).toContain(theirs.lastName);
  });

  it("the move, status and bulk forms refuse bad input with the field's message under that field, changing nothing", async () => {
    const under = (html: string, id: string) =>
      new RegExp(`<p id="${id}-error"[^>]*>(?:<span[^>]*>[^<]*</span>)?([^<]*)</p>`).exec(html)?.[1];
    const program = await createProgram(db, { hiringManagerId: managerId });
    const person = await createAlumnus(db);
    const application = await createApplication(db, { programId: program.id, alumnusId: person.id });

    // A note with the move past its limit: refused under the note, the application stays where it was.
    const move = await hr.request(`/staff/applications/${application.id}`, {
      method: "POST",
      form: { intent: "move", version: "1", to: "shortlisted", note: "n".repeat(4001) },
    });
    expect(move.status).toBe(422);
    expect(under(await move.text(), "move-note")).toMatch(/the note/);
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "submitted",
    );

    // Declining in bulk without saying why: refused under "Why we decided this".
    const body = new URLSearchParams({ intent: "bulk", to: "declined", reason: "", whatCouldChange: "" });
    body.append("applicationId", application.id);
    const bulk = await hr.request("/staff/pipeline", { method: "POST", body });
    expect(bulk.status).toBe(422);
    const bulkHtml = await bulk.text();
    expect(under(bulkHtml, "bulk-reason")).toBeTruthy();
    expect(bulkHtml).toContain("A decline needs the reason and what could change it");
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "submitted",
    );

    // A status the program cannot take: refused, the program unchanged.
    const status = await hr.request(`/staff/programs/${program.id}`, {
      method: "POST",
      form: { intent: "status", version: String(program.version), status: "archived" },
    });
    expect(status.status).toBe(422);
    expect(await status.text()).toContain("Choose the program&#x27;s new status.");
    expect((await db.returnProgram.findUniqueOrThrow({ where: { id: program.id } })).status).toBe(
      program.status,
    );
  });

  it("a bulk move with one note moves the ticked applications and says how many", async () => {
    const program = await createProgram(db, { hiringManagerId: managerId });
    const apps = [];
    for (let i = 0; i < 3; i++) {
      const person = await createAlumnus(db);
      apps.push(await createApplication(db, { programId: program.id, alumnusId: person.id }));
    }
    const body = new URLSearchParams({ intent: "bulk", to: "shortlisted", note: "Strong first round." });
    for (const a of apps) body.append("applicationId", a.id);
    const response = await manager.request("/staff/pipeline", { method: "POST", body });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("3 applications moved to “Shortlisted”");
    const notes = await db.applicationNote.findMany({
      where: { applicationId: { in: apps.map((a) => a.id) }, kind: "move" },
    });
    expect(notes.map((n) => n.body)).toEqual([
      "Strong first round.",
      "Strong first round.",
      "Strong first round.",
    ]);
  });
});

describe("applying from the portal over HTTP", () => {
  async function alumnusClient(alumnusId: string) {
    const { createSession } = await import("~/platform/session.server");
    const { httpClient } = await import("../setup/app-server");
    const client = httpClient(app.url);
    client.cookie = (await createSession({ alumnusId }, {})).setCookie.split(";")[0];
    return client;
  }
  const applyForm = {
    intent: "apply",
    motivation: "I enjoyed the work and the people, and my weekends are free again.",
    availabilityHours: "12",
    availabilityDays: "sat",
  };

  it("applies once; the second time is a clean message on the page, and a paused program refuses", async () => {
    const program = await createProgram(db, { hiringManagerId: managerId });
    const person = await createAlumnus(db, { personalEmail: `${unique("ap")}@example.org` });
    const client = await alumnusClient(person.id);
    const list = await page(client, "/portal/programs");
    expect(list).toContain(reactEscaped(program.title));
    const first = await client.request(`/portal/programs/${program.id}`, { method: "POST", form: applyForm });
    expect(first.status).toBe(302);
    expect(locationOf(first, app.url)).toBe("/portal/applications?sent=1");
    const second = await client.request(`/portal/programs/${program.id}`, {
      method: "POST",
      form: applyForm,
    });
    expect(second.status).toBe(409);
    expect(await second.text()).toContain("You have already applied to this role");
    expect(await db.application.count({ where: { programId: program.id, alumnusId: person.id } })).toBe(1);
    const mine = await page(client, "/portal/applications");
    expect(mine).toContain(reactEscaped(program.title));
    expect(mine).toContain("We have your application. Someone will read it soon.");

    const paused = await createProgram(db, { status: "paused" });
    const refused = await client.request(`/portal/programs/${paused.id}`, {
      method: "POST",
      form: applyForm,
    });
    expect([404, 409]).toContain(refused.status);
    expect(await db.application.count({ where: { programId: paused.id } })).toBe(0);
  });

  it("someone not eligible reads why and is led to ask for a review; no apply form, and a POST is refused", async () => {
    const program = await createProgram(db);
    const person = await createAlumnus(db);
    await db.eligibilityVerdict.create({
      data: {
        alumnusId: person.id,
        outcome: "not_eligible",
        reasons: [],
        policyId: "policy",
        policyVersion: 1,
        computedAt: new Date(),
        decidedAt: new Date(),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const client = await alumnusClient(person.id);
    for (const path of ["/portal/programs", `/portal/programs/${program.id}`]) {
      const html = await page(client, path);
      expect(html).toContain("We cannot take an application from you right now");
      expect(html).toMatch(/<a[^>]*href="\/portal\/eligibility"[^>]*>Ask for a review<\/a>/);
      expect(html).not.toContain("Send my application");
    }
    const refused = await client.request(`/portal/programs/${program.id}`, {
      method: "POST",
      form: applyForm,
    });
    expect(refused.status).toBe(403);
    expect(await db.application.count({ where: { alumnusId: person.id } })).toBe(0);
  });

  it("a withdrawal with a version that is not a number is refused with the form's message, nothing withdrawn", async () => {
    const program = await createProgram(db);
    const owner = await createAlumnus(db);
    const application = await createApplication(db, { programId: program.id, alumnusId: owner.id });
    const client = await alumnusClient(owner.id);
    const response = await client.request("/portal/applications", {
      method: "POST",
      form: { intent: `withdraw:${application.id}`, applicationId: application.id, version: "latest" },
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("This page is out of date. Reload it and try again");
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "submitted",
    );
  });

  it("an alumnus cannot withdraw someone else's application", async () => {
    const program = await createProgram(db);
    const owner = await createAlumnus(db);
    const application = await createApplication(db, { programId: program.id, alumnusId: owner.id });
    const stranger = await alumnusClient((await createAlumnus(db)).id);
    const response = await stranger.request("/portal/applications", {
      method: "POST",
      form: { intent: "withdraw", applicationId: application.id, version: "1" },
    });
    expect(response.status).toBe(404);
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "submitted",
    );
  });
});
