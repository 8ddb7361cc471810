import type { Env } from "../app/platform/env.server";
import { startJobRunner } from "../app/platform/jobs.server";
import { startDispatcher, transportFromEnv } from "../app/platform/mailer/dispatcher.server";
import { registerBackgroundWork } from "../app/modules/background.server";
import { scheduleContractSweep } from "../app/modules/contracts/contract-sweep.server";

/**
 * Background work that runs inside every app instance: the outbox dispatcher and the job
 * runner. Both claim rows with SKIP LOCKED leases, so instances can run side by side.
 */
export function startWorkers(env: Env) {
  registerBackgroundWork();
  if (!env.DISPATCHER) return { stop: async () => {} };
  const dispatcher = startDispatcher({ transport: transportFromEnv() });
  const jobs = startJobRunner();
  void scheduleContractSweep();
  return {
    async stop() {
      await Promise.all([dispatcher.stop(), jobs.stop()]);
    },
  };
}
