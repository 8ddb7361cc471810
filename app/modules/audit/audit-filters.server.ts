import { addDays } from "date-fns";
import { z } from "zod";
import { AUDIT_ACTIONS } from "~/platform/audit.server";
import type { Prisma } from "~/platform/db.server";
import { calendarDate, searchText } from "~/platform/input";
import { likeLiteral } from "~/platform/like";

/**
 * The audit viewer's filters, all in the URL (so a filtered view can be bookmarked, shared and
 * exported as it is). Every key is allow-listed; values only ever reach Prisma as parameters.
 */
export const AUDIT_ACTION_FAMILIES = [...new Set(AUDIT_ACTIONS.map((a) => `${a.split(".")[0]}.*`))].sort();
const ACTION_CHOICES = new Set<string>([...AUDIT_ACTIONS, ...AUDIT_ACTION_FAMILIES]);

const blank = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const day = calendarDate("the date");

const eventId = z.string().regex(/^\d{1,18}$/, "Not an event number.");

export const AuditFilterSchema = z.object({
  actor: blank(searchText(120)),
  entityType: blank(
    z
      .string()
      .trim()
      .max(60)
      .regex(/^[A-Za-z0-9_.:-]+$/, "Entity types are single words such as user or alumnus."),
  ),
  entityId: blank(z.string().trim().max(200)),
  action: blank(z.string().refine((v) => ACTION_CHOICES.has(v), "Choose an action from the list.")),
  from: blank(day),
  to: blank(day),
  before: blank(eventId),
  after: blank(eventId),
  verify: blank(z.enum(["1"])),
});

export type AuditFilters = z.infer<typeof AuditFilterSchema>;

/** How the filters are named on the audit page (for "left out" notices). */
export const AUDIT_FILTER_LABELS: Record<keyof AuditFilters, string> = {
  actor: "who",
  entityType: "record type",
  entityId: "record id",
  action: "action",
  from: "from",
  to: "until",
  before: "older page",
  after: "newer page",
  verify: "chain check",
};

/** The filter part only (no paging, no verify), e.g. to carry into the export link. */
export function filterParams(filters: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["actor", "entityType", "entityId", "action", "from", "to"] as const) {
    const value = filters[key];
    if (value) out[key] = value;
  }
  return out;
}

export function auditWhere(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filters.actor) {
    and.push({
      OR: [
        { actorId: filters.actor },
        { actorName: { contains: likeLiteral(filters.actor), mode: "insensitive" } },
      ],
    });
  }
  if (filters.entityType) and.push({ entityType: filters.entityType });
  if (filters.entityId) and.push({ entityId: filters.entityId });
  if (filters.action) {
    and.push(
      filters.action.endsWith(".*")
        ? { action: { startsWith: filters.action.slice(0, -1) } }
        : { action: filters.action },
    );
  }
  if (filters.from) and.push({ occurredAt: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) and.push({ occurredAt: { lt: addDays(new Date(`${filters.to}T00:00:00Z`), 1) } });
  return and.length ? { AND: and } : {};
}
