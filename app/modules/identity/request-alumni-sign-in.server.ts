import { randomUUID } from "node:crypto";
import { renderTemplate } from "~/modules/outreach/render-template.server";
import { emailBrand, getBranding } from "~/modules/portal/get-branding.server";
import { t } from "~/modules/portal/strings";
import { recordAudit } from "~/platform/audit.server";
import { sha256 } from "~/platform/crypto.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { enqueueJob, type JobContext } from "~/platform/jobs.server";
import { queueEmail } from "~/platform/mailer/mailer.server";
import type { KnownDevice } from "~/platform/known-device.server";
import { hitRateLimit } from "~/platform/rate-limit.server";
import { runWithRequestContext } from "~/platform/request-context.server";
import { safeRedirectPath } from "~/platform/safe-redirect";
import { newLink, storeAuthToken, TOKEN_LIFETIME_MINUTES } from "./auth-tokens.server";

export const ALUMNI_SIGN_IN_JOB = "identity.alumni-sign-in-request";
export const ALUMNI_LINK_MINUTES = TOKEN_LIFETIME_MINUTES.alumnus_sign_in;

export const ALUMNI_SIGN_IN_LIMITS = {
  /**
   * Links per email address (known or not) per window. Past it, no new link is made, so a
   * stranger asking again and again cannot keep voiding the owner's newest link: that one
   * stays valid in the owner's inbox (the way in a stranger cannot block).
   */
  perAddress: { limit: 5, windowSeconds: 15 * 60 },
  /** Requests per client address, whatever the email. */
  perIp: { limit: 30, windowSeconds: 15 * 60 },
  /**
   * Requests from a browser that signed in as the address's owner before (a known device): not
   * held up by the limits above, which strangers can fill, but counted on their own.
   */
  perDevice: { limit: 10, windowSeconds: 60 * 60 },
};

/** Where to go after signing in: a portal page, or the portal's home. */
export function portalNext(target: unknown): string {
  const path = safeRedirectPath(target, "/portal");
  return path === "/portal" || path.startsWith("/portal/") ? path : "/portal";
}

function waitMinutes(retryAfterSeconds: number) {
  return Math.max(2, Math.ceil(retryAfterSeconds / 60));
}

type Payload = { email?: string; next?: string; ip?: string; userAgent?: string; correlationId?: string };

/**
 * The portal's "email me a link". The request does the same work whatever the address: two
 * rate-limit counters and one queued job. Whether an alumnus has the address is only looked at
 * by the job, so neither the answer nor its timing tells (ADR 037).
 */
export async function requestAlumniSignIn(input: {
  email: string;
  next?: string;
  ip?: string;
  userAgent?: string;
  correlationId?: string;
  /** The known-device note the browser presented (signature already checked), if any. */
  device?: KnownDevice | null;
}) {
  const email = input.email.trim().toLowerCase();
  if (input.device && (await isOwnDevice(input.device, email))) {
    const deviceHit = await hitRateLimit(
      `alumni-sign-in:device:${sha256(input.device.nonce)}`,
      ALUMNI_SIGN_IN_LIMITS.perDevice,
    );
    if (deviceHit.allowed) return queueSignInRequest(email, input);
  }
  const ipHit = await hitRateLimit(`alumni-sign-in:ip:${input.ip ?? "unknown"}`, ALUMNI_SIGN_IN_LIMITS.perIp);
  if (!ipHit.allowed) {
    throw new AppError(
      "rate_limited",
      t("signIn.tooManyFromNetwork", { wait: waitMinutes(ipHit.retryAfterSeconds) }),
      {
        retryAfterSeconds: ipHit.retryAfterSeconds,
      },
    );
  }
  const addressHit = await hitRateLimit(
    `alumni-sign-in:address:${sha256(email)}`,
    ALUMNI_SIGN_IN_LIMITS.perAddress,
  );
  if (!addressHit.allowed) {
    throw new AppError(
      "rate_limited",
      t("signIn.tooManyForAddress", {
        minutes: ALUMNI_LINK_MINUTES,
        wait: waitMinutes(addressHit.retryAfterSeconds),
      }),
      { retryAfterSeconds: addressHit.retryAfterSeconds },
    );
  }
  await queueSignInRequest(email, input);
}

