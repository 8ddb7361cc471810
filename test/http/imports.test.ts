import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createStaffUser, unique } from "../factories";
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
 * The import pages over HTTP against the production build, with the job runner on: upload,
 * mapping, dry run, commit, history, error report; a 60 MB upload; hostile cells on the pages.
 */
const PASSWORD = "an import test password";
let app: TestApp;
let hr: Client;

beforeAll(async () => {
  app = await startTestApp({ workers: true });
  const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
  hr = await signedInClient(app, user.email, PASSWORD);
});
afterAll(async () => {
  console.log(`hostile inputs tried (import pages over HTTP): ${triedSummary()}`);
  await app?.close();
});

function upload(client: Client, name: string, bytes: Uint8Array | Blob, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set(
    "file",
    bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "text/csv" }),
    name,
  );
  return client.request("/staff/imports/new", { method: "POST", body: form });
}

/** Follows the import page until its background job is done (the page polls the same way). */
async function waitForImport(importId: string, until: string[]) {
  for (;;) {
    const run = await db.importRun.findUniqueOrThrow({ where: { id: importId } });
    if (until.includes(run.status)) return run;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("import pages", () => {
  it("upload -> mapping -> dry run -> commit -> history, and the error report download", async () => {
    const id = unique("HTTP");
    const csv = `Employee ID,Legal Name,Primary Work Email,Hire Date,Termination Date,Primary Termination Reason,Eligible for Rehire\n${id}-1,Ann Berg,${id}-1@example.com,01/02/2015,03/04/2022,Contract End,Yes\n${id}-2,Bo Lind,not-an-email,01/02/2015,03/04/2022,Contract End,Yes\n`;
    const uploaded = await upload(hr, "leavers.csv", Buffer.from(csv));
    expect(uploaded.status).toBe(302);
    const mappingPath = locationOf(uploaded, app.url)!;
    expect(mappingPath).toMatch(/^\/staff\/imports\/[^/]+\/mapping$/);
    const importId = mappingPath.split("/")[3];
    const mappingPage = await hr.request(mappingPath);
    expect(mappingPage.status).toBe(200);
    const html = await mappingPage.text();
    expect(html).toContain("Match the columns");
    // 01/02/2015 and 03/04/2022 read as US or European dates: no format is chosen for HR.
    expect(html).toContain("fit more than one format");
    expect(html).not.toMatch(/name="dateFormat"[^>]*checked/);
    const form = {
      dateFormat: "us",
      system: "workday",
      col_hrId: "Employee ID",
      col_fullName: "Legal Name",
      col_workEmail: "Primary Work Email",
      col_hireDate: "Hire Date",
      col_exitDate: "Termination Date",
      col_exitReason: "Primary Termination Reason",
      col_rehireFlag: "Eligible for Rehire",
      saveAs: `${id} mapping`,
    };
    // Without a date format, the page says what is missing next to the field.
    const missing = await hr.request(mappingPath, { method: "POST", form: { ...form, dateFormat: "" } });
    expect(missing.status).toBe(422);
    const refused = await missing.text();
    // The message sits under the date format's choices (tied to them), and the summary links there.
    expect(refused).toMatch(
      /<fieldset aria-describedby="field-dateFormat-error">[\s\S]*<p id="field-dateFormat-error"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?Choose how dates are written in this file/,
    );
    expect(refused).toMatch(/href="#field-dateFormat"[^>]*>Choose how dates are written in this file/);
    // What was typed comes back: the columns and the name to save under.
    expect(refused).toContain(`value="${id} mapping"`);
    const checked = await hr.request(mappingPath, { method: "POST", form });
    expect(checked.status).toBe(302);
    expect(locationOf(checked, app.url)).toBe(`/staff/imports/${importId}`);
    const run = await waitForImport(importId, ["checked", "invalid"]);
    expect(run).toMatchObject({
      status: "checked",
      createCount: 1,
      rejectCount: 1,
      mappingName: `${id} mapping`,
    });
    const preview = await (await hr.request(`/staff/imports/${importId}`)).text();
    expect(preview).toContain("Dry run: what the import will do");
    expect(preview).toContain("is not a valid email address");
    // The exit reasons post one row per wording by index; a reason not Comeback's is refused
    // with the message under that wording's select, and nothing is re-run.
    expect(preview).toContain('name="overrides.0.raw" value="Contract End"');
    const badReason = await hr.request(`/staff/imports/${importId}`, {
      method: "POST",
      form: { intent: "reasons", "overrides.0.raw": "Contract End", "overrides.0.reason": "fired_for_fun" },
    });
    expect(badReason.status).toBe(422);
    expect(await badReason.text()).toMatch(
      /<p id="reasons-overrides\.0\.reason-error"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?Choose one of Comeback&#x27;s exit reasons\./,
    );
    expect((await db.importRun.findUniqueOrThrow({ where: { id: importId } })).status).toBe("checked");
    const report = await hr.request(`/staff/imports/${importId}/errors`);
    expect(report.status).toBe(200);
    expect(report.headers.get("content-disposition")).toMatch(
      /^attachment; filename="import-problems-[a-z0-9]+-[0-9-]+\.csv"$/,
    );
    expect(await report.text()).toContain('"3","rejected","Primary Work Email"');
    const commit = await hr.request(`/staff/imports/${importId}`, {
      method: "POST",
      form: { intent: "commit" },
    });
    expect(commit.status).toBe(200);
    expect(await waitForImport(importId, ["committed", "failed"])).toMatchObject({
      status: "committed",
      createCount: 1,
    });
    const history = await (await hr.request("/staff/imports")).text();
    expect(history).toContain("leavers.csv");
    expect(history).toContain(`${id} mapping`);
    expect(await db.importMapping.count({ where: { name: `${id} mapping` } })).toBe(1);
  });

  it("refuses a 60 MB upload with the limit named, and keeps nothing", async () => {
    const before = await db.importRun.count();
    const sixty = new Blob([Buffer.alloc(60 * 1024 * 1024, "a,b\n")], { type: "text/csv" });
    const response = await upload(hr, "huge.csv", sixty);
    expect(response.status).toBe(413);
    const text = await response.text();
    expect(text).toContain("larger than the 50 MB limit");
    expect(await db.importRun.count()).toBe(before);
  });

  it("refuses a binary file renamed .csv next to the file field", async () => {
    const response = await upload(
      hr,
      "photo.csv",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("This is not a text file");
    // Under the file field itself (the form's intent, then the field's name), with the summary above.
    expect(html).toMatch(/<p id="upload-file-error"[^>]*>(<span[^>]*>[^<]*<\/span>)?This is not a text file/);
    expect(html).toContain('href="#upload-file"');
  });

  it("refuses a form sent without a file, under the file field", async () => {
    const form = new FormData();
    form.set("intent", "upload");
    form.set("mappingId", "");
    const response = await hr.request("/staff/imports/new", { method: "POST", body: form });
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(
      /<p id="upload-file-error"[^>]*>(<span[^>]*>[^<]*<\/span>)?Choose a CSV file to upload\.<\/p>/,
    );
  });

  it("hostile cells render as text on the dry-run page", async () => {
    const id = unique("XSS");
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const rows = XSS_PAYLOADS.map(
      (p, i) =>
        `${id}-${i},${quote(`Ann ${p}`)},${id}-${i}@example.com,01/02/2015,03/04/2022,${quote(p)},Yes`,
    );
    const uploaded = await upload(
      hr,
      "hostile.csv",
      Buffer.from(
        `Employee ID,Legal Name,Primary Work Email,Hire Date,Termination Date,Primary Termination Reason,Eligible for Rehire\n${rows.join("\n")}\n`,
      ),
    );
    const importId = locationOf(uploaded, app.url)!.split("/")[3];
    await hr.request(`/staff/imports/${importId}/mapping`, {
      method: "POST",
      form: {
        dateFormat: "us",
        system: "generic",
        col_hrId: "Employee ID",
        col_fullName: "Legal Name",
        col_workEmail: "Primary Work Email",
        col_hireDate: "Hire Date",
        col_exitDate: "Termination Date",
        col_exitReason: "Primary Termination Reason",
        col_rehireFlag: "Eligible for Rehire",
      },
    });
    await waitForImport(importId, ["checked", "invalid"]);
    const response = await hr.request(`/staff/imports/${importId}?show=all`);
    const markup = markupOutsideOurScripts(await response.text(), cspNonce(response));
    let live = 0;
    for (const p of XSS_PAYLOADS) {
      if (/[<>"']/.test(p) && markup.includes(p)) live++;
      expect(markup.includes(reactEscaped(p)), `shown as text: ${p}`).toBe(true);
    }
    countTried("xss (import pages)", XSS_PAYLOADS.length);
    expect(live).toBe(0);
  });
});
