import type { Env } from "../app/platform/env.server";
import { startAuditLinker } from "../app/platform/audit-chain.server";
import { startJobRunner } from "../app/platform/jobs.server";
import { startDispatcher, transportFromEnv } from "../app/platform/mailer/dispatcher.server";
import { registerBackgroundWork } from "../app/modules/background.server";
import { scheduleContractSweep } from "../app/modules/contracts/contract-sweep.server";

/**
 * Background work that runs inside every app instance: the audit chain's linker, the outbox
 * dispatcher and the job runner. The dispatcher and the runner claim rows with SKIP LOCKED
 * leases and the linker takes the chain lock, so instances can run side by side.
 */
export function startWorkers(env: Env) {
  registerBackgroundWork();
  // Links audit events into the hash chain once their transactions commit (ADR 084). Part of
  // writing the audit trail, so it runs even where the dispatcher and jobs are turned off.
  const auditLinker = startAuditLinker();
  if (!env.DISPATCHER) return { stop: () => auditLinker.stop() };
  const dispatcher = startDispatcher({ transport: transportFromEnv() });
  const jobs = startJobRunner();
  void scheduleContractSweep();
  return {
    async stop() {
      await Promise.all([dispatcher.stop(), jobs.stop(), auditLinker.stop()]);
    },
  };
}
