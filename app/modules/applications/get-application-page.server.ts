import { effectiveOutcome } from "~/modules/eligibility/effective";
import { readStoredReasons } from "~/modules/eligibility/stored-reasons";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { can } from "~/platform/permissions";
import { nextMoves, type ApplicationStatus } from "./pipeline";
import { applicationsVisibleTo, staffPipelineRole } from "./pipeline-access.server";

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/**
 * One application for HR or its program's hiring manager: the person (contact and exit details
 * only for HR), their availability and past roles, the eligibility verdict (reasons for those
 * who may read eligibility), the history of moves and notes, and the moves the viewer may make.
 */
export async function getApplicationPage({
  actor,
  applicationId,
  now = new Date(),
}: {
  actor: StaffUser;
  applicationId: string;
  now?: Date;
}) {
  const app = await db.application.findFirst({
    where: { AND: [{ id: applicationId }, applicationsVisibleTo(actor)] },
    include: {
      program: {
        select: {
          id: true,
          title: true,
          hiringManagerId: true,
          rateMin: true,
          rateMax: true,
          currency: true,
          hiringManager: { select: { name: true } },
        },
      },
      alumnus: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          preferredName: true,
          personalEmail: true,
          workEmail: true,
          location: true,
          timeZone: true,
          languages: true,
          skills: true,
          engagementPreference: true,
          availabilityHours: true,
          availabilityDays: true,
          availabilityFrom: true,
          availabilityTo: true,
          exitReason: true,
          exitDate: true,
          employmentPeriods: {
            orderBy: { startDate: "desc" },
            select: { startDate: true, endDate: true, jobTitle: true, department: true },
          },
          eligibilityVerdict: true,
        },
      },
      notes: { orderBy: { createdAt: "asc" } },
      contract: { select: { id: true, status: true, hourlyRate: true, currency: true } },
    },
  });
  if (!app) throw notFound("That application");
  const a = app.alumnus;
  const hrView = can(actor, "read:alumnus:any");
  const role = staffPipelineRole(actor, app.program);
  const verdict = a.eligibilityVerdict;
  const status = app.status as ApplicationStatus;
  return {
    application: {
      id: app.id,
      status,
      version: app.version,
      motivation: app.motivation,
      availabilityHours: app.availabilityHours,
      availabilityDays: app.availabilityDays,
      earliestStart: day(app.earliestStart),
      source: app.source,
      submittedAt: app.submittedAt.toISOString(),
      statusChangedAt: app.statusChangedAt.toISOString(),
      program: {
        id: app.program.id,
        title: app.program.title,
        hiringManager: app.program.hiringManager.name,
        rateMin: app.program.rateMin.toFixed(2),
        rateMax: app.program.rateMax.toFixed(2),
        currency: app.program.currency,
      },
      contract: app.contract
        ? {
            id: app.contract.id,
            status: app.contract.status,
            hourlyRate: app.contract.hourlyRate.toFixed(2),
            currency: app.contract.currency,
          }
        : null,
    },
    person: {
      id: a.id,
      name: `${a.preferredName || a.firstName} ${a.lastName}`,
      email: hrView ? a.personalEmail || a.workEmail : null,
      location: a.location,
      timeZone: a.timeZone,
      languages: a.languages,
      skills: a.skills,
      engagementPreference: a.engagementPreference,
      availability: {
        hours: a.availabilityHours,
        days: a.availabilityDays,
        from: a.availabilityFrom,
        to: a.availabilityTo,
      },
      exitReason: hrView ? a.exitReason : null,
      exitDate: hrView ? day(a.exitDate) : null,
      pastRoles: a.employmentPeriods.map((p) => ({
        from: day(p.startDate),
        to: day(p.endDate),
        jobTitle: p.jobTitle,
        department: p.department,
      })),
    },
    eligibility: verdict
      ? {
          outcome: effectiveOutcome(verdict, now).outcome,
          overridden: effectiveOutcome(verdict, now).source === "override",
          reasons: can(actor, "read:eligibility")
            ? readStoredReasons(verdict.reasons).map((r) => ({ outcome: r.outcome, sentence: r.sentence }))
            : null,
          policyVersion: verdict.policyVersion,
        }
      : null,
    history: app.notes.map((n) => ({
      id: n.id,
      kind: n.kind as "note" | "move",
      from: n.fromStatus as ApplicationStatus | null,
      to: n.toStatus as ApplicationStatus | null,
      body: n.body,
      author: n.authorName ?? (n.authorType === "alumnus" ? "The applicant" : "Comeback"),
      authorKind: n.authorType,
      at: n.createdAt.toISOString(),
    })),
    role,
    moves: role ? nextMoves(role, status).map((t) => ({ to: t.to, label: t.label })) : [],
    mayNote: !!role,
    mayReadProfile: hrView,
  };
}
