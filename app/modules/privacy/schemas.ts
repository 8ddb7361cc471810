import { z } from "zod";
import { t } from "~/modules/portal/strings";

const note = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters.`);

/** HR approves an erasure: an explicit confirmation (it cannot be undone) and an optional note. */
export const ApproveErasureSchema = z.object({
  confirm: z.literal("yes", {
    message: "Tick the box to confirm: the erasure cannot be undone.",
  }),
  note: note(1000).default(""),
});

/** HR refuses an erasure: the reason is shown to the person. */
export const RefuseErasureSchema = z.object({
  note: note(1000).min(10, "Say why, in a sentence the person will read (at least 10 characters)."),
});

const HIDDEN_EXCEPT_NEWLINE =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

/** The person asks for their data to be erased (portal): a confirmation and an optional message. */
export const RequestErasureSchema = z.object({
  confirm: z.literal("yes", { message: t("privacy.erase.error.confirm") }),
  message: z
    .string()
    .trim()
    .max(1000, t("privacy.erase.error.long"))
    .refine((v) => !HIDDEN_EXCEPT_NEWLINE.test(v), t("privacy.erase.error.hidden"))
    .transform((v) => v.replace(/\r\n?/g, "\n").normalize("NFC"))
    .default(""),
});
