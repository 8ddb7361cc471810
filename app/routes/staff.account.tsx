import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { SessionsTable } from "~/components/account/sessions-table";
import { TimeZoneForm } from "~/components/account/time-zone-form";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Time } from "~/components/time";
import { Button, Card, Facts, PageHeader, TextField } from "~/components/ui";
import { changePassword } from "~/modules/identity/change-password.server";
import { getAccount } from "~/modules/identity/get-account.server";
import { ChangePasswordSchema, TimeZoneSchema } from "~/modules/identity/schemas";
import { listTimeZones, setTimeZone } from "~/modules/identity/set-time-zone.server";
import { requireStaffUser } from "~/platform/auth.server";
import { defineAction, defineLoader, forwardHeaders, parseForm, parseIntent } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Your account · Comeback" }];

export const headers = forwardHeaders;

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffUser(request);
  return { ...(await getAccount({ actor })), zones: listTimeZones(), now: new Date().toISOString() };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireStaffUser(request);
  const intent = await parseIntent(request, ["time-zone", "change-password"]);
  if (intent === "time-zone") {
    const input = await parseForm(request, TimeZoneSchema);
    const result = await setTimeZone({ actor, timeZone: input.timeZone });
    return {
      ok: true as const,
      intent,
      message: `Times are now shown in ${result.timeZone.replace(/_/g, " ")}.`,
    };
  }
  const input = await parseForm(request, ChangePasswordSchema);
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

function ChangePasswordForm({ email }: { email: string }) {
  const form = useValidatedForm(ChangePasswordSchema, { intent: "change-password", resetOnSuccess: true });
  return (
    <ValidatedForm form={form} aria-label="Change your password">
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        {...form.field("currentPassword")}
        defaultValue={undefined}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        {...form.field("password")}
        defaultValue={undefined}
      />
      <TextField
        label="New password again"
        type="password"
        autoComplete="new-password"
        {...form.field("confirmPassword")}
        defaultValue={undefined}
      />
      <SubmitButton>Change password</SubmitButton>
      <p className="text-sm text-muted">Your other sessions end; this one stays signed in.</p>
    </ValidatedForm>
  );
}

export default function Account() {
  const account = useLoaderData<typeof loader>();
  const others = account.sessions.filter((s) => !s.current).length;
  return (
    <>
      <PageHeader
        title="Your account"
        description="Who you are in Comeback, where you are signed in, your time zone and your password."
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="You">
            <Facts
              items={[
                { label: "Name", value: account.name },
                { label: "Work email", value: account.email },
                { label: "Role", value: `${account.roleLabel} — ${account.roleDescription}` },
                { label: "Team", value: account.teamName ?? "No team" },
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
              <ul className="mt-2 list-disc space-y-1 pl-5">
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
            <SessionsTable sessions={account.sessions} />
            <p className="mt-3 text-sm text-muted">
              {others
                ? `You are also signed in in ${others} other place${others === 1 ? "" : "s"}. If you do not recognise one, sign out everywhere and change your password.`
                : "You are signed in only here."}{" "}
              Signing out everywhere includes this browser.
            </p>
          </Card>
        </div>

        <div className="space-y-6">
          <Card title="Time zone">
            <TimeZoneForm current={account.timeZone} zones={account.zones} now={account.now} />
          </Card>
          <Card title="Change your password">
            <ChangePasswordForm email={account.email} />
          </Card>
        </div>
      </div>
    </>
  );
}
