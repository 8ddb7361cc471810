import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKLIST_MESSAGES, MAX_CHECKLIST_ITEMS } from "~/modules/onboarding/checklist";
import { db } from "~/platform/db.server";
import { createStaffUser } from "../factories";
import { startTestApp, type TestApp } from "../setup/app-server";
import { reactEscaped, signedInClient, type Client } from "./helpers";

/**
 * The onboarding checklist editor posted as a browser without JavaScript posts it: one group of
 * fields per step (tasks.0.title, tasks.0.owner, ...), buttons that add, remove and move steps,
 * and each refusal written next to the step's own field.
 */
const PASSWORD = "a checklist editor test password";
const PATH = "/staff/onboarding/checklist";
let app: TestApp;
let hr: Client;

beforeAll(async () => {
  app = await startTestApp();
  const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
  hr = await signedInClient(app, user.email, PASSWORD);
});
afterAll(async () => {
  await app?.close();
});

type Step = { title: string; owner: string; kind: string; dueOffsetDays: string; required: string };
const step = (title: string, more: Partial<Step> = {}): Step => ({
  title,
  owner: "alumnus",
  kind: "training",
  dueOffsetDays: "3",
  required: "yes",
  ...more,
});

/** The form as the page posts it: version, then each step's fields by index. */
function formOf(version: number | string, steps: Partial<Step>[], extra: Record<string, string> = {}) {
  const form: Record<string, string> = { intent: "checklist", version: String(version) };
  steps.forEach((s, i) => {
    for (const [name, value] of Object.entries(s)) form[`tasks.${i}.${name}`] = value;
  });
  return { ...form, ...extra };
}

const latest = async () =>
  (await db.onboardingChecklistVersion.findFirst({ orderBy: { version: "desc" } }))?.version ?? 0;

const post = (form: Record<string, string>) => hr.request(PATH, { method: "POST", form });

/** The message rendered under the field with this name (ids are `checklist-<name>`). */
function messageUnder(html: string, name: string) {
  const id = `checklist-${name}-error`.replace(/\./g, "\\.");
  return new RegExp(`<p id="${id}"[^>]*><span[^>]*>[^<]*</span>([^<]*)</p>`).exec(html)?.[1];
}

