import { beforeAll, describe, expect, it } from "vitest";
import { registerBackgroundWork } from "~/modules/background.server";
import { DEFAULT_BRANDING } from "~/modules/portal/branding";
import { getAlumnus, getStaffUser, getViewer } from "~/platform/auth.server";
import { sha256 } from "~/platform/crypto.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { runNextJob } from "~/platform/jobs.server";
import { knownDeviceCookie, knownDeviceFrom } from "~/platform/known-device.server";
import { createSession, findActiveSession, sessionCookieName } from "~/platform/session.server";
import { createAlumnus, createStaffUser, unique } from "../../../test/factories";
import {
  ALUMNI_SIGN_IN_JOB,
  ALUMNI_SIGN_IN_LIMITS,
  portalNext,
  requestAlumniSignIn,
} from "./request-alumni-sign-in.server";
import { findAlumniSignInLink, INVALID_ALUMNI_LINK_MESSAGE, signInAlumnus } from "./sign-in-alumnus.server";

/** HARDENING.md, "Sign-in and sessions", the alumni email link. */

beforeAll(() => registerBackgroundWork());

async function runSignInJobs() {
  while (await runNextJob({ kinds: [ALUMNI_SIGN_IN_JOB] }));
}

async function ask(email: string, ip = unique("ip"), next?: string) {
  await requestAlumniSignIn({ email, ip, next });
  await runSignInJobs();
}

