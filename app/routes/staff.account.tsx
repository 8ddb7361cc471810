import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { useValidatedForm } from "~/components/form";
import { Time } from "~/components/time";
import { Notice, Badge, Button, Card, Facts, PageHeader, TextField } from "~/components/ui";
import { changePassword } from "~/modules/identity/change-password.server";
import { getAccount } from "~/modules/identity/get-account.server";
import { ChangePasswordSchema } from "~/modules/identity/schemas";
import { requireStaffUser } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import { defineAction, defineLoader, forwardHeaders, parseForm } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Your account · Comeback" }];

export const headers = forwardHeaders;

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffUser(request);
  return getAccount({ actor });
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireStaffUser(request);
  const form = await request.formData();
  if (form.get("intent") !== "change-password") {
    throw new AppError(
      "bad_request",
      "That action is not available on this page. Reload the page and try again.",
    );
  }
  const input = await parseForm(request, ChangePasswordSchema, form);
  const result = await changePassword({
    actor,
    currentPassword: input.currentPassword,
    password: input.password,
  });
  return {
    ok: true as const,
    intent: "change-password",
    message: result.otherSessionsEnded
      ? `Password changed. ${result.otherSessionsEnded} other session${result.otherSessionsEnded === 1 ? " was" : "s were"} signed out.`
      : "Password changed.",
  };
});

export default function Account() {
  const account = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const serverError = actionData && !actionData.ok ? actionData.error : undefined;
  const form = useValidatedForm(ChangePasswordSchema, { serverErrors: serverError?.fieldErrors });
  const changed = actionData?.ok ? actionData.message : null;
  const { reset } = form;
  useEffect(() => {
    if (changed) reset({ currentPassword: "", password: "", confirmPassword: "" });
  }, [changed, reset]);
  const others = account.sessions.filter((s) => !s.current).length;

  return (
    <>
      <PageHeader
        title="Your account"
        description="Who you are in Comeback, where you are signed in, and your password."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="You">
            <Facts
              items={[
                { label: "Name", value: account.name },
                { label: "Work email", value: account.email },
                { label: "Role", value: `${account.roleLabel} — ${account.roleDescription}` },
                { label: "Team", value: account.teamName ?? "—" },
                { label: "Last sign-in", value: <Time iso={account.lastSignInAt} /> },
                {
                  label: "Password last set",
                  value: <Time iso={account.passwordChangedAt} fallback="Unknown" />,
                },
              ]}
            />
            <details className="mt-4 text-sm">
              <summary className="cursor-pointer text-brand">
                What your role lets you do ({account.permissions.length})
              </summary>
              <ul className="mt-2 list-disc pl-5 font-mono text-xs">
                {account.permissions.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </details>
          </Card>

          <Card
            title="Where you are signed in"
            actions={
              <Form method="post" action="/sign-out">
                <input type="hidden" name="everywhere" value="yes" />
                <Button type="submit" variant="secondary">
                  Sign out everywhere
                </Button>
              </Form>
            }
          >
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Your live sessions</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Device
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Signed in
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Last seen
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Address
                  </th>
                </tr>
              </thead>
              <tbody>
                {account.sessions.map((s, i) => (
                  <tr key={i} className="border-t border-line">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      {s.device} {s.current ? <Badge tone="brand">This browser</Badge> : null}
                    </th>
                    <td className="py-2 pr-3">
                      <Time iso={s.createdAt} />
                    </td>
                    <td className="py-2 pr-3">
                      <Time iso={s.lastSeenAt} />
                    </td>
                    <td className="py-2 font-mono text-xs">{s.ip ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-3 text-sm text-muted">
              {others
                ? `You are also signed in in ${others} other place${others === 1 ? "" : "s"}. If you do not recognise one, sign out everywhere and change your password.`
                : "You are signed in only here."}{" "}
              Signing out everywhere includes this browser.
            </p>
          </Card>
        </div>

        <Card title="Change your password">
          <Form method="post" noValidate onSubmit={form.onSubmit} className="space-y-4">
            {changed ? <Notice tone="success">{changed}</Notice> : null}
            {serverError && !serverError.fieldErrors ? (
              <Notice tone="error">{serverError.message}</Notice>
            ) : null}
            <input
              type="text"
              name="username"
              autoComplete="username"
              value={account.email}
              readOnly
              hidden
            />
            <TextField
              label="Current password"
              type="password"
              autoComplete="current-password"
              required
              {...form.register("currentPassword")}
              errors={form.errorsFor("currentPassword")}
            />
            <TextField
              label="New password"
              type="password"
              autoComplete="new-password"
              hint="At least 12 characters."
              required
              {...form.register("password")}
              errors={form.errorsFor("password")}
            />
            <TextField
              label="New password again"
              type="password"
              autoComplete="new-password"
              required
              {...form.register("confirmPassword")}
              errors={form.errorsFor("confirmPassword")}
            />
            <Button
              type="submit"
              name="intent"
              value="change-password"
              busy={navigation.state === "submitting"}
            >
              Change password
            </Button>
            <p className="text-sm text-muted">Your other sessions end; this one stays signed in.</p>
          </Form>
        </Card>
      </div>
    </>
  );
}
