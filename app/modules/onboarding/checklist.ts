import { z } from "zod";
import { t } from "~/modules/portal/strings";
import { chosenFile, formVersion, plainText, recordId } from "~/platform/input";

/**
 * The onboarding checklist as data (ADR 067): the steps between an accepted contract and the
 * first active day, each with an owner (the person, HR or the hiring manager), a kind, a due
 * offset in days from acceptance and whether activation waits for it. HR keeps the checklist as
 * versions; a contract copies the version current when it is accepted, so a later edit never
 * changes a checklist someone is working through. Pure, so pages and server read the same.
 */

export const ONBOARDING_OWNERS = ["alumnus", "hr", "manager"] as const;
export type OnboardingOwner = (typeof ONBOARDING_OWNERS)[number];
export const ONBOARDING_KINDS = ["document", "training", "access", "equipment", "first_shift"] as const;
export type OnboardingKind = (typeof ONBOARDING_KINDS)[number];

export const OWNER_LABELS: Record<OnboardingOwner, string> = {
  alumnus: "the person",
  hr: "HR",
  manager: "the hiring manager",
};
export const KIND_LABELS: Record<OnboardingKind, string> = {
  document: "document",
  training: "training",
  access: "access",
  equipment: "equipment",
  first_shift: "first shift",
};

export type ChecklistItem = {
  title: string;
  owner: OnboardingOwner;
  kind: OnboardingKind;
  /** Days after acceptance the step is due. */
  dueOffsetDays: number;
  required: boolean;
};

/** Used until HR saves a checklist of their own. */
export const BUILT_IN_CHECKLIST: readonly ChecklistItem[] = [
  {
    title: "Upload a copy of your identity document",
    owner: "alumnus",
    kind: "document",
    dueOffsetDays: 3,
    required: true,
  },
  {
    title: "Read the data protection and security guide",
    owner: "alumnus",
    kind: "training",
    dueOffsetDays: 5,
    required: true,
  },
  {
    title: "Create the accounts and system access",
    owner: "hr",
    kind: "access",
    dueOffsetDays: 5,
    required: true,
  },
  {
    title: "Send or confirm the equipment",
    owner: "manager",
    kind: "equipment",
    dueOffsetDays: 7,
    required: true,
  },
  {
    title: "Book the first shift together",
    owner: "manager",
    kind: "first_shift",
    dueOffsetDays: 7,
    required: true,
  },
];

export const MAX_CHECKLIST_ITEMS = 30;

/** The documents a person may upload: judged by their first bytes, never by name or browser. */
export const DOCUMENT_TYPES = [
  { mediaType: "application/pdf", extensions: ["pdf"], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: "image/png", extensions: ["png"], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: "image/jpeg", extensions: ["jpg", "jpeg"], magic: [0xff, 0xd8, 0xff] },
] as const;
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const MAX_DOCUMENT_LABEL = "5 MB";

/** Refusals of an upload: only the person uploads, so they are in the portal's words. */
export const DOCUMENT_MESSAGES = {
  missing: t("onboarding.refused.missing"),
  tooLarge: t("onboarding.refused.tooLarge", { size: MAX_DOCUMENT_LABEL }),
  wrongType: t("onboarding.refused.wrongType"),
  mismatch: t("onboarding.refused.mismatch"),
};

export type SniffedDocument = { ok: true; mediaType: string } | { ok: false; message: string };

/** The file's type from its content, checked against the extension in its name. */
export function sniffDocument(bytes: Uint8Array, fileName: string): SniffedDocument {
  if (bytes.byteLength === 0) return { ok: false, message: DOCUMENT_MESSAGES.missing };
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return { ok: false, message: DOCUMENT_MESSAGES.tooLarge };
  const type = DOCUMENT_TYPES.find((t) => t.magic.every((b, i) => bytes[i] === b));
  if (!type) return { ok: false, message: DOCUMENT_MESSAGES.wrongType };
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext && !(type.extensions as readonly string[]).includes(ext))
    return { ok: false, message: DOCUMENT_MESSAGES.mismatch };
  return { ok: true, mediaType: type.mediaType };
}

// ---------------------------------------------------------------------------------------------
// The checklist as HR edits it: one group of fields per step (tasks.0.title, tasks.0.owner, ...)
// ---------------------------------------------------------------------------------------------

/** How the editor names each owner (the select's choices). */
export const OWNER_CHOICES: Record<OnboardingOwner, string> = {
  alumnus: "The returning person",
  hr: "HR",
  manager: "The hiring manager",
};

export const CHECKLIST_MESSAGES = {
  title: "Enter the step’s title.",
  owner: "Choose who does this step.",
  kind: "Choose what kind of step this is.",
  due: "Write the days after acceptance as a whole number from 0 to 365.",
  required: "Choose whether the contract waits for this step.",
  documentOwner: "Only the returning person can upload a document: choose them, or another kind of step.",
  none: "Keep at least one step: a contract with no steps would have nothing to onboard.",
  tooMany: `Keep the checklist to ${MAX_CHECKLIST_ITEMS} steps.`,
};

/** One step as its fields hold it (all text, as a form posts it). */
export type ChecklistTaskFields = {
  title: string;
  owner: string;
  kind: string;
  dueOffsetDays: string;
  required: string;
};

