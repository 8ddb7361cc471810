import { z } from "zod";
import { neutraliseText } from "#emails/components/text";

/** Form schemas for outreach, shared by the forms (client validation) and the actions. */

export const NOTE_MAX_CHARS = 4000;

/**
 * HR's personal note: plain text, paragraphs kept. Control, bidirectional-override and
 * zero-width characters are removed; it is never read as HTML or markdown.
 */
export const personalNoteField = z
  .string()
  .max(
    NOTE_MAX_CHARS,
    `Keep the note under ${NOTE_MAX_CHARS.toLocaleString("en")} characters: a few short paragraphs read best.`,
  )
  .transform((value) => neutraliseText(value, { multiline: true }));

export const NotePreviewSchema = z.object({
  note: personalNoteField.optional().transform((value) => value ?? ""),
});
