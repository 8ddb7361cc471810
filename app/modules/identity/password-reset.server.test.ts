import { beforeAll, describe, expect, it } from "vitest";
import { registerBackgroundWork } from "~/modules/background.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { runNextJob } from "~/platform/jobs.server";
import { findActiveSession } from "~/platform/session.server";
import { createStaffUser, staffActor, unique } from "../../../test/factories";
import { INVALID_LINK_MESSAGE } from "./auth-tokens.server";
import { CHANGE_PASSWORD_LIMIT, changePassword } from "./change-password.server";
import { verifyPassword } from "./password.server";
import {
  PASSWORD_RESET_JOB,
  PASSWORD_RESET_LIMITS,
  requestPasswordReset,
} from "./request-password-reset.server";
import { findPasswordReset, resetPassword } from "./reset-password.server";
import { SIGN_IN_LIMITS, signInStaff } from "./sign-in.server";

const OLD = "the old long password";
const NEW = "a brand new long password";

beforeAll(() => registerBackgroundWork());

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function runResetJobs() {
  while (await runNextJob({ kinds: [PASSWORD_RESET_JOB] }));
}

async function resetTokenFor(email: string) {
  const message = await db.outboxMessage.findFirstOrThrow({
    where: { toAddress: email, template: "password-reset" },
    orderBy: { createdAt: "desc" },
  });
  return /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(message.text)![1];
}

const cookieRequest = (setCookie: string) =>
  new Request("http://localhost/staff", { headers: { Cookie: setCookie.split(";")[0] } });

