import { checkDatabase } from "~/platform/health.server";

// Load balancers and `npm start` checks: one database round trip, a fast 503 when it fails.
export async function loader() {
  const database = await checkDatabase();
  return Response.json(
    {
      status: database.ok ? "ok" : "unavailable",
      database: database.ok ? "ok" : "unreachable",
      ms: database.ms,
    },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
