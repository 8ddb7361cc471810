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
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1000, "That password is too long."),
  redirectTo: z.string().max(2048).optional(),
});

export const passwordField = z
  .string({ error: "Choose a password." })
  .min(12, "Use at least 12 characters.")
  .max(200, "Use at most 200 characters.")
  .refine((v) => new Set(v).size >= 5, "Use a less repetitive password.");
