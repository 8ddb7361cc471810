import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCampaign } from "~/modules/campaigns/create-campaign.server";
import { launchCampaign } from "~/modules/campaigns/launch-campaign.server";
import { fanOut, snapshotAudience } from "~/modules/campaigns/run-campaign.server";
import { signAnswerToken } from "~/modules/invitation-answers/answer-token.server";
import { db } from "~/platform/db.server";
import { createAlumnus, createDecision, createStaffUser, staffActor } from "../factories";
import { campaignValues, createSegment } from "../factories/campaigns";
import { countTried, INVISIBLE_AND_CONTROL_PAYLOADS, triedSummary, XSS_PAYLOADS } from "../hostile/payloads";
import { httpClient, startTestApp, type TestApp } from "../setup/app-server";
import { cspNonce, markupOutsideOurScripts, reactEscaped, signedInClient } from "./helpers";

/**
 * The invitation's answer page over HTTP against the production build (ADR 038): GET never
 * records anything; the POST records the answer and is origin-checked; tampered and expired
 * links get their own clear pages; no hostile input gets a 5xx or renders live; the page speaks
 * as the employer, never as the product.
 */
const PASSWORD = "answer http test password";
let app: TestApp;
let campaignId: string;
let people: { id: string; firstName: string }[];
const tokens = new Map<string, string>();
const answers = () => db.invitationAnswer.count({ where: { campaignId } });

beforeAll(async () => {
  app = await startTestApp();
  const actor = staffActor(await createStaffUser(db, { role: "hr", password: PASSWORD }));
  const decision = await createDecision(db);
  people = [];
  for (let i = 0; i < 4; i++)
    people.push(
      await createAlumnus(db, {
        decisionId: decision.id,
        consentReturn: "granted",
        consentNews: "granted",
        doNotContact: false,
        exitDate: new Date("2022-06-01"),
      }),
    );
  const segment = await createSegment(db, { query: `decisionId=${decision.id}` });
  campaignId = (
    await createCampaign({ actor, values: campaignValues(segment.id, { name: "Answer page test" }) })
  ).id;
  await launchCampaign({ actor, campaignId });
  await snapshotAudience(campaignId);
  await fanOut(campaignId);
  for (const m of await db.outboxMessage.findMany({
    where: { campaignId },
    select: { alumnusId: true, html: true },
  })) {
    const token = /href="[^"]*\/answer\/([^"]+)"/.exec(m.html)?.[1];
    if (m.alumnusId && token) tokens.set(m.alumnusId, token);
  }
  expect(tokens.size).toBe(people.length);
});
afterAll(async () => {
  console.log(`hostile inputs tried (invitation answer page): ${triedSummary()}`);
  await app?.close();
});

const text = (html: string) => html.replace(/<!-- -->/g, "");

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(new URL(path, app.url), {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.url, ...headers },
    redirect: "manual",
  });
}

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();

