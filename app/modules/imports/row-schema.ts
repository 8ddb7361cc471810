import type { ExitReason } from "~/modules/alumni/exit-reasons";
import { z } from "zod";
import {
  emailOf,
  exitReasonOf,
  nameProblem,
  parseDate,
  rehireFlagOf,
  splitFullName,
  yesNoOf,
  type DateFormat,
  type RehireFlagValue,
} from "./convert";
import { MAX_CELL_CHARS } from "./file-facts";
import type { ImportField } from "./fields";

/**
 * The one schema every imported row goes through, in the preview (dry run) and on commit: it
 * turns the mapped cells of a row into Alumnus values, or names each problem by field. The
 * mapping page uses the same schema to show how the first rows of the file will be read.
 */
export type RowInput = Partial<Record<ImportField, string>>;

export type RowValues = {
  hrId: string | null;
  workEmail: string | null;
  personalEmail: string | null;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  jobTitle: string | null;
  department: string | null;
  location: string | null;
  hireDate: Date | null;
  exitDate: Date | null;
  exitReason: ExitReason | null;
  exitReasonRaw: string | null;
  exitReasonRecognised: boolean;
  regrettable: boolean | null;
  hrRehireFlag: RehireFlagValue | null;
  managerName: string | null;
  decisionId: string | null;
  /** Problems in optional fields: the row is imported with the field left empty or normalised. */
  warnings: RowWarning[];
};

/** `column` is the file's heading, added where the mapping is known (the check). */
export type RowWarning = { field: ImportField; message: string; value: string; column?: string };

export type RowContext = {
  dateFormat: DateFormat;
  /** Today (UTC date); exit dates after it are refused. */
  today: Date;
  /** Workforce decisions by lower-cased title, for a decision column. */
  decisionsByTitle: ReadonlyMap<string, string>;
  /** A decision chosen for the whole import (used when the row names none). */
  decisionId?: string | null;
  /** The mapping's own exit-reason table: reasonKey(raw) -> reason. */
  reasonOverrides?: Readonly<Record<string, string>>;
  /** The mapping reads names from one Full name column. */
  usesFullName?: boolean;
};

// Control characters, zero-width and direction-changing characters hide or reorder text.
const HIDDEN_OR_CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const cell = z.string().optional();
const NON_ASCII = /[^\x00-\x7f]/;

