import { registerJobHandler } from "~/platform/jobs.server";
import { setBeforeSend } from "~/platform/mailer/dispatcher.server";
import { PASSWORD_RESET_JOB, processPasswordResetRequest } from "./identity/request-password-reset.server";
import { lastLookBeforeSend } from "./preferences/last-look.server";

/**
 * The one place where modules hook into background work: job handlers and the outbox's
 * last-look check. Called once by each app instance at start (server/workers.ts) and by tests.
 */
export function registerBackgroundWork() {
  // Modules register their job handlers here, e.g. registerJobHandler("alumni.import", runImport).
  registerJobHandler(PASSWORD_RESET_JOB, processPasswordResetRequest);
  // The outbox's last look: mail for purposes the recipient has since opted out of is cancelled.
  setBeforeSend(lastLookBeforeSend);
}
