import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useValidatedForm } from "~/components/form";
import { LinkPage } from "~/components/link-page";
import { Notice, Button, TextField } from "~/components/ui";
import {
  requestPasswordReset,
  RESET_REQUESTED_MESSAGE,
} from "~/modules/identity/request-password-reset.server";
import { ForgotPasswordSchema } from "~/modules/identity/schemas";
import { clientMeta, defineAction, defineLoader, forwardHeaders, parseForm } from "~/platform/http.server";
import { requestContext } from "~/platform/request-context.server";

export const meta: MetaFunction = () => [{ title: "Forgot your password? · Comeback" }];

export const headers = forwardHeaders;

export const loader = defineLoader(async () => null);

// The same answer, after the same work, whether or not the address has an account.
export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const input = await parseForm(request, ForgotPasswordSchema);
  await requestPasswordReset({
    email: input.email,
    ...clientMeta(request),
    correlationId: requestContext()?.correlationId,
  });
  return { ok: true as const, message: RESET_REQUESTED_MESSAGE };
});

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const serverError = actionData && !actionData.ok ? actionData.error : undefined;
  const form = useValidatedForm(ForgotPasswordSchema, { serverErrors: serverError?.fieldErrors });
  return (
    <LinkPage title="Forgot your password?">
      <p className="mt-2 text-muted">
        Enter the work email you sign in with. We will email you a link to choose a new password.
      </p>
      {actionData?.ok ? (
        <div className="mt-8 space-y-4">
          <Notice tone="success" title="Check your email">
            {actionData.message}
          </Notice>
          <p className="text-sm">
            <a className="text-brand underline" href="/sign-in">
              Back to sign-in
            </a>
          </p>
        </div>
      ) : (
        <Form
          method="post"
          noValidate
          onSubmit={form.onSubmit}
          className="mt-8 space-y-5 rounded-lg border border-line bg-white p-6"
        >
          {serverError && !serverError.fieldErrors ? (
            <Notice tone="error">{serverError.message}</Notice>
          ) : null}
          <TextField
            label="Work email"
            type="email"
            autoComplete="username"
            required
            defaultValue={actionData && !actionData.ok ? actionData.values?.email : undefined}
            {...form.register("email")}
            errors={form.errorsFor("email")}
          />
          <Button type="submit" className="w-full" busy={navigation.state === "submitting"}>
            Email me a link
          </Button>
          <p className="text-center text-sm">
            <a className="text-brand underline" href="/sign-in">
              Back to sign-in
            </a>
          </p>
        </Form>
      )}
    </LinkPage>
  );
}
