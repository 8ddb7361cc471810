import { registerJobHandler } from "~/platform/jobs.server";
import { CAMPAIGN_LAUNCH_JOB } from "./campaigns/launch-campaign.server";
import { CAMPAIGN_SETTLE_JOB, runCampaignLaunchJob, runCampaignSettleJob } from "./campaigns/run-campaign.server";
import { PASSWORD_RESET_JOB, processPasswordResetRequest } from "./identity/request-password-reset.server";

/**
 * The one place where modules hook into background work: job handlers and the outbox's
 * last-look check. Called once by each app instance at start (server/workers.ts) and by tests.
 */
export function registerBackgroundWork() {
  // Modules register their job handlers here, e.g. registerJobHandler("alumni.import", runImport).
  registerJobHandler(PASSWORD_RESET_JOB, processPasswordResetRequest);
  registerJobHandler(CAMPAIGN_LAUNCH_JOB, runCampaignLaunchJob);
  registerJobHandler(CAMPAIGN_SETTLE_JOB, runCampaignSettleJob);
}