describe("forgot password", () => {
  it("does the same for known and unknown addresses; only the background job looks the account up", async () => {
    const user = await createStaffUser(db, { role: "hr", password: OLD });
    const unknown = `${unique("nobody")}@comeback.test`;
    const jobsBefore = await db.job.count();
    const known = await requestPasswordReset({ email: user.email, ip: unique("ip") });
    const ghost = await requestPasswordReset({ email: unknown, ip: unique("ip") });
    expect(known).toEqual(ghost);
    expect(await db.job.count()).toBe(jobsBefore + 2);
    expect(await db.outboxMessage.count({ where: { toAddress: { in: [user.email, unknown] } } })).toBe(0);

    await runResetJobs();
    expect(
      await db.outboxMessage.count({ where: { toAddress: user.email, template: "password-reset" } }),
    ).toBe(1);
    expect(await db.outboxMessage.count({ where: { toAddress: unknown } })).toBe(0);
    const token = await resetTokenFor(user.email);
    const row = await db.authToken.findFirstOrThrow({
      where: { userId: user.id, purpose: "password_reset" },
    });
    expect((row.expiresAt.getTime() - row.createdAt.getTime()) / 60_000).toBeCloseTo(30, 1);
    expect(await findPasswordReset(token)).toMatchObject({ email: user.email });

    // Both requests are audited; neither job keeps the address once done.
    const events = await db.auditEvent.findMany({
      where: { action: "auth.password_reset_requested" },
      orderBy: { id: "desc" },
      take: 2,
    });
    expect(events.map((e) => e.entityId).sort()).toEqual([null, user.id].sort());
    const jobs = await db.job.findMany({
      where: { kind: PASSWORD_RESET_JOB },
      orderBy: { createdAt: "desc" },
      take: 2,
    });
    for (const job of jobs) {
      expect(job.status).toBe("done");
      expect(JSON.stringify(job.payload)).not.toContain("@");
    }
  });

  it("deactivated and invited accounts get no link", async () => {
    const gone = await createStaffUser(db, { role: "hr", status: "deactivated" });
    const invited = await createStaffUser(db, { role: "hr", status: "invited" });
    await requestPasswordReset({ email: gone.email, ip: unique("ip") });
    await requestPasswordReset({ email: invited.email, ip: unique("ip") });
    await runResetJobs();
    expect(await db.outboxMessage.count({ where: { toAddress: { in: [gone.email, invited.email] } } })).toBe(
      0,
    );
  });

  it("limits requests per address (known or not, the same answer) and per client address", async () => {
    const user = await createStaffUser(db, { role: "hr" });
    const ghost = `${unique("ghost")}@comeback.test`;
    const answers: Record<string, string[]> = { known: [], ghost: [] };
    for (let i = 0; i < PASSWORD_RESET_LIMITS.perAddress.limit + 1; i++) {
      answers.known.push(
        await requestPasswordReset({ email: user.email, ip: unique("ip") }).then(
          () => "ok",
          (e: AppError) => e.message,
        ),
      );
      answers.ghost.push(
        await requestPasswordReset({ email: ghost, ip: unique("ip") }).then(
          () => "ok",
          (e: AppError) => e.message,
        ),
      );
    }
    expect(answers.known).toEqual(answers.ghost);
    expect(answers.known.at(-1)).toMatch(/Too many password-reset requests/);

    const ip = unique("ip");
    let last: AppError | undefined;
    for (let i = 0; i < PASSWORD_RESET_LIMITS.perIp.limit + 1; i++) {
      last = await requestPasswordReset({ email: `${unique("spray")}@comeback.test`, ip }).then(
        () => undefined,
        (e: AppError) => e,
      );
    }
    expect(last?.code).toBe("rate_limited");
    expect(last?.options.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("resetting the password from the link", () => {
  it("sets the password, ends every other session, lifts a sign-in pause and signs in, once", async () => {
    const user = await createStaffUser(db, { role: "hr", password: OLD });
    const elsewhere = await signInStaff({ email: user.email, password: OLD, ip: unique("ip") });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit + 1; i++) {
      await signInStaff({ email: user.email, password: "wrong guess", ip: unique("ip") }).catch(
        () => undefined,
      );
    }
    await requestPasswordReset({ email: user.email, ip: unique("ip") });
    await runResetJobs();
    const token = await resetTokenFor(user.email);

    const { setCookie } = await resetPassword({ token, password: NEW, ip: unique("ip") });
    expect((await findActiveSession(cookieRequest(setCookie)))?.userId).toBe(user.id);
    expect(await findActiveSession(cookieRequest(elsewhere.setCookie))).toBeNull();
    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(saved.passwordHash!, NEW)).toBe(true);
    expect(saved.lockedUntil).toBeNull();
    await expect(signInStaff({ email: user.email, password: NEW, ip: unique("ip") })).resolves.toMatchObject({
      userId: user.id,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "auth.password_reset", entityId: user.id },
    });
    expect(event.after).toMatchObject({ sessionsEnded: 1 });

    expect((await failure(resetPassword({ token, password: "yet another long password" }))).message).toBe(
      INVALID_LINK_MESSAGE,
    );
  });

  it("a newer link voids the older; expired links and links of deactivated accounts are refused alike", async () => {
    const user = await createStaffUser(db, { role: "hr", password: OLD });
    await requestPasswordReset({ email: user.email, ip: unique("ip") });
    await runResetJobs();
    const older = await resetTokenFor(user.email);
    await requestPasswordReset({ email: user.email, ip: unique("ip") });
    await runResetJobs();
    const newer = await resetTokenFor(user.email);
    expect(newer).not.toBe(older);
    const answers = [(await failure(resetPassword({ token: older, password: NEW }))).message];

    await db.authToken.updateMany({
      where: { userId: user.id, usedAt: null, voidedAt: null },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await findPasswordReset(newer)).toBeNull();
    answers.push((await failure(resetPassword({ token: newer, password: NEW }))).message);

    const gone = await createStaffUser(db, { role: "hr" });
    await requestPasswordReset({ email: gone.email, ip: unique("ip") });
    await runResetJobs();
    const goneToken = await resetTokenFor(gone.email);
    await db.user.update({ where: { id: gone.id }, data: { status: "deactivated" } });
    answers.push((await failure(resetPassword({ token: goneToken, password: NEW }))).message);

    expect(new Set(answers)).toEqual(new Set([INVALID_LINK_MESSAGE]));
    expect(
      await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!, OLD),
    ).toBe(true);
  });
});

describe("changing one's own password", () => {
  it("needs the current password, keeps this session, ends the others, and is audited", async () => {
    const user = await createStaffUser(db, { role: "hr", password: OLD });
    const here = await signInStaff({ email: user.email, password: OLD, ip: unique("ip") });
    const there = await signInStaff({ email: user.email, password: OLD, ip: unique("ip") });
    const hereSession = (await findActiveSession(cookieRequest(here.setCookie)))!;
    const actor = staffActor(user, hereSession.id);

    const wrong = await failure(changePassword({ actor, currentPassword: "not my password", password: NEW }));
    expect(wrong.options.fieldErrors?.currentPassword).toEqual(["That is not your current password."]);
    const same = await failure(changePassword({ actor, currentPassword: OLD, password: OLD }));
    expect(same.options.fieldErrors?.password?.[0]).toMatch(/different from your current one/);

    expect(await changePassword({ actor, currentPassword: OLD, password: NEW })).toEqual({
      otherSessionsEnded: 1,
    });
    expect(await findActiveSession(cookieRequest(here.setCookie))).not.toBeNull();
    expect(await findActiveSession(cookieRequest(there.setCookie))).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.password_changed", entityId: user.id } })).toBe(
      1,
    );
  });

  it("pauses after repeated wrong current passwords", async () => {
    const user = await createStaffUser(db, { role: "hr", password: OLD });
    const actor = staffActor(user);
    for (let i = 0; i < CHANGE_PASSWORD_LIMIT.limit; i++) {
      expect(
        (await failure(changePassword({ actor, currentPassword: `guess ${i}`, password: NEW }))).code,
      ).toBe("validation");
    }
    const paused = await failure(changePassword({ actor, currentPassword: OLD, password: NEW }));
    expect(paused.code).toBe("rate_limited");
    expect(
      await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!, OLD),
    ).toBe(true);
  });
});