/** Shown as text: not raw (when it has markup characters), and present in its escaped form. */
function expectInert(markup: string, payload: string, where: string) {
  expect(
    /[<>"']/.test(payload) && markup.includes(payload),
    `raw ${JSON.stringify(payload)} on ${where}`,
  ).toBe(false);
  expect(markup.includes(reactEscaped(payload)), `escaped ${JSON.stringify(payload)} on ${where}`).toBe(true);
}

describe("the answer page", () => {
  it("shows the choice on GET, records the answer only on the POST, and speaks as the employer", async () => {
    const person = people[0];
    const path = `/portal/answer/${tokens.get(person.id)}`;
    for (let i = 0; i < 3; i++) {
      const page = await fetch(new URL(path, app.url));
      expect(page.status).toBe(200);
      expect(page.headers.get("cache-control")).toBe("no-store");
      expect(page.headers.get("referrer-policy")).toMatch(/no-referrer$/);
      const html = text(await page.text());
      expect(html).toContain(`Would you like to work with us again, ${person.firstName}?`);
      expect(html).toContain("Yes, I&#x27;m interested");
      expect(html).toContain("Please don&#x27;t contact me");
      expect(html).toContain("<title>Your answer · Fjord Pay alumni</title>");
      expect(markupOutsideOurScripts(html, cspNonce(page))).not.toMatch(/Comeback/);
    }
    expect(await answers()).toBe(0);

    const done = await post(
      path,
      form({
        intent: "answer",
        answer: "interested",
        hoursPerWeek: "20_30",
        earliestStart: "now",
        message: "",
      }),
    );
    expect(done.status).toBe(200);
    const html = text(await done.text());
    expect(html).toContain(`Thank you, ${person.firstName}`);
    expect(html).toContain("20 to 30 hours");
    expect(
      await db.invitationAnswer.findFirstOrThrow({ where: { campaignId, alumnusId: person.id } }),
    ).toMatchObject({ answer: "interested", hoursPerWeek: "20_30", earliestStart: "now" });
  });

  it("refuses a cross-site POST and records nothing", async () => {
    const path = `/portal/answer/${tokens.get(people[1].id)}`;
    const body = form({ intent: "answer", answer: "interested" });
    const variants: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
    ];
    for (const headers of variants) expect((await post(path, body, headers)).status).toBe(403);
    const bare = await fetch(new URL(path, app.url), {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(bare.status).toBe(403);
    expect(await db.invitationAnswer.count({ where: { campaignId, alumnusId: people[1].id } })).toBe(0);
  });

  it("says plainly that “Please don't contact me” stops outreach, and withdraws consent", async () => {
    const person = people[2];
    const response = await post(
      `/portal/answer/${tokens.get(person.id)}`,
      form({ intent: "answer", answer: "stop" }),
    );
    expect(response.status).toBe(200);
    const html = text(await response.text());
    expect(html).toContain("We will not contact you again");
    expect(html).toContain("We will not email you about coming back or about alumni news any more");
    const preferences = /href="(\/preferences\/[^"]+)"/.exec(html)?.[1];
    expect(preferences).toBeTruthy();
    expect((await fetch(new URL(preferences!, app.url))).status).toBe(200);
    expect(await db.alumnus.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      consentReturn: "withdrawn",
      consentNews: "withdrawn",
    });
  });

  it("asks for an answer when none is chosen, keeping what was typed", async () => {
    const response = await post(
      `/portal/answer/${tokens.get(people[3].id)}`,
      form({ intent: "answer", message: "Typed before choosing" }),
    );
    expect(response.status).toBe(422);
    const html = text(await response.text());
    expect(html).toContain("Choose one answer.");
    expect(html).toContain("Typed before choosing");
    expect(await db.invitationAnswer.count({ where: { campaignId, alumnusId: people[3].id } })).toBe(0);
  });

  it("gives tampered links one clear page that does not echo them, and expired links a way to a new one", async () => {
    const token = tokens.get(people[3].id)!;
    const [a, c, e, s] = token.split(".");
    const tampered = [
      `${people[0].id}.${c}.${e}.${s}`,
      `${a}.${c}.${(parseInt(e, 36) + 1).toString(36)}.${s}`,
      `${token}x`,
      "x",
    ];
    for (const t of [...tampered, ...XSS_PAYLOADS.map(encodeURIComponent)]) {
      const get = await fetch(new URL(`/portal/answer/${t}`, app.url));
      const body = text(await get.text());
      expect([400, 404], t).toContain(get.status);
      if (get.status === 404) {
        expect(body).toContain("This link cannot be used");
        expect(body).not.toMatch(/Comeback/);
      }
      expect(body).not.toContain("<script>alert");
      const posted = await post(`/portal/answer/${t}`, form({ intent: "answer", answer: "interested" }));
      expect([400, 404]).toContain(posted.status);
    }
    countTried("xss", XSS_PAYLOADS.length);
    expect(await db.invitationAnswer.count({ where: { campaignId, alumnusId: people[3].id } })).toBe(0);

    const expired = signAnswerToken({
      alumnusId: people[3].id,
      campaignId,
      expiresAt: new Date(Date.now() - 1000),
    });
    const page = await fetch(new URL(`/portal/answer/${expired}`, app.url));
    expect(page.status).toBe(410);
    const html = text(await page.text());
    expect(html).toContain("This link has expired");
    expect(html).toContain("Email me a new link");
    expect(
      (await post(`/portal/answer/${expired}`, form({ intent: "answer", answer: "interested" }))).status,
    ).toBe(409);
    const fresh = await post(`/portal/answer/${expired}`, form({ intent: "fresh-link" }));
    // The page still describes an expired link (410), now with the news that a new one is on its way.
    expect(fresh.status).toBe(410);
    expect(text(await fresh.text())).toContain("We sent a new link to the address our invitation went to");
    const again = await post(`/portal/answer/${expired}`, form({ intent: "fresh-link" }));
    expect(again.status).toBe(429);
    expect(
      await db.outboxMessage.count({ where: { template: "answer-link", alumnusId: people[3].id } }),
    ).toBe(1);
    expect(await db.invitationAnswer.count({ where: { campaignId, alumnusId: people[3].id } })).toBe(0);
  });

  it("answers no hostile input with a 5xx, and shows hostile messages as text, to the person and to HR", async () => {
    const path = `/portal/answer/${tokens.get(people[1].id)}`;
    const bodies: { body: BodyInit; type?: string }[] = [
      { body: form({ intent: "answer", answer: "interested\u0000" }) },
      { body: form({ intent: "answer", answer: "interested", hoursPerWeek: "99999999999999999999" }) },
      { body: form({ intent: "answer", answer: "interested", message: "x".repeat(100_000) }) },
      { body: form({ intent: "answer", answer: ["interested", "stop"] as unknown as string }) },
      { body: "intent=answer&answer=interested&answer=stop" },
      { body: "%%%", type: "application/x-www-form-urlencoded" },
      { body: '{"intent":"answer","answer":"interested"}', type: "application/json" },
      {
        body: '--x\r\nContent-Disposition: form-data; name="intent"\r\n\r\nanswer',
        type: "multipart/form-data; boundary=x",
      },
      { body: "garbage", type: "multipart/form-data" },
      { body: form({ intent: "x".repeat(10_000) }) },
      ...INVISIBLE_AND_CONTROL_PAYLOADS.map((p) => ({
        body: form({ intent: "answer", answer: "not_now", message: p }),
      })),
    ];
    countTried("invisible-control", INVISIBLE_AND_CONTROL_PAYLOADS.length);
    for (const { body, type } of bodies) {
      const response = await post(path, body as string, type ? { "Content-Type": type } : {});
      expect(response.status, String(body).slice(0, 80)).toBeLessThan(500);
    }
    for (const payload of XSS_PAYLOADS) {
      const response = await post(path, form({ intent: "answer", answer: "not_now", message: payload }));
      expect(response.status).toBe(200);
      expectInert(
        markupOutsideOurScripts(await response.text(), cspNonce(response)),
        payload,
        "confirmation",
      );
    }
    // HR's campaign page shows the last one as text.
    const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
    const hr = await signedInClient(app, user.email, PASSWORD);
    const campaign = await hr.request(`/staff/campaigns/${campaignId}`);
    expect(campaign.status).toBe(200);
    const html = await campaign.text();
    const last = XSS_PAYLOADS[XSS_PAYLOADS.length - 1];
    expectInert(markupOutsideOurScripts(html, cspNonce(campaign)), last, "campaign page");
  });
});

