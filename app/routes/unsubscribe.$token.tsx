import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { LinkPage } from "~/components/link-page";
import { InvalidPreferencesLink, PURPOSE_WORDS } from "~/components/preferences-link";
import { PREFERENCES_SIGN_IN_PATH } from "~/modules/preferences/contact-rules";
import { INVALID_PREFERENCES_LINK } from "~/modules/preferences/find-by-token.server";
import { getPreferences } from "~/modules/preferences/get-preferences.server";
import { OneClickSchema } from "~/modules/preferences/schemas";
import { unsubscribeByToken } from "~/modules/preferences/unsubscribe-by-token.server";
import { AppError } from "~/platform/errors";
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
  { title: t("unsubscribe.pageTitle", { company: data?.company ?? "" }) },
  { name: "referrer", content: "no-referrer" },
  { name: "robots", content: "noindex" },
];

export const headers = forwardHeaders;

// The URL carries a signed token: never cache the page, never send it on as a referrer.
/** GET only shows what the button would do; nothing changes until the POST (mail scanners follow links). */
export const loader = defineLoader(async ({ params }: LoaderFunctionArgs) => {
  const { token } = parseParams(params, { token: linkTokenOrNone });
  const [preferences, branding] = await Promise.all([getPreferences({ token }), getBranding()]);
  return data(
    { preferences, invalidMessage: INVALID_PREFERENCES_LINK, company: branding.companyName },
    { status: preferences ? 200 : 404, headers: SECRET_LINK_HEADERS },
  );
});

/**
 * RFC 8058 one-click: mail programs POST `List-Unsubscribe=One-Click` here without cookies or an
 * Origin we know (the server lets this exact path through its origin check). The signed token
 * is the credential; the change is idempotent (ADR 022).
 */
export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const { token } = parseParams(params, { token: linkTokenOrNone });
  await parseForm(request, OneClickSchema);
  const result = await unsubscribeByToken({ token });
  if (!result.ok) throw new AppError("not_found", INVALID_PREFERENCES_LINK);
  return data(result, { headers: SECRET_LINK_HEADERS });
});

export default function Unsubscribe() {
  const { preferences, invalidMessage, company } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The mail program's one-click POST and this button send the same field (RFC 8058).
  const form = useValidatedForm(OneClickSchema, { defaultValues: { "List-Unsubscribe": "One-Click" } });
  if (!preferences || (actionData && !actionData.ok && actionData.error.code === "not_found")) {
    return (
      <InvalidPreferencesLink
        brand={company}
        message={invalidMessage}
        signInHref={PREFERENCES_SIGN_IN_PATH}
      />
    );
  }
  // This link never expires, so it cannot lead to a page that grants consent (ADR 081): choosing
  // again is for the signed-in person, or the fresh preferences link in their next email.
  const preferencesPath = PREFERENCES_SIGN_IN_PATH;
  const current = preferences.purposes.find((p) => p.purpose === preferences.purpose);
  const done = actionData?.ok ? actionData : null;
  const words = PURPOSE_WORDS[preferences.purpose];
  const topic = t(words.topic);
  const name = preferences.firstName;
  const description = t(words.description, { company });
  if (done || current?.consent === "withdrawn") {
    return (
      <LinkPage brand={company} title={t("unsubscribe.doneTitle")}>
        <p className="mt-4" role="status">
          {done?.cancelled
            ? name
              ? t("unsubscribe.doneCancelledNamed", { name, topic })
              : t("unsubscribe.doneCancelled", { topic })
            : name
              ? t("unsubscribe.doneNamed", { name, topic })
              : t("unsubscribe.done", { topic })}
        </p>
        <p className="mt-3 text-muted">{t("unsubscribe.stillReaches")}</p>
        <p className="mt-6">
          <a className="text-brand underline" href={preferencesPath}>
            {t("unsubscribe.choose")}
          </a>
        </p>
      </LinkPage>
    );
  }
  return (
    <LinkPage brand={company} title={t("unsubscribe.title", { topic })}>
      <p className="mt-4 text-muted">
        {name
          ? t("unsubscribe.introNamed", { name, company, topic, description })
          : t("unsubscribe.intro", { company, topic, description })}
      </p>
      <ValidatedForm form={form} className="mt-8 space-y-4 rounded-lg border border-line bg-white p-6">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <SubmitButton className="w-full">{t("unsubscribe.submit", { topic })}</SubmitButton>
        <p className="text-sm text-muted">{t("unsubscribe.noSignIn")}</p>
      </ValidatedForm>
      <p className="mt-6 text-sm">
        <a className="text-brand underline" href={preferencesPath}>
          {t("unsubscribe.chooseInstead")}
        </a>
      </p>
    </LinkPage>
  );
}
