import { z } from "zod";
import { t } from "~/modules/portal/strings";

const HIDDEN_EXCEPT_NEWLINE =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

/** The person asks HR to look at their verdict again (portal). Messages from the portal catalogue. */
export const AskForReviewSchema = z.object({
  message: z
    .string({ error: t("eligibility.ask.error.short") })
    .trim()
    .min(10, t("eligibility.ask.error.short"))
    .max(2000, t("eligibility.ask.error.long"))
    .refine((v) => !HIDDEN_EXCEPT_NEWLINE.test(v), t("eligibility.ask.error.hidden"))
    .transform((v) => v.replace(/\r\n?/g, "\n").normalize("NFC")),
});

/** HR answers the person (staff page): the words the person will read. */
export const AnswerReviewRequestSchema = z.object({
  requestId: z.string().min(1, "Reload the page and try again.").max(64),
  answer: z
    .string({ error: "Write the answer the person will read." })
    .trim()
    .min(10, "Write the answer the person will read (at least 10 characters).")
    .max(2000, "Keep the answer under 2,000 characters.")
    .refine((v) => !HIDDEN_EXCEPT_NEWLINE.test(v), "Remove invisible or direction-changing characters.")
    .transform((v) => v.replace(/\r\n?/g, "\n").normalize("NFC")),
});
