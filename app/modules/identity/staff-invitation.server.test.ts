import { describe, expect, it } from "vitest";
import { sha256 } from "~/platform/crypto.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { findActiveSession } from "~/platform/session.server";
import { createStaffUser, createTeam, staffActor, unique } from "../../../test/factories";
import { acceptInvitation, findInvitation } from "./accept-invitation.server";
import { INVALID_LINK_MESSAGE } from "./auth-tokens.server";
import { inviteStaff } from "./invite-staff.server";
import { resendInvitation } from "./resend-invitation.server";

const PASSWORD = "a perfectly long password";

async function newAdmin() {
  return staffActor(await createStaffUser(db, { role: "admin", name: "Ada Admin" }));
}

/** The invitation link's token, read from the queued email (the database only has its hash). */
async function linkTokenFor(email: string) {
  const message = await db.outboxMessage.findFirstOrThrow({
    where: { toAddress: email, template: "staff-invitation" },
    orderBy: { createdAt: "desc" },
  });
  const match = /\/invitation\/([A-Za-z0-9_-]+)/.exec(message.text);
  expect(match, "the email carries the link").not.toBeNull();
  return match![1];
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function cookieRequest(setCookie: string) {
  return new Request("http://localhost/staff", { headers: { Cookie: setCookie.split(";")[0] } });
}

describe("inviting staff", () => {
  it("creates an invited account, stores only the link's hash and queues the email, with one audit event", async () => {
    const admin = await newAdmin();
    const email = `${unique("new")}@comeback.test`;
    const eventsBefore = await db.auditEvent.count({ where: { action: "staff.invited" } });
    const { userId } = await inviteStaff({
      actor: admin,
      name: "Nora Nilsson",
      email: email.toUpperCase(),
      roleId: "hr",
    });

    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email, status: "invited", roleId: "hr", passwordHash: null, teamId: null });
    const token = await linkTokenFor(email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    const rows = await db.authToken.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      purpose: "staff_invite",
      tokenHash: sha256(token),
      createdById: admin.id,
      usedAt: null,
      voidedAt: null,
    });
    expect(JSON.stringify(rows)).not.toContain(token);
    const hours = (rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(72, 1);

    const events = await db.auditEvent.findMany({ where: { action: "staff.invited", entityId: userId } });
    expect(await db.auditEvent.count({ where: { action: "staff.invited" } })).toBe(eventsBefore + 1);
    expect(events[0]).toMatchObject({
      actorId: admin.id,
      actorName: "Ada Admin",
      actorRole: "admin",
      entityType: "user",
    });
    expect(events[0].after).toMatchObject({ name: "Nora Nilsson", email, roleId: "hr", status: "invited" });
    expect(JSON.stringify(events, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(
      token,
    );

    expect(await findInvitation(token)).toMatchObject({
      name: "Nora Nilsson",
      email,
      roleLabel: "HR",
      invitedBy: "Ada Admin",
    });
  });

  it("gives managers a team and refuses a manager invitation to a team that does not exist, leaving nothing behind", async () => {
    const admin = await newAdmin();
    const team = await createTeam(db);
    const email = `${unique("mgr")}@comeback.test`;
    const { userId } = await inviteStaff({
      actor: admin,
      name: "Mia Manager",
      email,
      roleId: "manager",
      teamId: team.id,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).teamId).toBe(team.id);

    const ghostEmail = `${unique("ghost")}@comeback.test`;
    const counts = async () => [
      await db.user.count(),
      await db.auditEvent.count(),
      await db.outboxMessage.count(),
      await db.authToken.count(),
    ];
    const before = await counts();
    const error = await failure(
      inviteStaff({
        actor: admin,
        name: "No Team",
        email: ghostEmail,
        roleId: "manager",
        teamId: "no-such-team",
      }),
    );
    expect(error.options.fieldErrors?.teamId?.[0]).toMatch(/team does not exist/);
    expect(await counts()).toEqual(before);
  });

  it("a failure late in the transaction (an address the outbox refuses) leaves no account, link, email or audit event", async () => {
    const admin = await newAdmin();
    const counts = async () => [
      await db.user.count(),
      await db.auditEvent.count(),
      await db.outboxMessage.count(),
      await db.authToken.count(),
    ];
    const before = await counts();
    await failure(
      inviteStaff({
        actor: admin,
        name: "Broken Address",
        email: "no spaces allowed@comeback.test",
        roleId: "hr",
      }),
    );
    expect(await counts()).toEqual(before);
  });

  it("refuses an address that already has an account, and parallel invitations of one address make one account", async () => {
    const admin = await newAdmin();
    const existing = await createStaffUser(db, { role: "hr" });
    const error = await failure(
      inviteStaff({ actor: admin, name: "Again", email: existing.email, roleId: "hr" }),
    );
    expect(error.code).toBe("conflict");
    expect(error.options.fieldErrors?.email?.[0]).toMatch(/already has an account/);

    const email = `${unique("twice")}@comeback.test`;
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => inviteStaff({ actor: admin, name: "Twin", email, roleId: "hr" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { toAddress: email } })).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { action: "staff.invited", after: { path: ["email"], equals: email } },
      }),
    ).toBe(1);
  });
});

