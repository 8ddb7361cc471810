import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { LinkPage } from "~/components/link-page";
import { ExpiredPreferencesLink, InvalidPreferencesLink } from "~/components/preferences-link";
import { Notice } from "~/components/ui";
import { PREFERENCES_SIGN_IN_PATH } from "~/modules/preferences/contact-rules";
import { INVALID_PREFERENCES_LINK } from "~/modules/preferences/find-by-token.server";
import { getPreferencesPage } from "~/modules/preferences/get-preferences.server";
import { PreferencesSchema } from "~/modules/preferences/schemas";
import { PURPOSE_WORDS } from "~/components/preferences-link";
import { updatePreferences } from "~/modules/preferences/update-preferences.server";
import {
  defineAction,
  defineLoader,
  forwardHeaders,
  parseForm,
  SECRET_LINK_HEADERS,
  parseParams,
} from "~/platform/http.server";
import { getBranding } from "~/modules/portal/get-branding.server";
import { t } from "~/modules/portal/strings";
import { linkTokenOrNone } from "~/platform/input";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t("preferences.pageTitle", { company: data?.company ?? "" }) },
  { name: "referrer", content: "no-referrer" },
  { name: "robots", content: "noindex" },
];

export const headers = forwardHeaders;

/** A tampered link: 404 with its page; an expired one (ADR 081): 410 with its page. */
const STATUS = { open: 200, expired: 410, invalid: 404, saved: 200 } as const;

export const loader = defineLoader(async ({ params }: LoaderFunctionArgs) => {
  const { token } = parseParams(params, { token: linkTokenOrNone });
  const [page, branding] = await Promise.all([getPreferencesPage({ token }), getBranding()]);
  return data(
    { page, invalidMessage: INVALID_PREFERENCES_LINK, company: branding.companyName },
    { status: STATUS[page.state], headers: SECRET_LINK_HEADERS },
  );
});

/** An ordinary same-origin form (origin-checked like every other POST); the signed link identifies the person. */
export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const { token } = parseParams(params, { token: linkTokenOrNone });
  const input = await parseForm(request, PreferencesSchema);
  const result = await updatePreferences({ token, ...input });
  return data(
    { ok: true as const, ...result },
    { status: STATUS[result.state], headers: SECRET_LINK_HEADERS },
  );
});

export default function Preferences() {
  const { page, invalidMessage, company } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData && !actionData.ok ? actionData.error : null;
  const subscribed = (purpose: string) =>
    page.state === "open" && page.known
      ? !!page.purposes.find((p) => p.purpose === purpose)?.subscribed
      : false;
  const form = useValidatedForm(PreferencesSchema, {
    defaultValues: {
      returnOpportunities: subscribed("return_opportunities"),
      news: subscribed("news"),
    },
  });
  const state = actionData?.ok && actionData.state !== "saved" ? actionData.state : page.state;
  if (state === "expired" || page.state === "expired") {
    return (
      <ExpiredPreferencesLink
        brand={company}
        expiredOn={page.state === "expired" ? page.expiredOn : null}
        signInHref={PREFERENCES_SIGN_IN_PATH}
      />
    );
  }
  if (page.state === "invalid" || state === "invalid" || error?.code === "not_found") {
    return (
      <InvalidPreferencesLink
        brand={company}
        message={error?.code === "not_found" ? error.message : invalidMessage}
        signInHref={PREFERENCES_SIGN_IN_PATH}
      />
    );
  }
  const preferences = page;
  const saved = actionData?.ok && actionData.state === "saved" ? actionData : null;
  if (!preferences.known) {
    return (
      <LinkPage brand={company} title={t("preferences.noRecordTitle")}>
        <p className="mt-4 text-muted">{t("preferences.noRecord")}</p>
      </LinkPage>
    );
  }
  return (
    <LinkPage brand={company} title={t("preferences.title")}>
      <p className="mt-4 text-muted">
        {preferences.firstName
          ? t("preferences.introNamed", { name: preferences.firstName, company, date: preferences.expiresOn })
          : t("preferences.intro", { company, date: preferences.expiresOn })}
      </p>
      {preferences.doNotContact ? (
        <div className="mt-6">
          <Notice tone="info" title={t("preferences.doNotContactTitle")}>
            {t("preferences.doNotContact")}
          </Notice>
        </div>
      ) : null}
      <ValidatedForm form={form} className="mt-8 space-y-5 rounded-lg border border-line bg-white p-6">
        {saved ? (
          <Notice tone="success">
            {!saved.changed
              ? t("preferences.unchanged")
              : !saved.cancelled
                ? t("preferences.saved")
                : saved.cancelled === 1
                  ? t("preferences.savedCancelledOne")
                  : t("preferences.savedCancelledMany", { count: saved.cancelled })}
          </Notice>
        ) : null}
        {error?.code === "conflict" ? (
          <p className="text-sm">
            <a className="text-brand underline" href={PREFERENCES_SIGN_IN_PATH}>
              {t("preferences.signIn")}
            </a>
          </p>
        ) : null}
        <fieldset className="space-y-4">
          <legend className="text-sm font-medium">{t("preferences.legend")}</legend>
          {preferences.purposes.map((p) => (
            <label key={p.purpose} className="flex gap-3">
              <input
                type="checkbox"
                {...form.register(p.purpose === "news" ? "news" : "returnOpportunities")}
                id={form.idFor(p.purpose === "news" ? "news" : "returnOpportunities")}
                value="yes"
                defaultChecked={
                  form.values
                    ? form.values[p.purpose === "news" ? "news" : "returnOpportunities"] === "yes"
                    : p.subscribed
                }
                disabled={p.locked}
                className="mt-1 h-4 w-4"
                aria-describedby={`${p.purpose}-hint`}
              />
              <span>
                <span className="block font-medium">{t(PURPOSE_WORDS[p.purpose].title)}</span>
                <span id={`${p.purpose}-hint`} className="block text-sm text-muted">
                  {t(PURPOSE_WORDS[p.purpose].description, { company })}
                  {p.locked ? (
                    <>
                      {" "}
                      {t("preferences.locked")}{" "}
                      <a className="text-brand underline" href={PREFERENCES_SIGN_IN_PATH}>
                        {t("preferences.lockedSignIn")}
                      </a>
                      .
                    </>
                  ) : null}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <SubmitButton className="w-full">{t("preferences.save")}</SubmitButton>
      </ValidatedForm>
    </LinkPage>
  );
}
