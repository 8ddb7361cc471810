import type { ExitReason } from "~/modules/alumni/exit-reasons";
import { z } from "zod";
import {
  exitReasonOf,
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
};

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
const EMAIL = z.email();

const cell = z.string().optional();
const NON_ASCII = /[^\x00-\x7f]/;

export function createRowSchema(context: RowContext) {
  let flagged = new Set<string>();
  const issue = (ctx: z.RefinementCtx, field: ImportField, message: string) => {
    flagged.add(field);
    ctx.addIssue({ code: "custom", path: [field], message });
  };
  const text = (ctx: z.RefinementCtx, field: ImportField, value: string, max = 200): string | null => {
    if (!value) return null;
    if (value.length > Math.min(max, MAX_CELL_CHARS)) {
      issue(ctx, field, `Too long: ${value.length} characters (at most ${max}).`);
      return null;
    }
    if (HIDDEN_OR_CONTROL.test(value)) {
      issue(
        ctx,
        field,
        "Contains line breaks, control characters or invisible/direction-changing characters.",
      );
      return null;
    }
    return NON_ASCII.test(value) ? value.normalize("NFC") : value;
  };
  const email = (ctx: z.RefinementCtx, field: ImportField, value: string): string | null => {
    if (!value) return null;
    const lower = value.toLowerCase();
    if (lower.length > 254 || !EMAIL.safeParse(lower).success) {
      issue(ctx, field, `"${value.slice(0, 80)}" is not a valid email address.`);
      return null;
    }
    return lower;
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
    const hrId = text(ctx, "hrId", row.hrId, 64);
    const workEmail = email(ctx, "workEmail", row.workEmail);
    const personalEmail = email(ctx, "personalEmail", row.personalEmail);
    let firstName = text(ctx, "firstName", row.firstName, 120);
    let lastName = text(ctx, "lastName", row.lastName, 120);
    if ((!firstName || !lastName) && row.fullName) {
      const full = text(ctx, "fullName", row.fullName, 240);
      const split = full ? splitFullName(full) : null;
      if (full && !split)
        issue(ctx, "fullName", `"${full.slice(0, 80)}" has no first and last name to tell apart.`);
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
    const exitType = text(ctx, "exitType", row.exitType, 200);
    const reason = exitReasonRaw
      ? exitReasonOf(exitReasonRaw, exitType ?? undefined, context.reasonOverrides)
      : null;
    let regrettable: boolean | null = null;
    if (row.regrettable) {
      const parsed = yesNoOf(row.regrettable);
      if (parsed.ok) regrettable = parsed.value;
      else issue(ctx, "regrettable", parsed.message);
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
      preferredName: text(ctx, "preferredName", row.preferredName, 120),
      jobTitle: text(ctx, "jobTitle", row.jobTitle),
      department: text(ctx, "department", row.department),
      location: text(ctx, "location", row.location),
      hireDate,
      exitDate,
      exitReason: reason?.reason ?? null,
      exitReasonRaw,
      exitReasonRecognised: reason?.recognised ?? true,
      regrettable,
      hrRehireFlag,
      managerName: text(ctx, "managerName", row.managerName, 120),
      decisionId,
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
