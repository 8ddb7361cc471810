import { alumniFilterToSearchParams } from "~/modules/alumni/alumni-filter";
import { PROGRAM_STATUS_LABELS } from "~/modules/applications/labels";
import { getBranding } from "~/modules/portal/get-branding.server";
import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, forbidden, notFound } from "~/platform/errors";
import { can } from "~/platform/permissions";
import { countAudience } from "./audience.server";
import { campaignTone, renderCampaignEmail, SAMPLE_PERSON } from "./campaign-email.server";
import { createCampaign } from "./create-campaign.server";
import { EXCLUSION_LABELS, EXCLUSION_REASONS } from "./exclusions";
import { launchCampaign } from "./launch-campaign.server";
import { CampaignFormSchema, DEFAULT_QUIET_DAYS, type InviteToProgramInput } from "./schemas";

/** Days the person has to answer an invitation sent from their profile. */
export const INVITE_ANSWER_DAYS = 14;

/** The saved segment of one person (the alumni filter `person=<id>`). */
export const personQuery = (alumnusId: string) =>
  alumniFilterToSearchParams({ person: alumnusId }).toString();

const refuse = (message: string, field: "programId" | "note" = "programId") =>
  new AppError("validation", message, { fieldErrors: { [field]: [message] } });

/**
 * "Invite to a program" from a person's profile (issue 14, ADR 064): a campaign of one person
 * pointing at an open program, made and launched by the same functions as any campaign, so the
 * same rules hold: only while the program is open, only people we may write to (consent,
 * do-not-contact, an address, the quiet period after their exit) and only eligible people, the
 * tone check on the whole email, the throttle, the answer link and the audit events
 * (campaign.created, campaign.launched). The person's profile gets its own event
 * (alumnus.invited_to_program). Nothing is written when a rule refuses.
 */
