import type { Db } from "~/platform/db.server";

/**
 * Everything the database holds about one person, table by table (ADR 040). The data export
 * reads it; a test walks prisma/schema.prisma from Alumnus through every relation, to any depth
 * (a table that refers to a table that refers to the person), adds the references held without
 * a foreign key (`KEYED_REFERENCES`), and fails when a table it reaches has neither a section here
 * nor a reason in `NOT_PERSONAL_DATA`, so a new table cannot be forgotten.
 *
 * A few values are held but not handed out: HR's private notes and the do-not-rehire reason
 * (internal deliberation), managers' review input, and security secrets. The export names each
 * one and says why, instead of leaving it out silently.
 */

export type WithheldReason = "internal" | "secret";

export type PersonalDataSection = {
  /** The model's name in prisma/schema.prisma. */
  model: string;
  /** Plain-language key for the catalogue ("record", "employment", ...). */
  key: string;
  read: (tx: Db, alumnusId: string) => Promise<Record<string, unknown>[]>;
  /**
   * Columns held but not handed out, with why: every value of the column is withheld, unless
   * `withheldByRow` (then `read` returns WITHHELD itself where it applies).
   */
  withheld?: Record<string, WithheldReason>;
  withheldByRow?: boolean;
  /** Columns left out because they only link rows together (ids of other tables). */
  omit?: string[];
};

/** Audit actions whose details are restricted (do-not-rehire reasons): listed, details withheld. */
const RESTRICTED_AUDIT_ACTIONS = new Set(["alumnus.restricted_updated"]);

