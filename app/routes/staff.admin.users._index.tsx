import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { useValidatedForm } from "~/components/form";
import { StaffStatusBadge } from "~/components/staff-status";
import { Time } from "~/components/time";
import { Notice, Button, Card, EmptyState, PageHeader, SelectField, Table, TextField } from "~/components/ui";
import { inviteStaff } from "~/modules/identity/invite-staff.server";
import { listStaff } from "~/modules/identity/list-staff.server";
import { InviteStaffSchema } from "~/modules/identity/schemas";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Staff · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "manage:staff");
  return listStaff();
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:staff");
  const input = await parseForm(request, InviteStaffSchema);
  await inviteStaff({ actor, ...input });
  return {
    ok: true as const,
    intent: "invite",
    message: `Invitation sent to ${input.email}. The link works for 72 hours.`,
  };
});

export default function StaffAdmin() {
  const { users, roles, teams } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const serverError = actionData && !actionData.ok ? actionData.error : undefined;
  const values = actionData && !actionData.ok ? actionData.values : undefined;
  const form = useValidatedForm(InviteStaffSchema, {
    serverErrors: serverError?.fieldErrors,
    defaultValues: { roleId: "hr" },
  });
  const succeeded = actionData?.ok ? actionData.message : null;
  const { reset } = form;
  useEffect(() => {
    if (succeeded) reset({ name: "", email: "", roleId: "hr", teamId: "" });
  }, [succeeded, reset]);

  return (
    <>
      <PageHeader
        title="Staff"
        description="Everyone who can sign in to Comeback, and what they may do. Changes take effect on the person's next request and are kept in the audit trail."
        actions={
          <Link
            to="/staff/admin/teams"
            className="rounded-md px-4 py-2 text-sm font-medium text-brand ring-1 ring-line hover:bg-brand-soft"
          >
            Teams
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card title="People" className="lg:col-span-2">
          {users.length === 0 ? (
            <EmptyState title="No staff accounts yet" />
          ) : (
            <Table
              caption="Staff accounts"
              rows={users}
              rowKey={(u) => u.id}
              stackBelow="xl"
              columns={[
                {
                  key: "name",
                  label: "Name",
                  rowHeader: true,
                  cell: (u) => (
                    <Link className="text-brand underline" to={`/staff/admin/users/${u.id}`}>
                      {u.name}
                    </Link>
                  ),
                },
                { key: "email", label: "Email", cell: (u) => <span className="break-all">{u.email}</span> },
                { key: "role", label: "Role", cell: (u) => u.roleLabel },
                {
                  key: "team",
                  label: "Team",
                  cell: (u) => u.team?.name ?? <span className="text-muted">No team</span>,
                },
                {
                  key: "status",
                  label: "Status",
                  cell: (u) => (
                    <>
                      <StaffStatusBadge status={u.status} />
                      {u.status === "invited" ? (
                        <p className="mt-1 text-xs text-muted">
                          {u.invitationExpiresAt ? (
                            <>
                              Link valid until <Time iso={u.invitationExpiresAt} />
                            </>
                          ) : (
                            "No valid link: send the invitation again"
                          )}
                        </p>
                      ) : null}
                    </>
                  ),
                },
                {
                  key: "last-sign-in",
                  label: "Last sign-in",
                  cell: (u) => <Time iso={u.lastSignInAt} fallback="Never" />,
                },
              ]}
            />
          )}
        </Card>

        <Card title="Invite someone">
          <Form method="post" noValidate onSubmit={form.onSubmit} className="space-y-4">
            {succeeded ? <Notice tone="success">{succeeded}</Notice> : null}
            {serverError && !serverError.fieldErrors ? (
              <Notice tone="error">{serverError.message}</Notice>
            ) : null}
            <TextField
              label="Name"
              autoComplete="off"
              required
              defaultValue={values?.name}
              {...form.register("name")}
              errors={form.errorsFor("name")}
            />
            <TextField
              label="Work email"
              type="email"
              autoComplete="off"
              required
              defaultValue={values?.email}
              {...form.register("email")}
              errors={form.errorsFor("email")}
            />
            <SelectField
              label="Role"
              defaultValue={values?.roleId ?? "hr"}
              options={roles.map((r) => ({ value: r.id, label: `${r.label} — ${r.description}` }))}
              {...form.register("roleId")}
              errors={form.errorsFor("roleId")}
            />
            <SelectField
              label="Team"
              hint="Managers belong to a team; leave empty for other roles."
              defaultValue={values?.teamId ?? ""}
              options={[
                { value: "", label: "No team" },
                ...teams.map((t) => ({ value: t.id, label: t.name })),
              ]}
              {...form.register("teamId")}
              errors={form.errorsFor("teamId")}
            />
            <Button type="submit" name="intent" value="invite" busy={navigation.state === "submitting"}>
              Send invitation
            </Button>
            <p className="text-sm text-muted">
              They get an email with a link to choose a password. The link works once, for 72 hours; a newer
              invitation replaces it.
            </p>
          </Form>
        </Card>
      </div>
    </>
  );
}
