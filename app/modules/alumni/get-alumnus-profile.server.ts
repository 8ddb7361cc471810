import { getEligibilityForAlumnus } from "~/modules/eligibility/get-eligibility.server";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { can } from "~/platform/permissions";
import { alumniAccess, alumniVisibleTo, canSeeRestricted } from "./alumni-scope.server";
import { dayOf, readManualEdits } from "./alumnus-record.server";
import { alumnusTimeline } from "./alumnus-timeline.server";

/**
 * One alumnus as this viewer may see them. The payload carries only what the viewer's
 * permissions allow: a manager (read:alumnus:team) gets identity, skills and availability; HR
 * gets contact, exit details, tags, notes and the timeline; the do-not-rehire flag and reason
 * only with read:alumnus:restricted.
 */
export async function getAlumnusProfile({ actor, alumnusId }: { actor: StaffUser; alumnusId: string }) {
  const a = await db.alumnus.findFirst({
    where: { AND: [alumniVisibleTo(actor), { id: alumnusId }] },
    include: {
      employmentPeriods: { orderBy: { startDate: "desc" } },
      decision: { select: { id: true, title: true } },
    },
  });
  if (!a) throw notFound("That alumnus");
  const base = {
    id: a.id,
    firstName: a.firstName,
    lastName: a.lastName,
    preferredName: a.preferredName,
    jobTitle: a.jobTitle,
    department: a.department,
    location: a.location,
    country: a.country,
    timeZone: a.timeZone,
    languages: a.languages,
    skills: a.skills,
    engagementPreference: a.engagementPreference,
    availabilityHours: a.availabilityHours,
    availabilityDays: a.availabilityDays,
    availabilityFrom: a.availabilityFrom,
    availabilityTo: a.availabilityTo,
    earliestStart: dayOf(a.earliestStart),
  };
  if (alumniAccess(actor) !== "any") {
    return {
      access: "team" as const,
      alumnus: base,
      hr: null,
      restricted: null,
      timeline: [],
      canEdit: false,
      canEditRestricted: false,
    };
  }
  const manualEdits = readManualEdits(a.manualEdits);
  const editorIds = [...new Set(Object.values(manualEdits).map((e) => e.by))];
  const editors = editorIds.length
    ? await db.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, name: true } })
    : [];
  const editorName = new Map(editors.map((u) => [u.id, u.name]));
  const hr = {
    hrId: a.hrId,
    workEmail: a.workEmail,
    personalEmail: a.personalEmail,
    phone: a.phone,
    hireDate: dayOf(a.hireDate),
    exitDate: dayOf(a.exitDate),
    exitReason: a.exitReason,
    exitReasonRaw: a.exitReasonRaw,
    regrettable: a.regrettable,
    hrRehireFlag: a.hrRehireFlag,
    managerName: a.managerName,
    decision: a.decision,
    tags: a.tags,
    consentReturn: a.consentReturn,
    consentNews: a.consentNews,
    doNotContact: a.doNotContact,
    legalHold: a.legalHold,
    source: a.source,
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
    manualEdits: Object.entries(manualEdits).map(([field, e]) => ({
      field,
      at: e.at,
      by: e.by === a.id ? "the person, in the portal" : (editorName.get(e.by) ?? "a former staff member"),
    })),
    employmentPeriods: a.employmentPeriods.map((p) => ({
      id: p.id,
      startDate: dayOf(p.startDate),
      endDate: dayOf(p.endDate),
      jobTitle: p.jobTitle,
      department: p.department,
      location: p.location,
      exitReason: p.exitReason,
    })),
  };
  const restricted = canSeeRestricted(actor)
    ? { doNotRehire: a.doNotRehire, doNotRehireReason: a.doNotRehireReason }
    : null;
  const [timeline, eligibility] = await Promise.all([
    alumnusTimeline({ actor, alumnusId: a.id }),
    can(actor, "read:eligibility") ? getEligibilityForAlumnus(a.id) : Promise.resolve(undefined),
  ]);
  return {
    access: "any" as const,
    alumnus: base,
    hr,
    restricted,
    timeline,
    /** undefined: the viewer may not see eligibility; null: no verdict yet */
    eligibility,
    canEdit: can(actor, "edit:alumnus:any"),
    canEditRestricted: can(actor, "edit:alumnus:restricted") && restricted !== null,
  };
}

export type AlumnusProfile = Awaited<ReturnType<typeof getAlumnusProfile>>;