async function linksTo(address: string) {
  const messages = await db.outboxMessage.findMany({
    where: { toAddress: address, template: "sign-in-link" },
    orderBy: { createdAt: "asc" },
  });
  return messages.map((m) => {
    const match = /\/portal\/sign-in\/([A-Za-z0-9_-]+)(\?next=[^\s"<)]+)?/.exec(m.text)!;
    return { token: match[1], next: match[2], message: m };
  });
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const cookieRequest = (setCookie: string, path = "/portal") =>
  new Request(`http://localhost${path}`, { headers: { Cookie: setCookie.split(";")[0] } });

function person(overrides: Parameters<typeof createAlumnus>[1] = {}) {
  return createAlumnus(db, {
    workEmail: `${unique("work")}@fjordpay.example`,
    personalEmail: `${unique("home")}@example.org`,
    ...overrides,
  });
}

describe("asking for a link", () => {
  it("does the same work for known and unknown addresses; only the job looks the person up", async () => {
    const alumnus = await person();
    const ghost = `${unique("ghost")}@example.org`;
    const jobsBefore = await db.job.count({ where: { kind: ALUMNI_SIGN_IN_JOB } });
    const known = await requestAlumniSignIn({ email: alumnus.workEmail!, ip: unique("ip") });
    const unknown = await requestAlumniSignIn({ email: ghost, ip: unique("ip") });
    expect(known).toEqual(unknown);
    expect(await db.job.count({ where: { kind: ALUMNI_SIGN_IN_JOB } })).toBe(jobsBefore + 2);
    expect(await db.authToken.count({ where: { alumnusId: alumnus.id } })).toBe(0);

    await runSignInJobs();
    expect(await linksTo(alumnus.workEmail!)).toHaveLength(1);
    expect(await db.outboxMessage.count({ where: { toAddress: ghost } })).toBe(0);
    // Neither job keeps the address; both requests are audited, the unknown one by a short hash only.
    const jobs = await db.job.findMany({ where: { kind: ALUMNI_SIGN_IN_JOB }, select: { payload: true } });
    expect(jobs.every((j) => JSON.stringify(j.payload) === "{}")).toBe(true);
    const events = await db.auditEvent.findMany({
      where: { action: "auth.sign_in_link_requested" },
      orderBy: { id: "desc" },
      take: 2,
    });
    expect(events.map((e) => e.entityId).sort()).toEqual([alumnus.id, null].sort());
    expect(JSON.stringify(events.map((e) => [e.before, e.after, e.entityId]))).not.toContain(ghost);
  });

  it("sends a link of 256 random bits to the address given (work or personal), storing only its hash", async () => {
    const alumnus = await person({ preferredName: "Maja" });
    await ask(alumnus.personalEmail!);
    const [link] = await linksTo(alumnus.personalEmail!);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes, base64url
    const row = await db.authToken.findFirstOrThrow({ where: { alumnusId: alumnus.id } });
    expect(row.purpose).toBe("alumnus_sign_in");
    expect(row.tokenHash).toBe(sha256(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);
    expect(row.email).toBe(alumnus.personalEmail);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(15 * 60_000 + 1000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(14 * 60_000);
    // From the employer, greeting the person by the name they use.
    expect(link.message).toMatchObject({
      fromName: DEFAULT_BRANDING.senderName,
      fromAddress: DEFAULT_BRANDING.senderEmail,
      alumnusId: alumnus.id,
      purpose: "transactional",
    });
    expect(link.message.text).toContain("Maja");
    expect(link.message.text).toContain(`${DEFAULT_BRANDING.companyName} alumni portal`);
    expect(link.message.text).not.toMatch(/comeback/i);
  });

  it("carries only a portal page as the place to go after signing in", async () => {
    expect(portalNext("/portal/profile?tab=1")).toBe("/portal/profile?tab=1");
    for (const bad of [
      "/staff/admin/users",
      "https://evil.example/portal",
      "//evil.example",
      "/portalx",
      null,
    ]) {
      expect(portalNext(bad)).toBe("/portal");
    }
    const alumnus = await person();
    await ask(alumnus.workEmail!, unique("ip"), "/portal/profile");
    const [link] = await linksTo(alumnus.workEmail!);
    expect(link.next).toBe(`?next=${encodeURIComponent("/portal/profile")}`);
  });
});

describe("using a link", () => {
  it("opening it changes nothing; confirming starts an alumni session once, and a second use is refused", async () => {
    const alumnus = await person();
    await ask(alumnus.workEmail!);
    const [{ token }] = await linksTo(alumnus.workEmail!);
    expect(await findAlumniSignInLink(token)).toEqual({ usable: true });
    expect(await findAlumniSignInLink(token)).toEqual({ usable: true });
    const { setCookie, alumnusId } = await signInAlumnus({ token });
    expect(alumnusId).toBe(alumnus.id);
    expect(setCookie.startsWith(`${sessionCookieName("alumnus")}=`)).toBe(true);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const session = await findActiveSession(cookieRequest(setCookie), "alumnus");
    expect(session?.alumnusId).toBe(alumnus.id);
    expect(await findAlumniSignInLink(token)).toEqual({ usable: false });
    const again = await failure(signInAlumnus({ token }));
    expect(again.code).toBe("not_found");
    expect(again.message).toBe(INVALID_ALUMNI_LINK_MESSAGE);
  });

  it("20 parallel confirmations of one link give exactly one session", async () => {
    const alumnus = await person();
    await ask(alumnus.workEmail!);
    const [{ token }] = await linksTo(alumnus.workEmail!);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => signInAlumnus({ token })));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) expect(r.reason).toMatchObject({ code: "not_found" });
    expect(await db.session.count({ where: { alumnusId: alumnus.id } })).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { action: "auth.sign_in", actorId: alumnus.id, actorType: "alumnus" },
      }),
    ).toBe(1);
    console.info("alumni sign-in link: 20 parallel redemptions -> 1 session, 19 refused");
  });

  it("a newer link voids the older one; an expired link is refused", async () => {
    const alumnus = await person();
    await ask(alumnus.workEmail!);
    await ask(alumnus.workEmail!);
    const [older, newer] = await linksTo(alumnus.workEmail!);
    expect(await findAlumniSignInLink(older.token)).toEqual({ usable: false });
    expect((await failure(signInAlumnus({ token: older.token }))).code).toBe("not_found");

    await db.authToken.update({
      where: { tokenHash: sha256(newer.token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await findAlumniSignInLink(newer.token)).toEqual({ usable: false });
    expect((await failure(signInAlumnus({ token: newer.token }))).code).toBe("not_found");
    for (const junk of ["", "short", "x".repeat(43), `${newer.token}a`, "../../staff"]) {
      expect((await failure(signInAlumnus({ token: junk }))).code).toBe("not_found");
    }
  });

  it("a newer link voids the person's older one whichever address each went to; other people's stay usable", async () => {
    const alumnus = await person({
      workEmail: `${unique("maja.work")}@fjordpay.example`,
      personalEmail: `${unique("maja.home")}@example.org`,
    });
    const other = await person();
    await ask(other.workEmail!);
    await ask(alumnus.workEmail!);
    await ask(alumnus.personalEmail!);
    const [atWork] = await linksTo(alumnus.workEmail!);
    const [atHome] = await linksTo(alumnus.personalEmail!);
    const [othersLink] = await linksTo(other.workEmail!);

    expect(await findAlumniSignInLink(atWork.token)).toEqual({ usable: false });
    expect((await failure(signInAlumnus({ token: atWork.token }))).code).toBe("not_found");
    expect((await signInAlumnus({ token: atHome.token })).alumnusId).toBe(alumnus.id);
    expect((await signInAlumnus({ token: othersLink.token })).alumnusId).toBe(other.id);
  });

  it("a staff link never signs in an alumnus, and a sign-in link never reaches staff pages", async () => {
    const alumnus = await person();
    await ask(alumnus.workEmail!);
    const [{ token }] = await linksTo(alumnus.workEmail!);
    const { setCookie } = await signInAlumnus({ token });
    // The alumni cookie is not a staff session, even under the staff cookie's name.
    const value = setCookie.split(";")[0].split("=")[1];
    const asStaff = new Request("http://localhost/staff", {
      headers: { Cookie: `${sessionCookieName("staff")}=${value}` },
    });
    expect(await findActiveSession(asStaff, "staff")).toBeNull();
    expect(await getStaffUser(asStaff)).toBeNull();
    const viewer = await getViewer(cookieRequest(setCookie, "/staff"));
    expect(viewer?.kind).toBe("alumnus");

    // A staff session presented in the portal's cookie is not an alumnus either.
    const hr = await createStaffUser(db, { role: "hr" });
    const staff = await createSession({ userId: hr.id }, {});
    const staffValue = staff.setCookie.split(";")[0].split("=")[1];
    const asAlumnus = new Request("http://localhost/portal", {
      headers: { Cookie: `${sessionCookieName("alumnus")}=${staffValue}` },
    });
    expect(await findActiveSession(asAlumnus, "alumnus")).toBeNull();
    expect(await getAlumnus(asAlumnus)).toBeNull();
  });
});

describe("limits", () => {
  it("pauses an address after a few links, known or not; the newest link still works (the owner is never locked out)", async () => {
    const alumnus = await person();
    const ghost = `${unique("ghost")}@example.org`;
    const { limit } = ALUMNI_SIGN_IN_LIMITS.perAddress;
    for (let i = 0; i < limit; i++) {
      await requestAlumniSignIn({ email: alumnus.workEmail!, ip: unique("ip") });
      await requestAlumniSignIn({ email: ghost, ip: unique("ip") });
    }
    await runSignInJobs();
    const known = await failure(requestAlumniSignIn({ email: alumnus.workEmail!, ip: unique("ip") }));
    const unknown = await failure(requestAlumniSignIn({ email: ghost, ip: unique("ip") }));
    expect(known.code).toBe("rate_limited");
    expect(known.message).toBe(unknown.message);
    expect(known.message).toMatch(/Use the newest email from us/);
    expect(known.options.retryAfterSeconds).toBeGreaterThan(0);
    // A stranger asking again and again made no new link past the limit: the newest one in the
    // owner's inbox still works.
    await runSignInJobs();
    const links = await linksTo(alumnus.workEmail!);
    expect(links).toHaveLength(limit);
    const newest = links[links.length - 1];
    expect(await findAlumniSignInLink(newest.token)).toEqual({ usable: true });
    expect((await signInAlumnus({ token: newest.token })).alumnusId).toBe(alumnus.id);
  });

  it("a browser that signed in before gets a fresh link while strangers' requests hold the address and its network", async () => {
    const alumnus = await person();
    const other = await person();
    const office = unique("ip");
    // The owner signed in once on this browser; the portal remembered it.
    await ask(alumnus.workEmail!, office);
    const [first] = await linksTo(alumnus.workEmail!);
    const signedIn = await signInAlumnus({ token: first.token });
    const device = knownDeviceFrom(
      cookieRequest(knownDeviceCookie("alumnus", signedIn.alumnusId)),
      "alumnus",
    );
    const othersDevice = knownDeviceFrom(cookieRequest(knownDeviceCookie("alumnus", other.id)), "alumnus");
    // A stranger fills the address's limit from many networks and the office's from one.
    for (let i = 0; i < 100; i++) {
      await requestAlumniSignIn({ email: alumnus.workEmail!, ip: i % 2 ? office : unique("ip") }).catch(
        () => undefined,
      );
    }
    await runSignInJobs();
    const before = (await linksTo(alumnus.workEmail!)).length;
    expect((await failure(requestAlumniSignIn({ email: alumnus.workEmail!, ip: office }))).code).toBe(
      "rate_limited",
    );
    // Someone else's remembered browser does not get past the limits for this address.
    expect(
      (await failure(requestAlumniSignIn({ email: alumnus.workEmail!, ip: office, device: othersDevice })))
        .code,
    ).toBe("rate_limited");
    // The owner's does: a new link, which signs them in.
    await requestAlumniSignIn({ email: alumnus.workEmail!, ip: office, device });
    await runSignInJobs();
    const links = await linksTo(alumnus.workEmail!);
    expect(links).toHaveLength(before + 1);
    expect((await signInAlumnus({ token: links.at(-1)!.token })).alumnusId).toBe(alumnus.id);
  });

  it("limits requests from one client address, whatever the email", async () => {
    const ip = unique("ip");
    for (let i = 0; i < ALUMNI_SIGN_IN_LIMITS.perIp.limit; i++) {
      await requestAlumniSignIn({ email: `${unique("spray")}@example.org`, ip });
    }
    const error = await failure(requestAlumniSignIn({ email: `${unique("spray")}@example.org`, ip }));
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(/too many sign-in requests from your network/);
    // Another network is not affected.
    await requestAlumniSignIn({ email: `${unique("other")}@example.org`, ip: unique("ip") });
  });
});
