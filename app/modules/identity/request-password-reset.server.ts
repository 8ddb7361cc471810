import { randomUUID } from "node:crypto";
import { recordAudit } from "~/platform/audit.server";
import { sha256 } from "~/platform/crypto.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { enqueueJob, type JobContext } from "~/platform/jobs.server";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { hitRateLimit } from "~/platform/rate-limit.server";
import { runWithRequestContext } from "~/platform/request-context.server";
import { newLink, storeAuthToken } from "./auth-tokens.server";
import { renderPasswordResetEmail } from "./staff-emails.server";

export const PASSWORD_RESET_LIMITS = {
  /** Requests per email address (known or not) per window. */
  perAddress: { limit: 3, windowSeconds: 15 * 60 },
  /** Requests per client address, whatever the email. */
  perIp: { limit: 20, windowSeconds: 15 * 60 },
};

export const PASSWORD_RESET_JOB = "identity.password-reset-request";

/** The page says this whether or not the address has an account. */
export const RESET_REQUESTED_MESSAGE =
  "If an active Comeback account uses this address, we have sent it a link to choose a new password. The link works once, for 30 minutes.";

function tooMany(retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    "rate_limited",
    `Too many password-reset requests. Wait ${minutes} minute${minutes === 1 ? "" : "s"}, then try again; check your inbox and spam folder for a link we already sent.`,
    { retryAfterSeconds },
  );
}

type ResetRequestPayload = { email?: string; ip?: string; userAgent?: string; correlationId?: string };

/**
 * "Forgot password". The request does the same work whatever the address: two rate-limit
 * counters and one queued job. Whether an account exists is only looked at by the job, so
 * neither the answer nor its timing tells (ADR 011).
 */
export async function requestPasswordReset(input: {
  email: string;
  ip?: string;
  userAgent?: string;
  correlationId?: string;
}) {
  const email = input.email.trim().toLowerCase();
  const ipHit = await hitRateLimit(`password-reset:ip:${input.ip ?? "unknown"}`, PASSWORD_RESET_LIMITS.perIp);
  if (!ipHit.allowed) throw tooMany(ipHit.retryAfterSeconds);
  const addressHit = await hitRateLimit(
    `password-reset:address:${sha256(email)}`,
    PASSWORD_RESET_LIMITS.perAddress,
  );
  if (!addressHit.allowed) throw tooMany(addressHit.retryAfterSeconds);
  const payload: ResetRequestPayload = {
    email,
    ip: input.ip?.slice(0, 64),
    userAgent: input.userAgent?.slice(0, 300),
    correlationId: input.correlationId,
  };
  await enqueueJob(db, { kind: PASSWORD_RESET_JOB, payload });
}

/**
 * The job behind requestPasswordReset: an active account gets a link (30 minutes, single use,
 * voiding older ones); an unknown or inactive address gets nothing. Either way the request is
 * audited and the address is wiped from the job row in the same transaction.
 */
export async function processPasswordResetRequest(context: JobContext) {
  const payload = (context.job.payload ?? {}) as ResetRequestPayload;
  if (!payload.email) return;
  const email = payload.email;
  await runWithRequestContext(
    { correlationId: payload.correlationId ?? randomUUID(), ip: payload.ip, userAgent: payload.userAgent },
    async () => {
      const user = await db.user.findUnique({
        where: { email },
        select: { id: true, name: true, status: true },
      });
      const link = newLink("password_reset");
      const rendered =
        user?.status === "active"
          ? await renderPasswordResetEmail({ name: user.name, resetUrl: link.url })
          : null;
      await db.$transaction(async (tx) => {
        await tx.job.update({ where: { id: context.job.id }, data: { payload: {} } });
        if (user && rendered) {
          const token = await storeAuthToken(tx, {
            purpose: "password_reset",
            token: link.token,
            email,
            userId: user.id,
          });
          await queueEmail(tx, {
            template: "password-reset",
            purpose: "transactional",
            to: { address: email, name: user.name },
            email: rendered,
            userId: user.id,
          });
          await recordAudit(tx, {
            actor: { type: "anonymous" },
            action: "auth.password_reset_requested",
            entityType: "user",
            entityId: user.id,
            after: { linkExpiresAt: token.expiresAt, olderLinksVoided: token.voidedOlder },
          });
        } else {
          await recordAudit(tx, {
            actor: { type: "anonymous" },
            action: "auth.password_reset_requested",
            entityType: "user",
            entityId: user?.id ?? null,
            after: {
              emailHash: sha256(email).slice(0, 16),
              outcome: user ? `account ${user.status}, no link sent` : "no account, no link sent",
            },
          });
        }
      });
    },
  );
}