describe("the checklist editor without JavaScript", () => {
  it("shows each saved step as its own group of fields with indexed names", async () => {
    const response = await hr.request(PATH);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<legend class="px-1 font-semibold">Step 1</legend>');
    for (const name of ["title", "owner", "kind", "dueOffsetDays", "required"])
      expect(html).toContain(`name="tasks.0.${name}"`);
    expect(html).toContain('value="add"');
    expect(html).not.toContain("<textarea");
  });

  it("saves the posted steps, in order, as a new version and leaves the earlier version as it was", async () => {
    const before = await latest();
    const earlier = await db.onboardingChecklistVersion.findFirst({ where: { version: before } });
    const response = await post(
      formOf(before, [
        step("Upload a copy of your identity document", { kind: "document", dueOffsetDays: "2" }),
        step("Create the accounts", { owner: "hr", kind: "access", dueOffsetDays: "5" }),
        step("Meet the team", { owner: "manager", kind: "first_shift", dueOffsetDays: "10", required: "no" }),
      ]),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`Saved as version ${before + 1}.`);
    const saved = await db.onboardingChecklistVersion.findUniqueOrThrow({ where: { version: before + 1 } });
    expect(saved.tasks).toEqual([
      {
        title: "Upload a copy of your identity document",
        owner: "alumnus",
        kind: "document",
        dueOffsetDays: 2,
        required: true,
      },
      { title: "Create the accounts", owner: "hr", kind: "access", dueOffsetDays: 5, required: true },
      { title: "Meet the team", owner: "manager", kind: "first_shift", dueOffsetDays: 10, required: false },
    ]);
    if (earlier)
      expect(
        (await db.onboardingChecklistVersion.findUniqueOrThrow({ where: { id: earlier.id } })).tasks,
      ).toEqual(earlier.tasks);
    // The same steps again: nothing new is saved.
    const again = await post(
      formOf(before + 1, [
        step("Upload a copy of your identity document", { kind: "document", dueOffsetDays: "2" }),
        step("Create the accounts", { owner: "hr", kind: "access", dueOffsetDays: "5" }),
        step("Meet the team", { owner: "manager", kind: "first_shift", dueOffsetDays: "10", required: "no" }),
      ]),
    );
    expect(await again.text()).toContain("Nothing changed: this is the checklist already saved.");
    expect(await latest()).toBe(before + 1);
  });

  const refusals: { why: string; steps: Partial<Step>[]; field: string; message: string }[] = [
    {
      why: "an empty title",
      steps: [step("Fine"), step("  ")],
      field: "tasks.1.title",
      message: CHECKLIST_MESSAGES.title,
    },
    {
      why: "a title over 200 characters",
      steps: [step("x".repeat(201))],
      field: "tasks.0.title",
      message: "Use at most 200 characters for the step’s title.",
    },
    {
      why: "an owner that is not one of the three",
      steps: [step("Fine"), step("Fine too"), step("Unknown owner", { owner: "robot" })],
      field: "tasks.2.owner",
      message: CHECKLIST_MESSAGES.owner,
    },
    {
      why: "no kind chosen",
      steps: [step("No kind", { kind: "" })],
      field: "tasks.0.kind",
      message: CHECKLIST_MESSAGES.kind,
    },
    {
      why: "a due offset past a year",
      steps: [step("Late", { dueOffsetDays: "400" })],
      field: "tasks.0.dueOffsetDays",
      message: CHECKLIST_MESSAGES.due,
    },
    {
      why: "a negative due offset",
      steps: [step("Early", { dueOffsetDays: "-1" })],
      field: "tasks.0.dueOffsetDays",
      message: CHECKLIST_MESSAGES.due,
    },
    {
      why: "a due offset that is not a whole number",
      steps: [step("Soon", { dueOffsetDays: "2.5" })],
      field: "tasks.0.dueOffsetDays",
      message: CHECKLIST_MESSAGES.due,
    },
    {
      why: "required neither yes nor no",
      steps: [step("Maybe", { required: undefined })].map(({ required: _r, ...s }) => s),
      field: "tasks.0.required",
      message: CHECKLIST_MESSAGES.required,
    },
    {
      why: "a document step owned by HR",
      steps: [step("Scan the passport", { owner: "hr", kind: "document" })],
      field: "tasks.0.owner",
      message: CHECKLIST_MESSAGES.documentOwner,
    },
  ];

  it.each(refusals)(
    "refuses $why next to the step's field, and saves nothing",
    async ({ steps, field, message }) => {
      const before = await latest();
      const response = await post(formOf(before, steps));
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(messageUnder(html, field)).toBe(reactEscaped(message));
      // The summary at the top links to the field.
      expect(html).toContain(`href="#checklist-${field}"`);
      // What was typed comes back in its place.
      const title = steps.at(-1)?.title?.trim();
      if (title && title.length < 200)
        expect(html).toMatch(
          new RegExp(
            `name="tasks\\.${steps.length - 1}\\.title"[^>]*value="${reactEscaped(title)}"|value="${reactEscaped(title)}"[^>]*name="tasks\\.${steps.length - 1}\\.title"`,
          ),
        );
      expect(await latest()).toBe(before);
    },
  );

  it("refuses a checklist with no steps, or more than the limit", async () => {
    const before = await latest();
    const none = await post(formOf(before, []));
    expect(none.status).toBe(422);
    expect(messageUnder(await none.text(), "tasks")).toBe(reactEscaped(CHECKLIST_MESSAGES.none));
    const many = await post(
      formOf(
        before,
        Array.from({ length: MAX_CHECKLIST_ITEMS + 1 }, (_, i) => step(`Step ${i}`)),
      ),
    );
    expect(many.status).toBe(422);
    expect(messageUnder(await many.text(), "tasks")).toBe(reactEscaped(CHECKLIST_MESSAGES.tooMany));
    expect(await latest()).toBe(before);
  });

  it("refuses a page that is out of date: someone saved meanwhile", async () => {
    const before = await latest();
    const saved = await post(formOf(before, [step(`Read the handbook ${Date.now()}`)]));
    expect(saved.status).toBe(200);
    const stale = await post(formOf(before, [step(`Watch the video ${Date.now()}`)]));
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain(
      `Someone saved version ${before + 1} of the checklist while you were editing.`,
    );
    expect(await latest()).toBe(before + 1);
  });

  it("adds, moves and removes steps without saving, keeping what was typed", async () => {
    const before = await latest();
    const typed = [step("First step"), step("Second step", { owner: "hr", kind: "access" })];
    const added = await post(formOf(before, typed, { edit: "add" }));
    expect(added.status).toBe(200);
    const addedHtml = await added.text();
    expect(addedHtml).toContain('<legend class="px-1 font-semibold">Step 3</legend>');
    expect(addedHtml).toContain("Not saved yet");
    expect(addedHtml).toMatch(
      /name="tasks\.2\.title"[^>]*autofocus=""|autofocus=""[^>]*name="tasks\.2\.title"/,
    );
    expect(addedHtml).toContain('value="First step"');
    // The version the page started from travels with the draft.
    expect(addedHtml).toContain(`name="version" value="${before}"`);

    const moved = await (await post(formOf(before, typed, { edit: "down:0" }))).text();
    expect(moved.indexOf('value="Second step"')).toBeLessThan(moved.indexOf('value="First step"'));
    expect(moved).toMatch(
      /name="tasks\.0\.title"[^>]*value="Second step"|value="Second step"[^>]*name="tasks\.0\.title"/,
    );

    const removed = await (await post(formOf(before, typed, { edit: "remove:0" }))).text();
    expect(removed).not.toContain('value="First step"');
    expect(removed).toContain('value="Second step"');
    expect(removed).not.toContain("Step 2</legend>");

    const odd = await post(formOf(before, typed, { edit: "explode:1" }));
    expect(odd.status).toBe(400);
    expect(await latest()).toBe(before);
  });
});