export const PERSONAL_DATA_SECTIONS: PersonalDataSection[] = [
  {
    model: "Alumnus",
    key: "record",
    read: (tx, id) => tx.alumnus.findMany({ where: { id } }),
    withheld: { doNotRehireReason: "internal" },
    omit: ["searchText", "decisionId", "lastImportId"],
  },
  {
    model: "EmploymentPeriod",
    key: "employment",
    read: (tx, id) =>
      tx.employmentPeriod.findMany({ where: { alumnusId: id }, orderBy: { startDate: "asc" } }),
    omit: ["alumnusId"],
  },
  {
    model: "AlumnusNote",
    key: "notes",
    read: (tx, id) => tx.alumnusNote.findMany({ where: { alumnusId: id }, orderBy: { createdAt: "asc" } }),
    withheld: { body: "internal" },
    omit: ["alumnusId", "authorId"],
  },
  {
    model: "EligibilityVerdict",
    key: "verdict",
    read: (tx, id) => tx.eligibilityVerdict.findMany({ where: { alumnusId: id } }),
    withheld: { overrideJustification: "internal" },
    omit: ["alumnusId", "policyId", "overrideById"],
  },
  {
    model: "EligibilityVerdictChange",
    key: "verdictHistory",
    read: (tx, id) =>
      tx.eligibilityVerdictChange.findMany({ where: { alumnusId: id }, orderBy: { occurredAt: "asc" } }),
    withheld: { justification: "internal" },
    omit: ["alumnusId", "actorId"],
  },
  {
    // A draft policy's estimate of how the person's verdict would change (ADR 087): HR's
    // deliberation on a rule not yet in force, so its reasons are withheld like other internal notes.
    model: "WhatIfChange",
    key: "policyPreview",
    read: (tx, id) =>
      tx.whatIfChange.findMany({
        where: { alumnusId: id },
        include: { run: { select: { computedAt: true } } },
      }),
    withheld: { why: "internal" },
    omit: ["alumnusId", "runId", "sortKey"],
  },
  {
    model: "ReviewInputRequest",
    key: "managerInput",
    read: (tx, id) =>
      tx.reviewInputRequest.findMany({ where: { alumnusId: id }, orderBy: { requestedAt: "asc" } }),
    withheld: { question: "internal", answer: "internal" },
    omit: ["alumnusId", "managerId", "requestedById"],
  },
  {
    model: "EligibilityReviewRequest",
    key: "reviewRequests",
    read: (tx, id) =>
      tx.eligibilityReviewRequest.findMany({ where: { alumnusId: id }, orderBy: { requestedAt: "asc" } }),
    omit: ["alumnusId", "answeredById"],
  },
  {
    model: "CampaignRecipient",
    key: "campaigns",
    read: async (tx, id) =>
      (
        await tx.campaignRecipient.findMany({
          where: { alumnusId: id },
          orderBy: { createdAt: "asc" },
          include: { campaign: { select: { name: true } } },
        })
      ).map(({ campaign, ...rest }) => ({ ...rest, campaignName: campaign.name })),
    omit: ["alumnusId", "campaignId", "sequence"],
  },
  {
    // Their answers to campaign invitations (ADR 038): the last answer per campaign; every
    // earlier one is in the history below (invitation.answered).
    model: "InvitationAnswer",
    key: "invitationAnswers",
    read: async (tx, id) =>
      (
        await tx.invitationAnswer.findMany({
          where: { alumnusId: id },
          orderBy: { answeredAt: "asc" },
          include: { campaign: { select: { name: true } } },
        })
      ).map(({ campaign, ...rest }) => ({ ...rest, campaignName: campaign.name })),
    omit: ["alumnusId", "campaignId", "handledById"],
  },
  {
    model: "OutboxMessage",
    key: "emails",
    read: (tx, id) =>
      tx.outboxMessage.findMany({
        where: { alumnusId: id },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          template: true,
          purpose: true,
          toAddress: true,
          toName: true,
          subject: true,
          text: true,
          status: true,
          createdAt: true,
          sentAt: true,
        },
      }),
  },
  {
    model: "ImportRow",
    key: "imports",
    read: (tx, id) =>
      tx.importRow.findMany({
        where: { alumnusId: id },
        orderBy: [{ importId: "asc" }, { rowNumber: "asc" }],
      }),
    omit: ["alumnusId", "searchText", "decisionId"],
  },
  {
    model: "Application",
    key: "applications",
    read: async (tx, id) =>
      (
        await tx.application.findMany({
          where: { alumnusId: id },
          orderBy: { submittedAt: "asc" },
          include: { program: { select: { title: true } } },
        })
      ).map(({ program, ...rest }) => ({ ...rest, programTitle: program.title })),
    omit: ["alumnusId", "programId", "createdById", "campaignId"],
  },
  {
    // Not tied to the person directly: the history of their applications. Screening notes staff
    // wrote are internal; moves and the person's own notes are theirs.
    model: "ApplicationNote",
    key: "applicationHistory",
    read: async (tx, id) =>
      (
        await tx.applicationNote.findMany({
          where: { application: { alumnusId: id } },
          orderBy: { createdAt: "asc" },
        })
      ).map(withholdStaffBody),
    withheld: { body: "internal" },
    withheldByRow: true,
    omit: ["authorId"],
  },
  {
    model: "GigContract",
    key: "contracts",
    read: (tx, id) => tx.gigContract.findMany({ where: { alumnusId: id }, orderBy: { createdAt: "asc" } }),
    omit: ["alumnusId", "programId", "createdById"],
  },
  {
    // The approvals of their contract's terms (hiring manager, HR lead): who approved which terms
    // version and when. An approver's comment is internal deliberation.
    model: "ContractApproval",
    key: "contractApprovals",
    read: (tx, id) =>
      tx.contractApproval.findMany({
        where: { contract: { alumnusId: id } },
        orderBy: { createdAt: "asc" },
      }),
    withheld: { comment: "internal" },
    omit: ["approverId"],
  },
  {
    // Their contracts' history: every move with its comment. Comments staff wrote are internal;
    // the person's own (accepting, declining) and the moves are theirs.
    model: "ContractNote",
    key: "contractHistory",
    read: async (tx, id) =>
      (
        await tx.contractNote.findMany({
          where: { contract: { alumnusId: id } },
          orderBy: { createdAt: "asc" },
        })
      ).map(withholdStaffBody),
    withheld: { body: "internal" },
    withheldByRow: true,
    omit: ["authorId"],
  },
  {
    // What they accepted: the exact contract text shown, its hash, when, and from which browser.
    model: "ContractAcceptance",
    key: "contractAcceptances",
    read: (tx, id) =>
      tx.contractAcceptance.findMany({ where: { alumnusId: id }, orderBy: { acceptedAt: "asc" } }),
    omit: ["alumnusId", "templateVersionId"],
  },
  {
    // Their onboarding steps (ADR 067): what was asked of whom, and when it was done.
    model: "OnboardingTask",
    key: "onboardingSteps",
    read: (tx, id) =>
      tx.onboardingTask.findMany({
        where: { contract: { alumnusId: id } },
        orderBy: [{ createdAt: "asc" }, { position: "asc" }],
      }),
    omit: ["doneById", "checklistVersionId"],
  },
  {
    // The documents they uploaded for onboarding: the file's name, type, size and hash; the bytes
    // themselves are downloaded from the onboarding page.
    model: "OnboardingDocument",
    key: "onboardingDocuments",
    read: (tx, id) =>
      tx.onboardingDocument.findMany({ where: { alumnusId: id }, orderBy: { createdAt: "asc" } }),
    omit: ["alumnusId", "bytes"],
  },
  {
    // Reminders sent to them or about their onboarding steps (one row per kind and day). Keyed by
    // text, not a foreign key: "alumnus:<id>" (or "alumnus:<id>:<contract>") and "task:<id>".
    model: "ReminderLog",
    key: "reminders",
    read: async (tx, id) =>
      tx.reminderLog.findMany({
        where: { recipientKey: { in: await reminderKeys(tx, id) } },
        orderBy: [{ day: "asc" }, { kind: "asc" }],
      }),
  },
  {
    model: "Session",
    key: "sessions",
    read: (tx, id) => tx.session.findMany({ where: { alumnusId: id }, orderBy: { createdAt: "asc" } }),
    withheld: { id: "secret" },
    omit: ["alumnusId", "userId"],
  },
  {
    model: "AuthToken",
    key: "signInLinks",
    read: (tx, id) => tx.authToken.findMany({ where: { alumnusId: id }, orderBy: { createdAt: "asc" } }),
    withheld: { tokenHash: "secret" },
    omit: ["alumnusId", "userId", "createdById"],
  },
  {
    model: "ErasureRequest",
    key: "erasureRequests",
    read: (tx, id) =>
      tx.erasureRequest.findMany({ where: { alumnusId: id }, orderBy: { requestedAt: "asc" } }),
    omit: ["alumnusId", "decidedById"],
  },
  {
    model: "AuditEvent",
    key: "history",
    read: async (tx, id) =>
      (
        await tx.auditEvent.findMany({
          where: {
            OR: [
              { entityType: "alumnus", entityId: id },
              { actorId: id },
              ...(await ownedEntities(tx, id)).map(([entityType, ids]) => ({
                entityType,
                entityId: { in: ids },
              })),
            ],
          },
          orderBy: { id: "asc" },
          select: {
            id: true,
            occurredAt: true,
            action: true,
            entityType: true,
            actorType: true,
            actorRole: true,
            before: true,
            after: true,
            reason: true,
          },
        })
      ).map((e) =>
        RESTRICTED_AUDIT_ACTIONS.has(e.action)
          ? { ...e, before: WITHHELD, after: WITHHELD, reason: WITHHELD }
          : // a staff move's comment on their application or contract is the screening note the
            // history above withholds
            e.entityType !== "alumnus" && e.actorType === "staff" && e.reason
            ? { ...e, reason: WITHHELD }
            : e,
      ),
    withheldByRow: true,
    withheld: { reason: "internal" },
  },
];

