import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { longDate } from "~/components/portal/dates";
import { portalMeta } from "~/components/portal/portal-meta";
import { Card, Notice, TextArea } from "~/components/ui";
import { getOwnEligibility } from "~/modules/eligibility/get-own-eligibility.server";
import { requestReview } from "~/modules/eligibility/request-review.server";
import { AskForReviewSchema } from "~/modules/eligibility/review-request-schemas";
import { t } from "~/modules/portal/strings";
import { requireAlumnus } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import { defineAction, defineLoader, parseForm, submittedForm } from "~/platform/http.server";

export const meta = portalMeta("nav.eligibility");

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireAlumnus(request);
  return getOwnEligibility({ actor });
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireAlumnus(request);
  const form = await submittedForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent !== "ask") throw new AppError("bad_request", t("error.generic"));
  const input = await parseForm(request, AskForReviewSchema, form);
  await requestReview({ actor, message: input.message });
  return { ok: true as const, intent, message: t("eligibility.ask.sent") };
});

/** A mark beside each reason that does not rely on colour alone. */
const MARK = { eligible: "✓", needs_review: "•", not_eligible: "!" } as const;
const TONE = {
  eligible: "border-good bg-green-50",
  needs_review: "border-warn bg-amber-50",
  not_eligible: "border-bad bg-red-50",
  none: "border-line bg-white",
} as const;

export default function PortalEligibility() {
  const { view, openRequest, requests } = useLoaderData<typeof loader>();
  const company =
    useRouteLoaderData<{ branding: { companyName: string } }>("routes/portal")?.branding.companyName ?? "";
  const form = useValidatedForm(AskForReviewSchema, { intent: "ask", resetOnSuccess: true });
  const answered = requests.filter((r) => r.status === "answered");
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("eligibility.title", { company })}</h1>
        <p className="mt-2 text-lg">{t("eligibility.intro", { company })}</p>
      </header>

      <section aria-labelledby="verdict-title" className={`rounded-lg border-l-4 p-5 ${TONE[view.outcome]}`}>
        <h2 id="verdict-title" className="text-xl font-semibold">
          {t(view.title)}
        </h2>
        <p className="mt-2">{t(view.body, { company })}</p>
        {view.reviewedOn ? (
          <p className="mt-2 text-sm">{t("eligibility.reviewedByHr", { date: longDate(view.reviewedOn) })}</p>
        ) : null}
        {view.reevaluateOn ? (
          <p className="mt-2 text-sm">
            {t("eligibility.reevaluateOn", { date: longDate(view.reevaluateOn) })}
          </p>
        ) : null}
      </section>

      {view.reasons.length ? (
        <Card title={t("eligibility.reasons.title")}>
          <ul className="space-y-2">
            {view.reasons.map((r) => (
              <li key={r.key} className="flex gap-3">
                <span aria-hidden="true" className="w-4 shrink-0 text-center font-semibold">
                  {MARK[r.outcome]}
                </span>
                <span>{t(r.key)}</span>
              </li>
            ))}
          </ul>
          {view.checkedOn ? (
            <p className="mt-4 text-sm text-muted">
              {t("eligibility.checkedOn", { date: longDate(view.checkedOn) })}
            </p>
          ) : null}
        </Card>
      ) : null}

      {answered.length ? (
        <Card title={t("eligibility.answers.title")}>
          <ul className="space-y-4">
            {answered.map((r) => (
              <li key={r.id}>
                <p className="text-sm text-muted">
                  {t("eligibility.ask.answered", { date: longDate(r.requestedOn) })}
                </p>
                <p className="mt-1 whitespace-pre-wrap">{r.answer}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card title={t("eligibility.ask.title")}>
        {openRequest ? (
          <div className="space-y-2">
            {form.success ? <Notice tone="success">{form.success}</Notice> : null}
            <p>{t("eligibility.ask.open", { date: longDate(openRequest.requestedOn) })}</p>
            <p className="text-sm font-medium">{t("eligibility.ask.yourMessage")}</p>
            <blockquote className="whitespace-pre-wrap border-l-2 border-line pl-3 text-sm">
              {openRequest.message}
            </blockquote>
          </div>
        ) : (
          <ValidatedForm form={form}>
            <p>{t("eligibility.ask.intro")}</p>
            <TextArea
              label={t("eligibility.ask.field")}
              hint={t("eligibility.ask.hint")}
              rows={5}
              {...form.field("message")}
            />
            <SubmitButton className="min-h-11 w-full sm:w-auto">{t("eligibility.ask.submit")}</SubmitButton>
          </ValidatedForm>
        )}
      </Card>
    </div>
  );
}
