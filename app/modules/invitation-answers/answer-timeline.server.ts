import type { TimelineItem, TimelineSource } from "~/modules/alumni/alumnus-timeline.server";
import { db } from "~/platform/db.server";
import { ANSWER_LABELS, describeAvailability, type AnswerChoice } from "./labels";

/** The audit actions this source shows on a profile (the generic change source leaves them out). */
export const ANSWER_TIMELINE_ACTIONS = [
  "invitation.answered",
  "invitation.answer_handled",
  "invitation.answer_link_sent",
] as const;

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value : null;
}

/**
 * Every answer a person gave to a campaign invitation, from the audit trail (the answer row
 * keeps only the last one), with HR's follow-ups and any new link they asked for.
 */
export const invitationAnswerTimeline: TimelineSource = async ({ alumnusId, limit }) => {
  const events = await db.auditEvent.findMany({
    where: { entityType: "alumnus", entityId: alumnusId, action: { in: [...ANSWER_TIMELINE_ACTIONS] } },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, occurredAt: true, action: true, actorName: true, after: true },
  });
  return events.map((e): TimelineItem => {
    const after = (e.after ?? {}) as Record<string, unknown>;
    const campaign = text(after.campaignName) ?? "a campaign";
    const base = { key: `audit:${e.id}`, at: e.occurredAt.toISOString(), by: e.actorName };
    if (e.action === "invitation.answered") {
      const answer = after.answer as AnswerChoice;
      const availability = describeAvailability({
        hoursPerWeek: text(after.hoursPerWeek),
        earliestStart: text(after.earliestStart),
      });
      const message = text(after.message);
      return {
        ...base,
        kind: "answer",
        title: `Answered the invitation “${campaign}”: ${ANSWER_LABELS[answer] ?? String(after.answer)}`,
        detail:
          [availability, message ? `Their message: ${message}` : null].filter(Boolean).join("\n") || null,
      };
    }
    if (e.action === "invitation.answer_handled") {
      return {
        ...base,
        kind: "answer",
        title: `Answer to “${text(after.campaignName) ?? "an invitation"}” marked as followed up`,
      };
    }
    return { ...base, kind: "answer", title: "Asked for a new link to answer an invitation", by: null };
  });
};