describe("accepting an invitation", () => {
  it("sets the password, activates the account, uses up the link and signs in with a new session", async () => {
    const admin = await newAdmin();
    const email = `${unique("join")}@comeback.test`;
    const { userId } = await inviteStaff({ actor: admin, name: "Jonas Joiner", email, roleId: "hr" });
    const token = await linkTokenFor(email);
    const { setCookie } = await acceptInvitation({
      token,
      password: PASSWORD,
      ip: "203.0.113.9",
      userAgent: "test",
    });
    const session = await findActiveSession(cookieRequest(setCookie));
    expect(session?.userId).toBe(userId);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.status).toBe("active");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await db.authToken.findFirstOrThrow({ where: { userId } })).usedAt).not.toBeNull();
    expect(
      await db.auditEvent.count({ where: { action: "staff.invitation_accepted", entityId: userId } }),
    ).toBe(1);
    expect(await findInvitation(token)).toBeNull();
  });

  it("ends the session the browser already had (no fixation across accounts)", async () => {
    const admin = await newAdmin();
    const email = `${unique("fix")}@comeback.test`;
    await inviteStaff({ actor: admin, name: "Fixed Session", email, roleId: "hr" });
    const other = await db.session.create({
      data: { id: sha256(unique("t")), userId: admin.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await acceptInvitation({
      token: await linkTokenFor(email),
      password: PASSWORD,
      previousSessionId: other.id,
    });
    expect((await db.session.findUniqueOrThrow({ where: { id: other.id } })).revokedAt).not.toBeNull();
  });

  it("20 parallel redemptions of one link: exactly one succeeds and exactly one session exists", async () => {
    const admin = await newAdmin();
    const email = `${unique("race")}@comeback.test`;
    const { userId } = await inviteStaff({ actor: admin, name: "Rae Race", email, roleId: "hr" });
    const token = await linkTokenFor(email);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        acceptInvitation({ token, password: `${PASSWORD} ${i}`, ip: `198.51.100.${i}` }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).message).toBe(INVALID_LINK_MESSAGE);
    }
    expect(await db.session.count({ where: { userId } })).toBe(1);
    expect(
      await db.auditEvent.count({ where: { action: "staff.invitation_accepted", entityId: userId } }),
    ).toBe(1);
  });

  it("an expired link, a used link, a replaced link and an unknown link all get the same answer", async () => {
    const admin = await newAdmin();
    const answers: string[] = [];

    const expiredEmail = `${unique("exp")}@comeback.test`;
    const expired = await inviteStaff({ actor: admin, name: "Ex Pired", email: expiredEmail, roleId: "hr" });
    const expiredToken = await linkTokenFor(expiredEmail);
    await db.authToken.updateMany({
      where: { userId: expired.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await findInvitation(expiredToken)).toBeNull();
    answers.push((await failure(acceptInvitation({ token: expiredToken, password: PASSWORD }))).message);
    expect((await db.user.findUniqueOrThrow({ where: { id: expired.userId } })).status).toBe("invited");

    const usedEmail = `${unique("used")}@comeback.test`;
    await inviteStaff({ actor: admin, name: "Used Once", email: usedEmail, roleId: "hr" });
    const usedToken = await linkTokenFor(usedEmail);
    await acceptInvitation({ token: usedToken, password: PASSWORD });
    answers.push((await failure(acceptInvitation({ token: usedToken, password: PASSWORD }))).message);

    const replacedEmail = `${unique("old")}@comeback.test`;
    const replaced = await inviteStaff({
      actor: admin,
      name: "Re Placed",
      email: replacedEmail,
      roleId: "hr",
    });
    const olderToken = await linkTokenFor(replacedEmail);
    await resendInvitation({ actor: admin, userId: replaced.userId });
    const newerToken = await linkTokenFor(replacedEmail);
    expect(newerToken).not.toBe(olderToken);
    expect(await findInvitation(olderToken)).toBeNull();
    answers.push((await failure(acceptInvitation({ token: olderToken, password: PASSWORD }))).message);

    answers.push((await failure(acceptInvitation({ token: "A".repeat(43), password: PASSWORD }))).message);
    answers.push(
      (await failure(acceptInvitation({ token: "../../etc/passwd", password: PASSWORD }))).message,
    );

    expect(new Set(answers)).toEqual(new Set([INVALID_LINK_MESSAGE]));
    // The newer invitation still works.
    await acceptInvitation({ token: newerToken, password: PASSWORD });
    expect((await db.user.findUniqueOrThrow({ where: { id: replaced.userId } })).status).toBe("active");
    expect(
      await db.auditEvent.count({ where: { action: "staff.invitation_resent", entityId: replaced.userId } }),
    ).toBe(1);
  });
});
