import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishInitialPolicy } from "~/modules/eligibility/publish-policy.server";
import { db } from "~/platform/db.server";
import { createSession } from "~/platform/session.server";
import { createAlumnus, createStaffUser } from "../factories";
import { httpClient, startTestApp, type TestApp } from "../setup/app-server";
import { locationOf, signedInClient, type Client } from "./helpers";

/**
 * The person's own profile, verdict and data rights over HTTP: each alumnus reaches only their
 * own record whatever ids they send, HR sees what they changed and what they asked, and the
 * portal pages never name the product.
 */
const PASSWORD = "a portal rights test password";
let app: TestApp;
let hr: Client;
let ada: Client;
let ben: Client;
let adaId: string;
let benId: string;

async function alumnusClient(alumnusId: string) {
  const client = httpClient(app.url);
  client.cookie = (await createSession({ alumnusId }, {})).setCookie.split(";")[0];
  return client;
}

beforeAll(async () => {
  app = await startTestApp();
  const a = await createAlumnus(db, {
    firstName: "Ada",
    lastName: "Lindqvist",
    preferredName: null,
    personalEmail: "ada.private@mail.example.org",
    location: "Göteborg, SE",
    country: "SE",
    // Not what the profile test saves (20 hours, Monday and Wednesday), so the change is recorded.
    availabilityHours: 40,
    availabilityDays: ["fri"],
    doNotRehire: true,
    doNotRehireReason: "Secret reason HR keeps to itself",
    exitReason: "conduct",
  });
  const b = await createAlumnus(db, {
    firstName: "Ben",
    lastName: "Okafor",
    preferredName: null,
    personalEmail: "ben.private@mail.example.org",
    location: "Berlin, DE",
  });
  adaId = a.id;
  benId = b.id;
  await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
  await db.alumnusNote.create({
    data: { alumnusId: a.id, authorId: "hr", body: "Private HR note about Ada" },
  });
  const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
  hr = await signedInClient(app, user.email, PASSWORD);
  ada = await alumnusClient(a.id);
  ben = await alumnusClient(b.id);
});
afterAll(async () => {
  await app?.close();
});

function profileForm(version: number, extra: Record<string, string> = {}) {
  return {
    intent: "profile",
    version: String(version),
    preferredName: "",
    personalEmail: "ada.private@mail.example.org",
    phone: "+46 70 123 45 67",
    location: "Stockholm, SE",
    timeZone: "Europe/Stockholm",
    languages: "Swedish, English",
    skills: "live chat, complaints handling",
    engagementPreference: "part_time",
    availabilityHours: "20",
    availabilityFrom: "09:00",
    availabilityTo: "15:00",
    earliestStart: "",
    ...extra,
  };
}

