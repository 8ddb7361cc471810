import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { can, type Permission } from "~/platform/permissions";
import { countQueueWithAnswers } from "~/modules/eligibility/review-queue.server";
import { verdictCounts } from "~/modules/eligibility/verdict-counts.server";
import { countContractsWaitingFor } from "~/modules/contracts/list-contracts.server";
import { countManagerOnboardingTasks } from "~/modules/onboarding/onboarding.server";
import { ANSWERS_TO_FOLLOW_UP } from "~/modules/invitation-answers/get-campaign-answers.server";
import { alumniVisibleTo } from "~/modules/alumni/alumni-scope.server";

/**
 * What the home page says to do, and the counts beside the navigation. Every source is one
 * entry here: a feature that brings new work (answers to invitations, contracts to approve)
 * adds its entry to TODO_SOURCES and nothing else; the home page, the navigation badges and
 * the test that walks the registry pick it up.
 */
export type TodoSource = {
  /** Stable key (React key, tests). */
  key: string;
  /** What the count counts, read after the figure: "12 / Reviews waiting". */
  label: string;
  /** One sentence under the figure: what doing it means. */
  hint: string;
  /** Where the work is done (a filtered list where one exists). */
  to: string;
  /** Who sees the entry (the same permission the page at `to` asks for). */
  permission: Permission;
  /**
   * The navigation entry (its path in STAFF_NAV) that shows the count as a badge. Leave it out
   * when another source already counts the same people under that entry.
   */
  nav?: string;
  /** "attention" when a count above zero asks for someone's time; "neutral" for what is under way. */
  tone: "attention" | "neutral";
  count: (context: TodoContext) => Promise<number>;
};

export type TodoContext = { actor: StaffUser; now: Date };

/** Imports older than this no longer count as waiting (there is no way to throw one away). */
export const IMPORT_ATTENTION_DAYS = 30;

