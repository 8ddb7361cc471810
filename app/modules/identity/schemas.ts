import { z } from "zod";

/** Form schemas, shared by the forms (client validation) and the actions (server validation). */

export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .email("Enter an email address such as name@example.com.")
  .transform((v) => v.toLowerCase());

export const SignInSchema = z.object({
  email: emailField,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(1000, "That password is too long."),
  redirectTo: z.string().max(2048).optional(),
});

export const passwordField = z
  .string({ error: "Choose a password." })
  .min(12, "Use at least 12 characters.")
  .max(200, "Use at most 200 characters.")
  .refine((v) => new Set(v).size >= 5, "Use a less repetitive password.");

// Line breaks, control characters, zero-width and direction-changing characters: they hide or
// reorder what a reader sees, and break email headers. Names refuse them; reasons allow line
// breaks (browsers send CRLF from a textarea; it is stored as LF).
const HIDDEN_OR_CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;
const HIDDEN_OR_CONTROL_EXCEPT_NEWLINE =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

export const personNameField = z
  .string({ error: "Enter the person's name." })
  .trim()
  .min(1, "Enter the person's name.")
  .max(120, "Use at most 120 characters for a name.")
  .refine(
    (v) => !HIDDEN_OR_CONTROL.test(v),
    "Remove line breaks and invisible or direction-changing characters from the name.",
  )
  .transform((v) => v.normalize("NFC"));

export const staffEmailField = z
  .string({ error: "Enter their work email address." })
  .trim()
  .min(1, "Enter their work email address.")
  .max(254, "That email address is too long.")
  .email("Enter an email address such as name@example.com.")
  .transform((v) => v.toLowerCase());

/** An optional "why" that goes into the audit trail. */
export const reasonField = z
  .string()
  .trim()
  .max(500, "Keep the reason under 500 characters.")
  .refine(
    (v) => !HIDDEN_OR_CONTROL_EXCEPT_NEWLINE.test(v),
    "Remove invisible or direction-changing characters from the reason.",
  )
  .optional()
  .transform((v) => (v ? v.replace(/\r\n?/g, "\n").normalize("NFC") : undefined));

export const roleField = z.enum(["admin", "hr", "manager"], { error: "Choose a role." });

const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => v || undefined);

const managerNeedsTeam = {
  message: "Choose the team this manager belongs to.",
  path: ["teamId"],
};

export const InviteStaffSchema = z
  .object({ name: personNameField, email: staffEmailField, roleId: roleField, teamId: optionalId })
  .refine((v) => v.roleId !== "manager" || !!v.teamId, managerNeedsTeam);

export const ChangeRoleSchema = z
  .object({ roleId: roleField, teamId: optionalId, reason: reasonField })
  .refine((v) => v.roleId !== "manager" || !!v.teamId, managerNeedsTeam);

export const ChangeTeamSchema = z.object({
  teamId: z.string({ error: "Choose a team." }).trim().min(1, "Choose a team.").max(64),
});

export const DeactivateStaffSchema = z.object({ reason: reasonField });

/** Forms whose only input is the button that was pressed (resend, reactivate...). */
export const NoFieldsSchema = z.object({});

export const teamNameField = z
  .string({ error: "Name the team." })
  .trim()
  .min(2, "Use at least 2 characters for a team name.")
  .max(80, "Use at most 80 characters for a team name.")
  .refine(
    (v) => !HIDDEN_OR_CONTROL.test(v),
    "Remove line breaks and invisible characters from the team name.",
  )
  .transform((v) => v.normalize("NFC"));

export const CreateTeamSchema = z.object({ name: teamNameField });

export const AssignManagerSchema = z.object({
  userId: z.string({ error: "Choose a manager." }).trim().min(1, "Choose a manager.").max(64),
  teamId: z.string({ error: "Choose a team." }).trim().min(1, "Choose a team.").max(64),
});

const passwordsMatch = { message: "The two passwords do not match.", path: ["confirmPassword"] };

/** Accepting an invitation and resetting a password: a new password, typed twice. */
export const SetPasswordSchema = z
  .object({
    password: passwordField,
    confirmPassword: z.string({ error: "Type the password again." }).max(200),
  })
  .refine((v) => v.password === v.confirmPassword, passwordsMatch);

export const ForgotPasswordSchema = z.object({ email: emailField });

export const ChangePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password." })
      .min(1, "Enter your current password.")
      .max(1000),
    password: passwordField,
    confirmPassword: z
      .string({ error: "Type the new password again." })
      .min(1, "Type the new password again.")
      .max(200),
  })
  .refine((v) => v.password === v.confirmPassword, passwordsMatch);

/** A zone the runtime knows (IANA names such as Europe/Stockholm), or UTC. */
export function isKnownTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The account page's time zone setting: times on every staff page are shown in it. */
export const TimeZoneSchema = z.object({
  timeZone: z
    .string({ error: "Choose a time zone." })
    .trim()
    .min(1, "Choose a time zone.")
    .max(64, "Choose a time zone from the list.")
    .refine(isKnownTimeZone, "Choose a time zone from the list, such as Europe/Stockholm."),
});
