import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import {
  ANSWER_TIMELINE_ACTIONS,
  invitationAnswerTimeline,
} from "~/modules/invitation-answers/answer-timeline.server";
import { actionLabel, fieldLabel, valueInWords } from "~/modules/audit/audit-words";
import { can } from "~/platform/permissions";
import { canSeeRestricted } from "./alumni-scope.server";
import { OWN_PROFILE_FIELD_LABELS, type OwnProfileField } from "./own-profile-schema";

/**
 * The timeline on an alumnus's profile: one list of dated items from several sources. Later
 * areas (applications, contracts, eligibility) add a source to TIMELINE_SOURCES; each returns
 * items for one person, already limited to what the viewer may see.
 */
export type TimelineItem = {
  /** stable per source, e.g. "audit:123", "note:abc", "email:xyz" */
  key: string;
  kind: "change" | "note" | "email" | (string & {});
  at: string;
  title: string;
  /** who did it (staff name, "Import", "System") when known */
  by?: string | null;
  detail?: string | null;
  /** where to act on it, when somewhere else */
  link?: string | null;
};

export type TimelineSource = (input: {
  actor: StaffUser;
  alumnusId: string;
  limit: number;
}) => Promise<TimelineItem[]>;

const BULK_ACTIONS = ["alumnus.tagged", "alumnus.linked_to_decision"];
const RESTRICTED_ACTIONS = new Set(["alumnus.restricted_updated"]);
/** Shown by their own sources, in their own words. */
const OWN_SOURCE_ACTIONS = new Set<string>(["alumnus.note_added", ...ANSWER_TIMELINE_ACTIONS]);

/** What the person changed in the portal, one "Field: old → new" line per field. */
export function describeProfileChange(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string {
  return Object.keys(after ?? {})
    .filter((k) => k !== "version")
    .map((k) => {
      const label = OWN_PROFILE_FIELD_LABELS[k as OwnProfileField] ?? fieldLabel(k);
      return `${label}: ${valueInWords(before?.[k], k)} → ${valueInWords(after?.[k], k)}`;
    })
    .join("\n");
}

function describeAuditEvent(action: string, after: Record<string, unknown> | null): string {
  switch (action) {
    case "alumnus.profile_updated":
      return "Profile updated by the person";
    case "alumnus.data_exported":
      return `Downloaded their data (${String(after?.format ?? "").toUpperCase()})`;
    case "eligibility.review_requested":
      return "Asked for their eligibility to be looked at again";
    case "eligibility.review_answered":
      return "HR answered their request to look again";
    case "alumnus.created":
      return "Record created";
    case "alumnus.updated": {
      const fields = Object.keys(after ?? {}).filter((k) => k !== "version");
      return `Record edited by hand: ${fields.map((f) => fieldLabel(f).toLowerCase()).join(", ") || "no fields"}`;
    }
    case "alumnus.restricted_updated":
      return after?.doNotRehire ? "Marked do not rehire" : "Do-not-rehire flag cleared";
    case "alumnus.tagged":
      return `${after?.mode === "remove" ? "Tag removed" : "Tagged"} “${String(after?.tag ?? "")}”${Number(after?.count) > 1 ? ` (with ${Number(after?.count) - 1} others)` : ""}`;
    case "alumnus.note_added":
      return "Note added";
    case "alumnus.linked_to_decision":
      return `Linked to the decision “${String(after?.decisionTitle ?? "")}”`;
    default:
      return actionLabel(action);
  }
}

const auditSource: TimelineSource = async ({ actor, alumnusId, limit }) => {
  const events = await db.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "alumnus", entityId: alumnusId },
        {
          entityType: "alumni",
          action: { in: BULK_ACTIONS },
          after: { path: ["alumnusIds"], array_contains: [alumnusId] },
        },
      ],
    },
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      occurredAt: true,
      action: true,
      actorName: true,
      actorType: true,
      before: true,
      after: true,
      reason: true,
    },
  });
  const restricted = canSeeRestricted(actor);
  return events
    .filter((e) => restricted || !RESTRICTED_ACTIONS.has(e.action))
    .filter((e) => !OWN_SOURCE_ACTIONS.has(e.action))
    .map((e) => ({
      key: `audit:${e.id}`,
      kind: "change",
      at: e.occurredAt.toISOString(),
      title: describeAuditEvent(e.action, (e.after as Record<string, unknown> | null) ?? null),
      by: e.actorName ?? (e.actorType === "system" ? "System" : null),
      detail:
        e.action === "alumnus.profile_updated" || e.action === "alumnus.updated"
          ? [
              describeProfileChange(
                (e.before as Record<string, unknown> | null) ?? null,
                (e.after as Record<string, unknown> | null) ?? null,
              ),
              e.reason,
            ]
              .filter(Boolean)
              .join("\n")
          : e.reason,
    }));
};

const noteSource: TimelineSource = async ({ alumnusId, limit }) => {
  const notes = await db.alumnusNote.findMany({
    where: { alumnusId },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  const authors = await db.user.findMany({
    where: { id: { in: [...new Set(notes.map((n) => n.authorId))] } },
    select: { id: true, name: true },
  });
  const name = new Map(authors.map((a) => [a.id, a.name]));
  return notes.map((n) => ({
    key: `note:${n.id}`,
    kind: "note",
    at: n.createdAt.toISOString(),
    title: "HR note",
    by: name.get(n.authorId) ?? null,
    detail: n.body,
  }));
};

const emailSource: TimelineSource = async ({ alumnusId, limit }) => {
  const messages = await db.outboxMessage.findMany({
    where: { alumnusId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, subject: true, status: true, createdAt: true, sentAt: true, template: true },
  });
  return messages.map((m) => ({
    key: `email:${m.id}`,
    kind: "email",
    at: (m.sentAt ?? m.createdAt).toISOString(),
    title: `Email: ${m.subject}`,
    by: null,
    detail: m.status === "sent" ? "Delivered" : `Status: ${m.status.replace("_", " ")}`,
  }));
};

const ERASURE_STATUS: Record<string, string> = {
  requested: "waiting for HR's decision",
  refused: "refused",
  done: "carried out",
};

/** The person's requests to erase their data (the full history is on the data requests page). */
const erasureSource: TimelineSource = async ({ actor, alumnusId, limit }) => {
  if (!can(actor, "review:erasure")) return [];
  const requests = await db.erasureRequest.findMany({
    where: { alumnusId },
    orderBy: { requestedAt: "desc" },
    take: limit,
    select: { id: true, reference: true, status: true, requestedAt: true },
  });
  return requests.map((r) => ({
    key: `erasure:${r.id}`,
    kind: "request",
    at: r.requestedAt.toISOString(),
    title: `Asked for their data to be erased (${r.reference}): ${ERASURE_STATUS[r.status] ?? r.status}`,
    by: null,
    detail: null,
    link: `/staff/privacy/${r.id}`,
  }));
};

/** Add a source here to show another kind of event on every profile. */
export const TIMELINE_SOURCES: TimelineSource[] = [
  auditSource,
  noteSource,
  emailSource,
  invitationAnswerTimeline,
  erasureSource,
];

export async function alumnusTimeline({
  actor,
  alumnusId,
  limit = 100,
}: {
  actor: StaffUser;
  alumnusId: string;
  limit?: number;
}) {
  const lists = await Promise.all(TIMELINE_SOURCES.map((source) => source({ actor, alumnusId, limit })));
  return lists
    .flat()
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.key < b.key ? 1 : -1))
    .slice(0, limit);
}