/**
 * The rows of the person's that audit events name by entity (entityType, ids): applications,
 * contracts, onboarding steps and documents. The export lists those events; an erasure redacts them.
 */
export async function ownedEntities(tx: Db, alumnusId: string): Promise<[string, string[]][]> {
  const [applications, contracts, tasks, documents] = await Promise.all([
    tx.application.findMany({ where: { alumnusId }, select: { id: true } }),
    tx.gigContract.findMany({ where: { alumnusId }, select: { id: true } }),
    tx.onboardingTask.findMany({ where: { contract: { alumnusId } }, select: { id: true } }),
    tx.onboardingDocument.findMany({ where: { alumnusId }, select: { id: true } }),
  ]);
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  return (
    [
      ["application", ids(applications)],
      ["contract", ids(contracts)],
      ["onboarding_task", ids(tasks)],
      ["onboarding_document", ids(documents)],
    ] as [string, string[]][]
  ).filter(([, list]) => list.length > 0);
}

/** ReminderLog keys that name the person or one of their onboarding steps. */
export async function reminderKeys(tx: Db, alumnusId: string): Promise<string[]> {
  const tasks = await tx.onboardingTask.findMany({
    where: { contract: { alumnusId } },
    select: { id: true, contractId: true },
  });
  const contracts = [...new Set(tasks.map((t) => t.contractId))];
  const found = await tx.reminderLog.findMany({
    where: { recipientKey: { startsWith: `alumnus:${alumnusId}:` } },
    select: { recipientKey: true },
    distinct: ["recipientKey"],
  });
  return [
    `alumnus:${alumnusId}`,
    ...contracts.map((c) => `alumnus:${alumnusId}:${c}`),
    ...found.map((r) => r.recipientKey),
    ...tasks.map((t) => `task:${t.id}`),
  ];
}

