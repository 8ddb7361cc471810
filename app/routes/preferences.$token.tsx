import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { LinkPage } from "~/components/link-page";
import { Notice, Button } from "~/components/ui";
import { INVALID_PREFERENCES_LINK } from "~/modules/preferences/find-by-token.server";
import { getPreferences } from "~/modules/preferences/get-preferences.server";
import { PreferencesSchema } from "~/modules/preferences/schemas";
import { updatePreferences } from "~/modules/preferences/update-preferences.server";
import {
  defineAction,
  defineLoader,
  forwardHeaders,
  parseForm,
  SECRET_LINK_HEADERS,
  parseParams,
} from "~/platform/http.server";
import { linkTokenOrNone } from "~/platform/input";

export const meta: MetaFunction = () => [
  { title: "Email preferences · Comeback" },
  { name: "referrer", content: "no-referrer" },
  { name: "robots", content: "noindex" },
];

export const headers = forwardHeaders;

export const loader = defineLoader(async ({ params }: LoaderFunctionArgs) => {
  const { token } = parseParams(params, { token: linkTokenOrNone });
  const preferences = await getPreferences({ token });
  return data(
    { preferences, invalidMessage: INVALID_PREFERENCES_LINK },
    { status: preferences ? 200 : 404, headers: SECRET_LINK_HEADERS },
  );
});

/** An ordinary same-origin form (origin-checked like every other POST); the signed link identifies the person. */
export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const { token } = parseParams(params, { token: linkTokenOrNone });
  const input = await parseForm(request, PreferencesSchema);
  const result = await updatePreferences({ token, ...input });
  return data({ ok: true as const, ...result }, { headers: SECRET_LINK_HEADERS });
});

export default function Preferences() {
  const { preferences, invalidMessage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const error = actionData && !actionData.ok ? actionData.error : null;
  if (!preferences || error?.code === "not_found") {
    return (
      <LinkPage title="This link cannot be used">
        <p className="mt-4 text-muted">{error?.code === "not_found" ? error.message : invalidMessage}</p>
      </LinkPage>
    );
  }
  if (!preferences.known) {
    return (
      <LinkPage title="Nothing to change">
        <p className="mt-4 text-muted">We no longer hold a record for this link, so we will not email you.</p>
      </LinkPage>
    );
  }
  return (
    <LinkPage title="What we email you about">
      <p className="mt-4 text-muted">
        {preferences.firstName ? `${preferences.firstName}, choose` : "Choose"} what Comeback may write to you
        about. Email about something you started yourself, such as an application or a contract, always
        reaches you.
      </p>
      {preferences.doNotContact ? (
        <div className="mt-6">
          <Notice tone="info" title="We will not contact you">
            Our HR team noted that you should not be contacted, so you get no email of these kinds, whatever
            you choose here. Write to the person named in our last email if that is not what you want.
          </Notice>
        </div>
      ) : null}
      <Form method="post" className="mt-8 space-y-5 rounded-lg border border-line bg-white p-6">
        {actionData?.ok ? (
          <Notice tone="success">
            {actionData.changed
              ? `Saved. ${actionData.cancelled ? `We also stopped ${actionData.cancelled} message${actionData.cancelled === 1 ? "" : "s"} that were waiting to go out.` : "It applies at once."}`
              : "Nothing changed: these were already your choices."}
          </Notice>
        ) : null}
        {error ? <Notice tone="error">{error.message}</Notice> : null}
        <fieldset className="space-y-4">
          <legend className="text-sm font-medium">Email me about</legend>
          {preferences.purposes.map((p) => (
            <label key={p.purpose} className="flex gap-3">
              <input
                type="checkbox"
                name={p.purpose === "news" ? "news" : "returnOpportunities"}
                value="yes"
                defaultChecked={p.subscribed}
                className="mt-1 h-4 w-4"
                aria-describedby={`${p.purpose}-hint`}
              />
              <span>
                <span className="block font-medium">{p.title}</span>
                <span id={`${p.purpose}-hint`} className="block text-sm text-muted">
                  {p.description}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <Button type="submit" className="w-full" busy={navigation.state === "submitting"}>
          Save my choices
        </Button>
      </Form>
    </LinkPage>
  );
}
