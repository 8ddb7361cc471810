import { z } from "zod";
import { formVersion, isAcceptedDay } from "~/platform/input";

/** The workforce-decision form, shared by the page and the action. */

const HIDDEN_OR_CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;
const HIDDEN_EXCEPT_NEWLINE =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

const line = (label: string, min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(min, message)
    .max(max, `Use at most ${max} characters for ${label}.`)
    .refine((v) => !HIDDEN_OR_CONTROL.test(v), `Remove line breaks and invisible characters from ${label}.`)
    .transform((v) => v.normalize("NFC"));

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isAcceptedDay(v), `Enter the ${label} as a date (YYYY-MM-DD), or leave it empty.`)
    .transform((v) => (v ? v : null));

const count = (label: string, required: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => (required ? !!v : true), `Enter the ${label}.`)
    .refine(
      (v) => !v || (/^\d{1,6}$/.test(v) && Number(v) <= 1_000_000),
      `Enter the ${label} as a whole number (0 or more).`,
    )
    .transform((v) => (v ? Number(v) : null));

export const DECISION_KINDS = ["automation", "restructuring", "other"] as const;
export const DECISION_STATUSES = ["planned", "in_effect", "phased", "reversed"] as const;
export const DECISION_KIND_LABELS: Record<(typeof DECISION_KINDS)[number], string> = {
  automation: "Automation",
  restructuring: "Restructuring",
  other: "Other",
};
export const DECISION_STATUS_LABELS: Record<(typeof DECISION_STATUSES)[number], string> = {
  planned: "Planned",
  in_effect: "In effect",
  phased: "Being phased back",
  reversed: "Reversed",
};

export const PhaseSchema = z
  .object({
    name: line("the phase name", 1, 120, "Name the phase."),
    startsOn: optionalDate("start date").refine((v) => v !== null, "Enter when the phase starts."),
    endsOn: optionalDate("end date"),
    targetHeadcount: count("target headcount", true),
    notes: z
      .string()
      .trim()
      .max(500, "Keep phase notes under 500 characters.")
      .refine((v) => !HIDDEN_EXCEPT_NEWLINE.test(v), "Remove invisible characters from the notes.")
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((p) => !p.endsOn || !p.startsOn || p.endsOn >= p.startsOn, {
    message: "A phase cannot end before it starts.",
    path: ["endsOn"],
  });

/** The fields of one phase row as the form posts them (`phases.N.name`, ADR 085). */
export type PhaseFields = {
  name: string;
  startsOn: string;
  endsOn: string;
  targetHeadcount: string;
  notes: string;
};
export const BLANK_PHASE: PhaseFields = {
  name: "",
  startsOn: "",
  endsOn: "",
  targetHeadcount: "",
  notes: "",
};

/** A row left empty (the form offers blank rows for new phases) is no phase: it becomes null. */
const isBlankRow = (row: unknown) =>
  !!row &&
  typeof row === "object" &&
  Object.values(row).every((v) => v === undefined || (typeof v === "string" && v.trim() === ""));

/**
 * The phases as indexed rows. A blank row stays in place as null until the end, so an issue in
 * row 2 is reported as `phases.2.…`, the name of the input it is about; then blank rows go.
 */
const phaseRows = z
  .array(z.preprocess((row) => (isBlankRow(row) ? null : row), PhaseSchema.nullable()))
  .max(100)
  .optional()
  .transform((rows) => (rows ?? []).filter((row) => row !== null))
  .refine((rows) => rows.length <= 20, "Use at most 20 phases.");

export const DecisionSchema = z
  .object({
    version: formVersion(0).optional().default(0),
    title: line(
      "the title",
      3,
      200,
      "Give the decision a title, e.g. “2022 AI customer-service automation”.",
    ),
    kind: z.enum(DECISION_KINDS, { error: "Choose the kind of decision." }),
    function: line("the function", 2, 200, "Name the business function affected, e.g. “Customer service”."),
    rationale: z
      .string({ error: "Explain why the decision was made." })
      .trim()
      .min(10, "Explain why the decision was made (at least 10 characters).")
      .max(5000, "Keep the rationale under 5,000 characters.")
      .refine((v) => !HIDDEN_EXCEPT_NEWLINE.test(v), "Remove invisible characters from the rationale.")
      .transform((v) => v.replace(/\r\n?/g, "\n").normalize("NFC")),
    announcedOn: optionalDate("announcement date"),
    effectiveOn: optionalDate("effective date"),
    rolesAffected: count("number of roles affected", false),
    status: z.enum(DECISION_STATUSES, { error: "Choose a status." }),
    phases: phaseRows,
  })
  .refine((d) => !d.announcedOn || !d.effectiveOn || d.effectiveOn >= d.announcedOn, {
    message: "The decision cannot take effect before it was announced.",
    path: ["effectiveOn"],
  });
export type DecisionInput = z.infer<typeof DecisionSchema>;
