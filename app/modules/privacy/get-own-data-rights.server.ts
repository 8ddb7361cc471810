import type { AlumnusUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";

/**
 * The portal's "Your data" page for the signed-in person: their contact choices, and where their
 * latest erasure request stands (with HR's reason when it was refused). Their own rows only.
 */
export async function getOwnDataRights({ actor }: { actor: AlumnusUser }) {
  const [alumnus, latest] = await Promise.all([
    db.alumnus.findUnique({
      where: { id: actor.id },
      select: { consentReturn: true, consentNews: true, doNotContact: true },
    }),
    db.erasureRequest.findFirst({
      where: { alumnusId: actor.id },
      orderBy: { requestedAt: "desc" },
      select: { reference: true, status: true, requestedAt: true, decidedAt: true, decisionNote: true },
    }),
  ]);
  if (!alumnus) throw notFound();
  return {
    contact: {
      returnOpportunities: alumnus.consentReturn === "granted",
      news: alumnus.consentNews === "granted",
    },
    doNotContact: alumnus.doNotContact,
    erasure: latest
      ? {
          reference: latest.reference,
          status: latest.status,
          requestedOn: latest.requestedAt.toISOString().slice(0, 10),
          decidedOn: latest.decidedAt?.toISOString().slice(0, 10) ?? null,
          reason: latest.status === "refused" ? latest.decisionNote : null,
        }
      : null,
  };
}