describe("HR's view of the answers", () => {
  it("shows the counts and who answered what on the campaign page, and the answer on the profile's timeline", async () => {
    const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
    const hr = await signedInClient(app, user.email, PASSWORD);
    const page = await hr.request(`/staff/campaigns/${campaignId}?answer=interested`);
    expect(page.status).toBe(200);
    const html = text(await page.text());
    expect(html).toContain("Who answered what");
    expect(html).toMatch(/Interested<\/span>/);
    expect(html).toContain(`/staff/alumni/${people[0].id}`);
    expect(html).toContain("20 to 30 hours a week; could start right away");

    const bad = await hr.request(`/staff/campaigns/${campaignId}?answer=%3Cscript%3E&page=-1`);
    // Unreadable filters are left out and named on the page (issue 11), not a refusal of the page.
    expect(bad.status).toBe(200);
    expect((await bad.text()).replace(/<!-- -->/g, "")).toContain("Part of this address was left out");

    const profile = await hr.request(`/staff/alumni/${people[0].id}`);
    const profileHtml = text(await profile.text());
    expect(profileHtml).toContain("Answered the invitation “Answer page test”: Interested");

    // HR marks it followed up (origin-checked like every POST); the answer stays, the to-do clears.
    const row = await db.invitationAnswer.findFirstOrThrow({
      where: { campaignId, alumnusId: people[0].id },
    });
    const marked = await hr.request(`/staff/campaigns/${campaignId}`, {
      method: "POST",
      form: { intent: "answer-handled", answerId: row.id },
    });
    expect(marked.status).toBe(200);
    expect((await db.invitationAnswer.findUniqueOrThrow({ where: { id: row.id } })).handledById).toBe(
      user.id,
    );
    const foreign = httpClient(app.url, { origin: "https://evil.example" });
    foreign.cookie = hr.cookie;
    const refused = await foreign.request(`/staff/campaigns/${campaignId}`, {
      method: "POST",
      form: { intent: "answer-handled", answerId: row.id },
    });
    expect(refused.status).toBe(403);
  });

  it("lists what waits for HR across campaigns, linked from the home page and the campaign; marking one is origin-checked and audited once", async () => {
    const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
    const hr = await signedInClient(app, user.email, PASSWORD);
    const home = text(await (await hr.request("/staff")).text());
    expect(home).toContain("Answers to follow up");
    expect(home).toContain('href="/staff/campaigns/answers"');
    const campaign = text(await (await hr.request(`/staff/campaigns/${campaignId}`)).text());
    expect(campaign).toMatch(/href="\/staff\/campaigns\/answers"[^>]*>1 to follow up/);

    // people[1] said "not now" with words (the hostile messages above); people[0] is followed up.
    const list = await hr.request("/staff/campaigns/answers");
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(text(html)).toContain("1 answer waits for you.");
    expect(html).toContain(`/staff/alumni/${people[1].id}`);
    expect(html).not.toContain(`/staff/alumni/${people[0].id}`);
    expect(html).toContain(`/staff/campaigns/${campaignId}#answers`);
    expectInert(markupOutsideOurScripts(html, cspNonce(list)), XSS_PAYLOADS.at(-1)!, "answers to follow up");

    const row = await db.invitationAnswer.findFirstOrThrow({
      where: { campaignId, alumnusId: people[1].id },
    });
    const mark = (answerId: string, client = hr) =>
      client.request("/staff/campaigns/answers", {
        method: "POST",
        form: { intent: "answer-handled", answerId },
      });
    const foreign = httpClient(app.url, { origin: "https://evil.example" });
    foreign.cookie = hr.cookie;
    expect((await mark(row.id, foreign)).status).toBe(403);
    expect((await mark("nosuchanswer0000")).status).toBe(404);
    expect((await mark("<script>")).status).toBe(422);
    const marked = await mark(row.id);
    expect(marked.status).toBe(200);
    expect(await marked.text()).toContain("Marked as followed up.");
    expect(await (await mark(row.id)).text()).toContain("Someone had already marked it followed up.");
    expect(
      await db.auditEvent.count({ where: { action: "invitation.answer_handled", entityId: people[1].id } }),
    ).toBe(1);
    expect(text(await (await hr.request("/staff/campaigns/answers")).text())).toContain(
      "Nothing to follow up",
    );
  });
});