export function createRowSchema(context: RowContext) {
  let flagged = new Set<string>();
  let warnings: RowWarning[] = [];
  const issue = (ctx: z.RefinementCtx, field: ImportField, message: string) => {
    flagged.add(field);
    ctx.addIssue({ code: "custom", path: [field], message });
  };
  const warn = (field: ImportField, message: string, value: string) =>
    warnings.push({ field, message, value: value.slice(0, 200) });
  /**
   * A text cell. In a required field (names, the employee ID) a problem rejects the row; in an
   * optional one (`optional`) the row is imported and the problem is a warning: line breaks and
   * invisible characters are replaced by a space or removed, a cell over its limit is left empty.
   */
  const text = (
    ctx: z.RefinementCtx,
    field: ImportField,
    value: string,
    max = 200,
    optional = false,
  ): string | null => {
    if (!value) return null;
    if (value.length > Math.min(max, MAX_CELL_CHARS)) {
      if (optional) {
        warn(field, `Too long: ${value.length} characters (at most ${max}); left empty.`, value);
        return null;
      }
      issue(ctx, field, `Too long: ${value.length} characters (at most ${max}).`);
      return null;
    }
    if (HIDDEN_OR_CONTROL.test(value)) {
      if (optional) {
        const cleaned = value
          .replace(INVISIBLE, "")
          .replace(LINE_BREAKS_AND_CONTROLS, " ")
          .replace(/ {2,}/g, " ")
          .trim();
        warn(
          field,
          cleaned
            ? "Line breaks, control or invisible characters were replaced by a space or removed."
            : "Only line breaks, control or invisible characters; left empty.",
          value,
        );
        if (!cleaned) return null;
        value = cleaned;
      } else {
        issue(
          ctx,
          field,
          "Contains line breaks, control characters or invisible/direction-changing characters.",
        );
        return null;
      }
    }
    return NON_ASCII.test(value) ? value.normalize("NFC") : value;
  };
  /** A name cell: text, and not a formula, markup or phone number (refused, or a warning when optional). */
  const name = (ctx: z.RefinementCtx, field: ImportField, value: string, max: number, optional = false) => {
    const problem = nameProblem(value);
    if (problem) {
      if (optional) warn(field, `${problem} Left empty.`, value);
      else issue(ctx, field, problem);
      return null;
    }
    return text(ctx, field, value, max, optional);
  };
  const email = (
    ctx: z.RefinementCtx,
    field: ImportField,
    value: string,
    optional = false,
  ): string | null => {
    if (!value) return null;
    const parsed = emailOf(value);
    if (!parsed) {
      const message = `"${value.slice(0, 80)}" is not a valid email address.`;
      if (optional) warn(field, `${message} Left empty.`, value);
      else issue(ctx, field, message);
      return null;
    }
    return parsed.address;
  };
  const date = (ctx: z.RefinementCtx, field: ImportField, value: string): Date | null => {
    if (!value) return null;
    const parsed = parseDate(value, context.dateFormat);
    if (!parsed.ok) {
      issue(ctx, field, parsed.message);
      return null;
    }
    return parsed.value;
  };

  const shape = {} as Record<ImportField, typeof cell>;
  for (const key of [
    "hrId",
    "fullName",
    "firstName",
    "lastName",
    "preferredName",
    "workEmail",
    "personalEmail",
    "jobTitle",
    "department",
    "location",
    "hireDate",
    "exitDate",
    "exitReason",
    "exitType",
    "regrettable",
    "rehireFlag",
    "managerName",
    "decision",
  ] as const)
    shape[key] = cell;

  return z.object(shape).transform((input, ctx): RowValues => {
    const row = {} as Record<ImportField, string>;
    for (const key of Object.keys(shape) as ImportField[]) row[key] = input[key]?.trim() ?? "";
    flagged = new Set<string>();
    warnings = [];
    const hrId = text(ctx, "hrId", row.hrId, 64);
    const workEmail = email(ctx, "workEmail", row.workEmail);
    const personalEmail = email(ctx, "personalEmail", row.personalEmail, true);
    let firstName = name(ctx, "firstName", row.firstName, 120);
    let lastName = name(ctx, "lastName", row.lastName, 120);
    if ((!firstName || !lastName) && row.fullName && !flagged.has("firstName") && !flagged.has("lastName")) {
      const full = name(ctx, "fullName", row.fullName, 240);
      const split = full ? splitFullName(full) : null;
      if (full && !split)
        issue(
          ctx,
          "fullName",
          full.includes(",")
            ? `"${full.slice(0, 80)}" is not a name written "Last, First" (one comma with a name on each side).`
            : `"${full.slice(0, 80)}" has no first and last name to tell apart.`,
        );
      if (split) {
        firstName ??= split.firstName;
        lastName ??= split.lastName;
      }
    }
    const nameField = (field: ImportField): ImportField => (context.usesFullName ? "fullName" : field);
    if (context.usesFullName && !firstName && !lastName && !flagged.has("fullName"))
      issue(ctx, "fullName", "The name is missing.");
    if (!firstName && !flagged.has(nameField("firstName")))
      issue(ctx, nameField("firstName"), "The first name is missing.");
    if (!lastName && !flagged.has(nameField("lastName")))
      issue(ctx, nameField("lastName"), "The last name is missing.");
    if (!hrId && !workEmail && !flagged.has("hrId") && !flagged.has("workEmail")) {
      issue(
        ctx,
        "hrId",
        "Neither an employee ID nor a work email: the person could not be recognised on a later import.",
      );
    }
    const hireDate = date(ctx, "hireDate", row.hireDate);
    const exitDate = date(ctx, "exitDate", row.exitDate);
    if (exitDate && exitDate.getTime() > context.today.getTime()) {
      issue(
        ctx,
        "exitDate",
        `The exit date ${exitDate.toISOString().slice(0, 10)} is in the future; import people once they have left.`,
      );
    }
    if (hireDate && exitDate && exitDate.getTime() < hireDate.getTime()) {
      issue(
        ctx,
        "exitDate",
        `The exit date ${exitDate.toISOString().slice(0, 10)} is before the hire date ${hireDate.toISOString().slice(0, 10)}.`,
      );
    }
    const exitReasonRaw = text(ctx, "exitReason", row.exitReason, 200);
    const exitType = text(ctx, "exitType", row.exitType, 200, true);
    const reason = exitReasonRaw
      ? exitReasonOf(exitReasonRaw, exitType ?? undefined, context.reasonOverrides)
      : null;
    let regrettable: boolean | null = null;
    if (row.regrettable) {
      const parsed = yesNoOf(row.regrettable);
      if (parsed.ok) regrettable = parsed.value;
      else warn("regrettable", `${parsed.message} Left empty.`, row.regrettable);
    }
    let hrRehireFlag: RehireFlagValue | null = null;
    if (row.rehireFlag) {
      const parsed = rehireFlagOf(row.rehireFlag);
      if (parsed.ok) hrRehireFlag = parsed.value;
      else issue(ctx, "rehireFlag", parsed.message);
    }
    let decisionId = context.decisionId ?? null;
    const decisionTitle = text(ctx, "decision", row.decision, 200);
    if (decisionTitle) {
      const found = context.decisionsByTitle.get(decisionTitle.toLowerCase());
      if (found) decisionId = found;
      else
        issue(
          ctx,
          "decision",
          `There is no workforce decision called "${decisionTitle.slice(0, 80)}". Create it first, or fix the title.`,
        );
    }
    return {
      hrId,
      workEmail,
      personalEmail,
      firstName: firstName ?? "",
      lastName: lastName ?? "",
      preferredName: name(ctx, "preferredName", row.preferredName, 120, true),
      jobTitle: text(ctx, "jobTitle", row.jobTitle, 200, true),
      department: text(ctx, "department", row.department, 200, true),
      location: text(ctx, "location", row.location, 200, true),
      hireDate,
      exitDate,
      exitReason: reason?.reason ?? null,
      exitReasonRaw,
      exitReasonRecognised: reason?.recognised ?? true,
      regrettable,
      hrRehireFlag,
      managerName: text(ctx, "managerName", row.managerName, 120, true),
      decisionId,
      warnings,
    };
  });
}

export type RowProblem = { field: ImportField; message: string };

export function rowProblems(error: z.ZodError): RowProblem[] {
  return error.issues.map((issue) => ({
    field: (issue.path[0] as ImportField) ?? "hrId",
    message: issue.message,
  }));
}

export type RowIdentity = {
  hrId: string | null;
  workEmail: string | null;
  firstName: string | null;
  lastName: string | null;
};

const shown = (value: string | undefined) => {
  const cleaned = (value ?? "").replace(INVISIBLE, "").replace(LINE_BREAKS_AND_CONTROLS, " ").trim();
  return cleaned ? cleaned.slice(0, 200) : null;
};

/**
 * Who a rejected row is about, as read from the file (trimmed, line breaks and invisible characters
 * taken out, at most 200 characters): shown on the rows tab and in the error report, never
 * imported. A full name is kept whole in the first-name place.
 */
export function rowIdentity(input: RowInput): RowIdentity {
  const first = shown(input.firstName);
  const last = shown(input.lastName);
  return {
    hrId: shown(input.hrId),
    workEmail: shown(input.workEmail),
    firstName: first ?? (last ? null : shown(input.fullName)),
    lastName: last,
  };
}
