import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db, type Db } from "~/platform/db.server";
import { conflict } from "~/platform/errors";
import { BUILT_IN_CHECKLIST, type ChecklistInput, type ChecklistItem } from "./checklist";

/**
 * The onboarding checklist's versions (ADR 067). Saving writes a new version row (a trigger
 * refuses changes to saved ones); a contract's tasks are copied from the version current when
 * it was accepted, so running checklists never change under the people working through them.
 */

export type CurrentChecklist = { id: string | null; version: number; items: ChecklistItem[] };

export async function currentChecklist(client: Db = db): Promise<CurrentChecklist> {
  const row = await client.onboardingChecklistVersion.findFirst({ orderBy: { version: "desc" } });
  if (!row) return { id: null, version: 0, items: [...BUILT_IN_CHECKLIST] };
  return { id: row.id, version: row.version, items: row.tasks as unknown as ChecklistItem[] };
}

/**
 * The checklist a contract of this program copies at acceptance (ADR 079): the saved version
 * the program chose, or the current one when it chose none (or its choice is gone).
 */
export async function checklistForProgram(
  checklistTemplateId: string | null,
  client: Db = db,
): Promise<CurrentChecklist> {
  if (checklistTemplateId) {
    const row = await client.onboardingChecklistVersion.findUnique({ where: { id: checklistTemplateId } });
    if (row) return { id: row.id, version: row.version, items: row.tasks as unknown as ChecklistItem[] };
  }
  return currentChecklist(client);
}

export type ChecklistChoice = { id: string; version: number; steps: number; by: string | null; at: string };

/** The saved (published, never changed) checklist versions a program may choose, newest first. */
export async function checklistChoices(client: Db = db): Promise<ChecklistChoice[]> {
  const rows = await client.onboardingChecklistVersion.findMany({
    orderBy: { version: "desc" },
    take: 50,
    select: { id: true, version: true, tasks: true, createdByName: true, createdAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    steps: Array.isArray(r.tasks) ? r.tasks.length : 0,
    by: r.createdByName,
    at: r.createdAt.toISOString().slice(0, 10),
  }));
}

/** How a program's checklist choice reads on its page and in its form. */
export function checklistChoiceLabel(choice: ChecklistChoice | null, current?: { version: number }) {
  if (!choice)
    return current && current.version > 0
      ? `The current checklist (now version ${current.version}; follows later saves)`
      : "The current checklist (the built-in one until HR saves one; follows later saves)";
  return `Version ${choice.version}: ${choice.steps} step${choice.steps === 1 ? "" : "s"}, saved ${choice.at}${choice.by ? ` by ${choice.by}` : ""}`;
}

/** The settings page: the current version's steps, earlier versions, and how many contracts run now. */
export async function getChecklistSettings() {
  const [current, versions, running] = await Promise.all([
    currentChecklist(),
    db.onboardingChecklistVersion.findMany({
      orderBy: { version: "desc" },
      take: 20,
      select: { id: true, version: true, createdByName: true, createdAt: true },
    }),
    db.gigContract.count({ where: { status: "onboarding" } }),
  ]);
  return {
    version: current.version,
    items: current.items,
    versions: versions.map((v) => ({
      version: v.version,
      by: v.createdByName,
      at: v.createdAt.toISOString(),
    })),
    /** Contracts in onboarding now: they keep the version they started with. */
    running,
  };
}

/** Same steps in the same order (the database keeps JSON keys in its own order, so compare values). */
const sameSteps = (a: readonly ChecklistItem[], b: readonly ChecklistItem[]) => {
  const key = (i: ChecklistItem) => [i.title, i.owner, i.kind, i.dueOffsetDays, i.required];
  return JSON.stringify(a.map(key)) === JSON.stringify(b.map(key));
};

/** Saves the edited checklist as the next version; a stale page (someone saved meanwhile) is refused. */
export async function saveChecklist({ actor, input }: { actor: StaffUser; input: ChecklistInput }) {
  const items: ChecklistItem[] = input.tasks.map((t) => ({
    title: t.title,
    owner: t.owner,
    kind: t.kind,
    dueOffsetDays: t.dueOffsetDays,
    required: t.required,
  }));
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727114067)`;
    const current = await currentChecklist(tx);
    if (current.version !== input.version)
      throw conflict(
        `Someone saved version ${current.version} of the checklist while you were editing. Nothing of yours was saved. Reload the page to see it, then make your change again.`,
      );
    if (sameSteps(current.items, items)) return { changed: false as const, version: current.version };
    const version = current.version + 1;
    const row = await tx.onboardingChecklistVersion.create({
      data: { version, tasks: items, createdById: actor.id, createdByName: actor.name },
    });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "onboarding_checklist.saved",
      entityType: "onboarding_checklist",
      entityId: row.id,
      before: { version: current.version, steps: current.items.length },
      after: { version, steps: items.length, items },
    });
    return { changed: true as const, version };
  });
}