/**
 * Columns that name a person's row without a foreign key, so the schema's relations cannot show
 * them: each is read by its model's section above. The export test follows these as it walks the
 * schema, and fails when one names a column the schema no longer has.
 */
export const KEYED_REFERENCES: { model: string; column: string; to: string; how: string }[] = [
  { model: "OutboxMessage", column: "alumnusId", to: "Alumnus", how: "the person the email was for" },
  { model: "ImportRow", column: "alumnusId", to: "Alumnus", how: "the person a staged row matched" },
  { model: "WhatIfChange", column: "alumnusId", to: "Alumnus", how: "the person a draft would move" },
  { model: "ContractAcceptance", column: "alumnusId", to: "Alumnus", how: "who accepted" },
  { model: "OnboardingDocument", column: "alumnusId", to: "Alumnus", how: "who uploaded it" },
  { model: "OnboardingDocument", column: "contractId", to: "GigContract", how: "the contract's id" },
  {
    model: "ReminderLog",
    column: "recipientKey",
    to: "Alumnus",
    how: '"alumnus:<id>", "alumnus:<id>:<contract>", or "task:<id>" of one of their onboarding steps',
  },
  {
    model: "AuditEvent",
    column: "entityId",
    to: "Alumnus",
    how: "entityType alumnus, or application, contract, onboarding_task, onboarding_document of theirs",
  },
  { model: "AuditEvent", column: "actorId", to: "Alumnus", how: "the person acting in the portal" },
];

/**
 * Tables that the walk from Alumnus reaches but that hold nothing about the person, with why. The
 * export test fails on a reached table that is neither a section nor listed here.
 */
export const NOT_PERSONAL_DATA: Record<string, string> = {
  Suppression:
    "Written only when the person's data is erased, as keyed hashes that no longer lead to anyone: while the person has a record it holds nothing of theirs, and afterwards there is no one to export to.",
};

/** The marker a withheld value is replaced with (the catalogue explains it). */
export const WITHHELD = "[withheld]";

/** A history row as the person sees it: a comment staff wrote is internal; moves and their own words are theirs. */
function withholdStaffBody<T extends { authorType: string; body: string | null }>(note: T): T {
  return { ...note, body: note.authorType === "staff" && note.body ? WITHHELD : note.body };
}

function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plain(v)]),
    );
  }
  return value;
}

export type PersonalData = {
  model: string;
  key: string;
  rows: Record<string, unknown>[];
  withheld: { field: string; reason: WithheldReason; count: number }[];
}[];

/** Reads every section for one person, with withheld values replaced by the marker. */
export async function collectPersonalData(tx: Db, alumnusId: string): Promise<PersonalData> {
  const out: PersonalData = [];
  for (const section of PERSONAL_DATA_SECTIONS) {
    const rows = await section.read(tx, alumnusId);
    const counts = new Map<string, number>();
    const shaped = rows.map((row) => {
      const copy: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(row)) {
        if (section.omit?.includes(field)) continue;
        const reason = section.withheld?.[field];
        const withheld =
          value === WITHHELD ||
          (reason && !section.withheldByRow && value !== null && value !== undefined && value !== "");
        if (withheld) {
          copy[field] = WITHHELD;
          counts.set(field, (counts.get(field) ?? 0) + 1);
        } else copy[field] = plain(value);
      }
      return copy;
    });
    out.push({
      model: section.model,
      key: section.key,
      rows: shaped,
      withheld: [...counts].map(([field, count]) => ({
        field,
        reason: section.withheld?.[field] ?? "internal",
        count,
      })),
    });
  }
  return out;
}
