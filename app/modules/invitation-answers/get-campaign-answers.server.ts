import type { Prisma } from "~/generated/prisma/client";
import { alumniVisibleTo } from "~/modules/alumni/alumni-scope.server";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { can } from "~/platform/permissions";
import type { ApplicationStatus } from "~/modules/applications/pipeline";
import { ANSWER_CHOICES, ANSWER_LABELS, describeAvailability, type AnswerChoice } from "./labels";

export const ANSWERS_PAGE_SIZE = 25;

/**
 * Answers that ask for HR's time and nobody has followed up yet: a yes, or any answer with a
 * message. A "not now" or a "stop" without words needs nothing (consent already follows a stop).
 */
export const ANSWERS_TO_FOLLOW_UP = {
  handledAt: null,
  OR: [{ answer: "interested" }, { message: { not: null } }],
} satisfies Prisma.InvitationAnswerWhereInput;

export type CampaignAnswerRow = {
  id: string;
  campaign: { id: string; name: string };
  alumnusId: string;
  name: string;
  answer: AnswerChoice;
  answerLabel: string;
  availability: string | null;
  message: string | null;
  answeredAt: string;
  /** How many times they answered; the last answer is the one shown. */
  answerCount: number;
  handled: { at: string; by: string | null } | null;
  /** A yes, or an answer with words: HR's time is asked for (ANSWERS_TO_FOLLOW_UP). */
  needsFollowUp: boolean;
  /** Their application to the campaign's program, if they have one (the campaign's page only). */
  application?: { id: string; status: ApplicationStatus } | null;
};

const ROW_SELECT = {
  id: true,
  alumnusId: true,
  answer: true,
  hoursPerWeek: true,
  earliestStart: true,
  message: true,
  answeredAt: true,
  answerCount: true,
  handledAt: true,
  handledById: true,
  alumnus: { select: { firstName: true, lastName: true, preferredName: true } },
  campaign: { select: { id: true, name: true } },
} satisfies Prisma.InvitationAnswerSelect;

type StoredRow = Prisma.InvitationAnswerGetPayload<{ select: typeof ROW_SELECT }>;

/** Rows as the pages show them: names and words, the staff member who followed up by name. */
async function answerRows(rows: StoredRow[]): Promise<CampaignAnswerRow[]> {
  const handlerIds = [...new Set(rows.flatMap((r) => (r.handledById ? [r.handledById] : [])))];
  const handlers = handlerIds.length
    ? await db.user.findMany({ where: { id: { in: handlerIds } }, select: { id: true, name: true } })
    : [];
  const handlerName = new Map(handlers.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    campaign: r.campaign,
    alumnusId: r.alumnusId,
    name: `${r.alumnus.preferredName?.trim() || r.alumnus.firstName} ${r.alumnus.lastName}`,
    answer: r.answer,
    answerLabel: ANSWER_LABELS[r.answer],
    availability: describeAvailability(r),
    message: r.message,
    answeredAt: r.answeredAt.toISOString(),
    answerCount: r.answerCount,
    needsFollowUp: r.answer === "interested" || r.message !== null,
    handled: r.handledAt
      ? {
          at: r.handledAt.toISOString(),
          by: r.handledById ? (handlerName.get(r.handledById) ?? null) : null,
        }
      : null,
  }));
}

/**
 * The answers to one campaign for its page (ADR 038): how many said each thing, how many have
 * not answered yet, and who answered what (newest first, a page at a time, optionally one answer).
 */
export async function getCampaignAnswers(input: {
  actor: StaffUser;
  campaignId: string;
  page?: number;
  answer?: AnswerChoice;
}) {
  const campaign = await db.campaign.findUnique({
    where: { id: input.campaignId },
    select: {
      id: true,
      recipientCount: true,
      program: { select: { id: true, title: true, status: true } },
    },
  });
  if (!campaign) throw notFound("That campaign");
  const visible = { campaignId: campaign.id, alumnus: alumniVisibleTo(input.actor) };
  const where = { ...visible, ...(input.answer ? { answer: input.answer } : {}) };
  const page = Math.max(1, input.page ?? 1);
  const [grouped, rows, matching, toFollowUp] = await Promise.all([
    db.invitationAnswer.groupBy({ by: ["answer"], where: visible, _count: { _all: true } }),
    db.invitationAnswer.findMany({
      where,
      orderBy: [{ answeredAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ANSWERS_PAGE_SIZE,
      take: ANSWERS_PAGE_SIZE,
      select: ROW_SELECT,
    }),
    db.invitationAnswer.count({ where }),
    db.invitationAnswer.count({ where: { ...visible, ...ANSWERS_TO_FOLLOW_UP } }),
  ]);
  // An "interested" answer becomes an application to the campaign's program (HR, or the person).
  const applications = campaign.program
    ? await db.application.findMany({
        where: { programId: campaign.program.id, alumnusId: { in: rows.map((r) => r.alumnusId) } },
        select: { id: true, alumnusId: true, status: true },
      })
    : [];
  const applicationOf = new Map(applications.map((a) => [a.alumnusId, { id: a.id, status: a.status }]));
  const counts = Object.fromEntries(ANSWER_CHOICES.map((c) => [c, 0])) as Record<AnswerChoice, number>;
  for (const g of grouped) counts[g.answer] = g._count._all;
  const answered = ANSWER_CHOICES.reduce((sum, c) => sum + counts[c], 0);
  return {
    counts,
    answered,
    notAnswered: Math.max(0, campaign.recipientCount - answered),
    toFollowUp,
    filter: input.answer ?? null,
    page,
    pageCount: Math.max(1, Math.ceil(matching / ANSWERS_PAGE_SIZE)),
    canHandle: can(input.actor, "manage:campaign"),
    program: campaign.program,
    /** HR may enter an application for an interested person while the program is open. */
    canApply: can(input.actor, "move:application:any") && campaign.program?.status === "open",
    rows: (await answerRows(rows)).map((r) => ({
      ...r,
      application: applicationOf.get(r.alumnusId) ?? null,
    })),
  };
}

export type CampaignAnswers = Awaited<ReturnType<typeof getCampaignAnswers>>;

/** Every campaign's answers that wait for HR (the home page's to-do), oldest first. */
export async function listAnswersToFollowUp(input: { actor: StaffUser; page?: number }) {
  const where = { ...ANSWERS_TO_FOLLOW_UP, alumnus: alumniVisibleTo(input.actor) };
  const page = Math.max(1, input.page ?? 1);
  const [rows, total] = await Promise.all([
    db.invitationAnswer.findMany({
      where,
      orderBy: [{ answeredAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * ANSWERS_PAGE_SIZE,
      take: ANSWERS_PAGE_SIZE,
      select: ROW_SELECT,
    }),
    db.invitationAnswer.count({ where }),
  ]);
  return {
    rows: await answerRows(rows),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / ANSWERS_PAGE_SIZE)),
    canHandle: can(input.actor, "manage:campaign"),
  };
}

export type AnswersToFollowUp = Awaited<ReturnType<typeof listAnswersToFollowUp>>;
