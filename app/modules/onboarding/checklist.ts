import { z } from "zod";
import { formVersion, hasNul, NUL_MESSAGE, plainText, recordId } from "~/platform/input";

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

export const DOCUMENT_MESSAGES = {
  missing: "Choose a file to upload.",
  tooLarge: `This file is larger than ${MAX_DOCUMENT_LABEL}. Upload a smaller scan or photo.`,
  wrongType: "This file is not a PDF, PNG or JPEG. Upload a PDF, or a photo as PNG or JPEG.",
  mismatch: "This file's name says one type but its content is another. Upload the file as it was saved.",
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
// The checklist as HR edits it: one step a line, "who | kind | due in days | required | title"
// ---------------------------------------------------------------------------------------------

const OWNER_WORDS: Record<string, OnboardingOwner> = {
  person: "alumnus",
  alumnus: "alumnus",
  hr: "hr",
  manager: "manager",
};
const REQUIRED_WORDS: Record<string, boolean> = { required: true, optional: false };

export function checklistToText(items: readonly ChecklistItem[]): string {
  return items
    .map(
      (i) =>
        `${i.owner === "alumnus" ? "person" : i.owner} | ${i.kind} | ${i.dueOffsetDays} | ${i.required ? "required" : "optional"} | ${i.title}`,
    )
    .join("\n");
}

/** Parses the edited text: every line's problem named with its number. */
export function parseChecklistText(text: string): { items: ChecklistItem[]; problems: string[] } {
  const items: ChecklistItem[] = [];
  const problems: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const n = index + 1;
    const parts = line.split("|").map((p) => p.trim());
    if (parts.length < 5) {
      problems.push(
        `Line ${n}: write five parts separated by |: who, kind, due in days, required or optional, title.`,
      );
      return;
    }
    const [who, kind, due, required, ...rest] = parts;
    const title = rest.join(" | ").trim();
    const owner = OWNER_WORDS[who.toLowerCase()];
    if (!owner) problems.push(`Line ${n}: who must be person, hr or manager (not “${who.slice(0, 30)}”).`);
    const k = kind.toLowerCase().replace(/\s+/g, "_");
    if (!(ONBOARDING_KINDS as readonly string[]).includes(k))
      problems.push(`Line ${n}: the kind must be one of ${ONBOARDING_KINDS.join(", ")}.`);
    const days = /^\d{1,3}$/.test(due) ? Number(due) : NaN;
    if (!(days >= 0 && days <= 365))
      problems.push(`Line ${n}: due in days must be a whole number from 0 to 365.`);
    const req = REQUIRED_WORDS[required.toLowerCase()];
    if (req === undefined) problems.push(`Line ${n}: write required or optional.`);
    if (!title || title.length > 200) problems.push(`Line ${n}: the title must be 1 to 200 characters.`);
    if (owner && k && req !== undefined && title && days >= 0)
      items.push({ title, owner, kind: k as OnboardingKind, dueOffsetDays: days, required: req });
  });
  if (problems.length === 0 && items.length === 0) problems.push("Write at least one step.");
  if (items.length > MAX_CHECKLIST_ITEMS)
    problems.push(`Keep the checklist to ${MAX_CHECKLIST_ITEMS} steps.`);
  if (items.some((i) => i.kind === "document" && i.owner !== "alumnus"))
    problems.push("A document step belongs to the person: only they upload documents.");
  return { items, problems };
}

export const ChecklistSchema = z.object({
  version: formVersion(),
  checklist: z
    .string()
    .max(20_000, "Keep the checklist under 20,000 characters.")
    .refine((v) => !hasNul(v), NUL_MESSAGE)
    .superRefine((value, ctx) => {
      for (const message of parseChecklistText(value).problems) ctx.addIssue({ code: "custom", message });
    }),
});
export type ChecklistInput = z.infer<typeof ChecklistSchema>;

export const TaskSchema = z.object({ taskId: recordId });
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