export async function inviteToProgram(input: {
  actor: StaffUser;
  alumnusId: string;
  values: InviteToProgramInput;
  now?: Date;
}) {
  const { actor, alumnusId, values } = input;
  if (!can(actor, "manage:campaign")) throw forbidden("Only HR can invite people to a program.");
  const now = input.now ?? new Date();
  const [person, program] = await Promise.all([
    db.alumnus.findUnique({
      where: { id: alumnusId },
      select: { id: true, firstName: true, preferredName: true, lastName: true, hrId: true },
    }),
    db.returnProgram.findUnique({
      where: { id: values.programId },
      select: {
        id: true,
        title: true,
        status: true,
        decision: { select: { function: true, rationale: true } },
      },
    }),
  ]);
  if (!person) throw notFound("That person");
  if (!program) throw refuse("That program no longer exists. Choose another.");
  if (program.status !== "open") {
    throw refuse(
      `“${program.title}” is ${PROGRAM_STATUS_LABELS[program.status].toLowerCase()}: people who say yes are sent there to apply, so invite them to an open program.`,
    );
  }
  const [applied, invited] = await Promise.all([
    db.application.findFirst({ where: { alumnusId, programId: program.id }, select: { id: true } }),
    db.campaignRecipient.findFirst({
      where: { alumnusId, campaign: { programId: program.id } },
      select: { campaign: { select: { launchedAt: true } } },
    }),
  ]);
  if (applied) throw refuse("This person has already applied to this program: see their application.");
  if (invited) {
    throw refuse(
      `This person was already invited to this program${invited.campaign.launchedAt ? ` on ${invited.campaign.launchedAt.toISOString().slice(0, 10)}` : ""}. Wait for their answer, or follow up in person.`,
    );
  }

  // The campaigns' own exclusions, for this one person, with the reason in words.
  const query = personQuery(person.id);
  const audience = { query, quietDays: DEFAULT_QUIET_DAYS, onlyEligible: true, now };
  const counts = await countAudience(db, audience);
  if (counts.recipients === 0) {
    const reason = EXCLUSION_REASONS.find((r) => counts.byReason[r] > 0);
    const why = reason ? `${EXCLUSION_LABELS[reason].label}: ${EXCLUSION_LABELS[reason].explanation}` : "";
    throw refuse(`We cannot send this person an invitation. ${why}`.trim());
  }

  const branding = await getBranding();
  const name = `${person.preferredName || person.firstName} ${person.lastName}`;
  const respondBy = new Date(now.getTime() + INVITE_ANSWER_DAYS * 86_400_000).toISOString().slice(0, 10);
  // The same schema as the campaign form: what one person gets is what a campaign could send.
  const parsed = CampaignFormSchema.safeParse({
    name: `${program.title}: invitation to ${name}`.slice(0, 120),
    segmentId: "pending",
    template: "return-invitation",
    note: values.note,
    senderName: actor.name,
    senderRole: values.senderRole,
    senderEmail: actor.email,
    companyName: branding.companyName,
    teamName: program.decision?.function || program.title,
    // What changed and why: the decision the program belongs to (the tone check asks for it).
    whatChanged: program.decision?.rationale ?? "",
    opportunity: program.title,
    respondBy,
    quietDays: String(DEFAULT_QUIET_DAYS),
    onlyEligible: "on",
    programId: program.id,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === "senderRole" ? "senderRole" : "note";
    throw new AppError("validation", issue?.message ?? "The invitation could not be written.", {
      fieldErrors: { [field]: [issue?.message ?? "Check this field."] },
    });
  }

  // The tone check first, on this person's email: a refusal leaves nothing behind. Overriding it
  // stays on the campaign page, where a reason is asked for.
  const content = {
    ...parsed.data,
    id: "preview",
    subject: null,
    senderPhone: null,
    respondBy: new Date(`${respondBy}T00:00:00Z`),
    invitedOn: null,
  };
  const { tone } = campaignTone(
    content,
    await renderCampaignEmail(content, { ...person, id: SAMPLE_PERSON.id }, { now }),
  );
  if (!tone.ok) {
    const first = tone.findings.find((f) => f.severity === "error");
    throw refuse(
      `The email has ${tone.errors === 1 ? "1 tone error" : `${tone.errors} tone errors`}${first ? ` (${first.message})` : ""}. Change the note and send again.`,
      "note",
    );
  }

  const segment =
    (await db.segment.findFirst({ where: { query }, select: { id: true } })) ??
    (await db.segment.create({
      data: {
        name: `One person: ${name} (${person.hrId})`.slice(0, 200),
        description: "Made by “Invite to a program” on the person's profile.",
        query,
        createdById: actor.id,
      },
      select: { id: true },
    }));
  const campaign = await createCampaign({ actor, values: { ...parsed.data, segmentId: segment.id } });
  const launched = await launchCampaign({ actor, campaignId: campaign.id });
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(actor),
      action: "alumnus.invited_to_program",
      entityType: "alumnus",
      entityId: person.id,
      after: { programId: program.id, campaignId: campaign.id, respondBy, noteLength: values.note.length },
    }),
  );
  return {
    campaignId: campaign.id,
    program: { id: program.id, title: program.title },
    sendAt: launched.sendAt,
  };
}

/**
 * What the profile's "Invite to a program" card needs: the open programs, and why this person
 * cannot be invited when a campaign's rule leaves them out (the same rules as inviteToProgram).
 */
export async function getInviteOptions(input: { actor: StaffUser; alumnusId: string; now?: Date }) {
  if (!can(input.actor, "manage:campaign")) return null;
  const [programs, counts] = await Promise.all([
    db.returnProgram.findMany({
      where: { status: "open" },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
      take: 200,
    }),
    countAudience(db, {
      query: personQuery(input.alumnusId),
      quietDays: DEFAULT_QUIET_DAYS,
      onlyEligible: true,
      now: input.now,
    }),
  ]);
  const reason = counts.recipients === 0 ? EXCLUSION_REASONS.find((r) => counts.byReason[r] > 0) : undefined;
  return { programs, excluded: reason ? EXCLUSION_LABELS[reason] : null };
}