export const TODO_SOURCES: TodoSource[] = [
  {
    key: "reviews",
    label: "Reviews waiting",
    hint: "People the policy sends to a person for a decision.",
    to: "/staff/eligibility/reviews",
    permission: "override:eligibility",
    nav: "/staff/eligibility",
    tone: "attention",
    count: async ({ now }) => (await verdictCounts(now)).reviewQueue,
  },
  {
    key: "review-answers",
    label: "Manager answers in",
    hint: "People waiting for review whose manager has answered your question.",
    to: "/staff/eligibility/reviews?input=answered",
    permission: "override:eligibility",
    tone: "attention",
    count: ({ now }) => countQueueWithAnswers(now),
  },
  {
    key: "review-requests",
    label: "Asked to look again",
    hint: "Former colleagues who asked, from the alumni portal, for their verdict to be looked at again.",
    to: "/staff/eligibility/reviews#asked",
    permission: "override:eligibility",
    nav: "/staff/eligibility",
    tone: "attention",
    count: () => db.eligibilityReviewRequest.count({ where: { status: "open" } }),
  },
  {
    key: "review-questions",
    label: "Questions waiting for your answer",
    hint: "HR asked for your view on someone they are reviewing.",
    to: "/staff/reviews",
    permission: "provide:review-input",
    nav: "/staff/reviews",
    tone: "attention",
    count: ({ actor }) => db.reviewInputRequest.count({ where: { managerId: actor.id, answeredAt: null } }),
  },
  {
    key: "imports",
    label: "Imports needing attention",
    hint: `Files waiting for a column mapping, a checked file waiting to be committed, or a commit that failed (last ${IMPORT_ATTENTION_DAYS} days).`,
    to: "/staff/imports",
    permission: "import:alumni",
    nav: "/staff/imports",
    tone: "attention",
    count: ({ now }) =>
      db.importRun.count({
        where: {
          status: { in: ["uploaded", "checked", "failed"] },
          createdAt: { gte: new Date(now.getTime() - IMPORT_ATTENTION_DAYS * 86_400_000) },
        },
      }),
  },
  {
    key: "campaigns",
    label: "Campaigns running",
    hint: "Scheduled, sending or paused.",
    to: "/staff/campaigns",
    permission: "manage:campaign",
    nav: "/staff/campaigns",
    tone: "neutral",
    count: () => db.campaign.count({ where: { status: { in: ["scheduled", "sending", "paused"] } } }),
  },
  {
    key: "erasure-requests",
    label: "Asked to be erased",
    hint: "Former colleagues who asked for their data to be erased: approve or refuse with a reason.",
    to: "/staff/privacy",
    permission: "review:erasure",
    nav: "/staff/privacy",
    tone: "attention",
    count: () => db.erasureRequest.count({ where: { status: "requested" } }),
  },
  {
    key: "invitation-answers",
    label: "Answers to follow up",
    hint: "People who said yes to an invitation, or wrote to you with their answer, and nobody has been in touch yet.",
    to: "/staff/campaigns/answers",
    permission: "manage:campaign",
    nav: "/staff/campaigns",
    tone: "attention",
    count: ({ actor }) =>
      db.invitationAnswer.count({ where: { ...ANSWERS_TO_FOLLOW_UP, alumnus: alumniVisibleTo(actor) } }),
  },
  {
    key: "outbox",
    label: "Emails set aside",
    hint: "Delivery gave up on them; look at why and retry.",
    to: "/staff/outbox?status=set_aside",
    permission: "read:outbox",
    nav: "/staff/outbox",
    tone: "attention",
    count: () => db.outboxMessage.count({ where: { status: "set_aside" } }),
  },
  {
    key: "contract-approvals",
    label: "Contracts waiting for your approval",
    hint: "Gig contracts whose terms need your decision before the person gets the offer.",
    to: "/staff/contracts?view=approvals",
    permission: "approve:contract:team",
    nav: "/staff/contracts",
    tone: "attention",
    count: ({ actor }) => countContractsWaitingFor(actor),
  },
  {
    key: "onboarding-tasks",
    label: "Onboarding steps for you",
    hint: "Steps you own on the checklist of someone coming back to your team, before their contract becomes active.",
    to: "/staff/contracts?view=onboarding",
    permission: "approve:contract:team",
    nav: "/staff/contracts",
    tone: "attention",
    count: ({ actor }) => countManagerOnboardingTasks(actor),
  },
  {
    key: "contract-second-approvals",
    label: "Contracts waiting for an HR lead",
    hint: "A rule asks for a second approval: the rate is outside the program's range or the hours above the limit.",
    to: "/staff/contracts?view=approvals",
    permission: "approve:contract:second",
    nav: "/staff/contracts",
    tone: "attention",
    count: ({ actor }) => countContractsWaitingFor(actor),
  },
  {
    key: "contracts-to-prepare",
    label: "Contracts to prepare",
    hint: "Drafts from offers, and contracts an approver sent back with changes.",
    to: "/staff/contracts?view=prepare",
    permission: "manage:contract",
    nav: "/staff/contracts",
    tone: "attention",
    count: () => db.gigContract.count({ where: { status: { in: ["draft", "changes_requested"] } } }),
  },
  {
    key: "contracts-to-send",
    label: "Approved contracts to send",
    hint: "Every approval is in: send the offer so the person can accept it.",
    to: "/staff/contracts?view=approved",
    permission: "manage:contract",
    nav: "/staff/contracts",
    tone: "attention",
    count: () => db.gigContract.count({ where: { status: "approved" } }),
  },
];

export type Todo = Omit<TodoSource, "count" | "permission"> & { count: number };

/** The sources this person may see, each with its count, in registry order. */
export async function listTodos(input: {
  actor: StaffUser;
  now?: Date;
  sources?: TodoSource[];
}): Promise<Todo[]> {
  const context = { actor: input.actor, now: input.now ?? new Date() };
  const sources = (input.sources ?? TODO_SOURCES).filter((s) => can(input.actor, s.permission));
  const counts = await Promise.all(sources.map((s) => s.count(context)));
  return sources.map(({ count: _count, permission: _permission, ...source }, i) => ({
    ...source,
    count: counts[i],
  }));
}

export type NavBadge = { count: number; label: string; tone: "attention" | "neutral" };

/**
 * The counts for the navigation, keyed by the entry's path. Entries without a count above zero
 * get no badge; two sources on one entry add up.
 */
export function todoBadges(todos: Todo[]): Record<string, NavBadge> {
  const badges: Record<string, NavBadge> = {};
  for (const todo of todos) {
    if (!todo.nav || todo.count <= 0) continue;
    const known = badges[todo.nav];
    const label = `${todo.count} ${todo.label.toLowerCase()}`;
    badges[todo.nav] = known
      ? {
          count: known.count + todo.count,
          label: `${known.label}, ${label}`,
          tone: known.tone === "attention" || todo.tone === "attention" ? "attention" : "neutral",
        }
      : { count: todo.count, label, tone: todo.tone };
  }
  return badges;
}
