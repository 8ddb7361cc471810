import { z } from "zod";
import { EXIT_REASONS } from "~/modules/alumni/exit-reasons";
import { optionalRecordId, pageNumber, recordId } from "~/platform/input";
import { DATE_FORMATS, type DateFormat } from "./convert";
import {
  IMPORT_FIELD_KEYS,
  IMPORT_SYSTEMS,
  type ColumnMapping,
  type ImportField,
  type ImportSystem,
} from "./fields";

/** Form schemas for the import pages, shared by the forms and the actions. */

const HIDDEN_OR_CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

export const mappingNameField = z
  .string()
  .trim()
  .max(80, "Keep the mapping name under 80 characters.")
  .refine((v) => !HIDDEN_OR_CONTROL.test(v), "Remove line breaks and invisible characters from the name.")
  .optional()
  .transform((v) => v || undefined);

const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => v || undefined);

const column = z
  .string()
  .max(300)
  .optional()
  .transform((v) => v || undefined);

export const columnFieldName = (field: ImportField) => `col_${field}`;
export const reasonFieldName = (index: number) => `reason_${index}`;

const columnShape = Object.fromEntries(IMPORT_FIELD_KEYS.map((k) => [columnFieldName(k), column])) as Record<
  `col_${ImportField}`,
  typeof column
>;

export const MappingFormSchema = z.object({
  dateFormat: z.enum(DATE_FORMATS, {
    error:
      "Choose how dates are written in this file: the same date reads differently in US and European formats.",
  }),
  system: z.enum(IMPORT_SYSTEMS).default("generic"),
  decisionId: optionalId,
  mappingId: optionalId,
  saveAs: mappingNameField,
  ...columnShape,
});
export type MappingForm = z.infer<typeof MappingFormSchema>;

export function columnsOf(form: Record<string, unknown>): ColumnMapping {
  const out: ColumnMapping = {};
  for (const key of IMPORT_FIELD_KEYS) {
    const value = form[columnFieldName(key)];
    if (typeof value === "string" && value) out[key] = value;
  }
  return out;
}

/** One exit reason the file uses and the reason HR wants for it (the mapping's own table). */
export const ReasonOverridesSchema = z.object({
  overrides: z
    .array(
      z.object({
        raw: z.string().trim().min(1).max(200),
        reason: z.enum(EXIT_REASONS, { error: "Choose one of Comeback's exit reasons." }),
      }),
    )
    .max(200),
});

export type ImportSettings = {
  system: ImportSystem;
  columns: ColumnMapping;
  dateFormat: DateFormat;
  /** reasonKey(raw) -> ExitReason */
  reasonOverrides: Record<string, string>;
  decisionId: string | null;
};

/** The reasons form: one row per wording, posted by index (`overrides.0.raw`, `overrides.0.reason`). */
export const ReasonsFormSchema = ReasonOverridesSchema;

/** Applying a checked import: no fields, the intent is the whole form. */
export const CommitImportSchema = z.object({});

/** The upload form's field besides the file: a saved mapping to start from (optional). */
export const UploadImportSchema = z.object({ mappingId: optionalRecordId });

export const ImportIdParams = { importId: recordId };

export const ImportListSchema = z.object({
  page: pageNumber.default(1),
});

export const RowPageSchema = z.object({
  page: pageNumber.default(1),
  show: z.enum(["rejected", "warnings", "updates", "conflicts", "skipped", "all"]).default("rejected"),
});
