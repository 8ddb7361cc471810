import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Text } from "~/components/portal/text";
import { Notice, SelectField, TextArea } from "~/components/ui";
import type { AnswerResult } from "~/modules/invitation-answers/answer-invitation.server";
import type { AnswerPage } from "~/modules/invitation-answers/get-answer-page.server";
import {
  ANSWER_CHOICE_KEYS,
  ANSWER_CHOICES,
  HOURS_BANDS,
  HOURS_KEYS,
  START_BANDS,
  START_KEYS,
} from "~/modules/invitation-answers/labels";
import {
  ANSWER_MESSAGE_MAX_CHARS,
  AnswerInvitationSchema,
  FreshAnswerLinkSchema,
} from "~/modules/invitation-answers/schemas";
import { t } from "~/modules/portal/strings";
import { ChoiceGroup } from "./choice-group";

/**
 * The sections of the page an invitation's main button opens (ADR 038): the choice, what the
 * person sees after answering, and the pages for links that cannot be used. They take data
 * only (the employer's name comes from the portal frame); the route decides which to show.
 * Every word is in the portal's catalogue.
 */

type Open = Extract<AnswerPage, { state: "open" }>;
type Sender = { name: string; email: string };

const link = "text-brand underline";

export function AnswerForm({ page, company }: { page: Open; company: string }) {
  const previous = page.previous;
  const form = useValidatedForm(AnswerInvitationSchema, {
    intent: "answer",
    defaultValues: previous
      ? {
          answer: previous.answer,
          hoursPerWeek: previous.hoursPerWeek ?? "",
          earliestStart: previous.earliestStart ?? "",
          message: previous.message ?? "",
        }
      : undefined,
  });
  const { id, errors, required, defaultValue, ...register } = form.field("answer");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">{t("answer.question", { firstName: page.firstName })}</h1>
      <p className="mt-3">{t("answer.intro", { company })}</p>
      <div className="mt-4 rounded-lg border border-line bg-white p-4">
        <h2 className="text-sm font-semibold">{t("answer.offerHeading")}</h2>
        <p className="mt-1 whitespace-pre-line">{page.opportunity}</p>
      </div>
      <p className="mt-4 text-muted">{t("answer.replyBy", { date: page.respondBy })}</p>
      {previous ? (
        <div className="mt-4">
          <Notice tone="info">
            {t("answer.previous", {
              answer: t(ANSWER_CHOICE_KEYS[previous.answer].label),
              date: previous.answeredOn,
            })}
          </Notice>
        </div>
      ) : null}
      <ValidatedForm form={form} className="mt-6 space-y-6">
        <ChoiceGroup
          legend={t("answer.legend")}
          id={id}
          required={required}
          errors={errors}
          defaultValue={defaultValue}
          register={register}
          options={ANSWER_CHOICES.map((value) => ({
            value,
            label: t(ANSWER_CHOICE_KEYS[value].label),
            hint: t(ANSWER_CHOICE_KEYS[value].hint, { company }),
          }))}
        />
        <fieldset className="space-y-4 rounded-lg border border-line bg-white p-4">
          <legend className="px-1 text-base font-semibold">{t("answer.availabilityLegend")}</legend>
          <p className="text-sm text-muted">{t("answer.availabilityHint")}</p>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <SelectField
              label={t("answer.hoursLabel")}
              options={[
                { value: "", label: t("answer.choose") },
                ...HOURS_BANDS.map((value) => ({ value, label: t(HOURS_KEYS[value]) })),
              ]}
              {...form.field("hoursPerWeek")}
            />
            <SelectField
              label={t("answer.startLabel")}
              options={[
                { value: "", label: t("answer.choose") },
                ...START_BANDS.map((value) => ({ value, label: t(START_KEYS[value]) })),
              ]}
              {...form.field("earliestStart")}
            />
          </div>
        </fieldset>
        <TextArea
          label={t("answer.messageLabel")}
          hint={t("answer.messageHint", { company, max: ANSWER_MESSAGE_MAX_CHARS.toLocaleString("en") })}
          rows={4}
          maxLength={ANSWER_MESSAGE_MAX_CHARS}
          {...form.field("message")}
        />
        <SubmitButton className="min-h-11 w-full text-base">{t("answer.submit")}</SubmitButton>
      </ValidatedForm>
      <SmallPrint sender={page.sender} />
    </div>
  );
}

function SmallPrint({ sender }: { sender: Sender }) {
  return (
    <div className="mt-8 space-y-2 border-t border-line pt-4 text-sm text-muted">
      <p>{t("answer.noSignIn")}</p>
      <p>
        <Text
          k="answer.questions"
          vars={{
            name: sender.name,
            email: (
              <a className={link} href={`mailto:${sender.email}`}>
                {sender.email}
              </a>
            ),
          }}
        />
      </p>
    </div>
  );
}

