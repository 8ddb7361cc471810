import { describe, expect, it } from "vitest";
import { getViewer } from "~/platform/auth.server";
import { sha256 } from "~/platform/crypto.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { createSession } from "~/platform/session.server";
import { createStaffUser, createTeam, staffActor, unique } from "../../../test/factories";
import { newLink, storeAuthToken } from "./auth-tokens.server";
import { changeStaffRole } from "./change-staff-role.server";
import { changeStaffTeam } from "./change-staff-team.server";
import { createTeam as createTeamAsAdmin } from "./create-team.server";
import { deactivateStaff } from "./deactivate-staff.server";
import { reactivateStaff } from "./reactivate-staff.server";
import { sendPasswordReset } from "./send-password-reset.server";

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A signed-in browser for a user: the cookie header its next request will carry. */
async function signedIn(userId: string) {
  const { setCookie } = await createSession({ userId }, {});
  const cookie = setCookie.split(";")[0];
  return () => getViewer(new Request("http://localhost/staff", { headers: { Cookie: cookie } }));
}

async function admins() {
  const a = await createStaffUser(db, { role: "admin", name: unique("Admin ") });
  return { user: a, actor: staffActor(a) };
}

const eventsAbout = (userId: string) =>
  db.auditEvent.findMany({ where: { entityType: "user", entityId: userId }, orderBy: { id: "asc" } });

describe("changing roles and teams", () => {
  it("a new role ends the person's sessions; their next request is signed out, and a new sign-in carries the new permissions", async () => {
    const { actor } = await admins();
    const team = await createTeam(db);
    const hr = await createStaffUser(db, { role: "hr" });
    const nextRequest = await signedIn(hr.id);
    expect((await nextRequest())?.kind).toBe("staff");

    const result = await changeStaffRole({
      actor,
      userId: hr.id,
      roleId: "manager",
      teamId: team.id,
      reason: "Moved to lead the disputes team",
    });
    expect(result).toEqual({ changed: true, sessionsEnded: 1 });
    expect(await nextRequest()).toBeNull();

    const fresh = await signedIn(hr.id);
    const viewer = await fresh();
    expect(viewer?.kind === "staff" && viewer.role).toBe("manager");
    expect(viewer?.kind === "staff" && viewer.permissions).toContain("approve:contract:team");
    expect(viewer?.kind === "staff" && viewer.permissions).not.toContain("read:alumnus:any");

    const [event] = await eventsAbout(hr.id);
    expect(event).toMatchObject({
      action: "staff.role_changed",
      actorId: actor.id,
      reason: "Moved to lead the disputes team",
    });
    expect(event.before).toEqual({ roleId: "hr", teamId: null });
    expect(event.after).toEqual({ roleId: "manager", teamId: team.id });
  });

  it("permissions are read per request: a role changed behind a live session applies to its next request", async () => {
    const hr = await createStaffUser(db, { role: "hr" });
    const nextRequest = await signedIn(hr.id);
    await db.user.update({ where: { id: hr.id }, data: { roleId: "manager" } });
    const viewer = await nextRequest();
    expect(viewer?.kind === "staff" && viewer.permissions).not.toContain("read:alumnus:any");
  });

  it("managers need a team; other roles lose theirs; no change writes no event", async () => {
    const { actor } = await admins();
    const team = await createTeam(db);
    const manager = await createStaffUser(db, { role: "manager", teamId: team.id });
    expect(await changeStaffRole({ actor, userId: manager.id, roleId: "manager", teamId: team.id })).toEqual({
      changed: false,
      sessionsEnded: 0,
    });
    expect(await eventsAbout(manager.id)).toHaveLength(0);

    await changeStaffRole({ actor, userId: manager.id, roleId: "hr" });
    expect(await db.user.findUniqueOrThrow({ where: { id: manager.id } })).toMatchObject({
      roleId: "hr",
      teamId: null,
    });
  });

  it("moves a manager to another team without signing them out; the next request sees the new team", async () => {
    const { actor } = await admins();
    const [a, b] = [await createTeam(db), await createTeam(db)];
    const manager = await createStaffUser(db, { role: "manager", teamId: a.id });
    const nextRequest = await signedIn(manager.id);
    expect(await changeStaffTeam({ actor, userId: manager.id, teamId: b.id })).toEqual({ changed: true });
    const viewer = await nextRequest();
    expect(viewer?.kind === "staff" && viewer.teamId).toBe(b.id);
    const [event] = await eventsAbout(manager.id);
    expect(event).toMatchObject({ action: "staff.team_changed" });
    expect(event.before).toMatchObject({ teamId: a.id, teamName: a.name });
    expect(event.after).toMatchObject({ teamId: b.id, teamName: b.name });

    const hr = await createStaffUser(db, { role: "hr" });
    const error = await failure(changeStaffTeam({ actor, userId: hr.id, teamId: b.id }));
    expect(error.message).toMatch(/Only managers belong to teams/);
    expect(await eventsAbout(hr.id)).toHaveLength(0);
  });

  it("creates teams with unique names (ignoring case), audited", async () => {
    const { actor } = await admins();
    const name = unique("Disputes ");
    const { teamId } = await createTeamAsAdmin({ actor, name });
    expect(await db.auditEvent.count({ where: { action: "team.created", entityId: teamId } })).toBe(1);
    const error = await failure(createTeamAsAdmin({ actor, name: name.toUpperCase() }));
    expect(error.code).toBe("conflict");
    expect(await db.team.count({ where: { name: { equals: name, mode: "insensitive" } } })).toBe(1);
  });
});

