import { registerJobHandler } from "~/platform/jobs.server";
import { RECOMPUTE_JOB, runRecomputeJob } from "./eligibility/recompute.server";
import { runWhatIfJob, WHAT_IF_JOB } from "./eligibility/what-if.server";
import { CAMPAIGN_LAUNCH_JOB } from "./campaigns/launch-campaign.server";
import {
  CAMPAIGN_SETTLE_JOB,
  runCampaignLaunchJob,
  runCampaignSettleJob,
} from "./campaigns/run-campaign.server";
import { PASSWORD_RESET_JOB, processPasswordResetRequest } from "./identity/request-password-reset.server";
import { ALUMNI_SIGN_IN_JOB, processAlumniSignInRequest } from "./identity/request-alumni-sign-in.server";
import { IMPORT_CHECK_JOB, runImportCheck } from "./imports/check-import.server";
import { IMPORT_COMMIT_JOB, runImportCommit } from "./imports/commit-import.server";
import { giveUpImportJob, IMPORT_CHECK_PROCESS, IMPORT_COMMIT_PROCESS } from "./imports/import-jobs.server";
import { CONTRACT_SWEEP_JOB, runContractSweep } from "./contracts/contract-sweep.server";
import { setBeforeSend } from "~/platform/mailer/dispatcher.server";
import { lastLookBeforeSend } from "./preferences/last-look.server";

/**
 * The one place where modules hook into background work: job handlers and the outbox's
 * last-look check. Called once by each app instance at start (server/workers.ts) and by tests.
 */
export function registerBackgroundWork() {
  // Modules register their job handlers here, e.g. registerJobHandler("alumni.import", runImport).
  registerJobHandler(PASSWORD_RESET_JOB, processPasswordResetRequest);
  registerJobHandler(ALUMNI_SIGN_IN_JOB, processAlumniSignInRequest);
  registerJobHandler(RECOMPUTE_JOB, runRecomputeJob);
  registerJobHandler(WHAT_IF_JOB, runWhatIfJob);
  // Imports run in a lean process of their own with a capped heap (ADR 025).
  registerJobHandler(IMPORT_CHECK_JOB, runImportCheck, {
    ownProcess: IMPORT_CHECK_PROCESS,
    onGiveUp: giveUpImportJob,
  });
  registerJobHandler(IMPORT_COMMIT_JOB, runImportCommit, {
    ownProcess: IMPORT_COMMIT_PROCESS,
    onGiveUp: giveUpImportJob,
  });
  // The outbox's last look: mail for purposes the recipient has since opted out of is cancelled.
  setBeforeSend(lastLookBeforeSend);
  registerJobHandler(CAMPAIGN_LAUNCH_JOB, runCampaignLaunchJob);
  registerJobHandler(CAMPAIGN_SETTLE_JOB, runCampaignSettleJob);
  // Gig contracts: offers expire, approvers are reminded (at most once a day), every hour.
  registerJobHandler(CONTRACT_SWEEP_JOB, runContractSweep);
}
