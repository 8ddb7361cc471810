import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { useValidatedForm } from "~/components/form";
import { Notice, Button, TextField } from "~/components/ui";
import { SignInSchema } from "~/modules/identity/schemas";
import { signInStaff } from "~/modules/identity/sign-in.server";
import { getViewer } from "~/platform/auth.server";
import {
  clientMeta,
  defineAction,
  defineLoader,
  forwardHeaders,
  parseFilters,
  parseForm,
} from "~/platform/http.server";
import { safeRedirectPath } from "~/platform/safe-redirect";
import { sessionTokenFrom } from "~/platform/session.server";
import { sha256 } from "~/platform/crypto.server";
import { knownDeviceFrom } from "~/platform/known-device.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Comeback" }];

export const headers = forwardHeaders;

const RedirectSchema = z.object({ redirectTo: z.string().max(2048).optional() });

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const viewer = await getViewer(request);
  const { values } = parseFilters(request, RedirectSchema);
  const redirectTo = safeRedirectPath(values.redirectTo, "/staff");
  if (viewer?.kind === "staff") throw redirect(redirectTo);
  return null;
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const input = await parseForm(request, SignInSchema);
  const token = sessionTokenFrom(request);
  const { setCookie, deviceCookie } = await signInStaff({
    email: input.email,
    password: input.password,
    ...clientMeta(request),
    previousSessionId: token ? sha256(token) : undefined,
    device: knownDeviceFrom(request, "staff"),
  });
  const headers = new Headers();
  headers.append("Set-Cookie", setCookie);
  headers.append("Set-Cookie", deviceCookie);
  throw redirect(safeRedirectPath(input.redirectTo, "/staff"), { headers });
});

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const serverError = actionData && "error" in actionData ? actionData.error : undefined;
  const form = useValidatedForm(SignInSchema, { serverErrors: serverError?.fieldErrors });
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand">Comeback</p>
      <h1 className="mt-2 text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 text-muted">
        For HR staff, managers and administrators. Former colleagues sign in with a link sent to their email
        on the{" "}
        <a className="text-brand underline" href="/portal/sign-in">
          alumni sign-in page
        </a>
        .
      </p>
      <Form
        method="post"
        noValidate
        onSubmit={form.onSubmit}
        className="mt-8 space-y-5 rounded-lg border border-line bg-white p-6"
      >
        {serverError && !serverError.fieldErrors ? <Notice tone="error">{serverError.message}</Notice> : null}
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField
          label="Work email"
          type="email"
          autoComplete="username"
          required
          defaultValue={actionData && "values" in actionData ? actionData.values?.email : undefined}
          {...form.register("email")}
          errors={form.errorsFor("email")}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          {...form.register("password")}
          errors={form.errorsFor("password")}
        />
        <Button type="submit" className="w-full" busy={navigation.state === "submitting"}>
          Sign in
        </Button>
        <p className="text-center text-sm">
          <a className="text-brand underline" href="/forgot-password">
            Forgot your password?
          </a>
        </p>
      </Form>
    </main>
  );
}
