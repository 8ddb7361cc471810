import { describe, expect, it } from "vitest";
import { AppError } from "~/platform/errors";
import { db } from "~/platform/db.server";
import { sha256 } from "~/platform/crypto.server";
import { resetEnvCache } from "~/platform/env.server";
import {
  clearSessionCookie,
  createSession,
  findActiveSession,
  revokeSessionsOfUser,
} from "~/platform/session.server";
import { createAlumnus, createStaffUser, unique } from "../../../test/factories";
import { SIGN_IN_LIMITS, signInStaff, signOut } from "./sign-in.server";

function requestWith(setCookie: string) {
  const [pair] = setCookie.split(";");
  return new Request("http://localhost/staff", { headers: { Cookie: pair } });
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("staff sign-in", () => {
  it("creates a new session row; the cookie holds a token whose hash is the row id", async () => {
    const user = await createStaffUser(db, { role: "hr", password: "a long enough password" });
    const { setCookie } = await signInStaff({
      email: user.email.toUpperCase(),
      password: "a long enough password",
      ip: unique("ip"),
    });
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const session = await findActiveSession(requestWith(setCookie));
    expect(session?.userId).toBe(user.id);
    const token = setCookie.split(";")[0].split("=")[1];
    expect(await db.session.findUnique({ where: { id: token } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: sha256(token) } })).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in", actorId: user.id } })).toBe(1);
  });

  it("answers unknown emails and wrong passwords identically", async () => {
    const user = await createStaffUser(db, { role: "hr", password: "a long enough password" });
    const unknown = await failure(
      signInStaff({
        email: `${unique("nobody")}@comeback.test`,
        password: "whatever it is",
        ip: unique("ip"),
      }),
    );
    const wrong = await failure(
      signInStaff({ email: user.email, password: "not the password", ip: unique("ip") }),
    );
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.options.fieldErrors).toEqual(wrong.options.fieldErrors);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", entityId: user.id } })).toBe(
      1,
    );
  });

  it("slows an account after repeated failures, the same way for unknown addresses", async () => {
    const user = await createStaffUser(db, { role: "hr", password: "a long enough password" });
    const ghost = `${unique("ghost")}@comeback.test`;
    const messages: Record<string, string[]> = { real: [], ghost: [] };
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit + 1; i++) {
      messages.real.push(
        (await failure(signInStaff({ email: user.email, password: "wrong guess", ip: unique("ip") })))
          .message,
      );
      messages.ghost.push(
        (await failure(signInStaff({ email: ghost, password: "wrong guess", ip: unique("ip") }))).message,
      );
    }
    expect(messages.real).toEqual(messages.ghost);
    expect(messages.real.at(-1)).toMatch(/Too many sign-in attempts/);
    // Even the right password waits until the pause is over.
    const locked = await failure(
      signInStaff({ email: user.email, password: "a long enough password", ip: unique("ip") }),
    );
    expect(locked.code).toBe("rate_limited");
    // Only the failures that reached a password check are events; the waits are not lockouts.
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", entityId: user.id } })).toBe(
      SIGN_IN_LIMITS.perAccount.limit,
    );
  });

  it("limits attempts per client address across accounts", async () => {
    const ip = unique("ip");
    let last: AppError | undefined;
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit + 1; i++) {
      last = await failure(signInStaff({ email: `${unique("spray")}@comeback.test`, password: "guess", ip }));
    }
    expect(last?.code).toBe("rate_limited");
    expect(last?.options.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("refuses invited and deactivated accounts with the same answer", async () => {
    const invited = await createStaffUser(db, { role: "hr", status: "invited" });
    const gone = await createStaffUser(db, {
      role: "hr",
      status: "deactivated",
      password: "a long enough password",
    });
    const a = await failure(
      signInStaff({ email: invited.email, password: "anything at all", ip: unique("ip") }),
    );
    const b = await failure(
      signInStaff({ email: gone.email, password: "a long enough password", ip: unique("ip") }),
    );
    expect(a.message).toBe(b.message);
  });

  it("ends a session presented at sign-in (no session fixation)", async () => {
    const user = await createStaffUser(db, { role: "hr", password: "a long enough password" });
    const first = await signInStaff({
      email: user.email,
      password: "a long enough password",
      ip: unique("ip"),
    });
    const firstSession = await findActiveSession(requestWith(first.setCookie));
    const second = await signInStaff({
      email: user.email,
      password: "a long enough password",
      ip: unique("ip"),
      previousSessionId: firstSession?.id,
    });
    expect(await findActiveSession(requestWith(first.setCookie))).toBeNull();
    const secondSession = await findActiveSession(requestWith(second.setCookie));
    expect(secondSession?.id).not.toBe(firstSession?.id);
  });

  it("sign-out ends the session server-side: replaying the old cookie gets nothing", async () => {
    const user = await createStaffUser(db, { role: "hr", password: "a long enough password" });
    const { setCookie } = await signInStaff({
      email: user.email,
      password: "a long enough password",
      ip: unique("ip"),
    });
    const session = await findActiveSession(requestWith(setCookie));
    const out = await signOut({
      sessionId: session!.id,
      actor: { type: "staff", id: user.id, name: user.name, role: "hr" },
    });
    expect(out.setCookie).toMatch(/Max-Age=0/);
    expect(await findActiveSession(requestWith(setCookie))).toBeNull();
  });

  it("expires idle and old sessions, and revocation ends them at once", async () => {
    const user = await createStaffUser(db, { role: "hr", password: "a long enough password" });
    const a = await signInStaff({ email: user.email, password: "a long enough password", ip: unique("ip") });
    const sessionA = (await findActiveSession(requestWith(a.setCookie)))!;
    await db.session.update({
      where: { id: sessionA.id },
      data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
    });
    expect(await findActiveSession(requestWith(a.setCookie))).toBeNull();

    const b = await signInStaff({ email: user.email, password: "a long enough password", ip: unique("ip") });
    const sessionB = (await findActiveSession(requestWith(b.setCookie)))!;
    await db.session.update({ where: { id: sessionB.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findActiveSession(requestWith(b.setCookie))).toBeNull();

    const c = await signInStaff({ email: user.email, password: "a long enough password", ip: unique("ip") });
    expect(await findActiveSession(requestWith(c.setCookie))).not.toBeNull();
    await revokeSessionsOfUser(user.id, "test");
    expect(await findActiveSession(requestWith(c.setCookie))).toBeNull();
  });
});

describe("session cookies in production", () => {
  it("are Secure and __Host- prefixed, for staff and alumni alike, when the app is served over https", async () => {
    const previous = process.env.APP_URL;
    process.env.APP_URL = "https://comeback.example.com";
    resetEnvCache();
    try {
      const user = await createStaffUser(db, { role: "hr" });
      const alumnus = await createAlumnus(db, {});
      for (const [subject, name] of [
        [{ userId: user.id }, "__Host-comeback_session"],
        [{ alumnusId: alumnus.id }, "__Host-portal_session"],
      ] as const) {
        const { setCookie } = await createSession(subject, {});
        const attributes = setCookie.split("; ");
        expect(attributes[0].startsWith(`${name}=`)).toBe(true);
        expect(attributes).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax", "Secure"]));
        // __Host- cookies may carry no Domain: the browser keeps them to this exact host.
        expect(setCookie).not.toMatch(/Domain=/i);
      }
      expect(clearSessionCookie("staff")).toMatch(/^__Host-comeback_session=; .*Secure; Max-Age=0$/);
      expect(clearSessionCookie("alumnus")).toMatch(/^__Host-portal_session=; .*Secure; Max-Age=0$/);
    } finally {
      if (previous === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = previous;
      resetEnvCache();
    }
  });
});
