import { z } from "zod";
import { formVersion, isAcceptedDay } from "~/platform/input";
import { EXIT_REASONS } from "./alumni-filter";

/** Form schemas of the alumni pages, shared by the forms (client checks) and the actions. */

// Line breaks, control characters, zero-width and direction-changing characters hide or reorder
// what a reader sees. Single-line fields refuse them; notes and reasons allow line breaks.
const HIDDEN_OR_CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;
const HIDDEN_OR_CONTROL_EXCEPT_NEWLINE =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

const line = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters for ${label}.`)
    .refine(
      (v) => !HIDDEN_OR_CONTROL.test(v),
      `Remove line breaks and invisible or direction-changing characters from ${label}.`,
    )
    .transform((v) => v.normalize("NFC"));

const requiredLine = (label: string, max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Use at most ${max} characters for ${label}.`)
    .refine(
      (v) => !HIDDEN_OR_CONTROL.test(v),
      `Remove line breaks and invisible or direction-changing characters from ${label}.`,
    )
    .transform((v) => v.normalize("NFC"));

/** Optional single-line text: empty means "not known" (null). */
const optionalLine = (label: string, max: number) =>
  line(label, max)
    .optional()
    .transform((v) => (v ? v : null));

const text = (label: string, min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(min, message)
    .max(max, `Keep ${label} under ${max} characters.`)
    .refine(
      (v) => !HIDDEN_OR_CONTROL_EXCEPT_NEWLINE.test(v),
      `Remove invisible or direction-changing characters from ${label}.`,
    )
    .transform((v) => v.replace(/\r\n?/g, "\n").normalize("NFC"));

const optionalEmail = (label: string) =>
  z
    .string()
    .trim()
    .max(254, `That ${label} is too long.`)
    .optional()
    .refine(
      (v) => !v || z.email().safeParse(v).success,
      `Enter the ${label} as name@example.com, or leave it empty.`,
    )
    .transform((v) => (v ? v.toLowerCase() : null));

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isAcceptedDay(v), `Enter the ${label} as a date (YYYY-MM-DD), or leave it empty.`)
    .transform((v) => (v ? v : null));

/** A comma-separated list (skills, languages) as typed in one field. */
const commaList = (label: string, maxItems: number, maxEach: number) =>
  line(label, 2000)
    .optional()
    .transform((v) => [
      ...new Set(
        (v ?? "")
          .split(",")
          .map((s) => s.trim().replace(/\s+/g, " "))
          .filter(Boolean),
      ),
    ])
    .refine((items) => items.length <= maxItems, `List at most ${maxItems} ${label}.`)
    .refine(
      (items) => items.every((s) => s.length <= maxEach),
      `Keep each of the ${label} under ${maxEach} characters.`,
    );

export const versionField = formVersion(1);

export const tagField = z
  .string({ error: "Enter a tag." })
  .trim()
  .min(1, "Enter a tag.")
  .max(60, "Keep a tag under 60 characters.")
  .refine(
    (v) => !HIDDEN_OR_CONTROL.test(v),
    "Remove line breaks and invisible or direction-changing characters from the tag.",
  )
  .transform((v) => v.replace(/\s+/g, " ").normalize("NFC"));

const yesNoUnknown = z
  .enum(["yes", "no", ""], { error: "Choose yes, no or not known." })
  .optional()
  .transform((v) => (v === "yes" ? true : v === "no" ? false : null));

const DATE_ORDER = { message: "The exit date cannot be before the hire date.", path: ["exitDate"] };

