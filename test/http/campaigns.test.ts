import { NUL_MESSAGE } from "~/platform/input";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createAlumnus, createDecision, createStaffUser } from "../factories";
import { campaignValues, createSegment } from "../factories/campaigns";
import {
  countTried,
  HEADER_INJECTION_PAYLOADS,
  INVISIBLE_AND_CONTROL_PAYLOADS,
  triedSummary,
  XSS_PAYLOADS,
} from "../hostile/payloads";
import { startTestApp, type TestApp } from "../setup/app-server";
import { launchCampaign } from "~/modules/campaigns/launch-campaign.server";
import { fanOut, snapshotAudience } from "~/modules/campaigns/run-campaign.server";
import { staffActor } from "../factories";
import {
  cspNonce,
  locationOf,
  markupOutsideOurScripts,
  reactEscaped,
  signedInClient,
  type Client,
} from "./helpers";

/**
 * Campaign pages over HTTP against the production build: hostile names and notes render as
 * text, header-injection attempts in the subject and sender are refused next to the field, the
 * tone check works without JavaScript, tone errors block a launch unless overridden with a
 * reason, and two launches posted at once start one campaign.
 */
const PASSWORD = "campaign http test password";
let app: TestApp;
let hr: Client;
let segmentId: string;
const gotThrough: string[] = [];
let pagesChecked = 0;

beforeAll(async () => {
  app = await startTestApp();
  const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
  hr = await signedInClient(app, user.email, PASSWORD);
  const decision = await createDecision(db);
  for (let i = 0; i < 3; i++)
    await createAlumnus(db, {
      decisionId: decision.id,
      consentReturn: "granted",
      doNotContact: false,
      exitDate: new Date("2022-06-01"),
    });
  segmentId = (await createSegment(db, { query: `decisionId=${decision.id}` })).id;
});
afterAll(async () => {
  console.log(
    `hostile inputs tried (campaign pages over HTTP): ${triedSummary()}; pages checked ${pagesChecked}; rendered live: ${gotThrough.length}`,
  );
  await app?.close();
});

function form(overrides: Record<string, string> = {}): Record<string, string> {
  const values = campaignValues(segmentId);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== false) out[k] = String(v);
  return { ...out, intent: "save", ...overrides };
}

async function create(overrides: Record<string, string> = {}) {
  const response = await hr.request("/staff/campaigns/new", { method: "POST", form: form(overrides) });
  expect(
    response.status,
    await response
      .clone()
      .text()
      .then((t) => t.slice(0, 300)),
  ).toBe(302);
  return locationOf(response, app.url)!.split("/").pop()!;
}