/**
 * Whether a known-device note belongs to the alumnus holding this address. Only a browser with
 * a note we signed gets here, and only about its own person, so the look-up tells nothing.
 */
async function isOwnDevice(device: KnownDevice, email: string) {
  const alumnus = await db.alumnus.findUnique({
    where: { id: device.subjectId },
    select: { workEmail: true, personalEmail: true },
  });
  return !!alumnus && (alumnus.workEmail === email || alumnus.personalEmail === email);
}

async function queueSignInRequest(
  email: string,
  input: { next?: string; ip?: string; userAgent?: string; correlationId?: string },
) {
  const payload: Payload = {
    email,
    next: portalNext(input.next),
    ip: input.ip?.slice(0, 64),
    userAgent: input.userAgent?.slice(0, 300),
    correlationId: input.correlationId,
  };
  await enqueueJob(db, { kind: ALUMNI_SIGN_IN_JOB, payload });
}

/** The alumnus an address belongs to: the work address first, else the personal one. */
async function findAlumnusByEmail(email: string) {
  const select = { id: true, firstName: true, lastName: true, preferredName: true } as const;
  const byWork = await db.alumnus.findUnique({ where: { workEmail: email }, select });
  if (byWork) return byWork;
  // Personal addresses are not unique (two records of one person); the latest leaver's record wins.
  return db.alumnus.findFirst({
    where: { personalEmail: email },
    orderBy: [{ exitDate: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select,
  });
}

/**
 * The job behind requestAlumniSignIn: an address that belongs to an alumnus gets a link
 * (15 minutes, single use, voiding older ones) sent to that same address, from the employer's
 * sender; any other address gets nothing. Either way the request is audited (the address only
 * as a short hash) and the address is wiped from the job row in the same transaction.
 */
export async function processAlumniSignInRequest(context: JobContext) {
  const payload = (context.job.payload ?? {}) as Payload;
  if (!payload.email) return;
  const email = payload.email;
  await runWithRequestContext(
    { correlationId: payload.correlationId ?? randomUUID(), ip: payload.ip, userAgent: payload.userAgent },
    async () => {
      const alumnus = await findAlumnusByEmail(email);
      const link = newLink("alumnus_sign_in");
      const next = portalNext(payload.next);
      const url = next === "/portal" ? link.url : `${link.url}?next=${encodeURIComponent(next)}`;
      const branding = alumnus ? await getBranding() : null;
      const rendered =
        alumnus && branding
          ? await renderTemplate(
              "sign-in-link",
              {
                firstName: alumnus.preferredName?.trim() || alumnus.firstName,
                companyName: branding.companyName,
                signInUrl: url,
                expiresInMinutes: ALUMNI_LINK_MINUTES,
              },
              { brand: emailBrand(branding) },
            )
          : null;
      await db.$transaction(async (tx) => {
        await tx.job.update({ where: { id: context.job.id }, data: { payload: {} } });
        if (alumnus && rendered && branding) {
          const token = await storeAuthToken(tx, {
            purpose: "alumnus_sign_in",
            token: link.token,
            email,
            alumnusId: alumnus.id,
          });
          await queueEmail(tx, {
            template: rendered.template,
            purpose: rendered.purpose,
            to: {
              address: email,
              name: `${alumnus.preferredName?.trim() || alumnus.firstName} ${alumnus.lastName}`,
            },
            email: rendered,
            // From the employer's sender (ADR 036).
            from: { name: branding.senderName, address: branding.senderEmail },
            alumnusId: alumnus.id,
          });
          await recordAudit(tx, {
            actor: { type: "anonymous" },
            action: "auth.sign_in_link_requested",
            entityType: "alumnus",
            entityId: alumnus.id,
            after: { linkExpiresAt: token.expiresAt, olderLinksVoided: token.voidedOlder },
          });
        } else {
          await recordAudit(tx, {
            actor: { type: "anonymous" },
            action: "auth.sign_in_link_requested",
            entityType: "alumnus",
            entityId: null,
            after: {
              emailHash: sha256(email).slice(0, 16),
              outcome: "no alumnus with this address, no link sent",
            },
          });
        }
      });
    },
  );
}
