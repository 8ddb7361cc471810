import { checkDatabase } from "~/platform/health.server";

/**
 * Readiness, for load balancers: one database round trip with its own short timeout, so an
 * instance whose database does not answer is taken out of service within a second. Liveness
 * (`/healthz`) is answered by the HTTP server itself and never waits on the database.
 */
export const READY_TIMEOUT_MS = 1000;

export async function loader() {
  const database = await checkDatabase(READY_TIMEOUT_MS);
  return Response.json(
    {
      status: database.ok ? "ready" : "unavailable",
      database: database.ok ? "ok" : "unreachable",
      ms: database.ms,
    },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
