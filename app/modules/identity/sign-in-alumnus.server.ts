import { t } from "~/modules/portal/strings";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { createSession, revokeSession } from "~/platform/session.server";
import { consumeAuthToken, findUsableToken, TOKEN_LIFETIME_MINUTES } from "./auth-tokens.server";

/** The one answer for unknown, expired, used and replaced sign-in links. */
export const INVALID_ALUMNI_LINK_MESSAGE = t("signIn.invalid", {
  minutes: TOKEN_LIFETIME_MINUTES.alumnus_sign_in,
});

/** Whether the link can still be used (read-only: opening the link never signs anyone in). */
export async function findAlumniSignInLink(token: string | undefined): Promise<{ usable: boolean }> {
  return { usable: !!(await findUsableToken("alumnus_sign_in", token)) };
}

/**
 * The confirming POST of an emailed sign-in link: uses the link up and starts an alumni
 * session, in one transaction. The link is spent by one conditional UPDATE, so of any number of
 * parallel confirmations exactly one gets a session; the others get the invalid-link answer.
 */
export async function signInAlumnus(input: {
  token: string;
  ip?: string;
  userAgent?: string;
  /** The portal session the browser already had, ended so a fixed session id cannot be reused. */
  previousSessionId?: string;
}): Promise<{ alumnusId: string; setCookie: string }> {
  const result = await db.$transaction(async (tx) => {
    const used = await consumeAuthToken(tx, "alumnus_sign_in", input.token);
    if (!used?.alumnusId) return null;
    const alumnus = await tx.alumnus.findUnique({
      where: { id: used.alumnusId },
      select: { id: true, firstName: true, lastName: true, preferredName: true },
    });
    if (!alumnus) return null;
    if (input.previousSessionId) await revokeSession(input.previousSessionId, "replaced at sign-in", tx);
    const session = await createSession(
      { alumnusId: alumnus.id },
      { ip: input.ip, userAgent: input.userAgent },
      tx,
    );
    await recordAudit(tx, {
      actor: {
        type: "alumnus",
        id: alumnus.id,
        name: `${alumnus.preferredName || alumnus.firstName} ${alumnus.lastName}`,
      },
      action: "auth.sign_in",
      entityType: "session",
      entityId: session.id.slice(0, 16),
      after: { method: "email link" },
    });
    return { alumnusId: alumnus.id, setCookie: session.setCookie };
  });
  if (!result) throw new AppError("not_found", INVALID_ALUMNI_LINK_MESSAGE);
  return result;
}
