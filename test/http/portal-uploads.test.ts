import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createSession } from "~/platform/session.server";
import { createAlumnus, createStaffUser } from "../factories";
import { createAcceptedContract } from "../factories/contracts";
import { createApplication, createProgram } from "../factories/pipeline";
import { httpClient, startTestApp, type TestApp } from "../setup/app-server";
import { signedInClient, type Client } from "./helpers";

/**
 * The two upload forms (the employer's logo, a person's onboarding document) follow the form
 * pattern: a refusal comes back with the schema's message under the file field, keyed to the
 * form that sent it, and nothing is stored.
 */
const PASSWORD = "an uploads test password";
let app: TestApp;
let admin: Client;

beforeAll(async () => {
  app = await startTestApp();
  const user = await createStaffUser(db, { role: "admin", password: PASSWORD });
  admin = await signedInClient(app, user.email, PASSWORD);
});
afterAll(async () => {
  await app?.close();
});

/** A form with its fields and an empty file field, as a browser sends one with no file chosen. */
function withoutFile(fields: Record<string, string>, fileField: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set(fileField, new File([], "", { type: "application/octet-stream" }));
  return form;
}

describe("upload forms", () => {
  it("the logo form without a file is refused with its message under the logo field", async () => {
    const response = await admin.request("/staff/admin/branding", {
      method: "POST",
      body: withoutFile({ intent: "upload-logo" }, "logo"),
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("Choose a logo file to upload.");
    expect(html).toContain('href="#upload-logo-logo"');
    expect((await db.branding.findUnique({ where: { id: "default" } }))?.logo ?? null).toBeNull();
  });

  it("a step's document upload without a file is refused under that step's file field", async () => {
    const program = await createProgram(db);
    const person = await createAlumnus(db);
    const application = await createApplication(db, { programId: program.id, alumnusId: person.id });
    const { contract, tasks } = await createAcceptedContract(db, { applicationId: application.id });
    const task = tasks[0];
    const client = httpClient(app.url);
    client.cookie = (await createSession({ alumnusId: person.id }, {})).setCookie.split(";")[0];
    const path = `/portal/onboarding/${contract.id}`;
    const before = await db.onboardingDocument.count({ where: { taskId: task.id } });

    const missing = await client.request(path, {
      method: "POST",
      body: withoutFile({ intent: `upload:${task.id}`, taskId: task.id }, "document"),
    });
    expect(missing.status).toBe(422);
    const missingHtml = await missing.text();
    expect(missingHtml).toContain("Choose a file to upload.");
    expect(missingHtml).toContain(`href="#upload:${task.id}-document"`);
    expect(await db.onboardingDocument.count({ where: { taskId: task.id } })).toBe(before);
  });
});
