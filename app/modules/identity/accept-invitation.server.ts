import { recordAudit, type AuditActor } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { createSession, revokeSession } from "~/platform/session.server";
import {
  consumeAuthToken,
  findUsableToken,
  INVALID_LINK_MESSAGE,
  voidTokensOfUser,
} from "./auth-tokens.server";
import { hashPassword } from "./password.server";

/** What the invitation page shows: who invited whom, as what. Null for any link that cannot be used. */
export async function findInvitation(token: string | undefined) {
  const row = await findUsableToken("staff_invite", token);
  if (!row?.userId) return null;
  const [user, inviter] = await Promise.all([
    db.user.findUnique({ where: { id: row.userId }, include: { role: true, team: true } }),
    row.createdById ? db.user.findUnique({ where: { id: row.createdById }, select: { name: true } }) : null,
  ]);
  if (!user || user.status !== "invited") return null;
  return {
    name: user.name,
    email: user.email,
    roleLabel: user.role.label,
    teamName: user.team?.name ?? null,
    invitedBy: inviter?.name ?? "An administrator",
    expiresAt: row.expiresAt.toISOString(),
  };
}

export function invalidLink() {
  return new AppError("not_found", INVALID_LINK_MESSAGE);
}

export type AcceptInvitationInput = {
  token: string;
  password: string;
  ip?: string;
  userAgent?: string;
  /** The session the browser already had (if any) ends: a fresh one is made for the new account. */
  previousSessionId?: string;
};

/**
 * Sets the password, activates the account, uses up the link and signs the person in, in one
 * transaction. The link is claimed with a conditional UPDATE, so parallel redemptions of one
 * link produce exactly one account activation and one session.
 */
export async function acceptInvitation(
  input: AcceptInvitationInput,
): Promise<{ userId: string; setCookie: string }> {
  // Cheap refusal before the deliberately slow hash; the conditional UPDATE below has the last word.
  if (!(await findUsableToken("staff_invite", input.token))) throw invalidLink();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const claimed = await consumeAuthToken(tx, "staff_invite", input.token);
    if (!claimed?.userId) throw invalidLink();
    const user = await tx.user.findUnique({ where: { id: claimed.userId } });
    if (!user || user.status !== "invited") throw invalidLink();
    const now = new Date();
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash,
        passwordChangedAt: now,
        status: "active",
        lastSignInAt: now,
        failedSignIns: 0,
        lockedUntil: null,
      },
    });
    await voidTokensOfUser(tx, user.id, ["staff_invite"]);
    if (input.previousSessionId) await revokeSession(input.previousSessionId, "replaced at sign-in", tx);
    const session = await createSession(
      { userId: user.id },
      { ip: input.ip, userAgent: input.userAgent },
      tx,
    );
    const actor: AuditActor = { type: "staff", id: user.id, name: user.name, role: user.roleId };
    await recordAudit(tx, {
      actor,
      action: "staff.invitation_accepted",
      entityType: "user",
      entityId: user.id,
      before: { status: "invited" },
      after: { status: "active" },
    });
    await recordAudit(tx, {
      actor,
      action: "auth.sign_in",
      entityType: "session",
      entityId: session.id.slice(0, 16),
    });
    return { userId: user.id, setCookie: session.setCookie };
  });
}