/** The core fields HR may edit by hand (edit:alumnus:any). Restricted fields are separate. */
export const EditAlumnusSchema = z
  .object({
    version: versionField,
    firstName: requiredLine("the first name", 120, "Enter the first name."),
    lastName: requiredLine("the last name", 120, "Enter the last name."),
    preferredName: optionalLine("the preferred name", 120),
    workEmail: optionalEmail("work email"),
    personalEmail: optionalEmail("personal email"),
    jobTitle: optionalLine("the job title", 200),
    department: optionalLine("the department", 200),
    location: optionalLine("the location", 200),
    country: optionalLine("the country", 2)
      .refine(
        (v) => v === null || /^[A-Za-z]{2}$/.test(v),
        "Use the two-letter country code, such as SE or DE.",
      )
      .transform((v) => (v ? v.toUpperCase() : null)),
    skills: commaList("skills", 50, 80),
    languages: commaList("languages", 20, 40),
    hireDate: optionalDate("hire date"),
    exitDate: optionalDate("exit date"),
    exitReason: z
      .enum([...EXIT_REASONS, ""], { error: "Choose an exit reason from the list." })
      .optional()
      .transform((v) => (v ? v : null)),
    regrettable: yesNoUnknown,
    availabilityHours: z
      .string()
      .trim()
      .optional()
      .refine(
        (v) => !v || (/^\d{1,2}$/.test(v) && Number(v) <= 80),
        "Enter hours per week as a whole number from 0 to 80, or leave it empty.",
      )
      .transform((v) => (v ? Number(v) : null)),
    earliestStart: optionalDate("earliest start"),
    engagementPreference: z
      .enum(["gig", "part_time", "full_time", ""], { error: "Choose gig, part-time or full-time." })
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((v) => !v.hireDate || !v.exitDate || v.exitDate >= v.hireDate, DATE_ORDER);
export type EditAlumnusInput = z.infer<typeof EditAlumnusSchema>;

/** Fields of EditAlumnusSchema that are recorded in Alumnus.manualEdits when changed. */
export const EDITABLE_FIELDS = [
  "firstName",
  "lastName",
  "preferredName",
  "workEmail",
  "personalEmail",
  "jobTitle",
  "department",
  "location",
  "country",
  "skills",
  "languages",
  "hireDate",
  "exitDate",
  "exitReason",
  "regrettable",
  "availabilityHours",
  "earliestStart",
  "engagementPreference",
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Setting or clearing the do-not-rehire flag (edit:alumnus:restricted): a reason is required. */
export const DoNotRehireSchema = z.object({
  version: versionField,
  doNotRehire: z.enum(["yes", "no"], { error: "Choose whether this person may be rehired." }),
  reason: text(
    "the reason",
    10,
    1000,
    "Give the reason for this change (at least 10 characters); it is kept in the audit trail.",
  ),
});

export const NoteSchema = z.object({ body: text("the note", 1, 5000, "Write the note before saving it.") });

export const TagSchema = z.object({ tag: tagField });

/** Whom a bulk action is for: the ticked rows, or everyone matching the view (its canonical query). */
const selectionFields = {
  scope: z.enum(["selected", "view"], {
    error: "Choose whether to act on the ticked people or on everyone in this view.",
  }),
  alumnusId: z
    .union([
      z.string().max(64),
      z.array(z.string().max(64)).max(500, "Tick at most 500 people, or act on everyone in this view."),
    ])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  view: z.string().max(4000).optional().default(""),
};
/** The selection alone (the CSV export of ticked people or of the view). */
export const SelectionSchema = z
  .object(selectionFields)
  .refine((v) => v.scope === "view" || v.alumnusId.length > 0, {
    message: "Tick at least one person first.",
    path: ["alumnusId"],
  });
export type Selection = z.infer<typeof SelectionSchema>;

/**
 * The alumni list's bulk form (the ticked people, or everyone in the view). The submit button
 * names the action: `tag` needs a tag, `link-decision` a workforce decision. One schema for the
 * form, so the browser's check and the action's agree on what each button needs.
 */
export const BulkActionSchema = z
  .object({
    intent: z.enum(["tag", "link-decision"], { error: "Choose what to do with these people." }),
    ...selectionFields,
    tag: z.string().max(2000).optional().default(""),
    mode: z.enum(["add", "remove"], { error: "Choose to add or remove the tag." }).default("add"),
    decisionId: z.string().trim().max(64).optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.scope === "selected" && v.alumnusId.length === 0) {
      ctx.addIssue({ code: "custom", message: "Tick at least one person first.", path: ["alumnusId"] });
    }
    if (v.intent === "tag") {
      const tag = tagField.safeParse(v.tag);
      if (!tag.success) ctx.addIssue({ code: "custom", message: tag.error.issues[0].message, path: ["tag"] });
    }
    if (v.intent === "link-decision" && !v.decisionId) {
      ctx.addIssue({ code: "custom", message: "Choose a workforce decision.", path: ["decisionId"] });
    }
  })
  .transform((v) => ({ ...v, tag: v.intent === "tag" ? (tagField.safeParse(v.tag).data ?? "") : "" }));

export const segmentNameField = requiredLine(
  "the name",
  80,
  "Name the view, e.g. “Support agents in Stockholm”.",
);
export const SaveSegmentSchema = z.object({
  name: segmentNameField,
  description: optionalLine("the description", 300),
  view: z.string().max(4000).optional().default(""),
});
export const RenameSegmentSchema = z.object({
  segmentId: z.string().min(1).max(64),
  name: segmentNameField,
  description: optionalLine("the description", 300),
});
export const DeleteSegmentSchema = z.object({ segmentId: z.string().min(1).max(64) });
