import { effectiveOutcome } from "~/modules/eligibility/effective";
import { renderTemplate } from "~/modules/outreach/render-template.server";
import { actorOf, type AlumnusUser, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db, isUniqueViolation, type Db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { AppError, conflict, notFound } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { can } from "~/platform/permissions";
import { alumnusAddress, employerForEmail } from "./employer.server";
import { t } from "~/modules/portal/strings";
import type { ApplyInput } from "./schemas";

/** How long the "application received" email promises an answer within. */
export const ANSWER_WITHIN_DAYS = 14;

export const ALREADY_APPLIED_MESSAGE = t("programs.alreadyApplied");

const todayUtc = (now: Date) => now.toISOString().slice(0, 10);

/** Why a program takes no application today, in the applicant's words; null when it does. */
export function programClosedReason(
  program: { status: string; closesOn: Date | null },
  now = new Date(),
): string | null {
  if (program.status === "paused") return t("programs.paused");
  if (program.status === "closed") return t("programs.closed");
  if (program.status !== "open") return t("programs.closed");
  if (program.closesOn && program.closesOn.toISOString().slice(0, 10) < todayUtc(now))
    return t("programs.pastClosing");
  return null;
}

export const NOT_ELIGIBLE_FOR_APPLICANT = t("programs.notEligible");

/** The person's eligibility, as it counts now; null when no verdict has been computed yet. */
export async function eligibilityOf(tx: Db, alumnusId: string, now = new Date()) {
  const verdict = await tx.eligibilityVerdict.findUnique({
    where: { alumnusId },
    select: { outcome: true, overrideOutcome: true, overrideExpiresAt: true },
  });
  return verdict ? effectiveOutcome(verdict, now).outcome : null;
}

/** The campaign's id when it invited this person and points at this program; else null. */
async function invitationFor(campaignId: string, programId: string, alumnusId: string) {
  const recipient = await db.campaignRecipient.findFirst({
    where: { campaignId, alumnusId, campaign: { programId } },
    select: { campaignId: true },
  });
  return recipient?.campaignId ?? null;
}

/**
 * An application to an open program: from the portal by the person themself, or entered by HR
 * for them (after an "interested" answer to an invitation, or a phone call). Refused with a
 * sentence when the program is not open, the person is not eligible, or they already applied
 * (the unique key settles two submissions at once). Queues "application received" and writes
 * the audit event in the same transaction.
 */
export async function submitApplication({
  actor,
  programId,
  alumnusId,
  input,
  campaignId,
  now = new Date(),
}: {
  actor: AlumnusUser | StaffUser;
  programId: string;
  /** Staff only: who the application is for (an alumnus always applies for themself). */
  alumnusId?: string;
  input: ApplyInput;
  campaignId?: string | null;
  now?: Date;
}) {
  const personId = actor.kind === "alumnus" ? actor.id : alumnusId;
  if (!personId) throw new AppError("validation", "Choose the person the application is for.");
  if (actor.kind === "staff" && !can(actor, "move:application:any"))
    throw new AppError("forbidden", "Only HR can enter an application for someone.");

  const [program, person] = await Promise.all([
    db.returnProgram.findUnique({
      where: { id: programId },
      select: {
        id: true,
        title: true,
        status: true,
        closesOn: true,
        hiringManager: { select: { name: true, email: true } },
      },
    }),
    db.alumnus.findUnique({
      where: { id: personId },
      select: { id: true, firstName: true, preferredName: true, personalEmail: true, workEmail: true },
    }),
  ]);
  // A draft program does not exist for alumni.
  if (!program || (actor.kind === "alumnus" && program.status === "draft"))
    throw actor.kind === "alumnus"
      ? new AppError("not_found", t("notFound.program"))
      : notFound("That program");
  if (!person) throw notFound("That person");
  const closed = programClosedReason(program, now);
  if (closed) throw conflict(closed);
  const outcome = await eligibilityOf(db, person.id, now);
  if (outcome === "not_eligible") {
    throw new AppError(
      "forbidden",
      actor.kind === "alumnus"
        ? NOT_ELIGIBLE_FOR_APPLICANT
        : "This person is not eligible for rehire under the current policy. Decide a review or override the verdict first (with a justification), then enter the application.",
    );
  }

  // The invitation that led here counts only when it was sent to this person and points at this
  // program; a stale or foreign campaign id from the portal's link is dropped, not an error.
  const invitedBy = campaignId ? await invitationFor(campaignId, program.id, person.id) : null;
  if (actor.kind === "staff" && campaignId && !invitedBy)
    throw new AppError("validation", "That campaign did not invite this person to this program.");

  const answerBy = new Date(now.getTime() + ANSWER_WITHIN_DAYS * 86_400_000).toISOString().slice(0, 10);
  const address = alumnusAddress(person);
  const employer = await employerForEmail();
  const source = invitedBy ? "invitation" : actor.kind === "alumnus" ? "portal" : "hr";
  const email = address
    ? await renderTemplate(
        "application-received",
        {
          firstName: person.preferredName || person.firstName,
          companyName: employer.companyName,
          opportunityTitle: program.title,
          answerBy,
          applicationUrl: `${env().appUrl}/portal/applications`,
          contact: {
            name: program.hiringManager.name,
            role: "Hiring manager",
            email: program.hiringManager.email,
          },
        },
        { brand: employer.brand },
      )
    : null;

  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.application.create({
        data: {
          programId: program.id,
          alumnusId: person.id,
          motivation: input.motivation,
          availabilityHours: input.availabilityHours,
          availabilityDays: input.availabilityDays,
          earliestStart: input.earliestStart ? new Date(`${input.earliestStart}T00:00:00Z`) : null,
          source,
          campaignId: invitedBy,
          createdById: actor.kind === "staff" ? actor.id : null,
          submittedAt: now,
          statusChangedAt: now,
        },
        select: { id: true },
      });
      const who = actorOf(actor);
      await tx.applicationNote.create({
        data: {
          applicationId: created.id,
          kind: "move",
          toStatus: "submitted",
          authorType: who.type,
          authorId: "id" in who ? who.id : null,
          authorName: "name" in who ? who.name : null,
          authorRole: who.type === "staff" ? who.role : who.type,
        },
      });
      if (address && email) {
        await queueEmail(tx, {
          template: email.template,
          purpose: email.purpose,
          to: { address, name: person.preferredName || person.firstName },
          alumnusId: person.id,
          email,
          from: employer.from,
        });
      }
      await recordAudit(tx, {
        actor: who,
        action: "application.submitted",
        entityType: "application",
        entityId: created.id,
        after: {
          programId: program.id,
          alumnusId: person.id,
          status: "submitted",
          source,
          campaignId: invitedBy,
        },
      });
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        actor.kind === "alumnus"
          ? ALREADY_APPLIED_MESSAGE
          : "This person has already applied to this program. Open their application from the pipeline.",
      );
    }
    throw error;
  }
}
