import { z } from "zod";
import { formVersion, isAcceptedDay } from "~/platform/input";
import { neutraliseText } from "#emails/components/text";
import { BULK_TARGETS, isApplicationStatus } from "./pipeline";
import { ENGAGEMENT_TYPES, PROGRAM_STATUSES } from "./labels";
import { t } from "~/modules/portal/strings";

/** The pipeline's forms, shared by the pages and the actions (ADR 033). */

// Line breaks, control characters, zero-width and direction-changing characters hide or reorder
// what a reader sees.
const HIDDEN_OR_CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

const line = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(min, min <= 1 ? `Enter ${label}.` : `Enter ${label} (at least ${min} characters).`)
    .max(max, `Use at most ${max} characters for ${label}.`)
    .refine((v) => !HIDDEN_OR_CONTROL.test(v), `Remove line breaks and invisible characters from ${label}.`)
    .transform((v) => v.normalize("NFC"));

const optionalLine = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters for ${label}.`)
    .refine((v) => !HIDDEN_OR_CONTROL.test(v), `Remove line breaks and invisible characters from ${label}.`)
    .optional()
    .transform((v) => (v ? v.normalize("NFC") : null));

const paragraph = (label: string, min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .max(max, `Keep ${label} under ${max.toLocaleString("en")} characters.`)
    .transform((v) => neutraliseText(v, { multiline: true }).replace(/\r\n?/g, "\n").trim())
    .refine((v) => v.length >= min, message);

const optionalParagraph = (label: string, max: number) =>
  z
    .string()
    .max(max, `Keep ${label} under ${max.toLocaleString("en")} characters.`)
    .optional()
    .transform(
      (v) =>
        neutraliseText(v ?? "", { multiline: true })
          .replace(/\r\n?/g, "\n")
          .trim() || null,
    );

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (v: string) => isoDay.test(v) && isAcceptedDay(v);

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || realDay(v), `Enter ${label} as a date (YYYY-MM-DD), or leave it empty.`)
    .transform((v) => (v ? v : null));

/**
 * An hourly rate: a decimal with at most two places, never a float (stored as numeric(10,2)).
 * Kept as the string typed ("18.50"); compared in cents.
 */
const RATE = /^\d{1,6}(\.\d{1,2})?$/;
const rate = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .refine(
      (v) => RATE.test(v),
      `Enter the ${label} as an amount such as 18 or 18.50 (digits, at most two decimals).`,
    );

/** "18.5" -> 1850 cents, exactly (no floating point). */
export function rateCents(value: string): number {
  const [whole, fraction = ""] = value.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** 1850 -> "18.50". */
export function formatCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

const count = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .refine((v) => /^\d{1,6}$/.test(v), `Enter the ${label} as a whole number.`)
    .transform(Number)
    .refine(
      (v) => v >= min && v <= max,
      `Enter the ${label} between ${min} and ${max.toLocaleString("en")}.`,
    );

export const CURRENCIES = ["EUR", "SEK", "NOK", "DKK", "GBP", "USD", "PLN", "CHF"] as const;

export const ProgramSchema = z
  .object({
    version: formVersion(0).optional().default(0),
    title: line("a title", 3, 160),
    description: paragraph(
      "the description",
      20,
      8000,
      "Describe the program: the work, the hours, who it suits (at least 20 characters).",
    ),
    phaseId: z
      .string({ error: "Choose the decision phase this program belongs to." })
      .trim()
      .min(1, "Choose the decision phase this program belongs to."),
    engagementType: z.enum(ENGAGEMENT_TYPES, { error: "Choose the kind of engagement." }),
    workplace: z.enum(["remote", "place"], { error: "Say whether the work is remote or in a place." }),
    place: optionalLine("the place", 160),
    rateMin: rate("lowest hourly rate"),
    rateMax: rate("highest hourly rate"),
    currency: z.enum(CURRENCIES, { error: "Choose the currency." }),
    openings: count("number of openings", 1, 10_000),
    hiringManagerId: z
      .string({ error: "Choose the hiring manager." })
      .trim()
      .min(1, "Choose the hiring manager."),
    closesOn: optionalDate("the closing date"),
    // a saved onboarding checklist version (ADR 079); empty: the current checklist at acceptance
    checklistTemplateId: z
      .string({ error: "Choose an onboarding checklist from the list." })
      .trim()
      .max(64, "Choose an onboarding checklist from the list.")
      .regex(/^[a-z0-9]*$/i, "Choose an onboarding checklist from the list.")
      .optional()
      .transform((v) => v || null),
  })
  .refine((p) => p.workplace === "remote" || !!p.place, {
    message: "Say where the work happens, or choose remote.",
    path: ["place"],
  })
  .refine(
    (p) => !RATE.test(p.rateMin) || !RATE.test(p.rateMax) || rateCents(p.rateMin) <= rateCents(p.rateMax),
    {
      message: "The highest rate cannot be below the lowest rate.",
      path: ["rateMax"],
    },
  );
export type ProgramInput = z.output<typeof ProgramSchema>;

export const ProgramStatusSchema = z.object({
  version: formVersion(0),
  status: z.enum(PROGRAM_STATUSES, { error: "Choose the program's new status." }),
});

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const asList = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

type ApplyMessages = {
  motivationMissing: string;
  motivationTooLong: string;
  hoursInvalid: string;
  daysInvalid: string;
  dateInvalid: string;
};

function applySchema(m: ApplyMessages) {
  return z.object({
    motivation: z
      .string({ error: m.motivationMissing })
      .max(4000, m.motivationTooLong)
      .transform((v) => neutraliseText(v, { multiline: true }).replace(/\r\n?/g, "\n").trim())
      .refine((v) => v.length >= 20, m.motivationMissing),
    availabilityHours: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 60), m.hoursInvalid)
      .transform((v) => (v ? Number(v) : null)),
    availabilityDays: z.preprocess(asList, z.array(z.enum(DAYS, { error: m.daysInvalid })).max(7)),
    earliestStart: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || realDay(v), m.dateInvalid)
      .transform((v) => (v ? v : null)),
  });
}

/** HR's "add an applicant" (staff words). */
export const ApplySchema = applySchema({
  motivationMissing: "Write what the person told us (at least 20 characters).",
  motivationTooLong: "Keep it under 4,000 characters.",
  hoursInvalid: "Enter the hours per week as a whole number from 1 to 60, or leave it empty.",
  daysInvalid: "Choose days from the list.",
  dateInvalid: "Enter the earliest start as a date (YYYY-MM-DD), or leave it empty.",
});

/**
 * The portal's apply form: the same fields, in the portal's catalogue words, plus the campaign
 * whose invitation led here (from the answer page's link; checked on the server, else ignored).
 */
export const PortalApplySchema = applySchema({
  motivationMissing: t("apply.motivationMissing"),
  motivationTooLong: t("apply.motivationTooLong"),
  hoursInvalid: t("apply.hoursInvalid"),
  daysInvalid: t("apply.daysInvalid"),
  dateInvalid: t("apply.dateInvalid"),
}).extend({
  campaign: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v && /^[a-z0-9]{1,64}$/i.test(v) ? v : null)),
});

export const DAYS_OF_WEEK = DAYS;

/** The person withdraws one of their applications on the portal (its id and the version they saw). */
export const WithdrawSchema = z.object({
  applicationId: z
    .string({ error: t("applications.reload") })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, t("applications.reload")),
  version: z.coerce
    .number({ error: t("applications.reload") })
    .int(t("applications.reload"))
    .min(1, t("applications.reload")),
});

export type ApplyInput = z.output<typeof ApplySchema>;

export const NoteSchema = z.object({
  body: paragraph("the note", 1, 4000, "Write the note."),
});

const moveTarget = z
  .string({ error: "Choose where the application goes." })
  .refine(isApplicationStatus, "Choose where the application goes.");

/** One application moved from its page (the version is the one the page showed). */
export const MoveSchema = z.object({
  version: formVersion(1),
  to: moveTarget,
  note: optionalParagraph("the note", 4000),
});

/** A decline: the reason and what could change it go into the applicant's email. */
export const DeclineSchema = z.object({
  version: formVersion(1).optional(),
  reason: paragraph(
    "the reason",
    20,
    1500,
    "Say in plain words why you decided this (at least 20 characters): the applicant reads it.",
  ),
  whatCouldChange: paragraph(
    "what could change",
    10,
    1500,
    "Say what could change the answer, e.g. a new opening or other hours (at least 10 characters).",
  ),
  note: optionalParagraph("the personal note", 2000),
});
export type DeclineInput = z.output<typeof DeclineSchema>;

export const BulkMoveSchema = z.object({
  applicationId: z.preprocess(
    asList,
    z
      .array(z.string().trim().min(1).max(64))
      .min(1, "Tick at least one application.")
      .max(500, "Move at most 500 applications at once."),
  ),
  to: z.enum(BULK_TARGETS, { error: "Choose where the applications go." }),
  note: optionalParagraph("the note", 4000),
  reason: z.string().max(1500).optional(),
  whatCouldChange: z.string().max(1500).optional(),
});

/** HR makes an offer: the draft contract's first terms (the contract page refines them). */
export const OfferSchema = z
  .object({
    version: formVersion(1),
    hourlyRate: rate("hourly rate"),
    minHoursPerWeek: z
      .string()
      .trim()
      .optional()
      .refine(
        (v) => !v || (/^\d{1,2}$/.test(v) && Number(v) <= 60),
        "Enter the minimum hours as a whole number up to 60, or leave it empty.",
      )
      .transform((v) => (v ? Number(v) : null)),
    maxHoursPerWeek: z
      .string()
      .trim()
      .optional()
      .refine(
        (v) => !v || (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 60),
        "Enter the maximum hours as a whole number from 1 to 60, or leave it empty.",
      )
      .transform((v) => (v ? Number(v) : null)),
    startsOn: optionalDate("the start date"),
    note: optionalParagraph("the note", 4000),
  })
  .refine(
    (o) => o.minHoursPerWeek === null || o.maxHoursPerWeek === null || o.minHoursPerWeek <= o.maxHoursPerWeek,
    {
      message: "The maximum hours cannot be below the minimum.",
      path: ["maxHoursPerWeek"],
    },
  );
export type OfferInput = z.output<typeof OfferSchema>;

/** The pipeline's filters, in the URL (ADR 015): all optional, unknown values refused. */
export const PipelineFilterSchema = z.object({
  program: z
    .string()
    .trim()
    .max(64)
    .regex(/^[a-z0-9]*$/i, "Choose a program from the list.")
    .optional(),
  status: z
    .enum([
      "",
      ...(["submitted", "in_review", "shortlisted", "offered", "declined", "withdrawn", "hired"] as const),
    ])
    .optional(),
  eligibility: z.enum(["", "eligible", "needs_review", "not_eligible", "none"]).optional(),
  q: z.string().trim().max(100).optional(),
  view: z.enum(["list", "board"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type PipelineFilters = z.output<typeof PipelineFilterSchema>;

/** HR enters an application for someone (after an "interested" answer, or a phone call). */
export const AddApplicantSchema = ApplySchema.extend({
  person: z
    .string({ error: "Enter the person's HR id or email address." })
    .trim()
    .min(1, "Enter the person's HR id or email address.")
    .max(254, "Use at most 254 characters.")
    .refine((v) => !HIDDEN_OR_CONTROL.test(v), "Remove invisible characters."),
});
