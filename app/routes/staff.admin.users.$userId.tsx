import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { useValidatedForm } from "~/components/form";
import { StaffStatusBadge } from "~/components/staff-status";
import { Time } from "~/components/time";
import { Notice, Button, Card, Facts, PageHeader, SelectField, TextArea } from "~/components/ui";
import { changeStaffRole } from "~/modules/identity/change-staff-role.server";
import { changeStaffTeam } from "~/modules/identity/change-staff-team.server";
import { deactivateStaff } from "~/modules/identity/deactivate-staff.server";
import { getStaffMember } from "~/modules/identity/get-staff-member.server";
import { reactivateStaff } from "~/modules/identity/reactivate-staff.server";
import { resendInvitation } from "~/modules/identity/resend-invitation.server";
import {
  ChangeRoleSchema,
  ChangeTeamSchema,
  DeactivateStaffSchema,
  NoFieldsSchema,
} from "~/modules/identity/schemas";
import { sendPasswordReset } from "~/modules/identity/send-password-reset.server";
import { requirePermission } from "~/platform/auth.server";
import { notFound } from "~/platform/errors";
import { defineAction, defineLoader, parseForm, parseIntent, parseParams } from "~/platform/http.server";
import { recordId } from "~/platform/input";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "user" in data ? data.user.name : "Staff member"} · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "manage:staff");
  const { userId } = parseParams(params, { userId: recordId }, "That staff member");
  const member = await getStaffMember(userId);
  if (!member) throw notFound("That staff member");
  return { ...member, isSelf: member.user.id === actor.id };
});

const INTENTS = [
  "change-role",
  "change-team",
  "deactivate",
  "reactivate",
  "resend-invitation",
  "send-password-reset",
] as const;
type Intent = (typeof INTENTS)[number];

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:staff");
  const { userId } = parseParams(params, { userId: recordId }, "That staff member");
  const intent = await parseIntent(request, INTENTS);
  const done = (message: string) => ({ ok: true as const, intent, message });
  switch (intent) {
    case "change-role": {
      const input = await parseForm(request, ChangeRoleSchema);
      const result = await changeStaffRole({ actor, userId, ...input });
      return done(
        !result.changed
          ? "Nothing changed: that is already their role and team."
          : result.sessionsEnded
            ? `Role changed. They were signed out of ${result.sessionsEnded} session${result.sessionsEnded === 1 ? "" : "s"} and sign in again with the new role.`
            : "Role changed. It applies from their next sign-in.",
      );
    }
    case "change-team": {
      const input = await parseForm(request, ChangeTeamSchema);
      const result = await changeStaffTeam({ actor, userId, teamId: input.teamId });
      return done(
        result.changed
          ? "Team changed. It applies to their next request."
          : "Nothing changed: they are already in that team.",
      );
    }
    case "deactivate": {
      const input = await parseForm(request, DeactivateStaffSchema);
      const result = await deactivateStaff({ actor, userId, reason: input.reason });
      return done(
        `Account deactivated. ${result.sessionsEnded} session${result.sessionsEnded === 1 ? "" : "s"} ended at once.`,
      );
    }
    case "reactivate": {
      const input = await parseForm(request, DeactivateStaffSchema);
      const result = await reactivateStaff({ actor, userId, reason: input.reason });
      return done(
        result.status === "active"
          ? "Account reactivated. They can sign in with their password again."
          : "Account reactivated. Send them a new invitation so they can set a password.",
      );
    }
    case "resend-invitation": {
      await parseForm(request, NoFieldsSchema);
      await resendInvitation({ actor, userId });
      return done("A new invitation is on its way. Older invitation links no longer work.");
    }
    case "send-password-reset": {
      await parseForm(request, NoFieldsSchema);
      await sendPasswordReset({ actor, userId });
      return done("A password-reset link is on its way. It works once, for 30 minutes.");
    }
  }
});

