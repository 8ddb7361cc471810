import { describeAlumniFilter, searchTerms } from "~/modules/alumni/alumni-filter";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { likeLiteral } from "~/platform/like";
import { countThrottledEmails } from "~/platform/mailer/throttle.server";
import { audienceRules, countAudience, segmentFilter, type AudienceCounts } from "./audience.server";
import {
  campaignTone,
  renderCampaignEmail,
  SAMPLE_PERSON,
  type CampaignPerson,
} from "./campaign-email.server";
import { EXCLUSION_REASONS, emptyExclusionCounts, type ExclusionCounts } from "./exclusions";
import { campaignThrottleKey } from "./run-campaign.server";

const PICKER_SIZE = 100;

/** Everything the campaign page shows: settings, audience and exclusions, a preview, live counts. */
export async function getCampaignPage(input: {
  campaignId: string;
  previewRecipientId?: string;
  find?: string;
}) {
  const campaign = await db.campaign.findUnique({
    where: { id: input.campaignId },
    include: {
      segment: { select: { id: true, name: true, query: true } },
      program: { select: { id: true, title: true, status: true } },
    },
  });
  if (!campaign) throw notFound("That campaign");
  const audienceOptions = {
    query: campaign.segment.query,
    quietDays: campaign.quietDays,
    onlyEligible: campaign.onlyEligible,
  };
  const decisionIds = segmentFilter(campaign.segment.query).decisionId ?? [];
  const readDecisionTitles = async () =>
    decisionIds.length
      ? db.workforceDecision.findMany({
          where: { id: { in: decisionIds } },
          select: { id: true, title: true },
        })
      : [];

  // Narrows the preview picker to people whose name, email, job or skills match.
  const matching = searchTerms(input.find).map((term) => ({ searchText: { contains: likeLiteral(term) } }));
  // The audience: live while the campaign is a draft or waiting for its send time, the snapshot after.
  let audience: AudienceCounts & { snapshot: boolean };
  let people: (CampaignPerson & { lastName: string })[];
  let decisionTitles: { id: string; title: string }[];
  if (campaign.snapshotAt) {
    const byReason = { ...emptyExclusionCounts(), ...(campaign.exclusions as Partial<ExclusionCounts>) };
    audience = {
      snapshot: true,
      inSegment: campaign.audienceCount,
      recipients: campaign.recipientCount,
      excluded: campaign.excludedCount,
      byReason,
      quietPeriodCutoff: "",
      onlyEligible: campaign.onlyEligible,
    };
    const [recipients, titles] = await Promise.all([
      db.campaignRecipient.findMany({
        where: { campaignId: campaign.id, ...(matching.length ? { alumnus: { AND: matching } } : {}) },
        orderBy: { sequence: "asc" },
        take: PICKER_SIZE,
        select: { alumnus: { select: { id: true, firstName: true, lastName: true, preferredName: true } } },
      }),
      readDecisionTitles(),
    ]);
    people = recipients.map((r) => r.alumnus);
    decisionTitles = titles;
  } else {
    // Independent reads run together: the counts, the picker's people, the decisions' names.
    const [counts, found, titles] = await Promise.all([
      countAudience(db, audienceOptions),
      db.alumnus.findMany({
        where: { AND: [audienceRules(audienceOptions).recipients, ...matching] },
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
        take: PICKER_SIZE,
        select: { id: true, firstName: true, lastName: true, preferredName: true },
      }),
      readDecisionTitles(),
    ]);
    audience = { snapshot: false, ...counts };
    people = found;
    decisionTitles = titles;
  }
  const decisions = Object.fromEntries(decisionTitles.map((d) => [d.id, d.title]));
  const segmentDescription = describeAlumniFilter(segmentFilter(campaign.segment.query), { decisions });

  // Preview for the chosen person, who must be in the audience (not anyone in the pool).
  let previewPerson: CampaignPerson | null = null;
  if (input.previewRecipientId) {
    previewPerson =
      people.find((p) => p.id === input.previewRecipientId) ??
      (campaign.snapshotAt
        ? ((
            await db.campaignRecipient.findUnique({
              where: {
                campaignId_alumnusId: { campaignId: campaign.id, alumnusId: input.previewRecipientId },
              },
              select: {
                alumnus: { select: { id: true, firstName: true, lastName: true, preferredName: true } },
              },
            })
          )?.alumnus ?? null)
        : await db.alumnus.findFirst({
            where: { AND: [audienceRules(audienceOptions).recipients, { id: input.previewRecipientId }] },
            select: { id: true, firstName: true, lastName: true, preferredName: true },
          }));
  }
  const person = previewPerson ?? people[0] ?? SAMPLE_PERSON;
  const email = await renderCampaignEmail(campaign, person);
  const { tone, noteTone } = campaignTone(campaign, email);

  // The outbox's own counts for the campaign's throttle key ("held" while paused).
  const [messages, pending, job] = await Promise.all([
    countThrottledEmails(db, campaignThrottleKey(campaign.id)),
    db.campaignRecipient.count({ where: { campaignId: campaign.id, status: "pending" } }),
    campaign.jobId
      ? db.job.findUnique({
          where: { id: campaign.jobId },
          select: { status: true, progress: true, total: true, lastError: true, runAfter: true },
        })
      : null,
  ]);

  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      template: campaign.template,
      subject: campaign.subject,
      note: campaign.note,
      senderName: campaign.senderName,
      senderRole: campaign.senderRole,
      senderEmail: campaign.senderEmail,
      senderPhone: campaign.senderPhone,
      companyName: campaign.companyName,
      teamName: campaign.teamName,
      whatChanged: campaign.whatChanged,
      opportunity: campaign.opportunity,
      respondBy: campaign.respondBy.toISOString().slice(0, 10),
      invitedOn: campaign.invitedOn?.toISOString().slice(0, 10) ?? null,
      sendAt: campaign.sendAt?.toISOString() ?? null,
      throttlePerHour: campaign.throttlePerHour,
      quietDays: campaign.quietDays,
      onlyEligible: campaign.onlyEligible,
      toneOverrideReason: campaign.toneOverrideReason,
      launchedAt: campaign.launchedAt?.toISOString() ?? null,
      completedAt: campaign.completedAt?.toISOString() ?? null,
      cancelledAt: campaign.cancelledAt?.toISOString() ?? null,
      pausedAt: campaign.pausedAt?.toISOString() ?? null,
      createdAt: campaign.createdAt.toISOString(),
      segment: {
        id: campaign.segment.id,
        name: campaign.segment.name,
        description: segmentDescription,
        query: campaign.segment.query,
      },
      program: campaign.program,
    },
    audience,
    exclusionReasons: EXCLUSION_REASONS,
    people: people.map((p) => ({
      id: p.id,
      name: `${p.preferredName?.trim() || p.firstName} ${p.lastName}`,
    })),
    find: input.find ?? "",
    pickerLimit: PICKER_SIZE,
    preview: {
      personId: person.id === SAMPLE_PERSON.id ? null : person.id,
      email: { subject: email.subject, html: email.html, text: email.text },
      tone,
      noteTone,
    },
    progress: {
      ...messages,
      pending,
      excluded: audience.excluded,
      job: job ? { ...job, runAfter: job.runAfter.toISOString() } : null,
    },
  };
}

export type CampaignPage = Awaited<ReturnType<typeof getCampaignPage>>;
