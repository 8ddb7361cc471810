import type { AlumnusUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import type { EngagementType } from "./labels";
import type { ApplicationStatus } from "./pipeline";
import { eligibilityOf, programClosedReason } from "./submit-application.server";

/**
 * The portal's view of return programs and of the signed-in person's own applications. Only
 * open programs (and the ones the person applied to) exist for an alumnus; nothing here reads
 * another person's data.
 */

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

const programSelect = {
  id: true,
  title: true,
  description: true,
  engagementType: true,
  remote: true,
  place: true,
  rateMin: true,
  rateMax: true,
  currency: true,
  openings: true,
  closesOn: true,
  status: true,
} as const;

type ProgramRow = {
  id: string;
  title: string;
  description: string;
  engagementType: EngagementType;
  remote: boolean;
  place: string | null;
  rateMin: { toFixed(n: number): string };
  rateMax: { toFixed(n: number): string };
  currency: string;
  openings: number;
  closesOn: Date | null;
  status: string;
};

function shape(p: ProgramRow) {
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    engagementType: p.engagementType,
    remote: p.remote,
    place: p.place,
    rateMin: p.rateMin.toFixed(2),
    rateMax: p.rateMax.toFixed(2),
    currency: p.currency,
    openings: p.openings,
    closesOn: day(p.closesOn),
  };
}

/** Open programs taking applications today, with the person's own application to each if any. */
export async function listOpenPrograms({ alumnus, now = new Date() }: { alumnus: AlumnusUser; now?: Date }) {
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const [programs, mine, person, outcome] = await Promise.all([
    db.returnProgram.findMany({
      where: { status: "open", OR: [{ closesOn: null }, { closesOn: { gte: today } }] },
      orderBy: [{ closesOn: { sort: "asc", nulls: "last" } }, { title: "asc" }],
      select: programSelect,
    }),
    db.application.findMany({
      where: { alumnusId: alumnus.id },
      select: { programId: true, status: true },
    }),
    db.alumnus.findUnique({ where: { id: alumnus.id }, select: { engagementPreference: true } }),
    eligibilityOf(db, alumnus.id, now),
  ]);
  const applied = new Map(mine.map((m) => [m.programId, m.status as ApplicationStatus]));
  return {
    notEligible: outcome === "not_eligible",
    programs: programs.map((p) => ({
      ...shape(p as ProgramRow),
      matchesPreference: person?.engagementPreference === p.engagementType,
      applied: applied.get(p.id) ?? null,
    })),
  };
}

/**
 * One program for the portal: open ones, and ones the person applied to (so a link from an
 * email still works after it closes). Says why it takes no application, if it does not.
 */
export async function getPortalProgram({
  alumnus,
  programId,
  now = new Date(),
}: {
  alumnus: AlumnusUser;
  programId: string;
  now?: Date;
}) {
  const [program, mine, person, outcome] = await Promise.all([
    db.returnProgram.findUnique({ where: { id: programId }, select: programSelect }),
    db.application.findUnique({
      where: { programId_alumnusId: { programId, alumnusId: alumnus.id } },
      select: { id: true, status: true },
    }),
    db.alumnus.findUnique({
      where: { id: alumnus.id },
      select: { availabilityHours: true, availabilityDays: true, earliestStart: true },
    }),
    eligibilityOf(db, alumnus.id, now),
  ]);
  if (!program || program.status === "draft" || (program.status !== "open" && !mine))
    throw notFound("That page");
  return {
    program: shape(program as ProgramRow),
    closedReason: programClosedReason(program, now),
    notEligible: outcome === "not_eligible",
    applied: mine ? { id: mine.id, status: mine.status as ApplicationStatus } : null,
    defaults: {
      availabilityHours: person?.availabilityHours ? String(person.availabilityHours) : "",
      availabilityDays: person?.availabilityDays ?? [],
      earliestStart:
        person?.earliestStart && person.earliestStart > now ? (day(person.earliestStart) ?? "") : "",
    },
  };
}

/** The person's own applications, newest first. */
export async function listMyApplications({ alumnus }: { alumnus: AlumnusUser }) {
  const rows = await db.application.findMany({
    where: { alumnusId: alumnus.id },
    orderBy: { submittedAt: "desc" },
    select: {
      id: true,
      status: true,
      version: true,
      submittedAt: true,
      statusChangedAt: true,
      program: { select: { id: true, title: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status as ApplicationStatus,
    version: r.version,
    submittedOn: day(r.submittedAt),
    changedAt: r.statusChangedAt.toISOString(),
    program: r.program,
  }));
}
