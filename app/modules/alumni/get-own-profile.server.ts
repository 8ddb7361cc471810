import type { AlumnusUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { dayOf } from "./alumnus-record.server";

/**
 * The signed-in person's profile as the portal shows it: what they may change, and their past
 * roles from HR data (read only). Always the session's own record: there is no id to pass.
 * Nothing HR keeps to itself (exit reason, flags, notes, tags) is in the payload.
 */
export async function getOwnProfile({ actor }: { actor: AlumnusUser }) {
  const a = await db.alumnus.findUnique({
    where: { id: actor.id },
    select: {
      firstName: true,
      lastName: true,
      preferredName: true,
      personalEmail: true,
      phone: true,
      location: true,
      timeZone: true,
      languages: true,
      skills: true,
      engagementPreference: true,
      availabilityHours: true,
      availabilityDays: true,
      availabilityFrom: true,
      availabilityTo: true,
      earliestStart: true,
      version: true,
      jobTitle: true,
      department: true,
      hireDate: true,
      exitDate: true,
      employmentPeriods: {
        orderBy: { startDate: "desc" },
        select: {
          id: true,
          startDate: true,
          endDate: true,
          jobTitle: true,
          department: true,
          location: true,
        },
      },
    },
  });
  if (!a) throw notFound();
  const roles = a.employmentPeriods.length
    ? a.employmentPeriods.map((p) => ({
        id: p.id,
        from: dayOf(p.startDate) as string,
        to: dayOf(p.endDate),
        title: p.jobTitle,
        department: p.department,
        location: p.location,
      }))
    : a.hireDate || a.jobTitle
      ? [
          {
            id: "record",
            from: dayOf(a.hireDate),
            to: dayOf(a.exitDate),
            title: a.jobTitle,
            department: a.department,
            location: null,
          },
        ]
      : [];
  return {
    firstName: a.firstName,
    lastName: a.lastName,
    values: {
      version: String(a.version),
      preferredName: a.preferredName ?? "",
      personalEmail: a.personalEmail ?? "",
      phone: a.phone ?? "",
      location: a.location ?? "",
      timeZone: a.timeZone ?? "",
      languages: a.languages.join(", "),
      skills: a.skills.join(", "),
      engagementPreference: a.engagementPreference ?? "",
      availabilityHours: a.availabilityHours === null ? "" : String(a.availabilityHours),
      availabilityDays: a.availabilityDays,
      availabilityFrom: a.availabilityFrom ?? "",
      availabilityTo: a.availabilityTo ?? "",
      earliestStart: dayOf(a.earliestStart) ?? "",
    },
    roles,
  };
}

export type OwnProfile = Awaited<ReturnType<typeof getOwnProfile>>;
