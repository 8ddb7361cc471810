/**
 * npm run audit:verify — links events still waiting for their place in the chain (ADR 084), then
 * recomputes the audit trail's hash chain; exits 1 at the first broken link.
 */
import { verifyAuditChain } from "../app/modules/audit/verify-chain.server";
import { disconnectDb } from "../app/platform/db.server";
import { env } from "../app/platform/env.server";
import { withDatabase } from "../server/database";
import { loadDotEnv } from "../app/platform/env.server";

loadDotEnv();

withDatabase(env(), async () => {
  const report = await verifyAuditChain();
  await disconnectDb();
  if (report.ok) {
    if (report.linked)
      console.log(`Linked ${report.linked} event(s) that were waiting for their place in the chain.`);
    console.log(`Audit trail intact: ${report.checked} event(s) checked.`);
  } else {
    console.error(
      `Audit trail broken at event ${report.brokenAt}: ${report.problem} (${report.checked} event(s) before it are intact.)`,
    );
    process.exitCode = 1;
  }
}).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