/** A new row: nothing chosen yet but "required", which most steps are. */
export const BLANK_TASK: ChecklistTaskFields = {
  title: "",
  owner: "",
  kind: "",
  dueOffsetDays: "",
  required: "yes",
};

export const taskFieldsOf = (item: ChecklistItem): ChecklistTaskFields => ({
  title: item.title,
  owner: item.owner,
  kind: item.kind,
  dueOffsetDays: String(item.dueOffsetDays),
  required: item.required ? "yes" : "no",
});

export const ChecklistTaskSchema = z
  .object({
    title: plainText({ label: "the step’s title", max: 200, min: 1 }),
    owner: z.enum(ONBOARDING_OWNERS, { error: CHECKLIST_MESSAGES.owner }),
    kind: z.enum(ONBOARDING_KINDS, { error: CHECKLIST_MESSAGES.kind }),
    dueOffsetDays: z
      .string({ error: CHECKLIST_MESSAGES.due })
      .trim()
      .refine((v) => /^\d{1,3}$/.test(v) && Number(v) <= 365, CHECKLIST_MESSAGES.due)
      .transform(Number),
    required: z.enum(["yes", "no"], { error: CHECKLIST_MESSAGES.required }).transform((v) => v === "yes"),
  })
  .superRefine((task, ctx) => {
    if (task.kind === "document" && task.owner !== "alumnus")
      ctx.addIssue({ code: "custom", path: ["owner"], message: CHECKLIST_MESSAGES.documentOwner });
  });

/** The editor's form: the version it started from and its steps, in order. */
export const ChecklistSchema = z.object({
  version: formVersion(),
  tasks: z
    .array(ChecklistTaskSchema, { error: CHECKLIST_MESSAGES.none })
    .min(1, CHECKLIST_MESSAGES.none)
    .max(MAX_CHECKLIST_ITEMS, CHECKLIST_MESSAGES.tooMany),
});
export type ChecklistInput = z.infer<typeof ChecklistSchema>;

/**
 * Without JavaScript, "Add a task", "Remove", "Move up" and "Move down" post the form with
 * `edit` = add | remove:N | up:N | down:N; the page comes back with the rows changed and nothing
 * saved. (With JavaScript the same buttons change the rows in place.)
 */
export const EDIT_PATTERN = /^(add|remove|up|down)(?::(\d{1,2}))?$/;

export type ChecklistDraft = { version: string; tasks: ChecklistTaskFields[]; focus: number | null };

const text = (value: unknown) => (typeof value === "string" ? value.slice(0, 2000) : "");

/** The rows as posted (whatever they hold: nothing is checked until Save), one edit applied. */
export function editChecklistDraft(values: Record<string, unknown>, edit: string): ChecklistDraft | null {
  const match = EDIT_PATTERN.exec(edit);
  if (!match) return null;
  const rows = Array.isArray(values.tasks) ? values.tasks : [];
  const tasks: ChecklistTaskFields[] = rows.slice(0, MAX_CHECKLIST_ITEMS).map((row: unknown) => {
    const r = (row && typeof row === "object" ? row : {}) as Record<string, unknown>;
    return {
      title: text(r.title),
      owner: text(r.owner),
      kind: text(r.kind),
      dueOffsetDays: text(r.dueOffsetDays),
      required: text(r.required),
    };
  });
  const [, verb, n] = match;
  const i = n === undefined ? -1 : Number(n);
  let focus: number | null = null;
  if (verb === "add" && tasks.length < MAX_CHECKLIST_ITEMS) {
    tasks.push({ ...BLANK_TASK });
    focus = tasks.length - 1;
  } else if (verb === "remove" && i >= 0 && i < tasks.length && tasks.length > 1) {
    tasks.splice(i, 1);
  } else if (verb === "up" && i > 0 && i < tasks.length) {
    [tasks[i - 1], tasks[i]] = [tasks[i], tasks[i - 1]];
    focus = i - 1;
  } else if (verb === "down" && i >= 0 && i < tasks.length - 1) {
    [tasks[i], tasks[i + 1]] = [tasks[i + 1], tasks[i]];
    focus = i + 1;
  }
  return { version: text(values.version), tasks, focus };
}

export const TaskSchema = z.object({ taskId: recordId });

/** The person's document for a step: the file is checked in the browser, then on the server by its bytes. */
export const DocumentUploadSchema = TaskSchema.extend({
  document: chosenFile({
    maxBytes: MAX_DOCUMENT_BYTES,
    missing: DOCUMENT_MESSAGES.missing,
    tooLarge: DOCUMENT_MESSAGES.tooLarge,
  }),
});
export const CarryOverSchema = TaskSchema.extend({
  note: plainText({
    label: "why the earlier employment covers this step",
    max: 500,
    min: 3,
    multiline: true,
  }),
});

/** The due day of a step: its offset from the day of acceptance (UTC). */
export function dueDay(acceptedAt: Date, offsetDays: number): Date {
  const day = new Date(`${acceptedAt.toISOString().slice(0, 10)}T00:00:00Z`);
  return new Date(day.getTime() + offsetDays * 86_400_000);
}
