import { z } from "zod";
import { checkTone, type ToneFinding, type ToneReport } from "~/modules/outreach/tone";

/**
 * The portal's welcome page, as HR writes it: what the company is doing and why, what flexible
 * work looks like, and who to contact. Pure: the editor's form and the server share it.
 */

/** Control characters (but line breaks and tabs), bidirectional overrides and zero-width characters. */
const HIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const ONE_LINE = /[\r\n\u2028\u2029]/;
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

const line = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} to ${max} characters.`)
    .refine(
      (v) => !HIDDEN.test(v) && !ONE_LINE.test(v),
      `Write the ${label} on one line, without hidden characters.`,
    );

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Write ${label}.`)
    .max(max, `Keep ${label} to ${max} characters.`)
    .refine((v) => !HIDDEN.test(v), `Remove the hidden or control characters from ${label}.`);

export const WelcomeSchema = z.object({
  headline: line("headline", 120).pipe(
    z.string().min(1, "Write a headline, such as “We would like you back”."),
  ),
  whatWeAreDoing: text("what the company is doing and why", 4000),
  flexibleWork: text("what flexible work looks like", 4000),
  contactName: line("contact's name", 120).pipe(z.string().min(1, "Name the person alumni can write to.")),
  contactRole: line("contact's role", 120).optional(),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long.")
    .regex(ADDRESS, "Enter the contact's email address, such as amara.okafor@yourcompany.com."),
  contactPhone: z
    .string()
    .trim()
    .max(40, "Keep the phone number to 40 characters.")
    .regex(/^[+\d][\d ()./-]*$|^$/, "Enter the phone number with digits, spaces and + only.")
    .optional(),
  toneOverrideReason: z
    .string()
    .trim()
    .max(500, "Keep the reason to 500 characters.")
    .refine((v) => !HIDDEN.test(v), "Remove the hidden or control characters from the reason.")
    .optional(),
  version: z.coerce.number().int().min(0),
});

export type WelcomeInput = z.infer<typeof WelcomeSchema>;

export type WelcomeContent = Omit<WelcomeInput, "version" | "toneOverrideReason">;

/** Paragraphs as written: blank lines separate them. */
export function paragraphs(value: string): string[] {
  return value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * The tone check over what alumni read (headline and both texts), as one piece of writing, like
 * HR's note in an email: cold or evasive phrases, passive deflection, jargon, reading grade.
 */
export function welcomeTone(
  content: Pick<WelcomeContent, "headline" | "whatWeAreDoing" | "flexibleWork">,
): ToneReport {
  return checkTone({
    kind: "invitation",
    note: [content.headline, content.whatWeAreDoing, content.flexibleWork].join("\n\n"),
  });
}

const TONE_PARTS = [
  ["headline", "Headline"],
  ["whatWeAreDoing", "What we are doing, and why"],
  ["flexibleWork", "What flexible work looks like"],
] as const;

/**
 * Where a finding of welcomeTone sits, named by the editor's field and the line inside it
 * ("What flexible work looks like, line 3"), not by its line in the joined text.
 */
export function welcomeFindingPlace(
  content: Pick<WelcomeContent, "headline" | "whatWeAreDoing" | "flexibleWork">,
  finding: ToneFinding,
): string {
  if (!finding.position) return "The whole page";
  let offset = finding.position.start;
  for (const [key, label] of TONE_PARTS) {
    const value = content[key];
    if (offset <= value.length) {
      const line = value.slice(0, offset).split("\n").length;
      return key === "headline" ? label : `${label}, line ${line}`;
    }
    offset -= value.length + 2;
  }
  return "The whole page";
}
