import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { longDate } from "~/components/portal/dates";
import { portalMeta } from "~/components/portal/portal-meta";
import { Text } from "~/components/portal/text";
import { Card, Checkbox, Notice, TextArea } from "~/components/ui";
import { t } from "~/modules/portal/strings";
import { PreferencesSchema } from "~/modules/preferences/schemas";
import { updateOwnPreferences } from "~/modules/preferences/update-preferences.server";
import { getOwnDataRights } from "~/modules/privacy/get-own-data-rights.server";
import { requestErasure } from "~/modules/privacy/request-erasure.server";
import { RequestErasureSchema } from "~/modules/privacy/schemas";
import { requireAlumnus } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import { defineAction, defineLoader, parseForm, submittedForm } from "~/platform/http.server";

export const meta = portalMeta("privacy.title");

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireAlumnus(request);
  return getOwnDataRights({ actor });
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireAlumnus(request);
  const form = await submittedForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent === "contact") {
    const input = await parseForm(request, PreferencesSchema, form);
    const result = await updateOwnPreferences({ actor, ...input });
    return {
      ok: true as const,
      intent,
      message: t(result.changed ? "privacy.contact.saved" : "privacy.contact.unchanged"),
    };
  }
  if (intent === "erase") {
    const input = await parseForm(request, RequestErasureSchema, form);
    const result = await requestErasure({ actor, message: input.message });
    return { ok: true as const, intent, message: t("privacy.erase.sent", { reference: result.reference }) };
  }
  throw new AppError("bad_request", t("error.generic"));
});

export default function PortalPrivacy() {
  const data = useLoaderData<typeof loader>();
  const branding = useRouteLoaderData<{ branding: { companyName: string; senderEmail: string } }>(
    "routes/portal",
  )?.branding;
  const company = branding?.companyName ?? "";
  const email = (
    <a className="text-brand underline" href={`mailto:${branding?.senderEmail ?? ""}`}>
      {branding?.senderEmail}
    </a>
  );
  const contact = useValidatedForm(PreferencesSchema, {
    intent: "contact",
    defaultValues: data.contact as never,
  });
  const erase = useValidatedForm(RequestErasureSchema, { intent: "erase" });
  const erasure = data.erasure;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("privacy.title")}</h1>
        <p className="mt-2 text-lg">{t("privacy.intro")}</p>
      </header>

      <Card title={t("privacy.contact.title")}>
        <ValidatedForm form={contact}>
          <p>{t("privacy.contact.intro")}</p>
          {data.doNotContact ? (
            <Notice tone="info">
              <Text k="privacy.contact.doNotContact" vars={{ email }} />
            </Notice>
          ) : null}
          <Checkbox
            label={<strong>{t("privacy.contact.returnOpportunities.title")}</strong>}
            hint={t("privacy.contact.returnOpportunities.description")}
            value="yes"
            {...contact.checkbox("returnOpportunities")}
          />
          <Checkbox
            label={<strong>{t("privacy.contact.news.title")}</strong>}
            hint={t("privacy.contact.news.description", { company })}
            value="yes"
            {...contact.checkbox("news")}
          />
          <SubmitButton variant="secondary" className="min-h-11 w-full sm:w-auto">
            {t("privacy.contact.save")}
          </SubmitButton>
        </ValidatedForm>
      </Card>

      <Card title={t("privacy.download.title")}>
        <p>
          <Text k="privacy.download.intro" vars={{ email }} />
        </p>
        <ul className="mt-4 flex flex-col gap-3 sm:flex-row">
          <li>
            <a
              className="flex min-h-11 w-full items-center justify-center rounded-md px-4 py-2 text-center font-medium text-brand ring-1 ring-line hover:bg-brand-soft sm:w-auto"
              href="/portal/privacy/export/json"
              download
            >
              {t("privacy.download.json")}
            </a>
          </li>
          <li>
            <a
              className="flex min-h-11 w-full items-center justify-center rounded-md px-4 py-2 text-center font-medium text-brand ring-1 ring-line hover:bg-brand-soft sm:w-auto"
              href="/portal/privacy/export/csv"
              download
            >
              {t("privacy.download.csv")}
            </a>
          </li>
        </ul>
      </Card>

      <Card title={t("privacy.erase.title")}>
        {erasure?.status === "requested" ? (
          <div className="space-y-2">
            {erase.success ? <Notice tone="success">{erase.success}</Notice> : null}
            <p>
              {t("privacy.erase.pending", {
                date: longDate(erasure.requestedOn),
                reference: erasure.reference,
              })}
            </p>
            <p className="text-sm text-muted">{t("privacy.erase.consequences")}</p>
          </div>
        ) : (
          <ValidatedForm form={erase}>
            {erasure?.status === "refused" ? (
              <Notice tone="info">
                <p>{t("privacy.erase.refused", { date: longDate(erasure.decidedOn) })}</p>
                <p className="mt-1 whitespace-pre-wrap">{erasure.reason}</p>
                <p className="mt-1">{t("privacy.erase.askAgain")}</p>
              </Notice>
            ) : null}
            <p>{t("privacy.erase.intro")}</p>
            <p>{t("privacy.erase.consequences")}</p>
            <TextArea
              label={t("privacy.erase.field")}
              hint={t("privacy.erase.hint")}
              rows={3}
              {...erase.field("message")}
            />
            <Checkbox label={t("privacy.erase.confirm")} value="yes" {...erase.checkbox("confirm")} />
            <SubmitButton variant="danger" className="min-h-11 w-full sm:w-auto">
              {t("privacy.erase.submit")}
            </SubmitButton>
          </ValidatedForm>
        )}
      </Card>
    </div>
  );
}