function useFormFor<S extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  intent: Intent,
  schema: S,
  defaultValues?: Partial<z.input<S>>,
) {
  const actionData = useActionData<typeof action>();
  const mine = actionData && "intent" in actionData && actionData.intent === intent ? actionData : undefined;
  const error = mine && !mine.ok ? mine.error : undefined;
  const values = mine && !mine.ok ? mine.values : undefined;
  const form = useValidatedForm(schema, { serverErrors: error?.fieldErrors, defaultValues });
  const notice = mine?.ok ? (
    <Notice tone="success">{mine.message}</Notice>
  ) : error ? (
    <Notice tone="error">{error.message}</Notice>
  ) : null;
  return { form, notice, values };
}

function SubmitButton({
  intent,
  children,
  variant,
}: {
  intent: Intent;
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <Button type="submit" name="intent" value={intent} variant={variant} busy={busy}>
      {children}
    </Button>
  );
}

export default function StaffMember() {
  const { user, roles, teams, activeSessions, invitation, events, isSelf } = useLoaderData<typeof loader>();
  const role = useFormFor("change-role", ChangeRoleSchema, {
    roleId: user.roleId,
    teamId: user.team?.id ?? "",
  });
  const team = useFormFor("change-team", ChangeTeamSchema, { teamId: user.team?.id ?? "" });
  const deactivate = useFormFor("deactivate", DeactivateStaffSchema);
  const reactivate = useFormFor("reactivate", DeactivateStaffSchema);
  const resend = useFormFor("resend-invitation", NoFieldsSchema);
  const reset = useFormFor("send-password-reset", NoFieldsSchema);
  const teamOptions = [
    { value: "", label: "No team" },
    ...teams.map((t) => ({ value: t.id, label: t.name })),
  ];

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/admin/users" className="text-brand underline">
          ← All staff
        </Link>
      </p>
      <PageHeader title={user.name} description={user.email} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Account">
            <Facts
              items={[
                { label: "Status", value: <StaffStatusBadge status={user.status} /> },
                { label: "Role", value: user.role.label },
                { label: "Team", value: user.team?.name ?? "—" },
                { label: "Last sign-in", value: <Time iso={user.lastSignInAt} fallback="Never" /> },
                { label: "Account created", value: <Time iso={user.createdAt} /> },
                {
                  label: "Password last set",
                  value: <Time iso={user.passwordChangedAt} fallback="Not yet" />,
                },
                { label: "Live sessions", value: String(activeSessions) },
                {
                  label: "Invitation",
                  value: invitation ? (
                    <>
                      Sent <Time iso={invitation.sentAt} />; {invitation.expired ? "expired" : "valid until"}{" "}
                      <Time iso={invitation.expiresAt} />
                    </>
                  ) : user.status === "invited" ? (
                    "No valid link"
                  ) : (
                    "—"
                  ),
                },
              ]}
            />
          </Card>

          <Card title="Recent changes to this account">
            {events.length === 0 ? (
              <p className="text-sm text-muted">Nothing recorded yet.</p>
            ) : (
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Latest audit events about this account</caption>
                <thead className="text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      When
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      What
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      By
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      Reason
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => (
                    <tr key={e.id} className="border-t border-line align-top">
                      <td className="py-2 pr-3 whitespace-nowrap">
                        <Time iso={e.occurredAt} />
                      </td>
                      <td className="py-2 pr-3 font-mono text-xs">{e.action}</td>
                      <td className="py-2 pr-3">{e.actorName ?? "—"}</td>
                      <td className="py-2 whitespace-pre-wrap break-words">{e.reason ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="mt-3 text-sm">
              <Link
                className="text-brand underline"
                to={`/staff/admin/audit?entityType=user&entityId=${encodeURIComponent(user.id)}`}
              >
                Everything about this account in the audit trail
              </Link>
            </p>
          </Card>
        </div>

        <div className="space-y-6">
          {isSelf ? (
            <Notice tone="info" title="This is your own account">
              Another administrator changes your role or deactivates your account, so Comeback is never left
              without an administrator by accident. Change your password on{" "}
              <Link className="underline" to="/staff/account">
                your account page
              </Link>
              .
            </Notice>
          ) : (
            <Card title="Role">
              <Form method="post" noValidate onSubmit={role.form.onSubmit} className="space-y-4">
                {role.notice}
                <SelectField
                  label="Role"
                  defaultValue={role.values?.roleId ?? user.roleId}
                  options={roles.map((r) => ({ value: r.id, label: r.label }))}
                  {...role.form.register("roleId")}
                  errors={role.form.errorsFor("roleId")}
                />
                <SelectField
                  label="Team"
                  hint="Required for managers; other roles have no team."
                  defaultValue={role.values?.teamId ?? user.team?.id ?? ""}
                  options={teamOptions}
                  {...role.form.register("teamId")}
                  errors={role.form.errorsFor("teamId")}
                />
                <TextArea
                  label="Reason (kept in the audit trail)"
                  rows={2}
                  defaultValue={role.values?.reason}
                  {...role.form.register("reason")}
                  errors={role.form.errorsFor("reason")}
                />
                <SubmitButton intent="change-role">Change role</SubmitButton>
                <p className="text-sm text-muted">
                  A new role signs them out everywhere; they sign in again with the new permissions.
                </p>
              </Form>
            </Card>
          )}

          {user.roleId === "manager" ? (
            <Card title="Team">
              <Form method="post" noValidate onSubmit={team.form.onSubmit} className="space-y-4">
                {team.notice}
                <SelectField
                  label="Team"
                  defaultValue={user.team?.id ?? ""}
                  options={[
                    { value: "", label: "Choose a team" },
                    ...teams.map((t) => ({ value: t.id, label: t.name })),
                  ]}
                  {...team.form.register("teamId")}
                  errors={team.form.errorsFor("teamId")}
                />
                <SubmitButton intent="change-team" variant="secondary">
                  Move to this team
                </SubmitButton>
              </Form>
            </Card>
          ) : null}

          {user.status === "invited" ? (
            <Card title="Invitation">
              <Form method="post" noValidate onSubmit={resend.form.onSubmit} className="space-y-3">
                {resend.notice}
                <p className="text-sm text-muted">
                  Sends a new link (valid 72 hours). Links sent before stop working.
                </p>
                <SubmitButton intent="resend-invitation" variant="secondary">
                  Send the invitation again
                </SubmitButton>
              </Form>
            </Card>
          ) : null}

          {user.status === "active" ? (
            <Card title="Password">
              <Form method="post" noValidate onSubmit={reset.form.onSubmit} className="space-y-3">
                {reset.notice}
                <p className="text-sm text-muted">
                  Emails them a link to choose a new password (valid 30 minutes, works once).
                </p>
                <SubmitButton intent="send-password-reset" variant="secondary">
                  Send a password-reset link
                </SubmitButton>
              </Form>
            </Card>
          ) : null}

          {isSelf ? null : user.status === "deactivated" ? (
            <Card title="Account status">
              <Form method="post" noValidate onSubmit={reactivate.form.onSubmit} className="space-y-4">
                {reactivate.notice}
                <TextArea
                  label="Reason (kept in the audit trail)"
                  rows={2}
                  defaultValue={reactivate.values?.reason}
                  {...reactivate.form.register("reason")}
                  errors={reactivate.form.errorsFor("reason")}
                />
                <SubmitButton intent="reactivate">Reactivate account</SubmitButton>
              </Form>
            </Card>
          ) : (
            <Card title="Account status">
              <Form method="post" noValidate onSubmit={deactivate.form.onSubmit} className="space-y-4">
                {deactivate.notice}
                <p className="text-sm text-muted">
                  Deactivating ends every session at once and stops any invitation or reset link from working.
                </p>
                <TextArea
                  label="Reason (kept in the audit trail)"
                  rows={2}
                  defaultValue={deactivate.values?.reason}
                  {...deactivate.form.register("reason")}
                  errors={deactivate.form.errorsFor("reason")}
                />
                <SubmitButton intent="deactivate" variant="danger">
                  Deactivate account
                </SubmitButton>
              </Form>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
