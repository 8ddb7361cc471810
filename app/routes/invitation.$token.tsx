import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useValidatedForm } from "~/components/form";
import { InvalidLink, LinkPage } from "~/components/link-page";
import { formatUtc } from "~/components/time";
import { Notice, Button, TextField } from "~/components/ui";
import { acceptInvitation, findInvitation } from "~/modules/identity/accept-invitation.server";
import { INVALID_LINK_MESSAGE } from "~/modules/identity/auth-tokens.server";
import { SetPasswordSchema } from "~/modules/identity/schemas";
import { sha256 } from "~/platform/crypto.server";
import {
  clientMeta,
  defineAction,
  defineLoader,
  forwardHeaders,
  parseForm,
  SECRET_LINK_HEADERS,
  parseParams,
} from "~/platform/http.server";
import { linkTokenOrNone } from "~/platform/input";
import { sessionTokenFrom } from "~/platform/session.server";

export const meta: MetaFunction = () => [
  { title: "Join Comeback" },
  { name: "referrer", content: "no-referrer" },
];

export const headers = forwardHeaders;

export const loader = defineLoader(async ({ params }: LoaderFunctionArgs) => {
  const { token } = parseParams(params, { token: linkTokenOrNone });
  const invitation = await findInvitation(token);
  return data(
    { invitation, invalidMessage: INVALID_LINK_MESSAGE },
    { status: invitation ? 200 : 404, headers: SECRET_LINK_HEADERS },
  );
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const { token } = parseParams(params, { token: linkTokenOrNone });
  const input = await parseForm(request, SetPasswordSchema);
  const presented = sessionTokenFrom(request);
  const { setCookie } = await acceptInvitation({
    token: token ?? "",
    password: input.password,
    ...clientMeta(request),
    previousSessionId: presented ? sha256(presented) : undefined,
  });
  throw redirect("/staff", { headers: { "Set-Cookie": setCookie, ...SECRET_LINK_HEADERS } });
});

export default function Invitation() {
  const { invitation, invalidMessage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const serverError = actionData && !actionData.ok ? actionData.error : undefined;
  const form = useValidatedForm(SetPasswordSchema, { serverErrors: serverError?.fieldErrors });
  if (!invitation || serverError?.code === "not_found")
    return <InvalidLink message={invalidMessage} what="invitation" />;
  return (
    <LinkPage title={`Welcome, ${invitation.name}`}>
      <p className="mt-2 text-muted">
        {invitation.invitedBy} invited you to Comeback as{" "}
        <strong className="text-ink">{invitation.roleLabel}</strong>
        {invitation.teamName ? <> in the {invitation.teamName} team</> : null}. Choose a password to finish
        setting up your account.
      </p>
      <Form
        method="post"
        noValidate
        onSubmit={form.onSubmit}
        className="mt-8 space-y-5 rounded-lg border border-line bg-white p-6"
      >
        {serverError && !serverError.fieldErrors ? <Notice tone="error">{serverError.message}</Notice> : null}
        <TextField
          label="Work email"
          type="email"
          name="username"
          autoComplete="username"
          value={invitation.email}
          readOnly
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. A few unrelated words make a strong password that is easy to remember."
          required
          {...form.register("password")}
          errors={form.errorsFor("password")}
        />
        <TextField
          label="Password again"
          type="password"
          autoComplete="new-password"
          required
          {...form.register("confirmPassword")}
          errors={form.errorsFor("confirmPassword")}
        />
        <Button type="submit" className="w-full" busy={navigation.state === "submitting"}>
          Set password and sign in
        </Button>
        <p className="text-sm text-muted">This link works once, until {formatUtc(invitation.expiresAt)}.</p>
      </Form>
    </LinkPage>
  );
}