describe("deactivating and reactivating", () => {
  it("ends every session at once, voids open links and is audited with the reason", async () => {
    const { actor } = await admins();
    const hr = await createStaffUser(db, { role: "hr" });
    const [first, second] = [await signedIn(hr.id), await signedIn(hr.id)];
    const link = newLink("password_reset");
    await storeAuthToken(db, {
      purpose: "password_reset",
      token: link.token,
      email: hr.email,
      userId: hr.id,
    });

    expect(await deactivateStaff({ actor, userId: hr.id, reason: "Left the company" })).toEqual({
      sessionsEnded: 2,
    });
    expect(await first()).toBeNull();
    expect(await second()).toBeNull();
    expect(await db.session.count({ where: { userId: hr.id, revokedAt: null } })).toBe(0);
    expect(
      (await db.authToken.findUniqueOrThrow({ where: { tokenHash: sha256(link.token) } })).voidedAt,
    ).not.toBeNull();
    const [event] = await eventsAbout(hr.id);
    expect(event).toMatchObject({ action: "staff.deactivated", reason: "Left the company" });
    expect(event.before).toEqual({ status: "active" });
    expect(event.after).toMatchObject({ status: "deactivated", sessionsEnded: 2, linksVoided: 1 });

    await reactivateStaff({ actor, userId: hr.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: hr.id } })).status).toBe("active");
    expect(await first()).toBeNull(); // ended sessions stay ended
  });

  it("refuses a session of a deactivated account even when the session row was never revoked", async () => {
    const hr = await createStaffUser(db, { role: "hr" });
    const nextRequest = await signedIn(hr.id);
    await db.user.update({ where: { id: hr.id }, data: { status: "deactivated" } });
    expect(await db.session.count({ where: { userId: hr.id, revokedAt: null } })).toBe(1);
    expect(await nextRequest()).toBeNull();
  });

  it("someone who never accepted their invitation goes back to invited", async () => {
    const { actor } = await admins();
    const invited = await createStaffUser(db, { role: "hr", status: "invited" });
    await deactivateStaff({ actor, userId: invited.id });
    expect(await reactivateStaff({ actor, userId: invited.id })).toEqual({ status: "invited" });
    expect(await db.auditEvent.count({ where: { action: "staff.reactivated", entityId: invited.id } })).toBe(
      1,
    );
  });
});

describe("lock-out guards", () => {
  it("an administrator cannot deactivate or demote themselves; nothing is written", async () => {
    const { user, actor } = await admins();
    await createStaffUser(db, { role: "admin" }); // another admin exists: the refusal is about "self"
    const before = await db.auditEvent.count();
    expect((await failure(deactivateStaff({ actor, userId: user.id }))).message).toMatch(
      /cannot deactivate yourself/,
    );
    expect((await failure(changeStaffRole({ actor, userId: user.id, roleId: "hr" }))).message).toMatch(
      /cannot change the role of yourself/,
    );
    expect(await db.auditEvent.count()).toBe(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("active");
  });

  it("the last active administrator cannot be deactivated or demoted", async () => {
    // Leave exactly one other active administrator besides the acting one, then remove the actor's rights.
    await db.user.updateMany({ where: { roleId: "admin" }, data: { status: "deactivated" } });
    const { actor } = await admins();
    const other = await createStaffUser(db, { role: "admin", name: "Otto Other" });
    // The actor loses admin rights (as if demoted by someone else earlier): the other is now the last one.
    await db.user.update({ where: { id: actor.id }, data: { roleId: "hr" } });
    const before = await db.auditEvent.count();
    expect((await failure(deactivateStaff({ actor, userId: other.id }))).message).toMatch(
      /last active administrator/,
    );
    expect((await failure(changeStaffRole({ actor, userId: other.id, roleId: "hr" }))).message).toMatch(
      /last active administrator/,
    );
    expect(await db.auditEvent.count()).toBe(before);
    expect(await db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      roleId: "admin",
      status: "active",
    });
  });

  it.each(["demote", "deactivate"] as const)(
    "two administrators who %s each other at the same moment: one wins, one administrator remains",
    async (what) => {
      await db.user.updateMany({ where: { roleId: "admin" }, data: { status: "deactivated" } });
      const a = await admins();
      const b = await admins();
      const act = (by: typeof a, target: typeof a) =>
        what === "demote"
          ? changeStaffRole({ actor: by.actor, userId: target.user.id, roleId: "hr" })
          : deactivateStaff({ actor: by.actor, userId: target.user.id });
      const results = await Promise.allSettled([act(a, b), act(b, a)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const loser = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      expect((loser?.reason as AppError).message).toMatch(/last active administrator/);
      expect(await db.user.count({ where: { roleId: "admin", status: "active" } })).toBe(1);
    },
  );
});

describe("password-reset links sent by an administrator", () => {
  it("queue a 30-minute link for active accounts only, audited", async () => {
    const { actor } = await admins();
    const hr = await createStaffUser(db, { role: "hr" });
    const { expiresAt } = await sendPasswordReset({ actor, userId: hr.id });
    expect((expiresAt.getTime() - Date.now()) / 60_000).toBeGreaterThan(29);
    expect((expiresAt.getTime() - Date.now()) / 60_000).toBeLessThanOrEqual(30);
    const message = await db.outboxMessage.findFirstOrThrow({
      where: { toAddress: hr.email, template: "password-reset" },
    });
    expect(message.text).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}/);
    expect(
      await db.auditEvent.count({ where: { action: "staff.password_reset_sent", entityId: hr.id } }),
    ).toBe(1);

    const invited = await createStaffUser(db, { role: "hr", status: "invited" });
    expect((await failure(sendPasswordReset({ actor, userId: invited.id }))).message).toMatch(
      /not accepted their invitation/,
    );
  });
});
