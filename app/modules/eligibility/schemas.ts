import { z } from "zod";

/** Form schemas for the review queue, overrides and manager input (shared by forms and actions). */
const HIDDEN =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

const longText = (what: string, min: number, max: number) =>
  z
    .string({ error: `Write the ${what}.` })
    .trim()
    .min(
      min,
      min > 1
        ? `Write the ${what} (at least ${min} characters), so others can follow the decision later.`
        : `Write the ${what}.`,
    )
    .max(max, `Keep the ${what} under ${max} characters.`)
    .refine((v) => !HIDDEN.test(v), `Remove invisible or direction-changing characters from the ${what}.`)
    .transform((v) => v.replace(/\r\n?/g, "\n").normalize("NFC"));

export const DecideVerdictSchema = z.object({
  outcome: z.enum(["eligible", "not_eligible"], { error: "Choose eligible or not eligible." }),
  justification: longText("justification", 10, 2000),
});

export const ClearOverrideSchema = z.object({
  justification: longText("justification", 10, 2000),
});

export const RequestInputSchema = z.object({
  managerId: z
    .string({ error: "Choose a manager." })
    .trim()
    .min(1, "Choose a manager.")
    .max(64, "Choose a manager."),
  question: longText("question", 5, 1000),
});

export const GiveInputSchema = z.object({
  requestId: z
    .string({ error: "That request is missing." })
    .trim()
    .min(1, "That request is missing.")
    .max(64),
  answer: longText("answer", 2, 2000),
});

/** The person page's decision, with the button that was pressed ("next": open the next person). */
export const DecideAndNextSchema = DecideVerdictSchema.extend({
  then: z.enum(["stay", "next"]).optional(),
});

/** One decision for everyone ticked in the review queue (at most BULK_DECISION_LIMIT). */
export const BulkDecisionSchema = z.object({
  alumnusId: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string().trim().min(1).max(64))
      .min(1, "Tick the people this decision is for.")
      .max(100, "Decide at most 100 people at once: untick some, or narrow the filters."),
  ),
  outcome: DecideVerdictSchema.shape.outcome,
  justification: longText("justification", 10, 2000),
});

/** "Re-evaluate everyone now": a button with nothing to fill in (the action checks the rest). */
export const RecomputeSchema = z.object({});

/** Discarding the policy draft: a button with nothing to fill in. */
export const DiscardDraftSchema = z.object({});

/** Publishing the draft the page showed (its last change), so a draft changed since is not published unseen. */
export const PublishDraftSchema = z.object({ draftUpdatedAt: z.string().max(40).optional() });
