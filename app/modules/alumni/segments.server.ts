import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, conflict, notFound } from "~/platform/errors";
import {
  alumniFilterToSearchParams,
  describeAlumniFilter,
  ONE_PERSON_QUERY,
  parseAlumniFilter,
} from "./alumni-filter";

/**
 * Saved alumni views (segments): a name and the list's canonical filter query. Campaigns use
 * them as audiences, so a segment always stores the canonical form of a filter.
 */
export async function listSegments() {
  const [segments, decisions] = await Promise.all([
    // One-person segments belong to invitations sent from a profile, not to the saved views.
    db.segment.findMany({
      where: { NOT: { query: { startsWith: ONE_PERSON_QUERY } } },
      orderBy: { name: "asc" },
    }),
    db.workforceDecision.findMany({ select: { id: true, title: true } }),
  ]);
  const names = { decisions: Object.fromEntries(decisions.map((d) => [d.id, d.title])) };
  return segments.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    query: s.query,
    summary: describeAlumniFilter(parseAlumniFilter(new URLSearchParams(s.query)), names),
    updatedAt: s.updatedAt.toISOString(),
  }));
}

const nameTaken = () =>
  new AppError("conflict", "A saved view with this name already exists. Choose another name.", {
    fieldErrors: { name: ["A saved view with this name already exists."] },
  });

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

export async function saveSegment({
  actor,
  name,
  description,
  view,
}: {
  actor: StaffUser;
  name: string;
  description: string | null;
  view: string;
}) {
  const query = alumniFilterToSearchParams(parseAlumniFilter(new URLSearchParams(view))).toString();
  try {
    return await db.$transaction(async (tx) => {
      const segment = await tx.segment.create({ data: { name, description, query, createdById: actor.id } });
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: "segment.saved",
        entityType: "segment",
        entityId: segment.id,
        after: { name, description, query },
      });
      return segment;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function renameSegment({
  actor,
  segmentId,
  name,
  description,
}: {
  actor: StaffUser;
  segmentId: string;
  name: string;
  description: string | null;
}) {
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.segment.findUnique({ where: { id: segmentId } });
      if (!current) throw notFound("That saved view");
      const segment = await tx.segment.update({ where: { id: segmentId }, data: { name, description } });
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: "segment.saved",
        entityType: "segment",
        entityId: segment.id,
        before: { name: current.name, description: current.description },
        after: { name, description },
      });
      return segment;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

const inUseByCampaign = (name: string, names: string) =>
  conflict(
    `“${name}” is the audience of ${names}, so it cannot be deleted: a campaign keeps its audience for its record. Rename the view instead if it is no longer in use.`,
  );

export async function deleteSegment({ actor, segmentId }: { actor: StaffUser; segmentId: string }) {
  try {
    return await deleteSegmentOnce({ actor, segmentId });
  } catch (error) {
    // A campaign created for this view a moment after the check (the foreign key refuses it).
    if ((error as { code?: string }).code === "P2003") {
      const current = await db.segment.findUnique({ where: { id: segmentId }, select: { name: true } });
      throw inUseByCampaign(current?.name ?? "This view", "a campaign");
    }
    throw error;
  }
}

async function deleteSegmentOnce({ actor, segmentId }: { actor: StaffUser; segmentId: string }) {
  return db.$transaction(async (tx) => {
    const current = await tx.segment.findUnique({ where: { id: segmentId } });
    if (!current) throw notFound("That saved view");
    const campaigns = await tx.campaign.findMany({
      where: { segmentId },
      select: { name: true },
      orderBy: { createdAt: "asc" },
      take: 4,
    });
    if (campaigns.length > 0) {
      const names = campaigns
        .slice(0, 3)
        .map((c) => `“${c.name}”`)
        .join(", ");
      const more = campaigns.length > 3 ? " and others" : "";
      throw inUseByCampaign(
        current.name,
        `${campaigns.length === 1 ? "the campaign" : "the campaigns"} ${names}${more}`,
      );
    }
    await tx.segment.delete({ where: { id: segmentId } });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "segment.deleted",
      entityType: "segment",
      entityId: segmentId,
      before: { name: current.name, description: current.description, query: current.query },
    });
  });
}