async function page(path: string) {
  const response = await hr.request(path);
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

describe("campaign pages", () => {
  it("show hostile campaign names and notes as text on the list and the campaign page", async () => {
    const ids: string[] = [];
    for (const payload of XSS_PAYLOADS) {
      ids.push(await create({ name: payload, note: payload }));
      countTried("xss: campaign name and note");
    }
    const list = await page("/staff/campaigns");
    for (const payload of XSS_PAYLOADS) expectInert(list, payload, "/staff/campaigns");
    for (const [i, id] of ids.entries()) {
      const detail = await page(`/staff/campaigns/${id}`);
      expectInert(detail, XSS_PAYLOADS[i], `/staff/campaigns/${id}`);
      // The email preview sits in a sandboxed iframe's srcdoc: the payload is escaped inside the email too.
      const srcdoc = /srcDoc="([^"]*)"/i.exec(detail)?.[1] ?? "";
      expect(srcdoc.length).toBeGreaterThan(0);
      const email = srcdoc
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&");
      expect(email).not.toMatch(/<script[\s>]/i);
      expect(email).not.toMatch(/<[a-z]+[^>]*\son[a-z]+\s*=/i);
    }
    expect(gotThrough).toEqual([]);
  });

  it("refuses line breaks and hidden characters in the subject and sender, next to the field", async () => {
    for (const payload of [...HEADER_INJECTION_PAYLOADS, ...INVISIBLE_AND_CONTROL_PAYLOADS]) {
      const hidden =
        /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/.test(
          payload.trim(),
        ); // a leading BOM is trimmed away
      const response = await hr.request("/staff/campaigns/new", {
        method: "POST",
        form: form({ subject: payload, senderName: payload }),
      });
      if (!hidden) {
        expect(response.status, JSON.stringify(payload)).toBe(302); // an encoded word is only text; a BOM is trimmed
        const id = locationOf(response, app.url)!.split("/").pop()!;
        const stored = await db.campaign.findUniqueOrThrow({ where: { id } });
        expect(stored.subject).toBe(payload.trim());
        expect(stored.senderName).not.toMatch(/[\r\n\ufeff]/);
        countTried(
          HEADER_INJECTION_PAYLOADS.includes(payload as never)
            ? "header injection: campaign subject"
            : "invisible/control: campaign subject",
        );
        continue;
      }
      expect(response.status, JSON.stringify(payload)).toBe(422);
      const html = await response.text();
      if (payload.includes("\u0000")) expect(html).toContain(NUL_MESSAGE);
      else {
        expect(html).toContain(
          "Remove line breaks and invisible or direction-changing characters from a subject.",
        );
        expect(html).toContain(
          "Remove line breaks and invisible or direction-changing characters from the sender&#x27;s name.",
        );
      }
      countTried(
        HEADER_INJECTION_PAYLOADS.includes(payload as never)
          ? "header injection: campaign subject"
          : "invisible/control: campaign subject",
      );
    }
  });

  it("refuses bad input in each of the campaign's forms with the field's message under that field, without JavaScript", async () => {
    /** The message under the field with this id (the form's intent, then the field's name). */
    const under = (html: string, id: string) =>
      new RegExp(`<p id="${id}-error"[^>]*>(?:<span[^>]*>[^<]*</span>)?([^<]*)</p>`).exec(html)?.[1];

    const created = await hr.request("/staff/campaigns/new", {
      method: "POST",
      form: form({ companyName: "  " }),
    });
    expect(created.status).toBe(422);
    const createdHtml = await created.text();
    expect(under(createdHtml, "save-companyName")).toBe("Enter the company name.");
    // The values typed come back in the fields.
    expect(createdHtml).toContain(`value="${campaignValues(segmentId).teamName}"`);

    const id = await create({ note: "Your position has been eliminated effective immediately." });
    const note = await hr.request(`/staff/campaigns/${id}`, {
      method: "POST",
      form: { intent: "save-note", note: "a".repeat(4001) },
    });
    expect(note.status).toBe(422);
    expect(under(await note.text(), "save-note-note")).toBe(
      "Keep the note under 4,000 characters: a few short paragraphs read best.",
    );

    const launch = await hr.request(`/staff/campaigns/${id}`, {
      method: "POST",
      form: { intent: "launch", overrideReason: "r".repeat(501) },
    });
    expect(launch.status).toBe(422);
    expect(under(await launch.text(), "launch-overrideReason")).toBe("Keep the reason under 500 characters.");
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe("draft");

    const launched = await hr.request(`/staff/campaigns/${id}`, {
      method: "POST",
      form: { intent: "launch", overrideReason: "The wording was agreed with the works council." },
    });
    expect(launched.status).toBe(200);
    const cancel = await hr.request(`/staff/campaigns/${id}`, {
      method: "POST",
      form: { intent: "cancel", reason: "c".repeat(501) },
    });
    expect(cancel.status).toBe(422);
    expect(under(await cancel.text(), "cancel-reason")).toBe("Keep the reason under 500 characters.");
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).not.toBe("cancelled");

    const answer = await hr.request(`/staff/campaigns/${id}`, {
      method: "POST",
      form: { intent: "answer-handled", answerId: "not an id" },
    });
    expect(answer.status).toBe(422);
    expect(await answer.text()).toContain("Some fields need your attention.");
  });

  it("the email template preview refuses a note past the limit under the note, and keeps what was typed", async () => {
    const response = await hr.request("/staff/emails/return-invitation", {
      method: "POST",
      form: { intent: "preview-note", note: "n".repeat(4001) },
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(
      /<p id="preview-note-note-error"[^>]*>(<span[^>]*>[^<]*<\/span>)?Keep the note under 4,000 characters: a few short paragraphs read best\.<\/p>/,
    );
    // What was typed comes back (the echo keeps its first 2,000 characters).
    expect(html).toContain(`>${"n".repeat(2000)}</textarea>`);
  });

  it("checks a note's tone without JavaScript and without saving it", async () => {
    const id = await create();
    const response = await hr.request(`/staff/campaigns/${id}`, {
      method: "POST",
      form: { intent: "check-note", note: "We value our human capital and hope you will come back." },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("cold.resources");
    expect(html).toContain("We value our human capital");
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).note).not.toContain("human capital");
  });

  it("blocks a launch with tone errors until a reason is given, and audits the override", async () => {
    const id = await create({ note: "Your position has been eliminated effective immediately." });
    const blocked = await hr.request(`/staff/campaigns/${id}`, {
      method: "POST",
      form: { intent: "launch" },
    });
    expect(blocked.status).toBe(422);
    expect(await blocked.text()).toContain("give a reason to launch it anyway");
    const launched = await hr.request(`/staff/campaigns/${id}`, {
      method: "POST",
      form: { intent: "launch", overrideReason: "The wording was agreed with the works council." },
    });
    expect(launched.status).toBe(200);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: "campaign.tone_overridden" },
    });
    expect(event.reason).toBe("The wording was agreed with the works council.");
  });

  it("two launches posted at once start the campaign once", async () => {
    const id = await create();
    const answers = await Promise.all(
      [1, 2].map(() => hr.request(`/staff/campaigns/${id}`, { method: "POST", form: { intent: "launch" } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await db.job.count({ where: { payload: { path: ["campaignId"], equals: id } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "campaign.launched" } })).toBe(1);
    // Launched campaigns cannot be edited any more.
    const edit = await hr.request(`/staff/campaigns/${id}/edit`, { method: "POST", form: form() });
    expect(edit.status).toBe(409);
  });

  it("a campaign email's List-Unsubscribe URL takes the one-click POST, and the person's queued campaign mail is cancelled", async () => {
    const user = await createStaffUser(db, { role: "hr" });
    const decision = await createDecision(db);
    for (let i = 0; i < 2; i++)
      await createAlumnus(db, {
        decisionId: decision.id,
        consentReturn: "granted",
        doNotContact: false,
        exitDate: new Date("2022-06-01"),
      });
    const segment = await createSegment(db, { query: `decisionId=${decision.id}` });
    const ids: string[] = [];
    for (const sendAt of [undefined, new Date(Date.now() + 7 * 86_400_000)]) {
      const id = await create({
        segmentId: segment.id,
        ...(sendAt ? { sendAt: sendAt.toISOString().slice(0, 16) } : {}),
      });
      await launchCampaign({ actor: staffActor(user), campaignId: id });
      await snapshotAudience(id);
      await fanOut(id);
      ids.push(id);
    }
    const message = await db.outboxMessage.findFirstOrThrow({ where: { campaignId: ids[0] } });
    const headers = message.headers as Record<string, string>;
    expect(
      Object.keys(headers)
        .filter((k) => /^list-unsubscribe/i.test(k))
        .sort(),
    ).toEqual(["List-Unsubscribe", "List-Unsubscribe-Post"]);
    const url = new URL(/^<([^>]+)>$/.exec(headers["List-Unsubscribe"])![1]);
    const response = await fetch(new URL(url.pathname, app.url), {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://mail.example" },
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: message.alumnusId! } })).consentReturn).toBe(
      "withdrawn",
    );
    const theirs = await db.outboxMessage.findMany({
      where: { alumnusId: message.alumnusId, campaignId: { in: ids } },
      select: { status: true },
    });
    expect(theirs.map((m) => m.status).sort()).toEqual(["cancelled", "cancelled"]);
    const others = await db.outboxMessage.count({
      where: { campaignId: { in: ids }, alumnusId: { not: message.alumnusId }, status: "queued" },
    });
    expect(others).toBe(2);
  });

  it("shows a clear 404 for a campaign that does not exist", async () => {
    const response = await hr.request("/staff/campaigns/does-not-exist");
    expect(response.status).toBe(404);
  });
});
