import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { PERSONAL_DATA_SECTIONS } from "./personal-data.server";

export const ERASURE_PAGE_SIZE = 25;

const nameOf = (a: { firstName: string; lastName: string; preferredName: string | null } | null) =>
  a ? `${a.preferredName || a.firstName} ${a.lastName}` : null;

/** Requests waiting for a decision (oldest first), then decided ones (newest first). */
export async function listErasureRequests(input: { page: number }) {
  const [waiting, total, decided] = await Promise.all([
    db.erasureRequest.findMany({
      where: { status: "requested" },
      orderBy: { requestedAt: "asc" },
      take: 200,
      include: {
        alumnus: { select: { firstName: true, lastName: true, preferredName: true, legalHold: true } },
      },
    }),
    db.erasureRequest.count({ where: { status: { not: "requested" } } }),
    db.erasureRequest.findMany({
      where: { status: { not: "requested" } },
      orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * ERASURE_PAGE_SIZE,
      take: ERASURE_PAGE_SIZE,
      include: { alumnus: { select: { firstName: true, lastName: true, preferredName: true } } },
    }),
  ]);
  return {
    waiting: waiting.map((r) => ({
      id: r.id,
      reference: r.reference,
      name: nameOf(r.alumnus),
      legalHold: r.alumnus?.legalHold ?? false,
      requestedAt: r.requestedAt.toISOString(),
    })),
    decided: decided.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status,
      // refused requests still belong to a person; done ones are known by the reference only
      name: nameOf(r.alumnus),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decidedByName: r.decidedByName,
    })),
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / ERASURE_PAGE_SIZE)),
  };
}

/** Number of requests waiting for HR (for the navigation badge). */
export function countWaitingErasureRequests() {
  return db.erasureRequest.count({ where: { status: "requested" } });
}

/**
 * One request for HR's review: who asked and why, what is held about them (counts per kind of
 * record), and anything that stands in the way (a legal hold). A done request shows only its
 * reference, dates and what was erased.
 */
export async function getErasureRequest(requestId: string) {
  const r = await db.erasureRequest.findUnique({
    where: { id: requestId },
    include: {
      alumnus: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          preferredName: true,
          hrId: true,
          workEmail: true,
          personalEmail: true,
          legalHold: true,
        },
      },
    },
  });
  if (!r) throw notFound("That erasure request");
  const held: { model: string; key: string; count: number }[] = [];
  if (r.status === "requested" && r.alumnus) {
    const alumnusId = r.alumnus.id;
    for (const section of PERSONAL_DATA_SECTIONS) {
      const rows = await section.read(db, alumnusId);
      if (rows.length) held.push({ model: section.model, key: section.key, count: rows.length });
    }
  }
  const importsBusy =
    r.status === "requested"
      ? await db.importRun.count({ where: { status: { in: ["checking", "committing"] } } })
      : 0;
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    message: r.message,
    requestedAt: r.requestedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedByName: r.decidedByName,
    decisionNote: r.decisionNote,
    completedAt: r.completedAt?.toISOString() ?? null,
    summary: (r.summary ?? null) as Record<string, number> | null,
    person: r.alumnus
      ? {
          id: r.alumnus.id,
          name: nameOf(r.alumnus) as string,
          hrId: r.alumnus.hrId,
          emails: [r.alumnus.workEmail, r.alumnus.personalEmail].filter((e): e is string => !!e),
          legalHold: r.alumnus.legalHold,
        }
      : null,
    held,
    importsBusy,
  };
}
