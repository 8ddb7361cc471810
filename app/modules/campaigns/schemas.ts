import { z } from "zod";
import { neutraliseText } from "#emails/components/text";
import { personalNoteField } from "~/modules/outreach/schemas";
import {
  isAcceptedDay,
  isDateTimeInRange,
  MAX_DATE,
  MIN_DATE,
  optionalRecordId,
  searchText,
} from "~/platform/input";

/** Form schemas for campaigns, shared by the forms and the actions. */

export const CAMPAIGN_TEMPLATES = {
  "return-invitation": "Invitation to return",
  "return-reminder": "Reminder",
} as const;
export type CampaignTemplate = keyof typeof CAMPAIGN_TEMPLATES;
export const CAMPAIGN_TEMPLATE_KEYS = Object.keys(CAMPAIGN_TEMPLATES) as CampaignTemplate[];

export const DEFAULT_QUIET_DAYS = 30;
export const DEFAULT_THROTTLE_PER_HOUR = 200;
/** The outbox throttle's own limit (throttle.server.ts, ADR 021): it spaces messages 3600 / perHour seconds apart. */
export const MAX_THROTTLE_PER_HOUR = 360_000;

// Line breaks, control characters, zero-width and direction-changing characters: they hide or
// reorder what a reader sees and must never reach an email header.
const HIDDEN_OR_CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

function lineBase(label: string, max: number) {
  return z
    .string({ error: `Enter ${label}.` })
    .trim()
    .max(max, `Use at most ${max} characters for ${label}.`)
    .refine(
      (v) => !HIDDEN_OR_CONTROL.test(v),
      `Remove line breaks and invisible or direction-changing characters from ${label}.`,
    )
    .transform((v) => v.normalize("NFC"));
}

function line(label: string, max: number) {
  return lineBase(label, max).refine((v) => v.length > 0, `Enter ${label}.`);
}

function optionalLine(label: string, max: number) {
  return lineBase(label, max)
    .optional()
    .transform((v) => (v ? v : undefined));
}

function paragraph(label: string, max: number) {
  return z
    .string({ error: `Write ${label}.` })
    .max(max, `Keep ${label} under ${max.toLocaleString("en")} characters.`)
    .transform((v) => neutraliseText(v, { multiline: true }).trim())
    .refine((v) => v.length > 0, `Write ${label}.`);
}

function optionalParagraph(label: string, max: number) {
  return z
    .string()
    .max(max, `Keep ${label} under ${max.toLocaleString("en")} characters.`)
    .optional()
    .transform((v) => neutraliseText(v ?? "", { multiline: true }).trim());
}

const isoDay = (label: string) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${label} as a date (YYYY-MM-DD).`)
    .refine(
      (v) => isAcceptedDay(v),
      `Enter ${label} as a real calendar date between ${MIN_DATE.slice(0, 4)} and ${MAX_DATE.slice(0, 4)}.`,
    );

/** `<input type="datetime-local">` in UTC, e.g. 2026-12-01T09:00; empty means "when launched". */
const sendAtField = z
  .string()
  .trim()
  .optional()
  .refine(
    (v) => !v || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v),
    "Enter the send time as a date and time (UTC), or leave it empty to send on launch.",
  )
  .refine((v) => !v || isDateTimeInRange(v), "Enter a real date and time.")
  .transform((v) => (v ? new Date(`${v}Z`) : undefined));

const intField = (label: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === "" ? String(fallback) : v))
    .refine((v) => /^\d+$/.test(v), `Enter ${label} as a whole number.`)
    .transform(Number)
    .refine(
      (v) => v >= min && v <= max,
      `Enter ${label} between ${min.toLocaleString("en")} and ${max.toLocaleString("en")}.`,
    );

export const CampaignFormSchema = z
  .object({
    name: line("a campaign name", 120),
    segmentId: z
      .string({ error: "Choose a saved segment." })
      .trim()
      .min(1, "Choose a saved segment.")
      .max(64),
    template: z.enum(CAMPAIGN_TEMPLATE_KEYS as [CampaignTemplate, ...CampaignTemplate[]], {
      error: "Choose an email template.",
    }),
    subject: optionalLine("a subject", 150),
    note: personalNoteField.optional().transform((v) => (v ?? "").trim()),
    senderName: line("the sender's name", 120),
    senderRole: line("the sender's role", 120),
    senderEmail: z
      .string({ error: "Enter the sender's email address." })
      .trim()
      .min(1, "Enter the sender's email address.")
      .max(254, "That email address is too long.")
      .email("Enter an email address such as name@example.com.")
      .transform((v) => v.toLowerCase()),
    senderPhone: optionalLine("the sender's phone number", 40),
    companyName: line("the company name", 120),
    teamName: line("the team or work", 120),
    whatChanged: optionalParagraph("what changed", 2000),
    opportunity: paragraph("what you can offer", 1000),
    respondBy: isoDay("the reply-by date"),
    invitedOn: isoDay("the date of the first invitation")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    sendAt: sendAtField,
    throttlePerHour: intField("the throttle", 1, MAX_THROTTLE_PER_HOUR, DEFAULT_THROTTLE_PER_HOUR),
    quietDays: intField("the quiet period", 0, 3650, DEFAULT_QUIET_DAYS),
    // Posted as "on" when ticked and absent when not; in the browser a tick box reads as true/false.
    onlyEligible: z
      .union([z.string(), z.boolean()])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true" || v === "yes"),
    // The return program the invitation points at (optional): its portal page is where people apply.
    programId: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((v) => v || undefined),
  })
  .superRefine((value, ctx) => {
    if (value.template === "return-reminder" && !value.invitedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["invitedOn"],
        message: "A reminder says when you first wrote: enter the date of the first invitation.",
      });
    }
  });
export type CampaignFormInput = z.output<typeof CampaignFormSchema>;

export const LaunchCampaignSchema = z.object({
  overrideReason: z
    .string()
    .trim()
    .max(500, "Keep the reason under 500 characters.")
    .optional()
    .transform((v) => (v ? neutraliseText(v, { multiline: true }) : undefined)),
});

/** Pause and resume have no fields: the intent is the whole form. */
export const PauseCampaignSchema = z.object({});
export const ResumeCampaignSchema = z.object({});

export const CancelCampaignSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(500, "Keep the reason under 500 characters.")
    .optional()
    .transform((v) => (v ? neutraliseText(v, { multiline: true }) : undefined)),
});

/** The campaign page's recipient preview (lenient: a malformed value is left out and named). */
export const PreviewRecipientSchema = z.object({
  recipient: optionalRecordId,
  find: searchText(200).optional(),
});

export const CampaignNoteSchema = z.object({
  note: personalNoteField.optional().transform((v) => (v ?? "").trim()),
});

/** "Invite to a program" on a person's profile: the program, the sender's role and a personal note. */
export const InviteToProgramSchema = z.object({
  programId: z
    .string({ error: "Choose an open program." })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose an open program."),
  senderRole: line("your role", 120),
  note: personalNoteField.optional().transform((v) => (v ?? "").trim()),
});
export type InviteToProgramInput = z.output<typeof InviteToProgramSchema>;
