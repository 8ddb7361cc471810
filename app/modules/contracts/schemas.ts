import { z } from "zod";
import { neutraliseText } from "#emails/components/text";
import { CURRENCIES, rateCents } from "~/modules/applications/schemas";
import { t } from "~/modules/portal/strings";
import { isAcceptedDay } from "~/platform/input";

/** The contract forms, shared by the pages and the actions (ADR 033). */

const HIDDEN_OR_CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

const line = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(min, `Enter ${label}.`)
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
    .transform((v) => neutraliseText(v, { multiline: true }).trim())
    .refine((v) => v.length >= min, message);

const optionalParagraph = (label: string, max: number) =>
  z
    .string()
    .max(max, `Keep ${label} under ${max.toLocaleString("en")} characters.`)
    .optional()
    .transform((v) => neutraliseText(v ?? "", { multiline: true }).trim() || null);

// A real calendar day within the accepted years ("2024-99-99" is refused, never a RangeError).
const realDay = isAcceptedDay;

const date = (label: string) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .refine((v) => realDay(v), `Enter ${label} as a date (YYYY-MM-DD).`);

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || realDay(v), `Enter ${label} as a date (YYYY-MM-DD), or leave it empty.`)
    .transform((v) => (v ? v : null));

const MONEY = /^\d{1,6}(\.\d{1,2})?$/;
const money = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .refine((v) => MONEY.test(v), `Enter the ${label} as an amount such as 18 or 18.50.`)
    .transform((v) => formatAmount(v));

const optionalMoney = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine(
      (v) => !v || MONEY.test(v),
      `Enter the ${label} as an amount such as 300 or 300.00, or leave it empty.`,
    )
    .transform((v) => (v && rateCents(v) > 0 ? formatAmount(v) : null));

/** "18.5" -> "18.50": amounts are compared and hashed in one spelling. */
export function formatAmount(value: string): string {
  const cents = rateCents(value);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

const hours = (label: string, min: number) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .refine(
      (v) => /^\d{1,2}$/.test(v) && Number(v) >= min && Number(v) <= 60,
      `Enter the ${label} as a whole number from ${min} to 60.`,
    )
    .transform(Number);

/** HR's terms form on the contract page. Every field is required except the end date and the stipend. */
export const TermsSchema = z
  .object({
    version: z.coerce.number().int().min(1),
    role: line("the role", 2, 160),
    hourlyRate: money("hourly rate"),
    currency: z.enum(CURRENCIES, { error: "Choose the currency." }),
    minHoursPerWeek: hours("minimum hours a week", 0),
    maxHoursPerWeek: hours("maximum hours a week", 1),
    startsOn: date("the start date"),
    endsOn: optionalDate("the end date"),
    noticeDays: z
      .string({ error: "Enter the notice period in days." })
      .trim()
      .min(1, "Enter the notice period in days.")
      .refine(
        (v) => /^\d{1,3}$/.test(v) && Number(v) <= 180,
        "Enter the notice period in days, from 0 to 180.",
      )
      .transform(Number),
    workplace: z.enum(["remote", "place"], { error: "Say whether the work is remote or in a place." }),
    place: optionalLine("the place", 160),
    equipmentStipend: optionalMoney("equipment stipend"),
    templateVersionId: z.string().trim().max(64).optional(),
  })
  .refine((t) => t.minHoursPerWeek <= t.maxHoursPerWeek, {
    message: "The maximum hours cannot be below the minimum.",
    path: ["maxHoursPerWeek"],
  })
  .refine((t) => !t.endsOn || t.endsOn > t.startsOn, {
    message: "The end date must come after the start date.",
    path: ["endsOn"],
  })
  .refine((t) => t.workplace === "remote" || !!t.place, {
    message: "Say where the work happens, or choose remote.",
    path: ["place"],
  });
export type TermsInput = z.output<typeof TermsSchema>;

/** A move that needs nothing but the version the page showed (submit, send the offer). */
export const VersionSchema = z.object({
  version: z.coerce.number().int().min(1, "Reload the page and try again."),
  note: optionalParagraph("the note", 2000),
});

/** An approver's decision. A comment is required to ask for changes or to reject. */
export const DecisionSchema = z
  .object({
    version: z.coerce.number().int().min(1, "Reload the page and try again."),
    decision: z.enum(["approve", "request_changes", "reject"], {
      error: "Choose approve, ask for changes or reject.",
    }),
    comment: optionalParagraph("the comment", 2000),
  })
  .refine((d) => d.decision === "approve" || (d.comment?.length ?? 0) >= 10, {
    message: "Say what should change, or why you reject it (at least 10 characters): HR reads it.",
    path: ["comment"],
  });
export type DecisionInput = z.output<typeof DecisionSchema>;

/** HR cancels: the reason is kept, and sent to the person when they had the offer. */
export const CancelSchema = z.object({
  version: z.coerce.number().int().min(1, "Reload the page and try again."),
  reason: paragraph(
    "the reason",
    20,
    1500,
    "Say in plain words why the contract is cancelled (at least 20 characters): the person may read it.",
  ),
});

export const EndSchema = z.object({
  version: z.coerce.number().int().min(1, "Reload the page and try again."),
  reason: paragraph("the reason", 10, 1500, "Say why the contract ends (at least 10 characters)."),
});

export const TemplateSchema = z.object({
  body: paragraph("the template", 50, 20_000, "Write the contract text (at least 50 characters)."),
});

export const SettingsSchema = z.object({
  hoursLimitPerWeek: z
    .string({ error: "Enter the hours limit." })
    .trim()
    .refine(
      (v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 60,
      "Enter the hours limit from 1 to 60.",
    )
    .transform(Number),
  approvalReminderDays: z
    .string({ error: "Enter the days before a reminder." })
    .trim()
    .refine(
      (v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 30,
      "Enter the days before a reminder, from 1 to 30.",
    )
    .transform(Number),
  offerValidDays: z
    .string({ error: "Enter how many days an offer stays open." })
    .trim()
    .refine(
      (v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 90,
      "Enter how many days an offer stays open, from 1 to 90.",
    )
    .transform(Number),
});

// ---------------------------------------------------------------------------------------------
// The person's answer in the portal (ADR 060). The page sends the SHA-256 of the text it showed.
// ---------------------------------------------------------------------------------------------

const shownHash = z.string({ error: t("contract.reload") }).regex(/^[0-9a-f]{64}$/, t("contract.reload"));

/** Accepting: the box says in words what the person agrees to. */
export const AcceptOfferSchema = z.object({
  termsHash: shownHash,
  confirm: z.preprocess(
    (v) => v === true || v === "on" || v === "true",
    z.literal(true, { error: t("contract.confirmRequired") }),
  ),
});

/** Declining: a message is welcome, never required. */
export const DeclineOfferSchema = z.object({
  termsHash: shownHash,
  comment: optionalParagraph("your message", 2000),
});
