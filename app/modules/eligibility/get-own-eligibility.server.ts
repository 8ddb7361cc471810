import type { AlumnusUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { alumnusEligibilityView } from "./alumnus-view";
import { effectiveOutcome } from "./effective";
import { readStoredReasons } from "./stored-reasons";

/**
 * The portal's "Returning" page for the signed-in person: their verdict in plain words
 * (alumnusEligibilityView) and their requests to look again with HR's answers. Reads only the
 * session's own rows and only the fields listed here.
 */
export async function getOwnEligibility({ actor, now = new Date() }: { actor: AlumnusUser; now?: Date }) {
  const [verdict, requests] = await Promise.all([
    db.eligibilityVerdict.findUnique({
      where: { alumnusId: actor.id },
      select: {
        outcome: true,
        reasons: true,
        computedAt: true,
        reevaluateOn: true,
        overrideOutcome: true,
        overrideExpiresAt: true,
        overrideAt: true,
      },
    }),
    db.eligibilityReviewRequest.findMany({
      where: { alumnusId: actor.id },
      orderBy: { requestedAt: "desc" },
      take: 10,
      select: { id: true, message: true, status: true, answer: true, requestedAt: true, answeredAt: true },
    }),
  ]);
  const view = alumnusEligibilityView(
    verdict
      ? {
          effective: effectiveOutcome(verdict, now),
          reasons: readStoredReasons(verdict.reasons),
          computedAt: verdict.computedAt.toISOString(),
          reevaluateOn: verdict.reevaluateOn ? verdict.reevaluateOn.toISOString().slice(0, 10) : null,
          overrideAt: verdict.overrideAt?.toISOString() ?? null,
        }
      : null,
  );
  const mine = requests.map((r) => ({
    id: r.id,
    message: r.message,
    status: r.status as "open" | "answered",
    answer: r.answer,
    requestedOn: r.requestedAt.toISOString().slice(0, 10),
    answeredOn: r.answeredAt?.toISOString().slice(0, 10) ?? null,
  }));
  return {
    view,
    openRequest: mine.find((r) => r.status === "open") ?? null,
    requests: mine,
  };
}