describe("the person's own data in the portal", () => {
  it("links the portal home to each of the person's pages, saying what each is for", async () => {
    const html = await (await ada.request("/portal")).text();
    for (const path of ["/portal/profile", "/portal/eligibility", "/portal/privacy"])
      expect(html).toContain(`href="${path}"`);
    expect(html).toContain("Choose what we write to you about, download your data or ask us to erase it.");
  });

  it("shows each person only their own profile and never HR's private notes or flags", async () => {
    const page = await ada.request("/portal/profile?alumnusId=" + benId);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("ada.private@mail.example.org");
    expect(html).not.toContain("ben.private@mail.example.org");
    expect(html).not.toContain("Secret reason");
    expect(html).not.toContain("Private HR note");
    expect(html).not.toMatch(/comeback/i);
  });

  it("saves the profile of the session's person only, whatever ids the form carries, and HR sees old -> new", async () => {
    const before = await db.alumnus.findUniqueOrThrow({ where: { id: adaId } });
    const benBefore = await db.alumnus.findUniqueOrThrow({ where: { id: benId } });
    const form = new URLSearchParams(
      profileForm(before.version, { alumnusId: benId, id: benId, doNotRehire: "" }),
    );
    form.append("availabilityDays", "mon");
    form.append("availabilityDays", "wed");
    const saved = await ada.request("/portal/profile", { method: "POST", body: form });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Saved. HR sees your changes straight away.");
    const after = await db.alumnus.findUniqueOrThrow({ where: { id: adaId } });
    expect(after).toMatchObject({
      location: "Stockholm, SE",
      phone: "+46 70 123 45 67",
      timeZone: "Europe/Stockholm",
      availabilityDays: ["mon", "wed"],
      availabilityHours: 20,
      engagementPreference: "part_time",
      doNotRehire: true,
    });
    expect((after.manualEdits as Record<string, unknown>).location).toMatchObject({ by: adaId });
    expect(await db.alumnus.findUniqueOrThrow({ where: { id: benId } })).toEqual(benBefore);

    const profile = await hr.request(`/staff/alumni/${adaId}`);
    const html = await profile.text();
    expect(html).toContain("Profile updated by the person");
    expect(html).toContain("Location: Göteborg, SE → Stockholm, SE");
    expect(html).toContain("Hours per week: 40 → 20");
  });

  it("refuses a stale or invalid form with the reason, keeping what was typed", async () => {
    const stale = await ada.request("/portal/profile", { method: "POST", form: profileForm(1) });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("updated your record while you were editing");
    const current = await db.alumnus.findUniqueOrThrow({ where: { id: adaId } });
    const bad = await ada.request("/portal/profile", {
      method: "POST",
      form: profileForm(current.version, {
        timeZone: "Mars/Olympus",
        availabilityTo: "08:00",
        phone: "call me",
        location: "Malmö\u202e",
      }),
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain("Choose a time zone from the list.");
    expect(html).toContain("The end time must be after the start time.");
    expect(html).toContain("Use digits, spaces, brackets or dashes");
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: adaId } })).version).toBe(current.version);
  });

  it("shows the verdict in plain words, lets the person ask for a review, and HR sees it marked as theirs", async () => {
    const page = await ada.request("/portal/eligibility");
    const html = await page.text();
    expect(html).toContain("We cannot offer you a return at the moment");
    expect(html).not.toContain("Secret reason");
    expect(html).not.toMatch(/do not rehire|comeback/i);

    const asked = await ada.request("/portal/eligibility", {
      method: "POST",
      form: { intent: "ask", message: "I think my exit reason is recorded wrongly.", alumnusId: benId },
    });
    expect(asked.status).toBe(200);
    expect(await db.eligibilityReviewRequest.count({ where: { alumnusId: adaId, status: "open" } })).toBe(1);
    expect(await db.eligibilityReviewRequest.count({ where: { alumnusId: benId } })).toBe(0);
    const again = await ada.request("/portal/eligibility", {
      method: "POST",
      form: { intent: "ask", message: "Another message for HR please." },
    });
    expect(again.status).toBe(409);

    const queue = await (await hr.request("/staff/eligibility/reviews")).text();
    expect(queue).toContain("Asked by the person");
    expect(queue).toContain("I think my exit reason is recorded wrongly.");
    const request = await db.eligibilityReviewRequest.findFirstOrThrow({ where: { alumnusId: adaId } });
    // HR answers on the person's page; the answer must name a request of that person.
    const wrongPerson = await hr.request(`/staff/eligibility/people/${benId}`, {
      method: "POST",
      form: { intent: "answer-request", requestId: request.id, answer: "We checked and it is right." },
    });
    expect(wrongPerson.status).toBe(404);
    const answered = await hr.request(`/staff/eligibility/people/${adaId}`, {
      method: "POST",
      form: {
        intent: "answer-request",
        requestId: request.id,
        answer: "We checked with your manager; it is right.",
      },
    });
    expect(answered.status).toBe(200);
    expect(await (await ada.request("/portal/eligibility")).text()).toContain(
      "We checked with your manager; it is right.",
    );
    expect(await (await ben.request("/portal/eligibility")).text()).not.toContain(
      "We checked with your manager",
    );
  });

  it("downloads only the person's own data, as JSON and CSV, never cached", async () => {
    const json = await ada.request(`/portal/privacy/export/json?alumnusId=${benId}`);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-disposition")).toMatch(
      /^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(json.headers.get("cache-control")).toBe("no-store");
    const text = await json.text();
    expect(text).toContain(adaId);
    expect(text).not.toContain(benId);
    expect(text).not.toContain("Private HR note");
    expect(text).not.toContain("Secret reason");
    expect(text).not.toMatch(/comeback/i);
    const csv = await ada.request("/portal/privacy/export/csv");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain("ada.private@mail.example.org");
    expect((await ada.request("/portal/privacy/export/xml")).status).toBe(404);
  });

  it("changes contact choices and asks for erasure; HR approves and the person's session ends", async () => {
    const contact = await ben.request("/portal/privacy", {
      method: "POST",
      form: { intent: "contact", returnOpportunities: "yes" },
    });
    expect(contact.status).toBe(200);
    expect(await db.alumnus.findUniqueOrThrow({ where: { id: benId } })).toMatchObject({
      consentReturn: "granted",
      consentNews: "withdrawn",
    });
    const unconfirmed = await ben.request("/portal/privacy", { method: "POST", form: { intent: "erase" } });
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain("Tick the box to confirm you understand.");
    const asked = await ben.request("/portal/privacy", {
      method: "POST",
      form: { intent: "erase", confirm: "yes", message: "I have moved on, thank you." },
    });
    expect(asked.status).toBe(200);
    const request = await db.erasureRequest.findFirstOrThrow({ where: { alumnusId: benId } });
    expect(await (await ben.request("/portal/privacy")).text()).toContain(request.reference);

    const list = await (await hr.request("/staff/privacy")).text();
    expect(list).toContain("Ben Okafor");
    const page = await (await hr.request(`/staff/privacy/${request.id}`)).text();
    expect(page).toContain("I have moved on, thank you.");
    const unticked = await hr.request(`/staff/privacy/${request.id}`, {
      method: "POST",
      form: { intent: "approve" },
    });
    expect(unticked.status).toBe(422);
    const approved = await hr.request(`/staff/privacy/${request.id}`, {
      method: "POST",
      form: { intent: "approve", confirm: "yes", note: "No contract, no legal hold." },
    });
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain(`known only as ${request.reference}`);
    expect(await db.alumnus.findUnique({ where: { id: benId } })).toBeNull();
    const gone = await ben.request("/portal/privacy");
    expect(gone.status).toBe(302);
    expect(locationOf(gone, app.url)).toMatch(/^\/portal\/sign-in/);
    const after = await (await hr.request(`/staff/privacy/${request.id}`)).text();
    expect(after).not.toContain("Ben Okafor");
    expect(after).not.toContain("I have moved on");
  });
});
