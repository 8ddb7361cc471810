import { z } from "zod";
import { neutraliseText } from "#emails/components/text";
import { t } from "~/modules/portal/strings";
import { pageNumber } from "~/platform/input";
import { ANSWER_CHOICES, HOURS_BANDS, START_BANDS } from "./labels";

/** Form schemas for answering an invitation, shared by the page (client checks) and the actions. */

export const ANSWER_MESSAGE_MAX_CHARS = 1000;

/** An optional choice from a list: the empty option ("Choose...") means none. */
function optionalChoice<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z
    .union([z.literal(""), z.enum(values, { message })])
    .optional()
    .transform((v) => (v ? v : null));
}

export const AnswerInvitationSchema = z.object({
  answer: z.enum(ANSWER_CHOICES, { message: t("answer.error.chooseAnswer") }),
  hoursPerWeek: optionalChoice(HOURS_BANDS, t("answer.error.chooseFromList")),
  earliestStart: optionalChoice(START_BANDS, t("answer.error.chooseFromList")),
  message: z
    .string()
    .max(
      ANSWER_MESSAGE_MAX_CHARS,
      t("answer.error.messageTooLong", { max: ANSWER_MESSAGE_MAX_CHARS.toLocaleString("en") }),
    )
    .optional()
    .transform((v) => (v ? neutraliseText(v, { multiline: true }) || null : null)),
});
export type AnswerInvitationInput = z.output<typeof AnswerInvitationSchema>;

/** The expired-link page's button: no fields, the signed link says who and which campaign. */
export const FreshAnswerLinkSchema = z.object({});

/** HR marks an answer handled on the campaign page (the answer's id). */
export const MarkAnswerHandledSchema = z.object({
  answerId: z.string().regex(/^[a-z0-9]{8,40}$/i, "That answer is not known."),
});

/** The campaign page's answer list: which page, which answer (the query string). */
export const CampaignAnswersQuerySchema = z.object({
  page: pageNumber.optional(),
  answer: z.enum(ANSWER_CHOICES).optional(),
});