export function AnswerDone({
  result,
  company,
  changeHref,
  sender,
}: {
  result: AnswerResult;
  company: string;
  changeHref: string;
  sender: Sender;
}) {
  const title =
    result.answer === "interested"
      ? t("answer.done.interestedTitle", { firstName: result.firstName })
      : result.answer === "not_now"
        ? t("answer.done.notNowTitle")
        : t("answer.done.stopTitle");
  const availability = [
    result.hoursPerWeek ? t(HOURS_KEYS[result.hoursPerWeek]) : null,
    result.earliestStart ? t(START_KEYS[result.earliestStart]) : null,
  ].filter(Boolean);
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div role="status" className="mt-4 space-y-3">
        {result.answer === "interested" ? (
          <p>
            {t(result.apply ? "answer.done.interestedApply" : "answer.done.interested", {
              company,
              sender: result.sender,
            })}
          </p>
        ) : result.answer === "not_now" ? (
          <p>{t("answer.done.notNow")}</p>
        ) : (
          <>
            <p className="font-medium">{t("answer.done.stop")}</p>
            {result.cancelled ? (
              <p>
                {result.cancelled === 1
                  ? t("answer.done.stopCancelledOne")
                  : t("answer.done.stopCancelledMany", { count: result.cancelled })}
              </p>
            ) : null}
            <p className="text-muted">{t("answer.done.stopTransactional")}</p>
          </>
        )}
      </div>
      {result.apply ? (
        <section aria-labelledby="apply-next" className="mt-6 rounded-lg border border-line bg-white p-4">
          <h2 id="apply-next" className="text-lg font-semibold">
            {t("answer.done.applyTitle")}
          </h2>
          <p className="mt-1 text-sm text-muted">{t("answer.done.applyHint")}</p>
          <a
            href={result.apply.path}
            className="mt-3 inline-flex min-h-11 items-center rounded-md bg-brand px-4 py-2 font-medium text-white hover:bg-brand-strong"
          >
            {t("answer.done.apply", { title: result.apply.title })}
          </a>
        </section>
      ) : null}
      {availability.length || result.message ? (
        <dl className="mt-6 space-y-3 rounded-lg border border-line bg-white p-4 text-sm">
          {availability.length ? (
            <div>
              <dt className="font-medium">{t("answer.done.availability")}</dt>
              <dd className="mt-0.5">{availability.join(", ")}</dd>
            </div>
          ) : null}
          {result.message ? (
            <div>
              <dt className="font-medium">{t("answer.done.message")}</dt>
              <dd className="mt-0.5 whitespace-pre-line [overflow-wrap:anywhere]">{result.message}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <div className="mt-6 space-y-2 text-sm">
        {result.answer === "stop" && result.preferencesPath ? (
          <p>
            <a className={link} href={result.preferencesPath}>
              {t("answer.done.changeMind")}
            </a>
          </p>
        ) : null}
        <p className="text-muted">{t("answer.done.change", { date: result.expiresOn })}</p>
        <p>
          <a className={link} href={changeHref}>
            {t("answer.done.changeNow")}
          </a>
        </p>
      </div>
      <SmallPrint sender={sender} />
    </div>
  );
}

export function InvalidAnswerLink({ signInHref }: { signInHref: string | null }) {
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">{t("answer.invalid.title")}</h1>
      <p className="mt-4 text-muted">{t("answer.invalid.body")}</p>
      <ul className="mt-6 list-disc space-y-2 pl-5 text-sm">
        {signInHref ? (
          <li>
            <a className={link} href={signInHref}>
              {t("answer.invalid.signIn")}
            </a>
          </li>
        ) : null}
        <li>{t("answer.invalid.writeToSender")}</li>
      </ul>
    </div>
  );
}

export function GoneAnswerLink() {
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">{t("answer.gone.title")}</h1>
      <p className="mt-4 text-muted">{t("answer.gone.body")}</p>
    </div>
  );
}

export function ExpiredAnswerLink({
  page,
  sent,
  signInHref,
}: {
  page: Extract<AnswerPage, { state: "expired" }>;
  sent: { days: number } | null;
  signInHref: string | null;
}) {
  // No fields: the signed link says who and which campaign. A refusal shows in the form's summary.
  const form = useValidatedForm(FreshAnswerLinkSchema, { intent: "fresh-link" });
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">{t("answer.expired.title")}</h1>
      <p className="mt-4 text-muted">{t("answer.expired.body", { date: page.expiredOn })}</p>
      {sent ? (
        <div className="mt-6">
          <Notice tone="success">{t("answer.expired.sent", { days: sent.days })}</Notice>
        </div>
      ) : (
        <ValidatedForm form={form} className="mt-6 space-y-3">
          <SubmitButton className="min-h-11 w-full text-base">{t("answer.expired.button")}</SubmitButton>
        </ValidatedForm>
      )}
      {signInHref ? (
        <p className="mt-6 text-sm">
          <a className={link} href={signInHref}>
            {t("answer.invalid.signIn")}
          </a>
        </p>
      ) : null}
    </div>
  );
}
